// A race on architectures trains its folds in the Search view's pool of Web Workers, so no step
// blocks the page. The core decides everything: it hands out the step's jobs (RaceSession.jobs),
// each worker holds a RaceSession of the same settings that trains them (RaceSession.evaluate),
// and the results go back to the core in job order (RaceSession.tell), whatever order the workers
// finished in. This module only ships jobs and results, and keeps the fold pictures of the
// first-seed lanes' best candidates for the cards.

import { WorkerPool, defaultPoolSize } from '../search/pool.js';
import { WAITING } from '../ui/runbar.js';

/** Jobs asked of the core at a time: a few hundred folds keep the workers busy for a while, and copying them takes a few milliseconds. */
const JOBS_AT_ONCE = 256;

export class RaceWorkers {
  /** Workers for the race of `config` (the core's configuration); started on first use. */
  constructor(config) {
    this.pool = new WorkerPool({ size: defaultPoolSize(), settings: config, race: true });
    this.ready = false;
    this.starting = null;
    this.failure = null;
    this.running = false;
    this.done = null;
    this.ticket = 0;
    /** `${lane}:${candidate}` → the fold-0 picture (RGBA) of a first-seed lane's candidate. */
    this.pictures = new Map();
  }

  /**
   * Carries `core`'s step on (Stepper's work function): true once it is complete, WAITING
   * while the workers train; throws what made them fail. `bests()` → the first-seed lanes'
   * best candidates (RaceSession.laneBest), whose pictures are kept.
   */
  advance(core, bests) {
    if (this.failure) throw this.failure;
    if (!this.ready) {
      if (!this.starting) {
        this.starting = this.pool.start().then(() => { this.ready = true; }, (error) => { this.failure = error; });
      }
      return WAITING;
    }
    if (this.running) return WAITING;
    if (this.done) {
      const { tasks, results } = this.done;
      this.done = null;
      tasks.forEach((task, i) => {
        if (results[i].picture) this.pictures.set(`${task.job.lane}:${task.job.proposal.candidate}`, results[i].picture);
      });
      // Complete once the step's every part is told (the core counts them); then only the
      // bests' pictures are kept.
      if (core.tell(results)) {
        const keep = new Set(bests().filter((b) => b && b.candidate !== null).map((b) => `${b.lane}:${b.candidate}`));
        for (const key of this.pictures.keys()) if (!keep.has(key)) this.pictures.delete(key);
        return true;
      }
    }
    const tasks = core.jobs(JOBS_AT_ONCE);
    // No job: the step needed none (it is complete), or the race is over.
    if (!tasks.length) return true;
    this.running = true;
    const ticket = this.ticket;
    this.pool.run(tasks).then((results) => {
      if (ticket !== this.ticket) return;
      this.running = false;
      this.done = { tasks, results };
    }, (error) => {
      if (ticket !== this.ticket) return;
      this.running = false;
      if (!(error && error.cancelled)) this.failure = error;
    });
    return WAITING;
  }

  /** The fold picture of `best` (a laneBest), or null. */
  picture(best) {
    return (best && this.pictures.get(`${best.lane}:${best.candidate}`)) || null;
  }

  /** Drops the step in hand and every picture (a reset: the core starts again). */
  forget() {
    this.ticket += 1;
    this.pool.cancel();
    this.running = false;
    this.done = null;
    this.failure = null;
    this.pictures.clear();
  }

  destroy() {
    this.ticket += 1;
    this.pool.destroy();
  }
}
