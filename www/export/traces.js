// The tables each view exports: a Landscapes run step by step, a training run's curves, a
// search's leaderboard. Every number comes from the core; these only lay them out in rows.

/**
 * A Landscapes run, one row per step: evaluations so far, the position θ = (x, y), J(θ) (from
 * the core) and the best J so far. Step 0 is the start. When the core kept only the newest
 * positions of a very long run, the rows start at the oldest kept one.
 */
export function landscapeTrace(session) {
  const path = session.path();
  const curve = session.curveFrom(0);
  const steps = curve.length / 2;
  const positions = path.length / 2;
  const rows = [];
  for (let s = Math.max(0, steps + 1 - positions); s <= steps; s += 1) {
    const at = positions - 1 - (steps - s);
    const [x, y] = [path[2 * at], path[2 * at + 1]];
    rows.push([s, s === 0 ? 0 : curve[2 * (s - 1)], x, y, session.valueAt(x, y), s === 0 ? null : curve[2 * (s - 1) + 1]]);
  }
  return { columns: ['step', 'evaluations', 'x', 'y', 'J', 'best_J'], rows };
}

/** History fields in column order, with their column names. */
const HISTORY_COLUMNS = [
  ['trainLoss', 'train_loss'], ['validationLoss', 'validation_loss'], ['testLoss', 'test_loss'],
  ['trainScore', 'train_score'], ['validationScore', 'validation_score'], ['testScore', 'test_score'],
  ['trainRmse', 'train_rmse'], ['testRmse', 'test_rmse'],
  ['generationBest', 'generation_best'], ['generationMean', 'generation_mean'],
];

/** A training run's curves (the core's history), one row per step; curves the run has not drawn are left out. */
export function trainingTrace(history) {
  const steps = Array.from(history.steps || []);
  const present = HISTORY_COLUMNS.filter(([field]) => history[field] && history[field].length === steps.length && steps.length > 0);
  const changes = new Set(Array.from(history.dataChanges || []));
  return {
    columns: ['step', ...present.map(([, column]) => column), 'data_changed'],
    rows: steps.map((step, i) => [step, ...present.map(([field]) => history[field][i]), changes.has(step) ? 1 : 0]),
  };
}

/** A search's leaderboard (`state().leaderboard`), best first, each fold's score in its own column. */
export function leaderboardTable(rows, k) {
  const folds = Array.from({ length: k }, (_, f) => `fold_${f + 1}`);
  return {
    columns: ['rank', 'candidate', 'architecture', 'parameters', 'cv_mean', 'cv_std', ...folds, 'epochs', 'failed', 'ms'],
    rows: rows.map((r) => [r.rank, r.candidate, r.architecture, r.parameters, r.mean, r.std,
      ...folds.map((_, f) => (r.folds[f] === undefined ? null : r.folds[f])), r.epochs, r.failed ? 1 : 0, Math.round(r.ms)]),
  };
}
