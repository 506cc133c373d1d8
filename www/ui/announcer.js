// A view's text alternative for its pictures: a visually hidden polite live region that says
// the run's step, its value and its status, so a screen reader follows the run. While the run
// plays it speaks at most about once a second (a reader is not flooded); when the run rests
// (Step, Reset, the end, a pause) it speaks at once.

import { el, uniqueId } from './dom.js';

/** The least time between two announcements while the run plays, in ms. */
const PLAYING_GAP_MS = 1000;

export class Announcer {
  constructor() {
    this.id = uniqueId('pg-announce');
    this.element = el('p', { id: this.id, class: 'pg-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', dataset: { announce: '' } });
    this.at = -Infinity;
  }

  /**
   * Says `text` unless it is what was said last, or the run is `playing` and the last
   * announcement is under a second old (a later frame says it then).
   */
  say(text, playing) {
    if (text === this.element.textContent) return;
    const now = performance.now();
    if (playing && now - this.at < PLAYING_GAP_MS) return;
    this.element.textContent = text;
    this.at = now;
  }
}
