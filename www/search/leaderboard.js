// The search's leaderboard: one row per scored candidate, best first by default; any column
// sorts on click; a row's title lists its fold scores; clicking a row chooses the candidate.

import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';

/** Columns: header, sort value of a candidate (null sorts last). */
const COLUMNS = [
  { id: 'rank', label: '#', value: (c, rank) => rank },
  { id: 'architecture', label: 'Architecture', value: (c) => c.description },
  { id: 'parameters', label: 'Params', value: (c) => c.parameters },
  { id: 'mean', label: 'CV mean ± std', value: (c) => c.mean },
  { id: 'epochs', label: 'Epochs', value: (c) => c.epochs },
  { id: 'time', label: 'Time', value: (c, rank, times) => times.get(c.candidate) || 0 },
];

/** Candidates best first: higher mean CV score, failed last, ties by order proposed. */
function byScore(candidates) {
  return candidates.slice().sort((a, b) => {
    const x = a.mean === null ? -Infinity : a.mean;
    const y = b.mean === null ? -Infinity : b.mean;
    return y - x || a.candidate - b.candidate;
  });
}

export class Leaderboard {
  /** `choose(candidate)` runs when a row is clicked (or chosen with Enter). */
  constructor(choose) {
    this.choose = choose;
    this.sort = { id: 'rank', descending: false };
    this.body = el('tbody');
    this.headers = COLUMNS.map((col) => {
      const button = el('button', { type: 'button', class: 'sr-sort', dataset: { sort: col.id } }, col.label);
      button.addEventListener('click', () => {
        this.sort = { id: col.id, descending: this.sort.id === col.id ? !this.sort.descending : col.id !== 'rank' && col.id !== 'architecture' };
        this.key = '';
        this.show(this.last.candidates, this.last.context);
      });
      return el('th', { scope: 'col' }, button);
    });
    this.element = el('div', { class: 'sr-board-wrap' },
      el('table', { class: 'sr-board', 'aria-label': 'Leaderboard' }, el('thead', {}, el('tr', {}, this.headers)), this.body));
    this.key = '';
    this.last = { candidates: [], context: { times: new Map() } };
  }

  /** Candidates best first (what `state().leaderboard` lists). */
  ranked(candidates) {
    return byScore(candidates);
  }

  /** Shows `candidates` (`context`: metric, best, selected, times), rebuilt only on change. */
  show(candidates, context) {
    this.last = { candidates, context };
    const key = `${candidates.length}|${context.selected}|${this.sort.id}|${this.sort.descending}`;
    if (key === this.key) return;
    this.key = key;
    const ranked = byScore(candidates);
    const rank = new Map(ranked.map((c, i) => [c.candidate, i + 1]));
    const col = COLUMNS.find((c) => c.id === this.sort.id);
    const value = (c) => col.value(c, rank.get(c.candidate), context.times);
    const rows = ranked.slice().sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return rank.get(a.candidate) - rank.get(b.candidate);
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return this.sort.descending ? -order : order;
    });
    for (const h of this.headers) {
      const id = h.firstChild.dataset.sort;
      h.setAttribute('aria-sort', id === this.sort.id ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
    }
    replaceChildren(this.body, rows.map((c) => {
      const folds = c.folds.map((f, i) => `fold ${i + 1}: ${f.score === null ? 'failed' : num(f.score)}`).join('\n');
      const ms = context.times.get(c.candidate);
      const row = el('tr', {
        tabindex: '0',
        class: [c.candidate === context.best ? 'sr-best' : '', c.candidate === context.selected ? 'sr-selected' : '', c.failed ? 'sr-failed' : ''].join(' ').trim(),
        title: `${context.metric} per fold\n${folds}`,
        dataset: { candidate: String(c.candidate) },
      },
      el('td', {}, String(rank.get(c.candidate))),
      el('td', { class: 'sr-arch' }, c.description),
      el('td', {}, String(c.parameters)),
      el('td', {}, c.failed ? 'failed' : `${num(c.mean)} ± ${num(c.std, 2)}`),
      el('td', {}, String(c.epochs)),
      el('td', {}, ms ? `${num(ms / 1000, 2)} s` : '—'));
      row.addEventListener('click', () => this.choose(c.candidate));
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.choose(c.candidate);
      });
      return row;
    }));
  }
}
