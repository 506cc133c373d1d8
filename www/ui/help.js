// The keys overlay: `?` (or the header's "Keys" button) lists every key the page answers.
// The run keys come from the run bar's own list, so the overlay cannot drift from them.

import { el } from './dom.js';
import { RUN_KEYS, isTypingTarget } from './runbar.js';

/** Keys beyond the run's, as [key, what it does], by where they act. */
const OTHER_KEYS = [
  ['Run (the view with focus)', RUN_KEYS],
  ['Landscapes and Train a model', [['←', 'one step back (the timeline replays the run)']]],
  ['Train a model: the plot', [['click', 'add a point of the chosen class'], ['shift-click', 'add a point of the other class'],
    ['← ↑ → ↓', 'on the plot (Tab to it): move the crosshair (Shift: further)'], ['Enter', 'add a point at the crosshair'], ['Shift+Enter', 'add a point of the other class there']]],
  ['Train a model: the network', [['← ↑ → ↓', 'on the drawing (Tab to it): move between neurons; the plot shows the focused one'], ['Esc', 'back to the model\'s output']]],
  ['Page', [['Tab / Shift+Tab', 'move between controls'], ['← / →', 'switch views (on a tab)'], ['↑ / ↓, Esc', 'move in a menu, close it'], ['?', 'this list']]],
];

/** The "Keys" button and its dialog; `?` anywhere outside a text field opens it. */
export function keysHelp() {
  const close = el('button', { type: 'button', class: 'pg-button pg-small' }, 'Close');
  const sections = OTHER_KEYS.map(([title, keys]) => el('section', {},
    el('h3', {}, title),
    el('dl', { class: 'keys-list' }, keys.flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, what)]))));
  const dialog = el('dialog', { class: 'keys-dialog', 'aria-labelledby': 'keys-title' },
    el('div', { class: 'keys-head' }, el('h2', { id: 'keys-title' }, 'Keys'), close), ...sections);
  const button = el('button', { type: 'button', class: 'pg-button header-action', id: 'keys-button', 'aria-haspopup': 'dialog', title: 'Every key the page answers (?)' }, 'Keys');
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  button.addEventListener('click', open);
  close.addEventListener('click', () => dialog.close());
  document.addEventListener('keydown', (event) => {
    if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = typeof event.composedPath === 'function' ? event.composedPath()[0] : event.target;
    if (isTypingTarget(target)) return;
    event.preventDefault();
    open();
  });
  return el('div', { class: 'keys-help' }, button, dialog);
}
