// A pool of Web Workers that train and score the search's (candidate, fold) jobs, so the
// page never blocks. The wasm module is compiled once here and handed to every worker; each
// worker rebuilds the same dataset and folds from the parts and settings it is sent.
//
// Each worker holds up to IN_FLIGHT jobs: the next one already waits in its inbox when it
// finishes one, so it never idles while its result travels to this thread and the next job
// back (a few per cent of a short job, far more while the page's thread is busy).
//
// A worker that crashes (or whose wasm fails) is replaced and its job retried once; a second
// failure marks the job failed and the run goes on (the other jobs it held are handed out
// again as they were). cancel() stops at once: busy workers are terminated and replaced, the
// pending run rejects with { cancelled: true }.

/** Jobs handed to a worker at a time. */
const IN_FLIGHT = 2;

let compiled = null;

/** The wasm module, compiled once per page (the single file carries it as base64). */
export function compiledModule() {
  if (!compiled) {
    compiled = (async () => {
      const b64 = globalThis.AUTOML_WASM_BASE64;
      const bytes = b64
        ? Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        : await (await fetch(new URL('../../pkg/automl_playground_bg.wasm', import.meta.url))).arrayBuffer();
      return WebAssembly.compile(bytes);
    })();
    compiled.catch(() => {
      compiled = null;
    });
  }
  return compiled;
}

/**
 * A worker: from the single file's embedded source (a classic script: from file:// a blob
 * may only start a classic worker), else the module worker.js.
 */
function createWorker() {
  const source = globalThis.AUTOML_WORKER_SOURCE;
  if (source) {
    if (!createWorker.url) createWorker.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    return new Worker(createWorker.url);
  }
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

/** The result of a job that failed twice. */
function failedResult(reason) {
  return { score: null, loss: null, rmse: null, steps: 0, reason, failed: true };
}

/** Workers one fewer than the cores (at least one). */
export function defaultPoolSize() {
  const cores = Number(globalThis.navigator && navigator.hardwareConcurrency) || 2;
  return Math.max(1, cores - 1);
}

export class WorkerPool {
  /**
   * `size` workers for `dataset` (parts) and `settings` (with `race`: the Race view's settings,
   * no dataset); call start() before run().
   */
  constructor({ size, dataset, settings, race = false }) {
    this.size = size;
    this.race = race;
    this.dataset = dataset;
    this.settings = settings;
    this.slots = [];
    this.queue = [];
    this.current = null;
    this.nextId = 1;
    this.crashes = 0;
  }

  /** Spawns the workers; resolves once every one is ready, rejects with the first problem. */
  async start() {
    this.module = await compiledModule();
    await Promise.all(Array.from({ length: this.size }, (_, i) => this.spawn(i)));
  }

  /** (Re)creates the worker of slot `i`; resolves when it is ready. */
  spawn(i) {
    const old = this.slots[i];
    if (old) old.worker.terminate();
    const worker = createWorker();
    const slot = { worker, tasks: [], ready: null };
    this.slots[i] = slot;
    slot.ready = new Promise((resolve, reject) => {
      slot.onReady = resolve;
      slot.onInitFailed = reject;
    });
    worker.onmessage = (event) => this.message(slot, event.data || {});
    worker.onerror = (event) => {
      event.preventDefault();
      const reason = event.message || 'the worker crashed';
      if (slot.readyNow) this.crashed(slot, reason);
      else slot.onInitFailed(new Error(`a search worker could not start (${reason})`));
    };
    worker.postMessage({ type: 'init', module: this.module, dataset: this.dataset, settings: this.settings, race: this.race });
    return slot.ready;
  }

  message(slot, data) {
    if (data.type === 'ready') {
      slot.readyNow = true;
      slot.onReady();
      this.dispatch();
    } else if (data.type === 'result') {
      const at = slot.tasks.findIndex((task) => task.id === data.id);
      if (at >= 0) {
        const [task] = slot.tasks.splice(at, 1);
        if (this.current) this.done(task, data.result);
      }
      this.dispatch();
    } else if (data.type === 'failed') {
      if (!slot.tasks.length) {
        slot.onInitFailed(new Error(data.message));
        return;
      }
      this.crashed(slot, data.message, data.id);
    }
  }

  /**
   * A worker died (or its wasm failed) during a task — the one with `id`, else the oldest it
   * holds, the one it was working on: replace the worker, retry that task once and hand its
   * other tasks out again.
   */
  crashed(slot, reason, id) {
    this.crashes += 1;
    const i = this.slots.indexOf(slot);
    const tasks = slot.tasks;
    slot.tasks = [];
    if (tasks.length && this.current) {
      const at = Math.max(0, tasks.findIndex((task) => task.id === id));
      const [task] = tasks.splice(at, 1);
      task.attempts += 1;
      if (task.attempts < 2) tasks.unshift(task);
      else this.done(task, failedResult(`its worker failed twice (${reason})`));
      this.queue.unshift(...tasks);
    }
    if (i >= 0 && !this.destroyed) this.spawn(i).catch((error) => this.broken(error));
  }

  done(task, result) {
    const run = this.current;
    run.results[task.index] = result;
    run.left -= 1;
    if (run.onResult) run.onResult(task.index, result);
    if (run.left === 0) {
      this.current = null;
      run.resolve(run.results);
    }
  }

  /** A replacement worker could not start: the current run fails with its reason. */
  broken(error) {
    const run = this.current;
    this.current = null;
    this.queue = [];
    if (run) run.reject(error);
  }

  /** Hands queued tasks to ready workers, one round at a time so that they share them. */
  dispatch() {
    for (let round = 0; round < IN_FLIGHT; round += 1) {
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (slot.tasks.length > round || !slot.readyNow) continue;
        const task = this.queue.shift();
        slot.tasks.push(task);
        slot.worker.postMessage({ type: 'job', id: task.id, job: task.job, fold: task.fold, record: Boolean(task.record), crash: task.crash && task.attempts === 0 });
      }
    }
  }

  /**
   * Runs `jobs` ([{ job, fold, record?, crash? }]) on the workers (`record`: the fold model
   * trained again with its curves and weights, SearchWorker.record); resolves to their results in the
   * order given, whatever order the workers finish in. `onResult(index, result)` is called
   * as each arrives. Only one run at a time.
   */
  run(jobs, onResult) {
    if (this.current) return Promise.reject(new Error('the pool is busy'));
    return new Promise((resolve, reject) => {
      this.current = { results: new Array(jobs.length), left: jobs.length, resolve, reject, onResult };
      if (jobs.length === 0) {
        this.current = null;
        resolve([]);
        return;
      }
      this.queue = jobs.map((j, index) => ({ ...j, index, id: this.nextId++, attempts: 0 }));
      this.dispatch();
    });
  }

  /** Stops the current run at once: busy workers are replaced, the run rejects as cancelled. */
  cancel() {
    const run = this.current;
    this.current = null;
    this.queue = [];
    this.slots.forEach((slot, i) => {
      if (slot.tasks.length) {
        slot.tasks = [];
        this.spawn(i).catch((error) => this.broken(error));
      }
    });
    if (run) run.reject({ cancelled: true });
  }

  /** Ends every worker. */
  destroy() {
    this.destroyed = true;
    this.cancel();
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
  }
}
