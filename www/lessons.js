// Built-in lessons: each is a preset link (the settings as the views write them), two or three
// sentences, and one question for the class. A lesson travels in the URL as `lesson=<id>`
// beside the preset's keys, so it can be shared and embedded like any state.

import { el, replaceChildren } from './ui/dom.js';
import { popupMenu } from './ui/menu.js';
import { takeKey } from './link-keys.js';

/** The lessons, in menu order. */
export const LESSONS = [
  {
    id: 'learning-rate',
    title: 'Learning rate: too small, too large',
    link: 'view=landscapes&landscape=bowl&kappa=10&phi=30&strategy=gradient&rule=plain&alpha=0.21&seed=1&speed=10',
    text: [
      'Gradient descent takes steps of α times the gradient. On this bowl the steepest direction curves ten times faster than the flattest one, so a step that is too long overshoots the valley floor and lands higher on the other side.',
      'Press Play with α = 0.21, then try α = 0.19, 0.1 and 0.005.',
    ],
    question: 'Which α reaches the minimum in the fewest steps? Why does 0.21 fly off when 0.19 does not?',
  },
  {
    id: 'momentum-adam',
    title: 'Momentum and Adam in a narrow valley',
    link: 'view=landscapes&landscape=bowl&kappa=50&phi=30&strategy=gradient&rule=momentum&alpha=0.02&mu=0.9&seed=1&speed=10',
    text: [
      'This bowl is fifty times steeper across than along: plain gradient descent zigzags across the valley and crawls along it.',
      'Momentum remembers past steps, so the zigzags cancel and the steps along the valley add up. Adam also rescales each coordinate by its own recent gradients.',
    ],
    question: 'Switch the update rule to Plain, then to Adam, and count the steps each needs: which one wins here, and why?',
  },
  {
    id: 'random-vs-grid',
    title: 'Random search or grid search?',
    link: 'view=search&data=moons&n=200&noise=0.2&dseed=1&strategy=grid&layers=1,1&neurons=8,8&acts=tanh&rules=plain&lr=0.001,1&l2=0.00001,0.001&l2zero=0&epochs=20&gl=1&gn=1&glr=3&gl2=3&folds=3&strat=1&test=0.2&seed=1',
    text: [
      'Nine candidates, two hyperparameters: the learning rate matters a lot here, the small L2 rate hardly at all. A 3 × 3 grid tries only three learning rates.',
      'Run the grid, then set the strategy to Random search with 9 candidates and run again (Bergstra and Bengio, 2012).',
    ],
    question: 'How many different learning rates did each strategy try, and which found the better model?',
  },
  {
    id: 'ga-rastrigin',
    title: 'Escaping local minima: a genetic algorithm on Rastrigin',
    link: 'view=landscapes&landscape=rastrigin&strategy=genetic&pop=40&k=3&crossover=blend&blend=0.3&mrate=0.2&msigma=0.5&elite=2&spread=0.25&seed=1&speed=10',
    text: [
      'Rastrigin’s surface is an egg box: a pit around every whole-number point, and the deepest one at the origin.',
      'Gradient descent only ever walks downhill, so it stops in the nearest pit. A population spreads out, and crossover and mutation let children land in deeper pits than their parents.',
    ],
    question: 'Play the genetic algorithm, then switch the strategy to gradient descent: where does each stop, and what value of J does each reach?',
  },
  {
    id: 'race-seeds',
    title: 'A fair race: one budget, several seeds',
    link: 'view=race&preset=rastrigin&problem=surface&landscape=rastrigin&seeds=5&budget=1000&seed=1&strategy1=gradient&rule1=plain&alpha1=0.002&strategy2=genetic&pop2=20&speed=10',
    text: [
      'Both strategies get the same budget of 1000 evaluations of J (one that stops early keeps its best), start from the same points, and run five times with different seeds.',
      'Each line is the median run; its band spans the best and the worst seed. One lucky run proves little: a wide band means the result depends on the seed.',
    ],
    question: 'When the budget is spent, which strategy has the lower median, and do the bands overlap? What would a single seed have told you?',
  },
  {
    id: 'cv-optimistic',
    title: 'Why the winner’s cross-validation score is optimistic',
    link: 'view=search&data=moons&n=100&noise=0.3&dseed=2&strategy=random&cand=30&layers=0,3&neurons=2,16&acts=relu,tanh&rules=adam&lr=0.003,0.3&l2=0.0001,0.01&l2zero=1&epochs=40&folds=5&strat=1&test=0.3&seed=1',
    text: [
      'Each candidate is scored by 5-fold cross-validation: trained five times, each time scored on the fifth of the rows it did not see.',
      'After the search, the winner is retrained on all the training rows and scored once on a test part that no candidate ever saw.',
    ],
    question: 'Compare the winner’s CV score with its test score. Why is the best of thirty noisy scores likely to be too high?',
  },
  {
    id: 'bigger-not-better',
    title: 'A bigger network is not always better',
    link: 'view=search&data=circle&n=120&noise=0.25&dseed=1&strategy=grid&layers=0,3&neurons=2,32&acts=relu&rules=adam&lr=0.03,0.03&l2=0.0001,0.01&l2zero=0&epochs=60&gl=4&gn=3&glr=1&gl2=1&folds=5&strat=1&test=0.3&seed=1',
    text: [
      'A grid of networks from no hidden layer to three layers of 32 neurons, all trained the same way on 120 noisy points.',
      'The chart of score against parameter count marks the Pareto front: the candidates that no smaller network beats.',
    ],
    question: 'How many parameters does the smallest network on the front need, and what do the largest networks gain for their thousands of parameters?',
  },
];

