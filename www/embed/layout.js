// Embed mode's layout, the same for every view: the settings column goes; the stage keeps its
// run controls, status and main picture (with the race's legend, which names its curves);
// everything else (titles, formula, other legends, numbers, charts) folds into a "Numbers and formula" panel under the canvas, beside a small link to
// the full page. The whole fits the box it is given (an iframe's window, or a custom element).

import { el } from '../ui/dom.js';

/** The stage's parts that stay in view in embed mode (the rest folds). */
const KEEP = '.pg-toolbar, .sr-runbar, .sr-progress-row, .pg-strip, .tr-alert, .pg-canvas-wrap, .race-legend, .sr-board-wrap';

/** Where each embed control (see EMBED_CONTROLS) lives in a view. */
const CONTROL_SELECTORS = {
  step: '[data-action="step"]',
  play: '[data-action="play"]',
  reset: '[data-action="reset"]',
  speed: '.pg-speed',
  timeline: '.pg-timeline',
  status: '.pg-strip',
  stop: '[data-action="stop"]',
  progress: '.sr-progress-row',
  numbers: '.pg-embed-more',
};

/**
 * Lays out the view mounted in `container` for embedding, showing only the controls in
 * `shown` (a Set of EMBED_CONTROLS names). `href` is the full page's link with the same state.
 * Returns `{ setHref(url) }` to keep that link up to date.
 */
export function foldForEmbed(container, shown, href) {
  const root = container.querySelector('.pg-root');
  const stage = root.querySelector('.pg-stage');
  const body = el('div', { class: 'pg-embed-body' });
  for (const child of Array.from(stage.children)) {
    if (!child.matches(KEEP)) body.appendChild(child);
  }
  const side = root.querySelector('.pg-side');
  if (side) body.appendChild(side);
  const more = el('details', { class: 'pg-embed-more' }, el('summary', {}, 'Numbers and formula'), body);
  const link = el('a', { class: 'pg-embed-open', href, target: '_blank', rel: 'noopener' }, 'open in AutoML Playground ↗');
  stage.appendChild(el('div', { class: 'pg-embed-foot' }, more, link));
  container.classList.add('pg-embed');
  for (const [name, selector] of Object.entries(CONTROL_SELECTORS)) {
    for (const node of container.querySelectorAll(selector)) node.classList.toggle('pg-embed-off', !shown.has(name));
  }
  // Opening the fold gives its charts a width: the views relayout on resize.
  more.addEventListener('toggle', () => window.dispatchEvent(new Event('resize')));
  return {
    setHref(url) {
      if (link.href !== url) link.href = url;
    },
  };
}
