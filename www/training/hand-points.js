// Points added by hand in the "Train a model" view: a click on the plot adds a point of the
// class chosen under it (shift-click: the other class; on one-feature regression, the point
// (x, y)); with the keyboard, arrows move a crosshair over the plot and Enter adds a point there.
// The line under the plot says where the pointer or the crosshair is and what a click or Enter
// would add; Undo and Clear take points away. Every change builds the run again.

import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { runButton, messageOf } from '../ui/runbar.js';
import { moduleLost } from '../wasm.js';
import { pointerOnPlot } from '../draw/landscape.js';
import { classColour } from '../draw/palette.js';
import { moveCursor } from './plot-keys.js';

/** The class after `k` among `classes` (of two: the other one). */
function otherClass(classes, k) {
  return classes.length === 2 ? 1 - k : (k + 1) % classes.length;
}

export class HandPoints {
  /**
   * `view`: the Train a model view whose points these are (it reads its `session`, `st`,
   * `config`, `canvas`, `plot`, `runKey`, `domain()`, `classes()`, `points`; it sets
   * `lastError` and `pointError`, marks `dirty.canvas` and calls `guard()`, `schedule()`,
   * `refreshAlert()`, `runChanged()`, `syncControls()` and `notify()`).
   */
  constructor(view) {
    this.view = view;
    /** The pointer over the plot ({ px, py }, CSS pixels), or null. */
    this.hover = null;
    /** The keyboard's crosshair ({ fx, fy }: fractions of the plot) and whether it shows. */
    this.keyCursor = null;
    this.keyCursorShown = false;
    this.pickedClass = 0;
    this.readout = el('p', { class: 'pg-readout' }, ' ');
    // Where the keyboard's crosshair is, for screen readers (said as it moves).
    this.cursorNote = el('p', { class: 'pg-sr-only', 'aria-live': 'polite' });
    this.classPicker = el('span', { class: 'tr-classes', role: 'radiogroup', 'aria-label': 'Class of the points you add' });
    this.hint = el('span', { class: 'tr-hand-hint' });
    this.undoButton = runButton('Undo last point', 'Remove the last point you added', () => view.guard(() => this.action('undo')), { 'data-action': 'undo', class: 'pg-button pg-small' });
    this.clearButton = runButton('Clear drawn points', 'Remove every point you added', () => view.guard(() => this.action('clear')), { 'data-action': 'clear', class: 'pg-button pg-small' });
    /** The row under the plot: the class to add, the hint, Undo and Clear. */
    this.element = el('div', { class: 'tr-hand' }, this.classPicker, this.hint, this.undoButton, this.clearButton);
  }

  /** Listens, with `on(target, type, fn)`, for the pointer and the keyboard on the plot. */
  listen(on) {
    const canvas = this.view.canvas;
    on(canvas, 'pointermove', (e) => this.pointerMove(e));
    on(canvas, 'pointerleave', () => {
      this.hover = null;
      this.readout.textContent = ' ';
      this.view.dirty.canvas = true;
      this.view.schedule();
    });
    on(canvas, 'click', (e) => this.click(e));
    on(canvas, 'keydown', (e) => this.key(e));
    on(canvas, 'focus', () => this.showKeyCursor(canvas.matches(':focus-visible')));
    on(canvas, 'blur', () => this.showKeyCursor(false));
  }

