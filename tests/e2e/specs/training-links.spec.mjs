// The "Train a model" view as a class meets it: links that reproduce what was on screen,
// state() that is current, drawing by hand without the plot moving, and the small things.
import { test, expect } from '@playwright/test';
import { expectNoProblems, watchFrames, SCREENSHOTS as SHOTS } from './helpers.mjs';

expectNoProblems(test, expect);

/** Screenshots looked at by hand (outside test-results/, which Playwright empties). */

async function open(page, hash = '#view=training') {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders + (window.training.state().ready ? 0 : 1) > 0);
}

const state = (page) => page.evaluate(() => window.training.state());
const hashOf = (page) => page.evaluate(() => location.hash);
const select = (page, key) => page.locator(`#view-training .pg-field[data-field="${key}"] select`);

/** Calls training[method](...args) in the page (awaiting a Promise). */
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.training[m](...a), [method, args]);

/** The view's options as its link states them: every setting in force, read back from the encoding. */
const inForce = (page) => page.evaluate(async () => {
  const m = await import('/www/training/options.js');
  const { options } = window.training.state();
  return { written: m.decodeTrainingHash(m.encodeTrainingHash('training', options)).options, options };
}).then(({ written, options }) => {
  // Everything written equals what is in force; the speed and the settings column too.
  const pick = (node, shape) => (shape && typeof shape === 'object' && !Array.isArray(shape)
    ? Object.fromEntries(Object.keys(shape).map((k) => [k, pick(node[k], shape[k])]))
    : node);
  return { written, inForce: pick(options, written), speed: options.speed, controls: options.controls };
});

/** 20 steps, then what must match between the page and its link. */
async function numbersAfter20(page) {
  await call(page, 'step', 20);
  const s = await state(page);
  return { step: s.step, trainLoss: s.history.trainLoss, testLoss: s.history.testLoss, rows: s.rows, drawn: s.drawn };
}

// Every field of the Train view, each followed by a check that the written link reproduces it.
// Each change applies on top of the previous ones (as a user would make them).
const CHANGES = [
  ['data source (menu: Two moons)', (page) => select(page, 'data').selectOption('moons')],
  ['data source (API)', (page) => call(page, 'set', { data: { id: 'xor' } })],
  ['points', (page) => call(page, 'set', { data: { points: 150 } })],
  ['noise', (page) => call(page, 'set', { data: { noise: 0.3 } })],
  ['data seed', (page) => call(page, 'set', { data: { seed: 7 } })],
  ['points added to a generated set', async (page) => {
    await call(page, 'addPoint', 0.5, 0.5, 0);
    await call(page, 'addPoint', -0.25, 0.75, 1);
  }],
  ['test share', (page) => call(page, 'set', { config: { testShare: 0.2 } })],
  ['validation share', (page) => call(page, 'set', { config: { validationShare: 0.15 } })],
  ['layers', (page) => call(page, 'set', { config: { model: { hidden: [4, 3] } } })],
  ['activation', (page) => call(page, 'set', { config: { model: { activation: 'relu' } } })],
  ['loss', (page) => call(page, 'set', { config: { model: { loss: 'mse' } } })],
  ['regularization and rate', (page) => call(page, 'set', { config: { model: { regularization: 'l2', regularizationRate: 0.01 } } })],
  ['batch mode and size', (page) => call(page, 'set', { config: { batch: 'mini', batchSize: 16 } })],
  ['step unit', (page) => call(page, 'set', { config: { stepUnit: 'batch' } })],
  ['SGD', (page) => call(page, 'set', { config: { batch: 'sgd', stepUnit: 'epoch' } })],
  ['learning rate', (page) => call(page, 'set', { config: { batch: 'full', strategy: { learningRate: 0.3 } } })],
  ['momentum', (page) => call(page, 'set', { config: { strategy: { rule: 'momentum', momentum: 0.7 } } })],
  ['Nesterov', (page) => call(page, 'set', { config: { strategy: { rule: 'nesterov', momentum: 0.6 } } })],
  ['AdaGrad', (page) => call(page, 'set', { config: { strategy: { rule: 'adagrad', learningRate: 0.2 } } })],
  ['RMSProp', (page) => call(page, 'set', { config: { strategy: { rule: 'rmsprop', rho: 0.8, learningRate: 0.02 } } })],
  ['Adam', (page) => call(page, 'set', { config: { strategy: { rule: 'adam', beta1: 0.8, beta2: 0.99, learningRate: 0.05 } } })],
  ['seed', (page) => call(page, 'set', { config: { seed: 42 } })],
  ['random search', (page) => call(page, 'set', { config: { strategy: { kind: 'random-global', samplesPerStep: 30 } } })],
  ['random walk', (page) => call(page, 'set', { config: { strategy: { kind: 'random-walk', samplesPerStep: 12, sigma: 0.3 } } })],
  ['genetic algorithm', (page) => call(page, 'set', { config: { strategy: { kind: 'genetic', population: 24, tournament: 4, crossover: 'blend', blendAlpha: 0.3, mutationRate: 0.2, mutationSigma: 0.4, elitism: 3, initialSpread: 0.8 } } })],
  ['speed', (page) => call(page, 'set', { speed: 'max' })],
  ['controls hidden', (page) => call(page, 'set', { controls: false })],
  ['a classic table with a feature pair', async (page) => {
    await call(page, 'set', { controls: true, data: { id: 'iris' } });
    await call(page, 'set', { config: { displayFeatures: [0, 2], inputs: 'all' } });
  }],
  ['PCA', (page) => call(page, 'set', { config: { display: 'pca', inputs: 'display', strategy: { kind: 'gradient', rule: 'plain', learningRate: 0.1 } } })],
  ['points drawn by hand (two classes)', async (page) => {
    await select(page, 'data').selectOption('draw-classes');
    for (const [u, v, k] of [[-0.5, 0.5, 0], [-0.6, 0.3, 0], [-0.3, 0.6, 0], [0.5, -0.4, 1], [0.6, -0.6, 1], [0.3, -0.5, 1]]) await call(page, 'addPoint', u, v, k);
  }],
  ['points drawn by hand (regression)', async (page) => {
    await select(page, 'data').selectOption('draw-values');
    for (const [x, y] of [[-0.8, -0.5], [-0.4, -0.1], [0, 0.2], [0.4, 0.3], [0.8, 0.7], [0.2, 0.1]]) await call(page, 'addPoint', x, y, 0);
  }],
];

