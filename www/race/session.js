// The core's race session as the run controller drives it: step, reset (a fresh session with the
// same settings: the same race again), free, and the state read from its flat numbers.

const STATUS = ['ready', 'running', 'budget-spent'];

/** A race session for `config` ({ landscape, strategies, seeds, budget, seed }); throws the core's message when refused. */
export function raceSession(wasm, config) {
  let core = new wasm.RaceSession(config);
  return {
    step: (n) => core.step(n),
    reset() {
      const fresh = new wasm.RaceSession(config);
      core.free();
      core = fresh;
    },
    free: () => core.free(),
    curvesFrom: (start) => core.curvesFrom(start),
    lane: (s) => core.lane(s),
    /** { status, step, budget, seeds, optimum, bands (median, min, max per strategy, flat) }. */
    state() {
      const v = core.state();
      return { status: STATUS[v[0]], step: v[1], budget: v[2], seeds: v[3], optimum: v[4], bands: Array.from(v.subarray(5)) };
    },
  };
}
