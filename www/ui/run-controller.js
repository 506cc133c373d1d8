// What every view's controller shares: playing or paused, Step / Play / Pause / Reset, the
// time-sliced stepping while playing, the animation-frame loop, and the view's lifetime
// (listeners, timers, destroy).
//
// A view extends RunController, builds its DOM (with `root`, its outermost element), has its
// own set(partial), state() and options(), and fills in the hooks:
//   coreState()          the run's state as last copied from the core ({ status, step, … })
//   stepped()            after steps: copy what changed out of the core, mark it for drawing
//   restarted()          after session.reset(): copy the fresh run, mark it for drawing
//   rewound()            (optional) after session.rewind(step): the same run at an earlier
//                        step; by default as restarted()
//   invalidate(stopped)  the run's state changed without new steps (played, paused, failed):
//                        mark what shows it for redrawing; `stopped`: it has just stopped
//                        playing, so what was held back while playing catches up
//   render(now, start)   draws what is marked (`start`: performance.now() when this frame's
//                        work began, stepping included)
//   canPlay()            (optional) whether Play may start now

import { replaceChildren } from './dom.js';
import { RunBar, SLICE_MS, Stepper, runButton, runKeys, stepMany, messageOf } from './runbar.js';
import { Timeline } from './timeline.js';
import { Announcer } from './announcer.js';

/** Whether a core status means the run has stopped until a reset. */
function isFinished(status) {
  return status === 'converged' || status === 'diverged' || status === 'budget-spent';
}

/** Frame timings since the last play(). */
function freshPerf() {
  return { frames: 0, maxFrameMs: 0, maxStepMs: 0, maxRenderMs: 0 };
}

export class RunController {
  /**
   * `session`: the core's session (step(n) → steps taken, reset(), free()); `options`: the
   * view's options (speed, controls, onChange); `maxBatch`: most steps per call into the core.
   */
  constructor(element, session, options, maxBatch) {
    this.element = element;
    this.session = session;
    this.onChange = typeof options.onChange === 'function' ? options.onChange : null;
    this.speed = options.speed === undefined ? 10 : options.speed;
    this.controlsVisible = options.controls !== false;
    this.playing = false;
    // A session that can carry a step on a part at a time (advance(budget) → completed)
    // has its steps split across frames, so Play and Step never block the page.
    const work = typeof session.advance === 'function' ? (budget) => this.session.advance(budget) : null;
    this.stepper = new Stepper((n) => this.session.step(n), maxBatch, work);
    /** Steps the Step button asked for that are still to take, carried on frame by frame. */
    this.pendingSteps = 0;
    /** A step to carry the run on to frame by frame (a link's `step=`): { left, batch, done }. */
    this.catchUp = null;
    /** The furthest step the run has reached: the timeline's end. */
    this.furthest = 0;
    this.raf = 0;
    this.destroyed = false;
    this.lastError = null;
    this.failure = null;
    this.perf = freshPerf();
    this.listeners = [];
    this.timers = new Set();
  }

  // ---------------------------------------------------------------- the run

  canPlay() {
    return true;
  }

  /** Takes up to `n` steps at once (paused afterwards); returns the steps taken. */
  step(n = 1) {
    const count = Number(n);
    if (!Number.isInteger(count) || count < 1) return 0;
    this.pause();
    this.pendingSteps = 0;
    this.endCatchUp();
    let taken = 0;
    try {
      taken = stepMany((k) => this.session.step(k), count);
    } catch (error) {
      this.fail(error);
    }
    this.stepped();
    this.noteFurthest();
    this.schedule();
    return taken;
  }

  /**
   * The Step button and →: one step, split across frames when the session can (see
   * Stepper), so a dear step never blocks the page; at once otherwise.
   */
  stepButton() {
    if (!this.stepper.sliced) {
      this.step(1);
      return;
    }
    this.pause();
    if (this.failure || isFinished(this.coreState().status)) return;
    this.pendingSteps += 1;
    this.invalidate(false);
    this.schedule();
  }