test('every setting of the Train view travels in its link: the same options, and the same numbers after 20 steps', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await open(page);
  const fresh = await browser.newPage();
  const problems = [];
  fresh.on('pageerror', (e) => problems.push(e.message));
  for (const [name, change] of CHANGES) {
    await change(page);
    await expect.poll(async () => (await state(page)).loading, { message: name }).toBe('');
    const hash = await hashOf(page);
    const before = await state(page);
    await open(fresh, hash);
    await expect.poll(async () => (await state(fresh)).loading, { message: name }).toBe('');
    const after = await state(fresh);
    // Every setting in force is the same (a setting that does not act on this run, such as
    // the batch size under SGD, is not carried).
    expect(await inForce(fresh), `${name}: ${hash}`).toEqual(await inForce(page));
    expect(after.options.config.strategy.kind, name).toBe(before.options.config.strategy.kind);
    expect(after.dataId, name).toBe(before.dataId);
    expect(after.drawn, name).toBe(before.drawn);
    expect(await hashOf(fresh), `${name}: the link opens as it was written`).toBe(hash);
    // Same run from there: the link's page and a Reset of this page take the same steps.
    await call(page, 'reset');
    const here = await numbersAfter20(page);
    const there = await numbersAfter20(fresh);
    expect(there, `${name}: ${hash}`).toEqual(here);
    await call(page, 'reset');
  }
  expect(problems).toEqual([]);
  await fresh.close();
});

test('ε of AdaGrad, RMSProp and Adam travels in the link', async ({ page, browser }) => {
  await open(page);
  const fresh = await browser.newPage();
  for (const rule of ['adagrad', 'rmsprop', 'adam']) {
    await call(page, 'set', { config: { strategy: { rule, epsilon: 0.5, learningRate: 0.05 } } });
    const hash = await hashOf(page);
    await open(fresh, hash);
    expect((await state(fresh)).options.config.strategy.epsilon, `${rule}: ${hash}`).toBe(0.5);
    expect(await numbersAfter20(fresh), rule).toEqual(await numbersAfter20(page));
    await call(page, 'reset');
  }
  await fresh.close();
});

