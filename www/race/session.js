// The core's race session as the run controller drives it: step, rewind (to a kept snapshot),
// reset (a fresh session with the same settings: the same race again), free, and each frame's numbers read from the one flat
// array the core copies out (RaceSession.frame).

import { parseLane } from './pictures.js';
import { RaceWorkers } from './workers.js';

const STATUS = ['ready', 'running', 'budget-spent'];

/** The core's configuration: the strategies as `strategy1`, `strategy2`… */
function coreConfig({ strategies, ...rest }) {
  const config = { ...rest };
  (strategies || []).forEach((strategy, i) => {
    config[`strategy${i + 1}`] = strategy;
  });
  return config;
}

/**
 * A race session for `config` ({ problem, landscape, weights, architecture, strategies, seeds,
 * budget, seed }); throws the core's message when refused. A step can be carried on a part at a
 * time (advance(budget) → complete), so the run controller splits dear steps across frames; on
 * architectures the parts are trained in Web Workers (advance answers WAITING meanwhile).
 */
export function raceSession(wasm, config) {
  const count = (config.strategies || []).length;
  let core = new wasm.RaceSession(coreConfig(config));
  const workers = config.problem === 'architecture' ? new RaceWorkers(coreConfig(config)) : null;
  const bests = () => Array.from({ length: count }, (_, s) => core.laneBest(s));
  return {
    step(n) {
      if (workers) throw new Error('a race on architectures trains its folds in Web Workers: use Step, Play or runFor(n)');
      return core.step(n);
    },
    advance: (budget) => (workers ? workers.advance(core, bests) : core.advance(budget)),
    /** On architectures: each strategy's first-seed best so far (laneBest) with its fold picture. */
    bests: () => bests().map((best) => best && { ...best, picture: workers.picture(best), size: wasm.SearchSession.pictureSize() }),
    /** A race on weights: strategy `s`'s first-seed model, `w` × `h` RGBA. */
    laneImage: (s, w, h) => core.laneImage(s, w, h),
    /** A race on weights: the most pixels a lane's picture may have (the core's cost rule). */
    lanePixels: () => core.lanePixels(),
    /** A race on weights: the plane and the first seed's training points (flat, see the core). */
    trainingPoints: () => core.trainingPoints(),
    /**
     * Back towards the earlier step `to`: the core's latest kept snapshot at or before it (a
     * race on architectures keeps none: it starts again, its folds in workers forgotten).
     */
    rewind(to) {
      core.rewind(to);
      if (workers) workers.forget();
    },
    reset() {
      const fresh = new wasm.RaceSession(coreConfig(config));
      core.free();
      core = fresh;
      if (workers) workers.forget();
    },
    free() {
      if (workers) workers.destroy();
      core.free();
    },
    /**
     * { state: { status, step, budget, seeds, optimum, bands (median, min, max per strategy) },
     * curves: per strategy { median, min, max } of J − J* after evaluation `start` + 1 on,
     * lanes: per strategy its first-seed lane (parseLane) }.
     */
    read(start) {
      const v = core.frame(start);
      const head = 5 + 3 * count;
      const state = { status: STATUS[v[0]], step: v[1], budget: v[2], seeds: v[3], optimum: v[4], bands: Array.from(v.subarray(5, head)) };
      const per = Math.max(0, state.step - start);
      const curves = [];
      for (let s = 0; s < count; s += 1) {
        const c = { median: [], min: [], max: [] };
        for (let j = 0; j < per; j += 1) {
          const at = head + 3 * (s * per + j);
          c.median.push(v[at]);
          c.min.push(v[at + 1]);
          c.max.push(v[at + 2]);
        }
        curves.push(c);
      }
      let at = head + 3 * count * per;
      const lanes = [];
      for (let s = 0; s < count; s += 1) {
        const length = v[at];
        lanes.push(parseLane(v.subarray(at + 1, at + 1 + length)));
        at += 1 + length;
      }
      return { state, curves, lanes };
    },
  };
}
