// The "Train a model" view's messages above the plot: why data or a point was refused (until
// dismissed or a later success), and, when the computing core is lost (a wasm trap), that only
// a reload from the link recovers.

import { el } from '../ui/dom.js';
import { showMessage } from '../ui/field.js';

export class StageAlerts {
  /** `dismiss()`: the reader dismissed the message (the caller forgets it and shows the alert again). */
  constructor(dismiss) {
    this.text = el('p', {});
    const button = el('button', { type: 'button', class: 'pg-button pg-small', 'aria-label': 'Dismiss this message' }, 'Dismiss');
    button.addEventListener('click', dismiss);
    this.alert = el('div', { class: 'tr-alert tr-stage-alert', role: 'alert', hidden: true }, this.text, button);
    this.lostText = el('p', {});
    const reload = el('button', { type: 'button', class: 'pg-button pg-small', dataset: { action: 'reload' } }, 'Reload from the link');
    reload.addEventListener('click', () => location.reload());
    this.lostBox = el('div', { class: 'tr-alert tr-lost', role: 'alert', hidden: true }, this.lostText, reload);
    /** Both boxes, in their place above the plot. */
    this.elements = [this.lostBox, this.alert];
  }

  /** Shows `message` (null hides the alert). */
  show(message) {
    showMessage(this.text, message);
    this.alert.hidden = !message;
  }

  /** Says the core stopped (`reason`) for good; `unlinked`: what is on screen cannot come back from the link. */
  showLost(reason, unlinked) {
    this.lostText.textContent = `The computing core stopped (${reason}) and cannot go on in this page. Reload to restore these settings from the link${unlinked ? ' (a CSV file or points drawn by hand must be added again)' : ''}.`;
    this.lostBox.hidden = false;
  }
}