test('the link follows the data the moment it changes, and says when it cannot carry it', async ({ page }) => {
  await open(page);
  await call(page, 'set', { data: { id: 'moons' } });
  expect(await hashOf(page)).toContain('data=moons');
  await select(page, 'data').selectOption('spiral');
  expect(await hashOf(page)).toContain('data=spiral');
  const note = page.locator('#view-training .tr-link-note');
  await expect(note).toBeHidden();
  // A CSV cannot travel in a link: the link says csv, and the view says what that means.
  const loaded = await call(page, 'loadCsv', 'a,b,label\n1,2,x\n2,1,y\n3,4,x\n4,3,y\n5,6,x\n6,5,y\n7,8,x\n8,7,y\n', 'mine.csv');
  expect(loaded.ok).toBe(true);
  expect(await hashOf(page)).toContain('data=csv');
  await expect(note).toBeVisible();
  await expect(note).toContainText('cannot carry your CSV');
  // Points added to a generated set go into the link (pts=), not a blank drawing.
  await call(page, 'set', { data: { id: 'circle' } });
  await expect(note).toBeHidden();
  await call(page, 'addPoint', 0.25, -0.5, 1);
  const hash = await hashOf(page);
  expect(hash).toContain('data=circle');
  expect(hash).toContain('pts=0.25,-0.5,1');
  // Too many points for a link: the link keeps the rest, and the view says so.
  await page.evaluate(() => {
    for (let i = 0; i < 150; i += 1) window.training.addPoint(Math.cos(i) * 0.8731, Math.sin(i) * 0.7719, i % 2);
  });
  expect(await hashOf(page)).not.toContain('pts=');
  await expect(note).toContainText('151 drawn points');
});

test('state() describes the model right after step(), not as of the last frame', async ({ page }) => {
  await open(page, '#view=training&data=spiral&layers=8,8');
  for (const n of [1, 3, 10]) {
    const now = await page.evaluate((k) => {
      window.training.step(k);
      return window.training.state();
    }, n);
    // A second look, after the frames have drawn, must agree.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const later = await state(page);
    expect(now.step).toBe(later.step);
    expect(now.misclassified, `after step(${n})`).toBe(later.misclassified);
    expect(now.history, `after step(${n})`).toEqual(later.history);
    expect(now.networkNodes).toEqual(later.networkNodes);
    expect(now.curvePoints).toBe(later.curvePoints);
  }
  // A change of the architecture is current at once too (no frame in between).
  const sizes = await page.evaluate(() => {
    window.training.set({ config: { model: { hidden: [3] } } });
    const s = window.training.state();
    return { layers: s.layerSizes, nodes: s.networkNodes.length };
  });
  expect(sizes).toEqual({ layers: [2, 3, 1], nodes: 6 });
});

/** Counts the canvas pixels in the misclassified ring's near-black (#111111: no other mark is that neutral a dark). */
const ringPixels = (page) => page.evaluate(() => {
  const c = document.querySelector('.tr-canvas');
  const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(c, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.max(Math.abs(d[i] - 17), Math.abs(d[i + 1] - 17), Math.abs(d[i + 2] - 17)) <= 3) n += 1;
  return n;
});

test('before the first step no point is ringed as misclassified', async ({ page }) => {
  await open(page, '#view=training&data=circle');
  const s = await state(page);
  expect(s.step).toBe(0);
  expect(s.misclassified).toBeGreaterThan(10); // the untrained model is wrong about many…
  expect(s.ringed).toBe(0); // …but nothing is marked before it has learnt anything
  expect(await ringPixels(page)).toBe(0);
  await call(page, 'step', 1);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await state(page);
  expect(after.ringed).toBe(after.misclassified);
  if (after.misclassified > 0) expect(await ringPixels(page)).toBeGreaterThan(0);
});

test('drawing two classes: the plot stays put under the cursor, and the view is a classification one', async ({ page }) => {
  await open(page, '#view=training&data=draw-classes');
  const canvas = page.locator('.tr-canvas');
  const title = page.locator('#view-training .pg-title');
  await expect(title).not.toContainText('regression');
  await expect(page.locator('#view-training .pg-legend').first()).toContainText('class 1');
  await expect(page.locator('#view-training .pg-legend').first()).not.toContainText('target');
  const first = await canvas.boundingBox();
  const boxes = [];
  const at = (fx, fy) => ({ position: { x: first.width * fx, y: first.height * fy } });
  const clicks = [[0.3, 0.25, false], [0.72, 0.7, true], [0.35, 0.3, false], [0.7, 0.78, true], [0.25, 0.35, false], [0.8, 0.65, true], [0.4, 0.2, false]];
  for (const [fx, fy, shift] of clicks) {
    await canvas.click({ ...at(fx, fy), modifiers: shift ? ['Shift'] : [] });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    boxes.push(await canvas.boundingBox());
    const s = await state(page);
    // No R² row, no regression legend while the two classes are drawn.
    await expect(page.locator('#view-training .pg-title')).not.toContainText('regression');
    expect(s.rows).toBe(boxes.length);
  }
  for (const box of boxes) expect(box).toEqual(first);
  const s = await state(page);
  expect(s.ready).toBe(true);
  expect(s.data.classNames).toEqual(['class 1', 'class 2']);
  const panel = page.locator('#view-training .tr-run');
  await expect(panel).not.toContainText('R²');
  await expect(panel).toContainText('accuracy');
  await page.screenshot({ path: `${SHOTS}drawing-two-classes.png` });
});

