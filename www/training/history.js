// The run's curves as the "Train a model" view keeps them: every step's losses and scores (and
// a generation's best and mean), copied from the core a part at a time as the run grows, cut
// back when the run is rewound to an earlier step.

/** History arrays, as the core names them. */
export const HISTORY_KEYS = ['steps', 'trainLoss', 'validationLoss', 'testLoss', 'trainScore', 'validationScore', 'testScore', 'trainRmse', 'testRmse', 'generationBest', 'generationMean'];

/** A history with no steps yet. */
export function emptyHistory() {
  return { ...Object.fromEntries(HISTORY_KEYS.map((k) => [k, []])), dataChanges: [] };
}

/** The last of `values`, or null when there is none. */
export function last(values) {
  return values && values.length ? values[values.length - 1] : null;
}

/** The latest value of every curve of `hist` (null where it has none). */
export function latest(hist) {
  return Object.fromEntries(HISTORY_KEYS.map((k) => [k, last(hist[k])]));
}

/**
 * Brings `hist` up to the core's history of the run whose state `st` the view holds: what it
 * lacks is asked of `session`; after a rewind its curves are first cut back to the start they
 * share with the core's.
 */
export function fetchHistory(hist, session, st) {
  if (!st.ready) return;
  // Back at an earlier step of the same run (a rewind): its curves are the start of ours.
  const dropped = hist.steps.length - st.curveEntries;
  if (dropped > 0) {
    for (const key of HISTORY_KEYS) {
      const curve = hist[key];
      curve.length = Math.max(0, curve.length - dropped);
    }
  }
  const part = session.historyFrom(hist.steps.length);
  for (const key of HISTORY_KEYS) {
    const into = hist[key];
    for (const v of part[key]) into.push(v);
  }
  hist.dataChanges = part.dataChanges;
}
