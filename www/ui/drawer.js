// The settings drawer: on a phone-width screen, and in projector mode on a screen narrower than
// 1600 px (its larger text would leave the canvas too little room beside the column), the canvas
// and Play come first and a view's settings column folds away, opened and closed by a "Settings"
// button (aria-expanded) or Esc; while open, Tab stays inside it. Elsewhere the buttons are not
// shown and the column stays where it is. The view's root carries `.pg-drawer-layout` while the
// column is a drawer; the style sheet does the rest.

import { el, uniqueId } from './dom.js';

const PHONE = globalThis.matchMedia('(max-width: 640px)');
const PROJECTOR_NARROW = globalThis.matchMedia('(max-width: 1599px)');

/**
 * Makes `controls` (a view's settings column, in its `.pg-root`) a drawer; returns its
 * "Settings" button for the view's stage head. A "Close settings" button goes at its top.
 * `listen(target, type, fn)` is the view's own (its listeners end when the view does).
 */
export function settingsDrawer(controls, listen) {
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
  // While it is open, Tab and Shift+Tab go round inside it (the page behind is dimmed).
  const focusable = () => Array.from(controls.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])'))
    .filter((node) => !node.disabled && node.getClientRects().length > 0);
  const wrapTab = (event) => {
    const items = focusable();
    if (!items.length) return;
    const active = controls.getRootNode().activeElement;
    const [first, last] = [items[0], items[items.length - 1]];
    const to = event.shiftKey ? (active === first ? last : null) : (active === last ? first : null);
    if (to) {
      event.preventDefault();
      to.focus();
    }
  };
  // Esc anywhere in the drawer (a field's first Esc leaves the field) closes it.
  controls.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) open(false, true);
    else if (event.key === 'Tab' && isOpen()) wrapTab(event);
  });
  controls.prepend(close);
  const layout = () => {
    const root = controls.closest('.pg-root');
    if (!root) return;
    const host = root.getRootNode().host;
    const projected = Boolean(root.closest('.pg-projector') || (host && host.classList.contains('pg-projector')));
    const drawer = PHONE.matches || (projected && PROJECTOR_NARROW.matches);
    root.classList.toggle('pg-drawer-layout', drawer);
    if (!drawer && isOpen()) open(false);
  };
  listen(PHONE, 'change', layout);
  listen(PROJECTOR_NARROW, 'change', layout);
  listen(globalThis, 'looks-change', layout);
  // The view puts the column into its root after this returns.
  queueMicrotask(layout);
  return button;
}
