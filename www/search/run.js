// One search as the page runs it: the core's SearchSession (which asks and tells), the pool
// of workers that train every (candidate, fold) job, the fold results not yet told (kept
// across a Stop, so resuming trains only what is missing), each candidate's time and fold
// pictures, the progress of the step in hand, and the chosen candidate's fold models trained
// again with their curves (in a worker of their own, so a running search goes on).
// Every step's results are kept as the workers sent them, so the search can be shown at any
// earlier step (a fresh session told the first results again: the core's own asking and
// telling, nothing trained twice), and stepping on from there tells the kept results again.

import { WorkerPool } from './pool.js';

export class SearchRun {
  /** A run of `settings` on dataset `parts` with `workers` workers; call start() first. */
  constructor(wasm, parts, settings, workers) {
    this.wasm = wasm;
    this.parts = parts;
    this.settings = settings;
    this.session = new wasm.SearchSession(parts, settings);
    this.pool = new WorkerPool({ size: workers, dataset: parts, settings });
    this.results = new Map();
    this.times = new Map();
    this.foldImages = new Map();
    this.records = new Map();
    this.recordTicket = 0;
    this.progress = { done: 0, total: 0 };
    this.crashCandidate = null;
    this.finished = false;
    /** Every step's results, in order, and the winner's test (see seek). */
    this.told = [];
    this.winnerResult = null;
    /** Steps the session has been told. */
    this.at = 0;
    this.foldOf = Array.from(this.session.foldOf());
    this.k = this.session.state().k;
    this.bounds = Array.from(this.session.pictureBounds());
    this.gridSize = wasm.SearchSession.gridSize(settings);
  }

  /** Starts the workers (rejects with the first worker's problem, everything freed). */
  async start() {
    try {
      await this.pool.start();
    } catch (error) {
      this.destroy();
      throw error;
    }
    return this;
  }

  state() {
    return this.session.state();
  }

  /**
   * One step: every fold of every pending candidate on the workers, told in candidate order;
   * at the end, the winner's test. Resolves to 1, or 0 when the search is over. `onProgress`
   * runs as each fold's result arrives.
   */
  async step(onProgress) {
    const jobs = this.session.pending();
    if (!jobs.length) {
      await this.finish();
      return 0;
    }
    if (this.at < this.told.length) {
      // A step taken before (the search was moved back): its results again, at once.
      this.session.tell(this.told[this.at]);
      this.at += 1;
      if (!this.session.pending().length) await this.finish();
      return 1;
    }
    const k = this.k;
    const tasks = jobs.flatMap((job) => Array.from({ length: k }, (_, fold) => ({ job, fold, crash: job.candidate === this.crashCandidate })));
    const key = (candidate, fold) => `${candidate}:${fold}`;
    const todo = tasks.filter((t) => !this.results.has(key(t.job.candidate, t.fold)));
    this.progress = { done: tasks.length - todo.length, total: tasks.length, jobs, k, started: performance.now() };
    onProgress();
    await this.pool.run(todo, (i, result) => {
      this.results.set(key(todo[i].job.candidate, todo[i].fold), result);
      this.progress.done += 1;
      onProgress();
    });
    const results = jobs.map((job) => Array.from({ length: k }, (_, f) => this.results.get(key(job.candidate, f))));
    jobs.forEach((job, i) => {
      this.times.set(job.candidate, results[i].reduce((t, r) => t + (r.ms || 0), 0));
      if (results[i].every((r) => r.picture)) this.foldImages.set(job.candidate, results[i].map((r) => r.picture));
    });
    this.session.tell(results);
    this.told.push(results);
    this.at += 1;
    this.results.clear();
    if (!this.session.pending().length) await this.finish();
    return 1;
  }

  /** The end: the winner is retrained on every non-test row (in a worker) and tested once. */
  async finish() {
    if (!this.finished) {
      const job = this.session.winnerJob();
      if (job) {
        const [result] = this.winnerResult ? [this.winnerResult] : await this.pool.run([{ job, fold: -1 }]);
        this.winnerResult = result;
        this.session.recordWinner(job.candidate, result);
      }
    }
    this.finished = true;
  }

  /**
   * Candidate `candidate`'s k fold models trained again exactly as its cross-validation
   * trained them, each with its curves and final weights (SearchWorker.record): resolves to
   * the k records, kept for later. Asking for another candidate drops the one in hand (it
   * rejects with { cancelled: true }).
   */
  record(candidate) {
    const kept = this.records.get(candidate);
    if (kept) return kept;
    const job = this.session.candidateJob(candidate);
    if (!job) return Promise.reject(new Error(`there is no candidate ${candidate + 1}`));
    if (!this.recorder) {
      this.recorder = new WorkerPool({ size: 1, dataset: this.parts, settings: this.settings });
      const pool = this.recorder;
      this.recorderReady = pool.start();
      this.recorderReady.catch(() => {
        pool.destroy();
        if (this.recorder === pool) this.recorder = null;
      });
    }
    this.recorder.cancel();
    const ticket = ++this.recordTicket;
    const recorder = this.recorder;
    const promise = this.recorderReady.then(() => {
      if (ticket !== this.recordTicket) throw { cancelled: true };
      return recorder.run(Array.from({ length: this.k }, (_, fold) => ({ job, fold, record: true })));
    });
    this.records.set(candidate, promise);
    promise.catch(() => {
      if (this.records.get(candidate) === promise) this.records.delete(candidate);
    });
    return promise;
  }

  /** Drops every recording (in hand or kept). */
  forgetRecords() {
    this.recordTicket += 1;
    if (this.recorder) this.recorder.cancel();
    this.records.clear();
  }

  /** Stops the workers' current jobs at once (finished folds are kept). */
  cancel() {
    this.pool.cancel();
  }

  /** Forgets every result: a fresh session on the same workers. */
  restart() {
    this.fresh();
    this.results.clear();
    this.told = [];
    this.winnerResult = null;
    this.times.clear();
    this.foldImages.clear();
    this.forgetRecords();
  }

  /** A fresh session at step 0 (the workers' jobs in hand are stopped). */
  fresh() {
    const session = new this.wasm.SearchSession(this.parts, this.settings);
    this.cancel();
    this.session.free();
    this.session = session;
    this.progress = { done: 0, total: 0 };
    this.finished = false;
    this.at = 0;
  }

  /** Steps whose results are kept: the furthest step the search can be shown at. */
  get furthest() {
    return this.told.length;
  }

  /**
   * Shows the search at step `step` (0 to `furthest`): a fresh session told the kept results
   * of its first steps, and the winner's test again when that is the end. Fold results of a
   * step in hand are dropped (its workers are stopped).
   */
  seek(step) {
    const to = Math.max(0, Math.min(Math.floor(step) || 0, this.told.length));
    this.fresh();
    this.results.clear();
    for (; this.at < to; this.at += 1) {
      this.session.pending();
      this.session.tell(this.told[this.at]);
    }
    if (!this.session.pending().length) {
      // The end again: the winner's test as it was (its job is the same candidate).
      const job = this.session.winnerJob();
      if (job && this.winnerResult) this.session.recordWinner(job.candidate, this.winnerResult);
      this.finished = !job || Boolean(this.winnerResult);
    }
    return to;
  }

  destroy() {
    this.forgetRecords();
    if (this.recorder) this.recorder.destroy();
    this.pool.destroy();
    this.session.free();
  }
}
