// What every view's run shares: the Step / Play / Reset / speed bar, the keyboard shortcuts
// (Space, →, R), their hint line, and the time-sliced stepping that keeps the page responsive.

import { el, uniqueId } from './dom.js';
import { SPEEDS, isSpeed } from './fields.js';

/** The message of anything thrown (the core throws Error objects with readable messages). */
export function messageOf(error) {
  if (error && typeof error.message === 'string') return error.message;
  return String(error);
}

/** Whether keys pressed in `target` are typing (and so no shortcuts). */
export function isTypingTarget(target) {
  if (!target || !(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether `root` lives in a shadow root (an embed: its keys act only while it has the focus). */
function inShadow(root) {
  return typeof ShadowRoot === 'function' && root.getRootNode() instanceof ShadowRoot;
}

/**
 * A button that gives the focus back after a mouse click, so Space keeps meaning play/pause:
 * to the page, or, in an embed, to the view's root (so the keys stay with that embed).
 */
export function runButton(label, title, onClick, extra = {}) {
  const b = el('button', { type: 'button', class: 'pg-button', title, ...extra }, label);
  b.addEventListener('click', (event) => {
    onClick(event);
    // Keyboard users, whose clicks have detail 0, keep their place.
    if (event.detail === 0) return;
    const root = b.closest('.pg-root');
    if (root && inShadow(root)) {
      root.tabIndex = -1;
      root.focus({ preventScroll: true });
    } else {
      b.blur();
    }
  });
  return b;
}

/** "Keys: Space play/pause · → step · R reset". */
export function keysHint() {
  const parts = RUN_KEYS.flatMap(([key, what], i) => [i ? ' · ' : '', el('kbd', {}, key), ` ${what}`]);
  return el('p', { class: 'pg-keys' }, el('span', {}, 'Keys: '), ...parts, ' · ', el('kbd', {}, '?'), ' all keys');
}

/** The keys of a run (what `runKeys` answers), as [key, what it does]. */
export const RUN_KEYS = [['Space', 'play/pause'], ['→', 'step'], ['R', 'reset']];

/** The run bar: Step, Play/Pause, Reset and the speed select. */
export class RunBar {
  /** `actions`: { step, toggle, reset, speed(value) }; `resetTitle` explains what Reset does. */
  constructor(actions, resetTitle) {
    this.stepButton = runButton('Step', 'Take one step (→)', () => actions.step(), { 'data-action': 'step' });
    this.playButton = runButton('Play', 'Play or pause (Space)', () => actions.toggle(), { 'data-action': 'play', class: 'pg-button pg-primary', 'aria-pressed': 'false' });
    this.resetButton = runButton('Reset', resetTitle, () => actions.reset(), { 'data-action': 'reset' });
    this.speedSelect = el('select', { id: uniqueId('pg-speed'), 'data-key': 'speed' },
      SPEEDS.map((s) => el('option', { value: String(s.id) }, s.label)));
    this.speedSelect.addEventListener('change', () => {
      actions.speed(this.speedSelect.value === 'max' ? 'max' : Number(this.speedSelect.value));
    });
    this.element = el('div', { class: 'pg-toolbar', role: 'toolbar', 'aria-label': 'Run controls' },
      this.stepButton, this.playButton, this.resetButton,
      el('label', { class: 'pg-speed', for: this.speedSelect.id }, 'Speed', this.speedSelect));
  }

  showPlaying(playing) {
    const label = playing ? 'Pause' : 'Play';
    if (this.playButton.textContent !== label) this.playButton.textContent = label;
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  showSpeed(speed) {
    this.speedSelect.value = String(speed);
  }
}

/**
 * The run shortcuts for a view whose root is `root`: Space play/pause, → step, R reset —
 * not while typing, not when the view is hidden, not for keys pressed inside another view or
 * a dialog, and for a view in a shadow root (an embed) only while the focus is inside it.
 */
export function runKeys(event, root, actions) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  // The element the key was pressed in, inside shadow roots too (event.target is their host).
  const target = typeof event.composedPath === 'function' ? event.composedPath()[0] || event.target : event.target;
  if (isTypingTarget(target)) return;
  if (!root.isConnected || root.getClientRects().length === 0) return;
  if (inShadow(root) && !root.contains(target)) return;
  if (target instanceof Element && target.closest('.pg-root') && !root.contains(target)) return;
  // A dialog (the Embed dialog) has the keys while it is open.
  if (target instanceof Element && target.closest('dialog')) return;
  if (event.key === ' ' || event.key === 'Spacebar') {
    if (target instanceof Element && target.closest('button, a, summary')) return;
    event.preventDefault();
    actions.toggle();
  } else if (event.key === 'ArrowRight') {
    event.preventDefault();
    actions.step();
  } else if (event.key === 'ArrowLeft' && actions.back) {
    event.preventDefault();
    actions.back();
  } else if (event.key === 'r' || event.key === 'R') {
    event.preventDefault();
    actions.reset();
  }
}

/** Stepping time allowed per animation frame, in ms. */
export const SLICE_MS = 8;
/** Target duration of one call into the core while stepping fast, in ms. */
const BATCH_MS = 1.5;

/** What `work(budget)` answers while the step waits on work done elsewhere (Web Workers). */
export const WAITING = 'waiting';

/** Work units (the core's deterministic measure) the first sliced call may take. */
const FIRST_BUDGET = 20_000;

/**
 * Paces a run: `advance(now, speed)` takes the steps due since the last frame (speed steps/s,
 * or 'max'), never more than SLICE_MS of stepping per frame. The batch per call follows the
 * measured cost of a step, growing at most ×2 per call, so one call into the core stays near
 * BATCH_MS even when steps get dearer. `step(n)` must return the steps taken (fewer when the
 * run stops).
 *
 * With `work(budget)` (the core carries the step in progress on by about `budget` units of
 * work and says whether it completed), a step is split across frames: each call's budget
 * follows the measured units per ms, so no frame's stepping outlasts SLICE_MS by much,
 * however dear one step is. A step whose work runs elsewhere (Web Workers) answers WAITING
 * while it waits: the slice ends at once, and a later frame asks again.
 */
export class Stepper {
  constructor(step, maxBatch = 500, work = null) {
    this.step = step;
    this.work = work;
    this.maxBatch = maxBatch;
    this.credit = 0;
    this.lastTick = 0;
    this.batch = 1;
    this.stepMs = 0.05;
    this.budget = FIRST_BUDGET;
  }

  /** Whether steps are split across frames. */
  get sliced() {
    return this.work !== null;
  }

  /**
   * Carries the step in progress on for at most about `ms` ms; returns whether it completed.
   * The budget per call adapts to the measured speed (units per ms).
   */
  slice(ms) {
    const t0 = performance.now();
    for (;;) {
      const b0 = performance.now();
      const done = this.work(this.budget);
      if (done === WAITING) return false;
      const spent = Math.max(performance.now() - b0, 0.01);
      if (done) return true;
      // The call spent its whole budget: units per ms measured, the next budget fits BATCH_MS.
      const wanted = (this.budget / spent) * BATCH_MS;
      this.budget = Math.round(Math.min(Math.max(wanted, 1000), 2 * this.budget, 1e12));
      if (performance.now() - t0 + spent >= ms) return false;
    }
  }

  /** Starts pacing afresh (the first frame takes one step at once). */
  start() {
    this.credit = 1;
    this.lastTick = 0;
  }

  /** Returns the steps taken in this frame. */
  advance(now, speed) {
    const t0 = performance.now();
    const dt = this.lastTick ? Math.min(now - this.lastTick, 250) : 0;
    this.lastTick = now;
    let due;
    if (speed === 'max') {
      due = Infinity;
    } else {
      this.credit += (dt * speed) / 1000;
      due = Math.floor(this.credit);
      this.credit -= due;
    }
    let taken = 0;
    if (this.sliced) {
      while (due > 0) {
        const left = SLICE_MS - (performance.now() - t0);
        if (left <= 0 || !this.slice(left)) break;
        taken += 1;
        due -= 1;
      }
      if (due > 0 && speed !== 'max') this.credit = Math.min(this.credit + due, 1);
      return taken;
    }
    while (due > 0) {
      const left = SLICE_MS - (performance.now() - t0);
      const fits = Math.max(1, Math.floor(left / this.stepMs));
      const batch = Math.min(due, this.batch, fits);
      const b0 = performance.now();
      const done = this.step(batch);
      const spent = performance.now() - b0;
      taken += done;
      due -= batch;
      if (done > 0) {
        const perStep = Math.max(spent / done, 0.0002);
        this.stepMs = 0.5 * this.stepMs + 0.5 * perStep;
        const wanted = Math.max(1, Math.floor(BATCH_MS / Math.max(perStep, this.stepMs)));
        this.batch = Math.min(wanted, 2 * this.batch, this.maxBatch);
      }
      if (done < batch) break;
      if (performance.now() - t0 >= SLICE_MS - this.stepMs) {
        if (speed !== 'max') this.credit = 0;
        break;
      }
    }
    return taken;
  }
}

/**
 * Takes up to `n` steps with `step(count)` (which returns the steps it took), in calls of at
 * most 10 000 and at most a million in all. Returns the steps taken (fewer when the run stops).
 */
export function stepMany(step, n) {
  let taken = 0;
  let left = Math.min(n, 1_000_000);
  while (left > 0) {
    const batch = Math.min(left, 10_000);
    const done = step(batch);
    taken += done;
    left -= batch;
    if (done < batch) break;
  }
  return taken;
}

/** Checks the options every view shares (speed, controls); returns a message or null. */
export function checkRunOptions(options) {
  if ('speed' in options && !isSpeed(options.speed)) {
    return `speed: choose one of ${SPEEDS.map((s) => (s.id === 'max' ? '"max"' : s.id)).join(', ')} (got ${String(options.speed).slice(0, 20)})`;
  }
  if ('controls' in options && typeof options.controls !== 'boolean') {
    return 'controls: must be true or false';
  }
  return null;
}