  /** The class radio buttons, the hint and the buttons, for the data on screen. */
  syncRow() {
    const view = this.view;
    const classes = view.classes();
    const key = `${view.runKey}|${classes ? classes.join('\u0000') : ''}`;
    if (this.rowKey !== key) {
      this.rowKey = key;
      if (!classes || this.pickedClass >= classes.length) this.pickedClass = 0;
      replaceChildren(this.classPicker, classes ? [
        el('span', { class: 'tr-classes-label' }, 'Add:'),
        classes.slice(0, 8).map((name, k) => {
          const input = el('input', { type: 'radio', name: `tr-class-${view.runKey}`, value: String(k), checked: k === this.pickedClass, dataset: { class: String(k) } });
          input.addEventListener('change', () => {
            if (input.checked) this.pickedClass = k;
          });
          return el('label', { class: 'tr-class' }, input, el('span', { class: 'tr-swatch tr-sw-class', style: { background: classColour(k) }, 'aria-hidden': 'true' }), name);
        }),
      ] : null);
    }
    const other = classes ? (classes.length === 2 ? 'the other class' : 'the next class') : '';
    const data = view.st.data;
    const drawn = data ? data.drawn : view.points.length / 2;
    // Where a click cannot make a row (more than two features, a two-feature regression).
    let refusal = '';
    if (data && data.features > 2) refusal = `Clicks add points to two-feature data only (this one has ${data.features} features).`;
    else if (data && !classes && data.features === 2) refusal = 'Clicks add points to classification data and one-feature regression only.';
    this.classPicker.hidden = Boolean(refusal);
    this.hint.textContent = refusal || (classes ? `click the plot (shift-click: ${other})` : 'Click the plot to add a point (x, y)');
    this.undoButton.hidden = Boolean(refusal) && drawn === 0;
    this.clearButton.hidden = this.undoButton.hidden;
    this.undoButton.disabled = drawn === 0;
    this.clearButton.disabled = drawn === 0;
  }

  /** Plane coordinates under a pointer event, and whether they are inside the plot. */
  eventPoint(event) {
    return pointerOnPlot(event, this.view.canvas, this.view.domain(), this.view.plot.css);
  }

  pointerMove(event) {
    const view = this.view;
    if (!view.plot) return;
    const p = this.eventPoint(event);
    if (!p.inside) {
      this.hover = null;
      this.readout.textContent = ' ';
    } else {
      this.hover = { px: p.px, py: p.py };
      const [a, b] = view.st.axisLabels;
      const classes = view.classes();
      let hint = ' — click to add a point';
      if (classes) {
        const k = this.pickedClass;
        hint = ` — click: add a point of “${classes[event.shiftKey ? otherClass(classes, k) : k]}”`;
      }
      this.readout.textContent = `${a || 'x'} = ${num(p.x)}, ${b || 'y'} = ${num(p.y)}${hint}`;
    }
    view.dirty.canvas = true;
    view.schedule();
  }

  click(event) {
    if (!this.view.plot) return;
    const p = this.eventPoint(event);
    if (p.inside) this.addAt(p.x, p.y, event.shiftKey);
  }

  /** Adds a point at plane coordinates (x, y): of the chosen class, or with `other` the other one. */
  addAt(x, y, other) {
    const view = this.view;
    const st = view.st;
    const data = st.data;
    const classes = view.classes();
    // A click gives the two displayed coordinates: they must be the data's own two features.
    if (st.ready && data && data.features === 2 && (view.config.display === 'pca' || st.axisLabels[0] !== data.featureNames[0] || st.axisLabels[1] !== data.featureNames[1])) {
      view.pointError = `This point was not added: a click gives the plot's two coordinates, so points can be added when the plot shows ${data.featureNames[0]} across and ${data.featureNames[1]} up (choose them under Display).`;
      view.refreshAlert();
      return;
    }
    let k = 0;
    if (classes) k = other ? otherClass(classes, this.pickedClass) : this.pickedClass;
    const round = (v) => Number(v.toPrecision(5));
    this.add(round(x), round(y), k);
  }

  /** Shows or hides the keyboard's crosshair (shown while the plot has the keyboard focus). */
  showKeyCursor(shown) {
    this.keyCursorShown = shown;
    if (shown && !this.keyCursor) this.keyCursor = { fx: 0.5, fy: 0.5 };
    if (shown) this.describeKeyCursor();
    this.view.dirty.canvas = true;
    this.view.schedule();
  }

