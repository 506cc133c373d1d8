// The "Embed" dialog: the iframe snippet for the current state at a chosen size and with a
// chosen set of controls, a copy button, and a live preview of exactly that snippet.

import { el, uniqueId } from '../ui/dom.js';
import { DEFAULT_CONTROLS, EMBED_CONTROLS } from './keys.js';

/** The iframe sizes offered first (a 700 px blog column, a narrower one, a wide one). */
const SIZES = [[700, 480], [560, 420], [900, 640]];
/** The iframe's side, in CSS pixels, at least and at most. */
const SIDE = { min: 240, max: 2000 };

/** `text` safe inside a double-quoted HTML attribute. */
function attribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A size field's whole number of pixels, or an error message. */
function readSide(name, text) {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < SIDE.min || value > SIDE.max) {
    return { error: `${name}: a whole number of pixels from ${SIDE.min} to ${SIDE.max} (got "${String(text).slice(0, 12)}")` };
  }
  return { value };
}

/**
 * Adds an "Embed" button to `header` that opens the dialog; `currentHash()` gives the page's
 * state as a hash without '#' (and without embed keys).
 */
export function mountEmbedDialog(header, currentHash) {
  const open = el('button', { type: 'button', class: 'pg-button header-action pg-embed-button', dataset: { action: 'embed' }, 'aria-haspopup': 'dialog' }, 'Embed');
  const titleId = uniqueId('pg-embed-title');
  const sizeSelect = el('select', { 'aria-label': 'Size' },
    SIZES.map(([w, h]) => el('option', { value: `${w}x${h}` }, `${w} × ${h}`)), el('option', { value: 'custom' }, 'other size'));
  const width = el('input', { type: 'text', inputmode: 'numeric', value: '700', 'aria-label': 'Width in pixels', size: '5' });
  const height = el('input', { type: 'text', inputmode: 'numeric', value: '480', 'aria-label': 'Height in pixels', size: '5' });
  const error = el('p', { class: 'pg-error', role: 'alert', hidden: true });
  const checks = EMBED_CONTROLS.map((name) => el('input', { type: 'checkbox', value: name, checked: DEFAULT_CONTROLS.includes(name) }));
  const controls = el('fieldset', { class: 'pg-embed-controls' }, el('legend', {}, 'Controls shown'),
    checks.map((box) => el('label', {}, box, ` ${box.value}`)));
  const snippet = el('textarea', { class: 'pg-embed-snippet', readonly: true, rows: '4', 'aria-label': 'The iframe snippet' });
  const copy = el('button', { type: 'button', class: 'pg-button pg-primary', dataset: { action: 'copy-embed' } }, 'Copy');
  const copied = el('span', { class: 'pg-note', 'aria-live': 'polite' });
  const previewBox = el('div', { class: 'pg-embed-preview-box' });
  const newPreview = () => el('iframe', { class: 'pg-embed-preview', title: 'Preview of the embedded playground' });
  let preview = newPreview();
  previewBox.append(preview);
  const close = el('button', { type: 'button', class: 'pg-button pg-small' }, 'Close');
  const dialog = el('dialog', { class: 'pg-embed-dialog', 'aria-labelledby': titleId },
    el('div', { class: 'pg-embed-dialog-head' }, el('h2', { id: titleId }, 'Embed this playground'), close),
    el('p', { class: 'pg-note' }, 'Paste this snippet into a page: it shows the current settings, with only the canvas and the controls chosen here.'),
    el('div', { class: 'pg-row pg-row-center' }, el('label', {}, 'Size ', sizeSelect), width, '×', height, 'px'),
    error, controls,
    snippet, el('div', { class: 'pg-row pg-row-center' }, copy, copied),
    el('h3', { class: 'pg-subtitle' }, 'Preview'),
    previewBox);

  let last = { width: 700, height: 480 };
  const refresh = () => {
    const w = readSide('width', width.value);
    const h = readSide('height', height.value);
    const problem = w.error || h.error;
    error.hidden = !problem;
    error.textContent = problem || '';
    if (!problem) last = { width: w.value, height: h.value };
    const shown = checks.filter((box) => box.checked).map((box) => box.value);
    const asDefault = shown.length === DEFAULT_CONTROLS.length && shown.every((name) => DEFAULT_CONTROLS.includes(name));
    const show = asDefault ? '' : `&show=${shown.join(',')}`;
    const src = `${location.href.split('#')[0]}#${currentHash()}&embed=1${show}`;
    snippet.value = `<iframe src="${attribute(src)}" width="${last.width}" height="${last.height}" style="border:0" title="AutoML Playground" loading="lazy"></iframe>`;
    copied.textContent = '';
    // A new frame for a new link: the same page with another hash would only see a hash change.
    if (preview.getAttribute('src') !== src) {
      preview = newPreview();
      preview.setAttribute('src', src);
      previewBox.replaceChildren(preview);
    }
    preview.width = String(last.width);
    preview.height = String(last.height);
  };
  sizeSelect.addEventListener('change', () => {
    if (sizeSelect.value !== 'custom') [width.value, height.value] = sizeSelect.value.split('x');
    refresh();
  });
  for (const input of [width, height]) {
    input.addEventListener('input', () => {
      sizeSelect.value = 'custom';
      refresh();
    });
  }
  for (const box of checks) box.addEventListener('change', refresh);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet.value);
      copied.textContent = 'Copied.';
    } catch (e) {
      snippet.select();
      copied.textContent = 'Copying was not allowed here: the snippet is selected, press Ctrl+C (⌘C).';
    }
  });
  open.addEventListener('click', () => {
    refresh();
    dialog.showModal();
  });
  close.addEventListener('click', () => dialog.close());
  // A closed dialog's preview stops (it runs a whole playground).
  dialog.addEventListener('close', () => preview.setAttribute('src', 'about:blank'));
  header.append(open, dialog);
}