  /**
   * Carries the run on by `count` steps frame by frame, as many per frame as its time slice
   * allows and never more (a link's `step=N`), then pauses. Resolves to the steps taken.
   */
  runFor(count) {
    this.pause();
    this.pendingSteps = 0;
    this.endCatchUp();
    return new Promise((done) => {
      this.catchUp = { left: count, taken: 0, batch: 1, done };
      this.schedule();
    });
  }

  /** Stops a catch-up in progress (its promise resolves to the steps it took). */
  endCatchUp() {
    const c = this.catchUp;
    this.catchUp = null;
    if (c) c.done(c.taken);
  }

  /** This frame's share of the catch-up: whole steps, sliced ones carried across frames. */
  advanceCatchUp() {
    const c = this.catchUp;
    const t0 = performance.now();
    let stopped = Boolean(this.failure) || isFinished(this.coreState().status);
    let unseen = 0;
    while (c.left > 0 && !stopped && performance.now() - t0 < SLICE_MS) {
      if (this.stepper.sliced) {
        // A dear step, carried on across frames: the view copies each completed one.
        if (!this.stepper.slice(SLICE_MS - (performance.now() - t0))) break;
        c.left -= 1;
        c.taken += 1;
        this.stepped();
        stopped = isFinished(this.coreState().status);
      } else {
        // Cheap steps, in batches that grow while they stay well inside the slice.
        const asked = Math.min(c.left, c.batch);
        const b0 = performance.now();
        const taken = this.session.step(asked);
        if (performance.now() - b0 < SLICE_MS / 4) c.batch = Math.min(2 * c.batch, 100_000);
        c.left -= taken;
        c.taken += taken;
        unseen += taken;
        stopped = taken < asked;
      }
    }
    if (unseen > 0) this.stepped();
    const over = c.left <= 0 || stopped || Boolean(this.failure);
    if (over) this.endCatchUp();
    this.invalidate(over);
  }

  /** Whether the run can be replayed to an earlier step (a view may say no). */
  canScrub() {
    return true;
  }

  /**
   * Shows the run at step `target` (0 to the furthest reached): back by going to the core's
   * nearest kept snapshot (a session with `rewind(step)`) or else to the start, then forward
   * by stepping on, frame by frame. Resolves to the step reached.
   */
  async scrubTo(target) {
    const step = this.coreState().step;
    this.noteFurthest();
    const to = Math.max(0, Math.min(Math.floor(Number(target)) || 0, this.furthest));
    if (!this.canScrub() || to === step) return step;
    const furthest = this.furthest;
    this.pause();
    if (to < step) this.rewind(to);
    // The replay is the same run: its timeline keeps its end.
    this.furthest = furthest;
    this.timelineRun = this.runKey;
    // A run that starts later (carried on after its data changed) stops at its start.
    await this.runFor(Math.max(0, to - this.coreState().step));
    return this.coreState().step;
  }

  /** Keeps the timeline's end: a new run (its `runKey` changed) starts a new timeline. */
  noteFurthest() {
    if (this.timelineRun !== this.runKey) {
      this.timelineRun = this.runKey;
      this.furthest = 0;
    }
    this.furthest = Math.max(this.furthest, this.coreState().step);
  }

  /** ← : one step back. */
  stepBack() {
    const step = this.coreState().step;
    if (step > 0) this.scrubTo(step - 1);
  }

