// The Race view's presets and strategy menus: presentation only (labels, texts, starting
// settings); every range, default and rule comes from the core's tables.

import { ARCHITECTURE_LANES, architectureLabel } from './architecture.js';
import { dataLabel, weightsLabel } from './weights.js';

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

/** The strategies a lane can run on `problem`. */
export function laneChoices(problem) {
  return problem === 'architecture' ? ARCHITECTURE_LANES : LANE_CHOICES;
}

/** The menu entry of a lane's strategy settings on `problem`. */
export function laneChoice(strategy, problem) {
  const kind = strategy && strategy.kind;
  const choices = laneChoices(problem);
  return choices.find((c) => c.strategy.kind === kind && (kind !== 'gradient' || c.strategy.rule === (strategy.rule || 'plain'))) || choices[0];
}

/** `strategies` kept where `problem` can run them; fewer than two left: its first two. */
export function lanesFor(problem, strategies) {
  const choices = laneChoices(problem);
  const kept = strategies.filter((s) => choices.some((c) => c.strategy.kind === s.kind));
  return kept.length >= 2 ? kept : choices.slice(0, 2).map((c) => ({ ...c.strategy }));
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
    text: 'A network with one hidden layer of 6 neurons (25 weights) learns the circle. One evaluation is the training loss on all training rows, and every strategy gets 600 of them. A gradient step learns from each evaluation which way all 25 weights should move; the genetic algorithm must find that out by trying. Over these 5 seeds the median best loss ends near 0.32 for plain descent (α = 0.1 crawls), 0.21 for the GA and 0.003 for Adam. (A gradient costs about twice a loss, a backward pass: this count leaves that out.)',
  },
  {
    id: 'architecture',
    label: 'Random vs grid vs evolution on a model\u2019s architecture',
    options: {
      problem: 'architecture',
      weights: { data: 'spiral', points: 200, noise: 0.025 },
      architecture: { space: { layers: [1, 3], neurons: [2, 16], epochs: 80 }, folds: 3 },
      strategies: [{ kind: 'random' }, { kind: 'grid' }, { kind: 'evolution', population: 6, tournament: 3, elitism: 1 }],
      seeds: 5, budget: 30, seed: 1,
    },
    text: 'Each strategy scores 30 architectures on the spiral by 3-fold cross-validation (80 epochs each), from 5 seeds. The grid walks its fixed order — one hidden layer of 2 neurons with every activation, rate and L2 before anything wider — and ends at a median CV error of about 0.36; random search tries 30 unrelated architectures (about 0.24); evolution starts from the same first draws but breeds from its best and ends lowest (about 0.11, though one seed stays at 0.26). One run on this page; other seeds give other figures.',
  },
];

/** The preset `id`, or undefined. */
export function presetById(id) {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The texts of race `s` (the view's settings) on the surface labelled `surface`: { subject (the
 * title's), own (what "Your own race" shows), quantity (the chart's y axis), best (the summary's) }.
 */
export function raceTexts(s, surface) {
  const runs = `every strategy gets ${s.budget} evaluations`;
  if (s.problem === 'architecture') {
    const data = dataLabel(s.weights.data);
    return {
      subject: `${architectureLabel(s.architecture)} on ${data}`,
      own: `Your own race on ${data}: ${runs} — one is a candidate's ${s.architecture.folds}-fold cross-validation (a candidate trained for fewer epochs costs its share of one) — from ${s.seeds} seeds; lane k of every strategy has the same folds.`,
      quantity: 'best CV error',
      best: 'Best CV error',
    };
  }
  if (s.problem === 'weights') {
    const subject = weightsLabel(s.weights);
    return { subject, own: `Your own race on ${subject}: ${runs} of the training loss (all training rows), from ${s.seeds} seeds; lane k of every strategy starts from the same weights.`, quantity: 'best training loss', best: 'Best training loss' };
  }
  return { subject: surface, own: `Your own race on ${surface}: ${runs}, from ${s.seeds} seeds; lane k of every strategy starts at the same point.`, quantity: 'best J − J*', best: 'Best J' };
}
