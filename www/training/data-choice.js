// The data of the "Train a model" view and how it changes: a generated set (its points, noise
// and seed), a classic table (downloaded first: the last choice wins), points drawn by hand, or
// the user's CSV file (read with its settings: header, target column and kind; a refused file
// leaves the data in force, and so does a file over the core's size limit, before it is read).
// Every change of data builds the run again.

import { moduleLost } from '../wasm.js';
import { messageOf } from '../ui/runbar.js';
import { loadTable } from './tables.js';
import { CLASSIC, DATA_DEFAULTS, DATA_IDS, SYNTHETIC, dataKind, generatorDefaults } from './options.js';

/** The core's data source for data options `data` (a classic table needs its text). */
export function sourceFor(data, text) {
  switch (dataKind(data.id)) {
    case 'synthetic':
      return { kind: 'synthetic', id: data.id, points: data.points, noise: data.noise, seed: data.seed };
    case 'classic':
      return { kind: 'classic', id: data.id, text };
    case 'hand':
      return { kind: 'hand', classes: data.id === 'draw-classes' };
    default:
      return { kind: 'synthetic', id: DATA_DEFAULTS.id, points: data.points, noise: data.noise, seed: data.seed };
  }
}

/**
 * The data a view starts with from its options' `data` (`catalog`: the core's datasets):
 * `{ data, pickedId, csvWanted, drawn }` — a CSV file asked for is chosen in the menu while the
 * default data is shown until a file is read; `drawn`: the link's points drawn by hand.
 */
export function startingData(catalog, options) {
  const { drawn, ...asked } = options || {};
  const id = asked.id || DATA_DEFAULTS.id;
  const wanted = { ...DATA_DEFAULTS, ...generatorDefaults(catalog, id in SYNTHETIC ? id : DATA_DEFAULTS.id), ...asked, id };
  const csvWanted = wanted.id === 'csv';
  const data = csvWanted ? { ...wanted, id: DATA_DEFAULTS.id } : wanted;
  return { data, pickedId: wanted.id, csvWanted, drawn };
}

export class DataChoice {
  /**
   * `view`: the Train a model view whose data this is (it reads its `session`, `st` and `wasm`;
   * it sets `config`, `lastError`, `pointError` and `playing`, marks `dirty.canvas`, and calls
   * `guard()`, `runChanged()`, `syncControls()`, `layout()`, `refreshAlert()`, `notify()`,
   * `schedule()`, `hand.set()` and `settingsColumn.dataPanel.showCsvError()`); `catalog`: the core's
   * datasets; `start`: what startingData() gave.
   */
  constructor(view, catalog, start) {
    this.view = view;
    this.catalog = catalog;
    /** The data options in force: { id, points, noise, seed }. */
    this.data = start.data;
    /** The data chosen in the menu (a table still downloading, or 'csv' before a file is read). */
    this.pickedId = start.pickedId;
    this.csvWanted = start.csvWanted;
    /** The CSV file read last (its bytes, name and settings, and what the core read of it). */
    this.csv = { settings: { header: 'auto', targetColumn: null, targetKind: 'auto' }, bytes: null, name: '', read: null };
    /** What is downloading ('Loading the … table…'), or ''. */
    this.loading = '';
    /** Why the last file was refused, or null. */
    this.error = null;
    this.ticket = 0;
  }

  /**
   * Swaps the data: `load()` calls the core and returns what it returned; `data` (the new
   * data options) is recorded before anything is redrawn. A refusal keeps the old data and
   * returns { ok: false, error }. The caller notifies (so the link says what is on screen).
   */
  swap(load, data) {
    const view = this.view;
    this.ticket += 1;
    let value;
    try {
      value = load();
    } catch (error) {
      if (moduleLost(error)) throw error;
      // Refused: the data, the run and the chosen feature pair stay as they were.
      view.lastError = messageOf(error);
      view.syncControls(false);
      view.schedule();
      return { ok: false, error: view.lastError };
    }
    // New data drops the chosen feature pair (the core did), so the configuration is re-read.
    view.config = view.session.config();
    view.lastError = null;
    view.pointError = null;
    view.playing = false;
    this.data = data;
    view.runChanged();
    view.syncControls(true);
    view.layout();
    return { ok: true, error: null, value };
  }

  /** The picture waits for the data: it is drawn again. */
  redraw() {
    this.view.dirty.canvas = true;
    this.view.schedule();
  }

  /** Chooses dataset `id` (a classic table resolves once downloaded): { ok, error }. */
  choose(id) {
    const view = this.view;
    if (!DATA_IDS.includes(id)) return { ok: false, error: `data: unknown dataset "${String(id).slice(0, 24)}"` };
    // The last choice wins: a table still downloading for an earlier choice is then ignored.
    this.ticket += 1;
    this.loading = '';
    const ticket = this.ticket;
    const superseded = () => ({ ok: false, error: 'a later choice of data replaced this one' });
    if (id === 'csv') {
      this.pickedId = 'csv';
      view.syncControls(false);
      if (this.csv.bytes && this.data.id !== 'csv') return this.readCsv(this.csv.bytes, this.csv.name, false);
      this.redraw();
      view.notify();
      return { ok: true, error: null };
    }
    const data = this.next({ id });
    if (dataKind(id) === 'classic') {
      const table = this.catalog.classic.find((t) => t.id === id);
      this.loading = `Loading the ${CLASSIC[id] ? CLASSIC[id].split(' (')[0] : id} table…`;
      this.redraw();
      return loadTable(table.file).then((text) => (ticket === this.ticket ? view.guard(() => this.use(data, text)) : superseded()), (error) => {
        if (ticket !== this.ticket) return superseded();
        this.loading = '';
        this.pickedId = this.data.id;
        view.syncControls(false);
        this.redraw();
        return { ok: false, error: messageOf(error) };
      });
    }
    return this.use(data, null);
  }