  /** Plays at `speed`; a finished or failed run starts again. */
  play() {
    if (this.destroyed || this.playing || !this.canPlay()) return;
    this.endCatchUp();
    if (isFinished(this.coreState().status) || this.failure) this.restart();
    this.playing = true;
    this.perf = freshPerf();
    this.stepper.start();
    this.invalidate(false);
    this.schedule();
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.invalidate(true);
    this.schedule();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Back to the start of the run, same settings, paused. */
  reset() {
    this.playing = false;
    this.furthest = 0;
    this.pendingSteps = 0;
    this.lastError = null;
    try {
      this.restart();
    } catch (error) {
      this.fail(error);
    }
    this.schedule();
  }

  /** Takes the run back to a state at or before step `to`, from which stepping on reaches it. */
  rewind(to) {
    if (typeof this.session.rewind !== 'function') {
      this.restart();
      return;
    }
    this.pendingSteps = 0;
    this.endCatchUp();
    this.session.rewind(to);
    this.failure = null;
    this.rewound();
  }

  /** After a rewind: the same run, at an earlier step. */
  rewound() {
    this.restarted();
  }

  /** Starts the core's run again from the beginning. */
  restart() {
    this.pendingSteps = 0;
    this.endCatchUp();
    this.session.reset();
    this.failure = null;
    this.restarted();
  }

  /** A failure: the run stops and the view shows the message instead of a console error. */
  fail(error) {
    this.playing = false;
    this.pendingSteps = 0;
    this.endCatchUp();
    this.failure = messageOf(error);
    this.lastError = this.failure;
    this.invalidate(false);
    this.schedule();
  }

  /** Runs `fn`, turning anything thrown into a visible message instead of a console error. */
  guard(fn) {
    try {
      return fn();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** The status the page shows: the core's, with 'running', 'paused' or 'error' where they apply. */
  displayStatus() {
    if (this.failure) return 'error';
    const { status, step } = this.coreState();
    if (isFinished(status)) return status;
    if (this.playing) return 'running';
    return step === 0 ? 'ready' : 'paused';
  }

  // ---------------------------------------------------------------- frames

  schedule() {
    if (!this.raf && !this.destroyed) this.raf = requestAnimationFrame((now) => this.frame(now));
  }

  /** One animation frame: steps when playing, draws, keeps the frame timings in `perf`. */
  frame(now) {
    this.raf = 0;
    if (this.destroyed) return;
    try {
      const t0 = performance.now();
      if (this.playing) this.advance(now);
      else if (this.catchUp) this.advanceCatchUp();
      else if (this.pendingSteps > 0) this.advanceStep();
      const t1 = performance.now();
      this.noteFurthest();
      if (this.timeline) this.timeline.sync(this.coreState().step, this.furthest, this.canScrub() && !this.playing);
      this.render(now, t0);
      const t2 = performance.now();
      const p = this.perf;
      p.frames += 1;
      p.maxStepMs = Math.max(p.maxStepMs, t1 - t0);
      p.maxRenderMs = Math.max(p.maxRenderMs, t2 - t1);
      p.maxFrameMs = Math.max(p.maxFrameMs, t2 - t0);
    } catch (error) {
      this.fail(error);
      try {
        this.render(now, performance.now());
      } catch (again) {
        this.failure = messageOf(again);
      }
    }
    if (this.playing || this.pendingSteps > 0 || this.catchUp) this.schedule();
  }

  /** Carries the Step button's steps on for this frame's share of time (one per click). */
  advanceStep() {
    if (this.stepper.slice(SLICE_MS)) {
      this.stepped();
      this.pendingSteps = isFinished(this.coreState().status) ? 0 : this.pendingSteps - 1;
      this.invalidate(this.pendingSteps === 0);
    } else {
      this.invalidate(false);
    }
  }

  /** Takes the steps due at `speed` (time-sliced by the Stepper); stops a finished run. */
  advance(now) {
    if (this.stepper.advance(now, this.speed) > 0) this.stepped();
    else if (this.stepper.sliced) this.invalidate(false);
    if (isFinished(this.coreState().status)) {
      this.playing = false;
      this.invalidate(true);
    }
  }

  // ---------------------------------------------------------------- options

  /** What set(partial) answers when `partial` is refused before anything changes, or null. */
  refusal(partial, checkOptions) {
    if (!partial || typeof partial !== 'object' || Array.isArray(partial)) {
      return { ok: false, reset: false, error: 'set: expected an options object' };
    }
    const problem = checkOptions(partial);
    if (!problem) return null;
    this.lastError = problem;
    return { ok: false, reset: false, error: problem };
  }

  setSpeed(speed) {
    this.speed = speed;
    this.stepper.credit = 0;
  }

  /** Calls onChange with the view's options; a listener's bug must not break the view. */
  notify() {
    if (!this.onChange) return;
    try {
      this.onChange(this.options());
    } catch (error) {
      this.lastError = messageOf(error);
    }
  }

  // ---------------------------------------------------------------- controls

  /**
   * Builds `runBar` (Step, Play/Pause, Reset — `resetTitle` says what Reset does — and the
   * speed), `toggleControls` (shows or hides the settings column) and `announcer` (the run's
   * text alternative, for the view's stage), and listens for the run keys (Space, →, R) while
   * the view is shown.
   */
  buildRunControls(resetTitle) {
    this.announcer = new Announcer();
    this.runBar = new RunBar({
      step: () => this.guard(() => this.stepButton()),
      toggle: () => this.guard(() => this.toggle()),
      reset: () => this.guard(() => this.reset()),
      speed: (value) => this.set({ speed: value }),
    }, resetTitle);
    this.timeline = new Timeline((step) => this.guard(() => this.scrubTo(step)));
    this.runBar.element.append(this.timeline.element);
    this.toggleControls = runButton('Hide settings', 'Show or hide the settings column', () => this.set({ controls: !this.controlsVisible }), { 'data-action': 'toggle-controls', class: 'pg-button pg-quiet pg-small' });
    const actions = { toggle: () => this.toggle(), step: () => this.stepButton(), reset: () => this.reset(), back: () => this.stepBack() };
    this.listen(document, 'keydown', (event) => this.guard(() => runKeys(event, this.root, actions)));
  }

  /** Shows the speed in force and whether the settings column is shown. */
  showRunOptions() {
    this.runBar.showSpeed(this.speed);
    this.root.classList.toggle('pg-no-controls', !this.controlsVisible);
    this.toggleControls.textContent = this.controlsVisible ? 'Hide settings' : 'Show settings';
    this.toggleControls.setAttribute('aria-expanded', String(this.controlsVisible));
  }

  // ---------------------------------------------------------------- lifetime

  /** Adds an event listener that destroy() removes. */
  listen(target, type, fn, options) {
    target.addEventListener(type, fn, options);
    this.listeners.push(() => target.removeEventListener(type, fn, options));
  }

  /** Calls `fn` when one of `elements` changes size (where the browser can tell); destroy() stops it. */
  observeResize(elements, fn) {
    if (typeof ResizeObserver !== 'function') return;
    this.resizeObserver = new ResizeObserver(fn);
    for (const element of elements) this.resizeObserver.observe(element);
  }

  /** Runs `fn` (guarded) after `ms` ms unless the view is destroyed first; returns the timer's id. */
  later(fn, ms) {
    const id = setTimeout(() => {
      this.timers.delete(id);
      if (!this.destroyed) this.guard(fn);
    }, ms);
    this.timers.add(id);
    return id;
  }

  cancelLater(id) {
    clearTimeout(id);
    this.timers.delete(id);
  }

  /** Stops, removes listeners and timers, frees the core session, empties `element`. */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.playing = false;
    this.endCatchUp();
    if (this.raf) cancelAnimationFrame(this.raf);
    for (const id of this.timers) clearTimeout(id);
    for (const off of this.listeners) off();
    if (this.resizeObserver) this.resizeObserver.disconnect();
    try {
      this.session.free();
    } catch (error) {
      // already freed
    }
    replaceChildren(this.element);
  }

  /** The API object a mount function resolves to; every call is guarded. */
  api() {
    return {
      step: (n = 1) => this.guard(() => this.step(n)),
      play: () => this.guard(() => this.play()),
      pause: () => this.guard(() => this.pause()),
      reset: () => this.guard(() => this.reset()),
      set: (options) => this.guard(() => this.set(options)) || { ok: false, reset: false, error: this.lastError },
      state: () => this.guard(() => this.state()),
      destroy: () => this.guard(() => this.destroy()),
      /** Carries the run on by `n` steps frame by frame (never blocking); resolves to the steps taken. */
      runFor: (n) => this.runFor(Math.max(0, Math.floor(Number(n)) || 0)),
      /** Shows the run at an earlier (or later, up to the furthest) step; resolves to the step. */
      scrubTo: (step) => this.scrubTo(step),
      exports: () => this.guard(() => this.exports()) || [],
      element: this.element,
    };
  }

  /** The files this view offers for download: `[{ label, file, type, content() }]`. */
  exports() {
    return [];
  }
}
