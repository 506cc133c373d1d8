// The search benchmark's fixed workload, as benches/cv_candidates.rs defines it natively: two
// spirals (300 points, noise 0.1, data seed 1), 20 % held out, 5 stratified folds, one
// candidate 2-8-8-1 tanh trained for 100 epochs of mini-batch SGD (batch 10, plain rule,
// α 0.03). Shared by www/search-bench.html and the end-to-end test that compares a browser
// worker's fold results with the native ones.

/** The data request. */
export const WORKLOAD_DATA = { kind: 'synthetic', id: 'spiral', points: 300, noise: 0.1, seed: 1 };

/** The search settings: a space of exactly one architecture. */
export const WORKLOAD_SETTINGS = {
  strategy: { kind: 'grid' },
  space: {
    layers: [2, 2], neurons: [8, 8], activations: ['tanh'], rules: ['plain'],
    learningRate: [0.03, 0.03], l2: [0.0001, 0.0001], l2Steps: 0, l2Zero: true, epochs: 100,
  },
  folds: { k: 5, stratified: true },
  testShare: 0.2,
  seed: 1,
};
