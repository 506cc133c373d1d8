// A button that opens a list of choices below it (the header's Lessons and Export menus).
// Escape or a click elsewhere closes the list; arrow keys move between its entries.

import { el, replaceChildren } from './dom.js';

/**
 * A menu button. `entries()` is called each time the list opens and returns
 * `[{ label, id, act }]`; choosing one closes the list and calls its `act()`.
 */
export function popupMenu(label, id, entries) {
  const listId = `${id}-list`;
  const button = el('button', { type: 'button', class: 'pg-button header-action', id: `${id}-button`, 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': listId }, label);
  const list = el('ul', { class: 'popup-list', id: listId, hidden: true });
  const root = el('div', { class: 'popup-menu' }, button, list);
  let acts = new Map();
  const items = () => Array.from(list.querySelectorAll('button'));
  const setOpen = (open) => {
    if (open) {
      const current = entries();
      acts = new Map(current.map((entry) => [entry.id, entry.act]));
      replaceChildren(list, ...current.map((entry) => el('li', {}, el('button', { type: 'button', class: 'popup-entry', dataset: { entry: entry.id } }, entry.label))));
    }
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && items().length) items()[0].focus();
  };
  button.addEventListener('click', () => setOpen(list.hidden));
  list.addEventListener('click', (event) => {
    const entry = event.target.closest('button[data-entry]');
    if (!entry) return;
    setOpen(false);
    button.focus();
    acts.get(entry.dataset.entry)();
  });
  root.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    const all = items();
    const i = all.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && all.length) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      all[(i + step + all.length) % all.length].focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!list.hidden && !root.contains(event.target)) setOpen(false);
  });
  return root;
}