/** The lesson with this id, or undefined. */
export function lessonById(id) {
  return LESSONS.find((lesson) => lesson.id === id);
}

/**
 * Splits the `lesson=` key off a hash: `{ hash, lesson, problem }`, where `hash` is what is left
 * for the view (with its leading '#', if it had one; the lesson's preset when the link names
 * nothing else), `lesson` the known lesson or undefined, and `problem` says why a `lesson=`
 * value was ignored.
 */
export function takeLesson(hash) {
  const { hash: rest, value: id, rest: parts } = takeKey(hash, 'lesson');
  if (id === undefined) return { hash: rest };
  const lesson = lessonById(id);
  if (!lesson) return { hash: rest, problem: `unknown lesson "${String(id).slice(0, 30)}"` };
  // A link that names only the lesson (and at most a view) opens the lesson's preset.
  const bare = parts.every((part) => part.startsWith('view='));
  return { hash: bare ? `${rest.startsWith('#') ? '#' : ''}${lesson.link}` : rest, lesson };
}

/** `hash` (without '#') with the lesson's key appended. */
export function withLesson(hash, lesson) {
  return lesson ? `${hash}&lesson=${lesson.id}` : hash;
}

/** The lesson's own link (without '#'). */
export function lessonLink(lesson) {
  return withLesson(lesson.link, lesson);
}

/** The "Lessons" button and its list; `onPick(lesson)` runs when one is chosen. */
export function lessonsMenu(onPick) {
  return popupMenu('Lessons', 'lessons', () => LESSONS.map((lesson) => ({ id: lesson.id, label: lesson.title, act: () => onPick(lesson) })));
}

/** Shows `lesson` in `host` (or empties it when `lesson` is undefined); `onClose` ends it. */
export function showLesson(host, lesson, onClose) {
  if (!lesson) {
    replaceChildren(host);
    return;
  }
  const close = el('button', { type: 'button', class: 'pg-button pg-small' }, 'Close lesson');
  close.addEventListener('click', onClose);
  replaceChildren(host, el('section', { class: 'lesson', 'aria-label': `Lesson: ${lesson.title}` },
    el('h2', {}, `Lesson · ${lesson.title}`),
    ...lesson.text.map((sentence) => el('p', {}, sentence)),
    el('p', { class: 'lesson-question' }, el('strong', {}, 'Question for the class: '), lesson.question),
    close));
}
