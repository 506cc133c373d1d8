// The Race view's presets and strategy menu: presentation only (labels, texts, starting
// settings); every range, default and rule comes from the core's tables.

/** The strategies a lane can run, as the menu offers them: a kind and, for descent, a rule. */
export const LANE_CHOICES = [
  { id: 'gd', label: 'Gradient descent', strategy: { kind: 'gradient', rule: 'plain' } },
  { id: 'momentum', label: 'GD + momentum', strategy: { kind: 'gradient', rule: 'momentum' } },
  { id: 'nesterov', label: 'GD + Nesterov', strategy: { kind: 'gradient', rule: 'nesterov' } },
  { id: 'adagrad', label: 'AdaGrad', strategy: { kind: 'gradient', rule: 'adagrad' } },
  { id: 'rmsprop', label: 'RMSProp', strategy: { kind: 'gradient', rule: 'rmsprop' } },
  { id: 'adam', label: 'Adam', strategy: { kind: 'gradient', rule: 'adam' } },
  { id: 'random', label: 'Random search', strategy: { kind: 'random-global' } },
  { id: 'walk', label: 'Random walk', strategy: { kind: 'random-walk' } },
  { id: 'genetic', label: 'Genetic algorithm', strategy: { kind: 'genetic' } },
  { id: 'grid', label: 'Grid search', strategy: { kind: 'grid' } },
];

/** The menu entry of a lane's strategy settings. */
export function laneChoice(strategy) {
  const kind = strategy && strategy.kind;
  return LANE_CHOICES.find((c) => c.strategy.kind === kind && (kind !== 'gradient' || c.strategy.rule === (strategy.rule || 'plain'))) || LANE_CHOICES[0];
}

/** The presets, each a whole race and a sentence on what it shows. */
export const PRESETS = [
  {
    id: 'bowl',
    label: 'GD vs momentum vs Adam on an ill-conditioned bowl',
    options: {
      problem: 'surface',
      landscape: { id: 'bowl', condition: 50, rotationDeg: 30 },
      strategies: [{ kind: 'gradient', rule: 'plain' }, { kind: 'gradient', rule: 'momentum' }, { kind: 'gradient', rule: 'adam' }],
      seeds: 5, budget: 150, seed: 1,
    },
    text: 'A bowl 50 times steeper across than along. Plain descent must keep α below 2/κ, so it crawls along the valley floor; momentum builds up speed along it; Adam scales each step by the gradient\'s size. Each seed starts at its own point, the same for every strategy.',
  },
  {
    id: 'rastrigin',
    label: 'GD vs a genetic algorithm on Rastrigin',
    options: {
      problem: 'surface',
      landscape: { id: 'rastrigin' },
      strategies: [{ kind: 'gradient', rule: 'plain', learningRate: 0.002 }, { kind: 'genetic', population: 20 }],
      seeds: 5, budget: 1000, seed: 1,
    },
    text: 'Rastrigin\'s surface is covered in local minima. Gradient descent (α = 0.002, below 2 over the bumps’ curvature) settles in the one nearest its start and stops (its curve goes flat); the genetic algorithm spends the same 1000 evaluations on a population of 20 that keeps jumping between basins.',
  },
  {
    id: 'grid',
    label: 'Random search vs grid search when one axis matters',
    options: {
      problem: 'surface',
      landscape: { id: 'stripe' },
      strategies: [{ kind: 'random-global', samplesPerStep: 5 }, { kind: 'grid', samplesPerStep: 5, gridPoints: 5 }],
      seeds: 10, budget: 25, seed: 1,
    },
    text: 'J depends on x a hundred times more than on y. A 5 × 5 grid spends its 25 evaluations on only 5 values of x, and its best is the same for every seed; 25 random points try 25 values of x, so over these seeds their median ends closer to the minimum (a single unlucky seed can still lose) (Bergstra and Bengio, 2012). The minimum x* = 1/√3 is not on any regular grid of the box.',
  },
  {
    id: 'weights',
    label: 'GD vs Adam vs a genetic algorithm on a network\u2019s weights',
    options: {
      problem: 'weights',
      weights: { data: 'circle', points: 200, noise: 0.1, model: { hidden: [6], activation: 'tanh' } },
      strategies: [{ kind: 'gradient', rule: 'plain', learningRate: 0.1 }, { kind: 'gradient', rule: 'adam', learningRate: 0.1 }, { kind: 'genetic', population: 20 }],
      seeds: 5, budget: 600, seed: 1,
    },
    text: 'A network with one hidden layer of 6 neurons (25 weights) learns the circle. One evaluation is the training loss on all training rows, and every strategy gets 600 of them. A gradient step learns from each evaluation which way all 25 weights should move; the genetic algorithm must find that out by trying, and Adam ends about a hundred times lower. (A gradient costs about twice a loss, a backward pass: this count leaves that out.)',
  },
];

/** The preset `id`, or undefined. */
export function presetById(id) {
  return PRESETS.find((p) => p.id === id);
}
