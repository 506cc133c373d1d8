// How the page looks: light or dark theme and projector mode. The theme follows the system
// (prefers-color-scheme) until someone picks one with the header toggle; a pick is a personal
// display preference, so it is remembered in this browser (localStorage), not written into
// links. A link may still carry `theme=` and `projector=1` (read with the embed keys): an embed
// must match the page around it, and a teacher may hand out a link that opens ready to project.
// Changes are announced with a `looks-change` event on window (the views redraw their canvases).

import { el } from './dom.js';

const STORE = 'automl-playground-looks';

/** The themes, by the names `theme=` uses. */
export const THEMES = ['light', 'dark'];

/** The remembered picks { theme?, projector? } ({} when none, or storage is off). */
function stored() {
  try {
    const value = JSON.parse(globalThis.localStorage.getItem(STORE) || '{}');
    return value && typeof value === 'object' ? value : {};
  } catch (error) {
    return {};
  }
}

function remember(change) {
  try {
    globalThis.localStorage.setItem(STORE, JSON.stringify({ ...stored(), ...change }));
  } catch (error) {
    // Storage refused (private mode, a sandboxed iframe): the pick lasts for this page only.
  }
}

const systemDark = () => Boolean(globalThis.matchMedia && globalThis.matchMedia('(prefers-color-scheme: dark)').matches);

/**
 * Applies the looks to `target` (the page's root element, or a custom element's host): the
 * link's `theme` / `projector` (null: not given) win over the remembered picks, which win over
 * the system. Returns a controller { theme, projector, set({ theme?, projector? }) }.
 */
export function applyLooks(target, { theme = null, projector = null } = {}) {
  const picks = stored();
  const state = {
    theme: theme || (THEMES.includes(picks.theme) ? picks.theme : null),
    projector: projector === null ? picks.projector === true : projector,
  };
  const show = () => {
    target.dataset.theme = state.theme || (systemDark() ? 'dark' : 'light');
    target.classList.toggle('pg-projector', state.projector);
    globalThis.dispatchEvent(new Event('looks-change'));
    // The room around the canvases changed (fonts): the views lay out again.
    globalThis.dispatchEvent(new Event('resize'));
  };
  const query = globalThis.matchMedia && globalThis.matchMedia('(prefers-color-scheme: dark)');
  if (query && query.addEventListener) query.addEventListener('change', () => { if (!state.theme) show(); });
  show();
  return {
    get theme() { return target.dataset.theme; },
    get projector() { return state.projector; },
    set(change) {
      Object.assign(state, change);
      remember(change);
      show();
    },
  };
}

/** The header's two toggles (dark theme, projector mode) for a looks controller. */
export function looksToggles(looks) {
  const toggle = (label, title, pressed, flip) => {
    const button = el('button', { type: 'button', class: 'pg-button', title, 'aria-pressed': String(pressed()) }, label);
    button.addEventListener('click', () => {
      flip();
      button.setAttribute('aria-pressed', String(pressed()));
    });
    return button;
  };
  return el('div', { class: 'looks-toggles', role: 'group', 'aria-label': 'Display' },
    toggle('Dark', 'Dark theme (remembered in this browser)', () => looks.theme === 'dark', () => looks.set({ theme: looks.theme === 'dark' ? 'light' : 'dark' })),
    toggle('Projector', 'Projector mode: larger text, thicker lines, bigger points (remembered in this browser)', () => looks.projector, () => looks.set({ projector: !looks.projector })));
}
