// The settings drawer of a phone-width screen: there the canvas and Play come first and a
// view's settings column folds away, opened and closed by a "Settings" button (aria-expanded)
// or Esc. On wider screens the buttons are not shown and the column stays where it is (the
// style sheet decides, by the screen's width).

import { el, uniqueId } from './dom.js';

/**
 * Makes `controls` (a view's settings column, in its `.pg-root`) a drawer; returns its
 * "Settings" button for the view's stage head. A "Close settings" button goes at its top.
 */
export function settingsDrawer(controls) {
  const isOpen = () => Boolean(controls.closest('.pg-drawer-open'));
  if (!controls.id) controls.id = uniqueId('pg-settings');
  const button = el('button', {
    type: 'button', class: 'pg-button pg-small pg-drawer-button', 'aria-expanded': 'false', 'aria-controls': controls.id,
    dataset: { action: 'drawer' }, title: 'Show or hide the settings',
  }, 'Settings');
  const close = el('button', { type: 'button', class: 'pg-button pg-small pg-drawer-close', dataset: { action: 'close-drawer' } }, 'Close settings');
  const open = (yes, refocus = false) => {
    const root = controls.closest('.pg-root');
    if (root) root.classList.toggle('pg-drawer-open', yes);
    button.setAttribute('aria-expanded', String(yes));
    if (yes) close.focus();
    else if (refocus || controls.contains(document.activeElement)) button.focus();
  };
  button.addEventListener('click', () => open(!isOpen()));
  close.addEventListener('click', () => open(false, true));
  // Esc anywhere in the drawer (a field's first Esc leaves the field) closes it.
  controls.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) open(false, true);
  });
  controls.prepend(close);
  return button;
}