test('a point added to a generated set continues the run: the step and the curves go on, with a mark', async ({ page }) => {
  await open(page, '#view=training&data=moons');
  await call(page, 'step', 15);
  const before = await state(page);
  expect(before.step).toBe(15);
  expect(before.historyLength).toBe(16);
  const canvas = page.locator('.tr-canvas');
  const box = await canvas.boundingBox();
  await canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  const after = await state(page);
  expect(after.rows).toBe(before.rows + 1);
  expect(after.step).toBe(15);
  expect(after.historyLength).toBe(16);
  expect(after.dataChanges).toEqual([15]);
  expect(after.evaluations).toBeGreaterThanOrEqual(before.evaluations);
  await call(page, 'step', 5);
  const later = await state(page);
  expect(later.step).toBe(20);
  expect(later.historyLength).toBe(21);
  await expect(page.locator('#view-training .tr-curves .pg-legend')).toContainText('points added');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator('#view-training .tr-curves').screenshot({ path: `${SHOTS}curves-with-mark.png` });
});

test('the GA on Sine shows each candidate\'s curve in its thumbnail', async ({ page }) => {
  await open(page, '#view=training&data=sine&strategy=genetic&pop=24');
  await call(page, 'step', 5);
  await expect.poll(async () => (await state(page)).thumbnails).toBe(12);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const thumbs = await page.evaluate(() => Array.from(document.querySelectorAll('.tr-thumb')).map((c) => {
    const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let curve = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === 29 && d[i + 1] === 78 && d[i + 2] === 216) curve += 1;
    return { curve, width: c.width };
  }));
  expect(thumbs.length).toBe(12);
  for (const t of thumbs) expect(t.curve).toBeGreaterThanOrEqual(t.width);
  await page.locator('#view-training .tr-pop').screenshot({ path: `${SHOTS}sine-ga-thumbnails.png` });
  await page.screenshot({ path: `${SHOTS}sine-ga.png`, fullPage: true });
});

/** The text drawn for the output neuron fits the network canvas. */
test('the output neuron\'s label fits beside it', async ({ page }) => {
  await open(page, '#view=training&data=xor');
  const fit = await page.evaluate(() => {
    const canvas = document.querySelector('.tr-network');
    const ctx = canvas.getContext('2d');
    const drawn = [];
    const fill = ctx.fillText.bind(ctx);
    ctx.fillText = (text, x, y) => {
      drawn.push({ text, x, align: ctx.textAlign, width: ctx.measureText(text).width });
      fill(text, x, y);
    };
    window.training.set({ config: { model: { hidden: [6, 5] } } });
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => {
      ctx.fillText = fill;
      r({ drawn, cssW: canvas.getBoundingClientRect().width });
    })));
  });
  const labels = fit.drawn.filter((d) => d.align === 'left');
  expect(labels.map((d) => d.text).join(' ')).toContain('P(opposite');
  expect(labels.map((d) => d.text).join(' ')).toContain('sign)');
  for (const d of labels) {
    expect(d.text).not.toContain('…');
    expect(d.x + d.width, d.text).toBeLessThanOrEqual(fit.cssW);
  }
  await page.locator('#view-training .tr-net').screenshot({ path: `${SHOTS}network-output-label.png` });
});

test('a 64 KB column name loads and the page keeps drawing', async ({ page }) => {
  await open(page);
  const long = 'W'.repeat(64 * 1024);
  const csv = `${long},b,${long}Y\n${Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2 ? `${long}Y` : 'short'}`).join('\n')}\n`;
  const { frames, maxGap, value } = await watchFrames(page, async (text) => {
    const r = window.training.loadCsv(text, 'long.csv');
    window.training.step(5);
    for (let i = 0; i < 20; i += 1) await new Promise((res) => requestAnimationFrame(res));
    return r;
  }, csv);
  console.log(`64 KB header: ${frames} frames, longest frame ${maxGap.toFixed(0)} ms`);
  expect(value.ok).toBe(true);
  expect(frames).toBeGreaterThanOrEqual(20);
  expect(maxGap, 'not frozen').toBeLessThan(5000);
  const s = await state(page);
  expect(s.csvColumns[0].length).toBe(200);
  expect(s.csvColumns[0].endsWith('…')).toBe(true);
  expect(s.data.classNames.every((n) => n.length <= 200)).toBe(true);
});