  /** Uses data options `data` (`text`: a classic table's): { ok, error }. */
  use(data, text) {
    const view = this.view;
    this.loading = '';
    const result = this.swap(() => view.session.setData(sourceFor(data, text)), data);
    if (result.ok) {
      this.pickedId = data.id;
      this.csvWanted = false;
      this.error = null;
      view.refreshAlert();
      view.notify();
    } else {
      this.pickedId = this.data.id;
    }
    view.syncControls(false);
    this.redraw();
    return result;
  }

  /** A generated set's points, noise or seed (kept for later while other data is shown). */
  setSynthetic(partial) {
    const data = { ...this.data, ...partial };
    if (dataKind(this.data.id) !== 'synthetic') {
      this.data = data;
      return { ok: true, error: null };
    }
    return this.use(data, null);
  }

  /**
   * Reads CSV bytes with the CSV settings `settings` (by default those in force); `fresh`: a
   * new file (target back to the last column). Only a good file and its settings are kept:
   * after a refusal the last good file (if any) is what the settings and the menu read again.
   */
  readCsv(bytes, name, fresh, settings = this.csv.settings) {
    const view = this.view;
    const tooLarge = this.refuseLargeCsv(bytes.length, name);
    if (tooLarge) return tooLarge;
    const s = fresh ? { ...settings, targetColumn: null } : { ...settings };
    const result = this.swap(() => view.session.loadCsv(bytes, { name, header: s.header, targetColumn: s.targetColumn, targetKind: s.targetKind }), { ...this.data, id: 'csv' });
    if (result.ok) {
      this.csv = { settings: s, bytes, name, read: result.value };
      this.pickedId = 'csv';
      this.csvWanted = false;
      this.error = null;
      view.settingsColumn.dataPanel.showCsvError(null);
      view.notify();
    } else {
      this.refuseCsv(name, result.error);
    }
    view.refreshAlert();
    view.syncControls(false);
    this.redraw();
    return result;
  }

  /** Shows why file `name` was not loaded (the data in force stays). */
  refuseCsv(name, error) {
    const view = this.view;
    const before = view.st.data;
    const kept = before ? ` The previous data (${before.name}, ${before.rows} rows) stays.` : '';
    this.error = `"${name}" was not loaded: ${error}.${kept}`;
    view.settingsColumn.dataPanel.showCsvError(this.error);
    view.refreshAlert();
    view.syncControls(false);
    view.schedule();
  }

  /** Refuses a file of `size` bytes too large to read (the core's limit): { ok: false, error }, or null. */
  refuseLargeCsv(size, name) {
    const problem = this.view.wasm.csvSizeProblem(Number(size) || 0);
    if (!problem) return null;
    this.view.lastError = problem;
    this.refuseCsv(name, problem);
    return { ok: false, error: problem };
  }

  /** Changes the CSV settings: the file in force is read again with them. */
  csvSettings(partial) {
    if (this.csv.bytes) return this.readCsv(this.csv.bytes, this.csv.name, false, { ...this.csv.settings, ...partial });
    Object.assign(this.csv.settings, partial);
    this.view.syncControls(false);
    return { ok: true, error: null };
  }

  /** The data options after `partial`: a generated set whose points and noise were a generator's defaults takes the new generator's own. */
  next(partial) {
    const d = this.data;
    const untouched = this.catalog.defaults.some((g) => g.points === d.points && g.noise === d.noise);
    const own = untouched && partial.id in SYNTHETIC ? generatorDefaults(this.catalog, partial.id) : {};
    return { ...d, ...own, ...partial };
  }

  /** Uses data options `data` (another dataset, or the same with other points, noise or seed). */
  chooseWith(data) {
    if (dataKind(data.id) === 'synthetic') return this.use(data, null);
    this.data = { ...this.data, points: data.points, noise: data.noise, seed: data.seed };
    return this.choose(data.id);
  }

  /**
   * set({ data }): `asked` (data options, with `drawn` points to put on them once loaded).
   * Returns { ok, reset, error } (a Promise of it while a table downloads), or null when the
   * data in force was asked for again without points (nothing to do).
   */
  set({ drawn, ...asked }) {
    const data = this.next(asked);
    const same = data.id === this.data.id && ['points', 'noise', 'seed'].every((k) => data[k] === this.data[k]);
    // Drawn points go onto the data they were drawn on, once it is loaded.
    const answer = (r) => (r.ok && drawn ? this.view.hand.set(drawn) : { ok: r.ok, reset: r.ok, error: r.error });
    if (same && drawn) return answer({ ok: true });
    if (!same) {
      const loaded = this.chooseWith(data);
      if (loaded && typeof loaded.then === 'function') return loaded.then(answer);
      return answer(loaded);
    }
    if (this.loading) {
      // The data in force was asked for again: a table still downloading is not wanted.
      this.ticket += 1;
      this.loading = '';
      this.view.dirty.canvas = true;
    }
    return null;
  }
}