  /** The crosshair in plane coordinates `{ u, v }` and CSS pixels `{ px, py }`. */
  keyCursorAt() {
    const [u0, u1, v0, v1] = this.view.domain();
    const { fx, fy } = this.keyCursor;
    const css = this.view.plot.css;
    return { u: u0 + fx * (u1 - u0), v: v0 + fy * (v1 - v0), px: css.x + fx * css.w, py: css.y + (1 - fy) * css.h };
  }

  /** The crosshair where it shows (see keyCursorAt), or null. */
  shownKeyCursor() {
    return this.keyCursorShown ? this.keyCursorAt() : null;
  }

  /** Says where the crosshair is and what Enter does there. */
  describeKeyCursor() {
    const view = this.view;
    if (!view.plot) return;
    const { u, v } = this.keyCursorAt();
    const [a, b] = view.st.axisLabels;
    const classes = view.classes();
    const k = this.pickedClass;
    const enter = classes
      ? `Enter: add a point of “${classes[k]}”; Shift+Enter: of “${classes[otherClass(classes, k)]}”`
      : 'Enter: add a point here';
    const text = `${a || 'x'} = ${num(u)}, ${b || 'y'} = ${num(v)} — ${enter}`;
    this.readout.textContent = text;
    this.cursorNote.textContent = text;
  }

  /** The plot's keys: arrows move the crosshair, Enter adds a point there (Shift: the other class). */
  key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !this.view.plot) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!this.keyCursorShown) this.showKeyCursor(true);
      const { u, v } = this.keyCursorAt();
      this.addAt(u, v, event.shiftKey);
      return;
    }
    const next = moveCursor(this.keyCursor || { fx: 0.5, fy: 0.5 }, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    this.keyCursor = next;
    this.showKeyCursor(true);
  }

  /** The run after a change of points: built again, and everything that shows it told. */
  changed() {
    const view = this.view;
    view.refreshAlert();
    view.runChanged();
    view.syncControls(false);
    view.notify();
    view.schedule();
  }

  /** Adds a point at (u, v) of class `k` (regression: the point is (x, y)): { ok, error }. */
  add(u, v, k) {
    const view = this.view;
    try {
      view.session.addPoint(u, v, k);
    } catch (error) {
      if (moduleLost(error)) throw error;
      view.lastError = messageOf(error);
      view.pointError = `This point was not added: ${view.lastError}`;
      view.refreshAlert();
      return { ok: false, error: view.lastError };
    }
    view.pointError = null;
    this.changed();
    return { ok: true, error: null };
  }

  /** Undo (`what` 'undo': the last point) or clear (every point drawn). */
  action(what) {
    if (what === 'undo') this.view.session.undoPoint();
    else this.view.session.clearPoints();
    this.view.pointError = null;
    this.changed();
  }

  /** The points drawn by hand, [[u, v, class]…] ([[x, y]…] on regression). */
  drawn() {
    const flat = this.view.session.drawnPoints();
    const classes = Boolean(this.view.classes());
    const out = [];
    for (let i = 0; i + 2 < flat.length; i += 3) out.push(classes ? [flat[i], flat[i + 1], flat[i + 2]] : [flat[i], flat[i + 1]]);
    return out;
  }

  /** Replaces the points drawn by hand with `points` ([[u, v, class?]…]); a refused point stops there, with a message. */
  replace(points) {
    const session = this.view.session;
    session.clearPoints();
    for (const [u, v, k = 0] of points) {
      try {
        session.addPoint(u, v, k);
      } catch (error) {
        this.view.pointError = `Not every drawn point of the link could be added: ${messageOf(error)}`;
        return false;
      }
    }
    return true;
  }

  /** Replaces the drawn points (set({ data: { drawn } })): { ok, reset, error }. */
  set(points) {
    const kept = this.replace(points);
    if (kept) this.view.pointError = null;
    this.changed();
    return { ok: kept, reset: true, error: kept ? null : this.view.pointError };
  }
}
