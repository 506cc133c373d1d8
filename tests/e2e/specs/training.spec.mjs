// End-to-end tests of the "Train a model" view, driven as a learner (and a teacher) would.
import { test, expect } from '@playwright/test';
import { SCREENSHOTS, expectNoProblems, listenForProblems, canvasWidths, watchFrames } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash = '#view=training') {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders + (window.training.state().ready ? 0 : 1) > 0);
}

const state = (page) => page.evaluate(() => window.training.state());
const canvasPixels = (page) => page.evaluate(() => document.querySelector('.tr-canvas').toDataURL());
const field = (page, key) => page.locator(`#view-training .pg-field[data-field="${key}"]`);
const stepButton = (page) => page.locator('#view-training [data-action="step"]');
const shot = (page, name) => page.screenshot({ path: `${SCREENSHOTS}training-${name}.png`, fullPage: true });

async function typeInto(page, key, text) {
  const input = field(page, key).locator('input');
  await input.fill(text);
  await input.press('Enter');
}

/** Uploads `text` as a file through the CSV box's file input. */
async function upload(page, name, text) {
  await page.locator('#view-training input.tr-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The colour of the canvas at a fraction (fx, fy) of its size. */
const pixelAt = (page, fx, fy) => page.evaluate(([x, y]) => {
  const c = document.querySelector('.tr-canvas');
  return Array.from(c.getContext('2d').getImageData(Math.round(c.width * x), Math.round(c.height * y), 1, 1).data);
}, [fx, fy]);

test('the view opens from its tab and shows the data, the boundary, the curves and the network', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => window.playground);
  await page.getByRole('tab', { name: 'Train a model' }).click();
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders > 0);
  expect(await page.evaluate(() => location.hash)).toContain('view=training');
  expect(await page.evaluate(() => location.hash)).toContain('data=circle');
  const s = await state(page);
  expect(s).toMatchObject({ view: 'training', ready: true, status: 'ready', step: 0, rows: 200, layerSizes: [2, 6, 6, 1] });
  expect(s.axisLabels).toEqual(['x1', 'x2']);
  await expect(page.locator('#view-training .pg-title')).toContainText('Gradient descent');
  await expect(page.locator('#view-training .pg-title')).toContainText('Circle');
  await expect(page.locator('.tr-network')).toBeVisible();
  await expect(page.locator('#view-training .pg-legend').first()).toContainText('inside');
  // The boundary is painted: the plot's centre is not the page's white.
  expect((await pixelAt(page, 0.55, 0.45)).slice(0, 3)).not.toEqual([255, 255, 255]);
  // Back and forth between the tabs keeps each view's state.
  await page.getByRole('tab', { name: 'Landscapes' }).click();
  expect(await page.evaluate(() => location.hash)).toContain('view=landscapes');
  await page.getByRole('tab', { name: 'Train a model' }).click();
  expect((await state(page)).rows).toBe(200);
});

test('every dataset loads: each generator and each classic table', async ({ page }) => {
  const catalog = await (async () => {
    await open(page);
    return page.evaluate(() => import('/pkg/automl_playground.js').then((m) => m.datasetCatalog()));
  })();
  expect(catalog.synthetic).toEqual(['circle', 'xor', 'gaussians', 'spiral', 'moons', 'blobs', 'line', 'sine', 'plane']);
  const select = page.locator('#view-training .pg-field[data-field="data"] select');
  for (const id of catalog.synthetic) {
    await select.selectOption(id);
    await expect.poll(async () => (await state(page)).dataId).toBe(id);
    const s = await state(page);
    expect(s.ready).toBe(true);
    expect(s.rows).toBe(catalog.defaults.find((g) => g.id === id).points);
    expect(s.data.features).toBe(id === 'line' || id === 'sine' ? 1 : 2);
    if (id === 'line' || id === 'sine') expect(s.curvePoints).toBeGreaterThan(100);
    await page.evaluate(() => window.training.step(3));
    expect((await state(page)).step).toBe(3);
  }
  const expected = { iris: [150, 4, 'Fisher'], wine: [178, 13, 'Forina'], breast_cancer: [569, 30, 'Wolberg'], diabetes: [442, 10, 'Efron'] };
  expect(catalog.classic.map((t) => t.id)).toEqual(Object.keys(expected));
  for (const table of catalog.classic) {
    await select.selectOption(table.id);
    await expect.poll(async () => (await state(page)).dataId).toBe(table.id);
    const s = await state(page);
    const [rows, features, credit] = expected[table.id];
    expect(s.rows).toBe(rows);
    expect(s.data.features).toBe(features);
    await expect(page.locator('.tr-credit')).toBeVisible();
    await expect(page.locator('.tr-credit')).toContainText(credit);
    // The axes are named after two of the table's features.
    expect(s.data.featureNames).toContain(s.axisLabels[0]);
    expect(s.data.featureNames).toContain(s.axisLabels[1]);
    await page.evaluate(() => window.training.step(5));
    await page.waitForTimeout(300);
    await shot(page, `table-${table.id}`);
  }
  // Display choices on a table: another feature pair, PCA, all features.
  await select.selectOption('wine');
  await expect.poll(async () => (await state(page)).dataId).toBe('wine');
  await field(page, 'featureX').locator('select').selectOption({ label: 'alcohol' });
  expect((await state(page)).axisLabels[0]).toBe('alcohol');
  await field(page, 'inputs').locator('select').selectOption('all');
  expect((await state(page)).layerSizes[0]).toBe(13);
  await field(page, 'display').locator('select').selectOption('pca');
  expect((await state(page)).axisLabels).toEqual(['principal component 1', 'principal component 2']);
  await page.evaluate(() => window.training.step(20));
  await page.waitForTimeout(300);
  await shot(page, 'wine-pca-all-features');
});

test('a bad CSV is refused with its line and column, and the old data stays', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.training.step(4));
  const before = await state(page);
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('csv');
  const cases = [
    ['ragged.csv', 'a,b,label\n1,2,x\n3,4\n', 'line 3: has 2 fields, expected 3'],
    ['letters.csv', 'a,b,label\n1,x,0\n3,4,1\n', 'line 2, column 2: "x" is not a number'],
    ['empty.csv', '', 'the file is empty'],
    ['one-class.csv', 'a,b,label\n1,2,cat\n3,4,cat\n5,6,cat\n', 'only one class'],
  ];
  for (const [name, text, message] of cases) {
    await upload(page, name, text);
    const alert = page.locator('.tr-stage-alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`"${name}" was not loaded`);
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('The previous data (Circle, 200 rows) stays.');
    await expect(page.locator('.tr-csv .tr-alert')).toContainText(message);
    const s = await state(page);
    expect(s.rows).toBe(before.rows);
    expect(s.data.name).toBe('Circle');
    expect(s.step).toBe(before.step);
    if (name === 'letters.csv') await shot(page, 'bad-csv');
  }
  await page.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(page.locator('.tr-stage-alert')).toBeHidden();
});

test('a good CSV with string classes: the column names, then training', async ({ page }) => {
  await open(page);
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('csv');
  let text = 'width,height,animal\n';
  for (let i = 0; i < 80; i += 1) {
    const cat = i % 2 === 0;
    const a = (i * 7919) % 100 / 100;
    const b = (i * 104729) % 100 / 100;
    text += `${(cat ? 1 : 3) + a},${(cat ? 2 : 1) + b},${cat ? 'cat' : 'dog'}\n`;
  }
  await upload(page, 'animals.csv', text);
  await expect.poll(async () => (await state(page)).dataId).toBe('csv');
  let s = await state(page);
  expect(s.data).toMatchObject({ name: 'animals.csv', rows: 80, features: 2, classNames: ['cat', 'dog'] });
  expect(s.csvColumns).toEqual(['width', 'height', 'animal']);
  expect(s.axisLabels.slice().sort()).toEqual(['height', 'width']);
  await expect(page.locator('.tr-csv-status')).toContainText('80 rows');
  await expect(field(page, 'csvTarget').locator('option')).toHaveText(['The last column (animal)', '1: width', '2: height', '3: animal']);
  const loss0 = s.history.trainLoss;
  await page.evaluate(() => window.training.step(30));
  s = await state(page);
  expect(s.history.trainLoss).toBeLessThan(loss0);
  expect(s.history.trainScore).toBeGreaterThan(0.9);
  await page.waitForTimeout(300);
  await shot(page, 'csv-animals');
  // Another target column: "width" as the target makes "animal" a feature, which is not a number.
  await field(page, 'csvTarget').locator('select').selectOption('0');
  await expect(page.locator('.tr-stage-alert')).toContainText('"cat" is not a number');
  expect((await state(page)).data.name).toBe('animals.csv');
  expect((await state(page)).rows).toBe(80);
  await field(page, 'csvTarget').locator('select').selectOption('');
  await expect(page.locator('.tr-stage-alert')).toBeHidden();
  // Paste: semicolons, no header.
  await page.locator('.tr-paste').fill('1;2;0\n2;1;1\n1.5;2.2;0\n2.5;0.8;1\n1.1;2.4;0\n2.2;1.1;1\n0.9;1.9;0\n2.7;1.3;1\n1.2;2.1;0\n2.4;0.9;1\n');
  await page.getByRole('button', { name: 'Read pasted text' }).click();
  await expect.poll(async () => (await state(page)).data.name).toBe('pasted text');
  s = await state(page);
  expect(s.rows).toBe(10);
  expect(s.csvColumns).toEqual(['column 1', 'column 2', 'column 3']);
});

test('points by hand: click, shift-click, undo, clear; too few points say so', async ({ page }) => {
  await open(page, '#view=training&data=draw-classes');
  let s = await state(page);
  expect(s.ready).toBe(false);
  expect(s.message).toContain('Add more points');
  await expect(page.locator('#view-training .pg-strip')).toContainText('add a few points of each class');
  const canvas = page.locator('.tr-canvas');
  const box = await canvas.boundingBox();
  const at = (fx, fy) => ({ position: { x: box.width * fx, y: box.height * fy } });
  await canvas.click(at(0.3, 0.25));
  s = await state(page);
  expect(s.rows).toBe(1);
  expect(s.ready).toBe(false);
  await shot(page, 'draw-your-own-empty');
  await canvas.click(at(0.35, 0.3));
  await canvas.click({ ...at(0.75, 0.7), modifiers: ['Shift'] });
  await canvas.click({ ...at(0.7, 0.75), modifiers: ['Shift'] });
  await canvas.click(at(0.25, 0.35));
  await canvas.click({ ...at(0.8, 0.65), modifiers: ['Shift'] });
  s = await state(page);
  expect(s.rows).toBe(6);
  expect(s.ready).toBe(true);
  expect(s.data.classNames).toEqual(['class 1', 'class 2']);
  // The frame stays [−1, 1]² while one draws.
  expect(s.domain).toEqual([-1, 1, -1, 1]);
  // Pick the other class with the radio button.
  await page.locator('.tr-class input[data-class="1"]').check();
  await canvas.click(at(0.78, 0.78));
  expect((await state(page)).rows).toBe(7);
  await page.evaluate(() => window.training.step(30));
  await page.waitForTimeout(300);
  await shot(page, 'draw-your-own');
  await page.getByRole('button', { name: 'Undo last point' }).click();
  expect((await state(page)).rows).toBe(6);
  await page.getByRole('button', { name: 'Clear drawn points' }).click();
  s = await state(page);
  expect(s.rows).toBe(0);
  expect(s.ready).toBe(false);

  // Regression by hand: a click is a point (x, y).
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('draw-values');
  for (const [fx, fy] of [[0.2, 0.7], [0.35, 0.55], [0.5, 0.5], [0.65, 0.35], [0.8, 0.25], [0.45, 0.5]]) await canvas.click(at(fx, fy));
  s = await state(page);
  expect(s.rows).toBe(6);
  expect(s.ready).toBe(true);
  expect(s.curvePoints).toBeGreaterThan(100);

  // Added to a generated set, then undone.
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('moons');
  await expect.poll(async () => (await state(page)).dataId).toBe('moons');
  await canvas.click(at(0.5, 0.5));
  expect((await state(page)).rows).toBe(201);
  await page.getByRole('button', { name: 'Undo last point' }).click();
  expect((await state(page)).rows).toBe(200);

  // A one-feature regression takes a click as (x, y); a two-feature one cannot.
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('sine');
  await expect.poll(async () => (await state(page)).dataId).toBe('sine');
  await canvas.click(at(0.5, 0.2));
  s = await state(page);
  expect(s.rows).toBe(201);
  expect(s.drawn).toBe(1);
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('plane');
  await expect.poll(async () => (await state(page)).dataId).toBe('plane');
  await canvas.click(at(0.5, 0.5));
  await expect(page.locator('.tr-stage-alert')).toContainText('one-feature regression');
  expect((await state(page)).rows).toBe(200);

  // A table with four features refuses the point, with the core's message.
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('iris');
  await expect.poll(async () => (await state(page)).dataId).toBe('iris');
  await canvas.click(at(0.5, 0.5));
  await expect(page.locator('.tr-stage-alert')).toContainText('This point was not added');
  await expect(page.locator('.tr-stage-alert')).toContainText('(this one has 4 features)');
  expect((await state(page)).rows).toBe(150);
});

test('training moves the boundary and lowers the loss; Play, Pause and the keys', async ({ page }) => {
  await open(page, '#view=training&data=circle&layers=6,6&alpha=0.1&speed=30');
  const before = await canvasPixels(page);
  const first = await state(page);
  for (let i = 0; i < 8; i += 1) await stepButton(page).click();
  await expect.poll(async () => (await state(page)).step).toBe(8);
  await expect.poll(() => canvasPixels(page)).not.toBe(before);
  let s = await state(page);
  expect(s.history.trainLoss).toBeLessThan(first.history.trainLoss);
  expect(s.historyLength).toBe(9);
  await expect(page.locator('#view-training .pg-strip')).toContainText('Paused after 8 epochs');
  await page.locator('#view-training [data-action="play"]').click();
  await expect.poll(async () => (await state(page)).step, { timeout: 5000 }).toBeGreaterThan(15);
  expect((await state(page)).status).toBe('running');
  await page.locator('#view-training [data-action="play"]').click();
  s = await state(page);
  expect(s.playing).toBe(false);
  expect(s.history.trainLoss).toBeLessThan(0.5 * first.history.trainLoss);
  await expect.poll(async () => (await state(page)).surfaceFactor).toBe(1);
  await shot(page, 'circle-trained');
  // Keys: → steps, Space plays and pauses, R resets (on the page: on the focused plot the
  // arrows move its crosshair, see access.spec.mjs).
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const at = (await state(page)).step;
  const keys = async (key) => {
    await page.keyboard.press(key);
    return state(page);
  };
  // → carries one step on across frames (a heavy one takes several), then stops there.
  await keys('ArrowRight');
  await expect.poll(async () => (await state(page)).step).toBe(at + 1);
  expect((await keys(' ')).playing).toBe(true);
  expect((await keys(' ')).playing).toBe(false);
  s = await keys('r');
  expect(s.step).toBe(0);
  expect(s.historyLength).toBe(1);
  // The curves' hover cursor reads the values at a step.
  await page.evaluate(() => window.training.step(20));
  const chart = page.locator('.tr-curves canvas').first();
  const cb = await chart.boundingBox();
  await chart.hover({ position: { x: cb.width * 0.5, y: cb.height * 0.4 } });
  await expect(page.locator('.tr-curves-readout')).toContainText(/^step \d+; loss: training/);
  // Hovering a neuron shows its own output on the plot.
  const plain = await canvasPixels(page);
  const node = (await state(page)).networkNodes.find((n) => n.layer === 1 && n.index === 2);
  await page.locator('.tr-network').hover({ position: { x: node.x, y: node.y } });
  await expect(page.locator('.tr-net .pg-note')).toContainText('Neuron 3 of hidden layer 1');
  expect((await state(page)).hoverNode).toEqual({ layer: 1, index: 2 });
  await expect.poll(() => canvasPixels(page)).not.toBe(plain);
  await page.waitForTimeout(300);
  await shot(page, 'neuron-hover');
});

test('a huge learning rate diverges: the status says so, playing stops, the last good model stays', async ({ page }) => {
  await open(page, '#view=training&data=line&layers=4&act=relu&speed=30');
  await page.evaluate(() => window.training.step(3));
  await typeInto(page, 'learningRate', '100000');
  await expect(field(page, 'learningRate')).not.toHaveClass(/pg-invalid/);
  await page.locator('#view-training [data-action="play"]').click();
  await expect(page.locator('#view-training .pg-strip')).toContainText('Diverged');
  const s = await state(page);
  expect(s.status).toBe('diverged');
  expect(s.reason).toMatch(/epoch \d+/);
  expect(s.playing).toBe(false);
  await expect(page.locator('#view-training .pg-strip')).toContainText('learning rate α is too large');
  await expect(page.locator('#view-training .pg-badge')).toHaveText('Diverged');
  await page.waitForTimeout(400);
  expect((await state(page)).step).toBe(s.step);
  await expect(page.locator('#view-training [data-action="play"]')).toHaveText('Play');
  // The model on screen is the last good one: a real boundary, no NaN in the numbers.
  expect(await page.locator('#view-training .tr-run').innerText()).not.toContain('NaN');
  const centre = await pixelAt(page, 0.55, 0.45);
  expect(centre.slice(0, 3)).not.toEqual([150, 150, 150]);
  await shot(page, 'diverged');
  // Reset with a sane rate trains again.
  await typeInto(page, 'learningRate', '0.1');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.evaluate(() => window.training.step(5));
  expect((await state(page)).status).toBe('paused');
});

test('33 neurons, 0 neurons or 7 layers are refused with the allowed range; the run is kept', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.training.step(5));
  await expect(field(page, 'neurons0').locator('.pg-hint')).toHaveText('1 to 32, whole');
  await typeInto(page, 'neurons0', '33');
  const error = field(page, 'neurons0').locator('.pg-error');
  await expect(error).toHaveText('neurons in layer 1: must be a whole number from 1 to 32 (got 33)');
  await expect(field(page, 'neurons0').locator('input')).toHaveAttribute('aria-invalid', 'true');
  let s = await state(page);
  expect(s.step).toBe(5);
  expect(s.layerSizes).toEqual([2, 6, 6, 1]);
  await typeInto(page, 'neurons0', '0');
  await expect(error).toHaveText('neurons in layer 1: must be a whole number from 1 to 32 (got 0)');
  expect((await state(page)).step).toBe(5);
  await shot(page, 'invalid-neurons');
  await typeInto(page, 'neurons0', '8');
  await expect(error).toBeHidden();
  expect((await state(page)).layerSizes).toEqual([2, 8, 6, 1]);
  // The + and − buttons, like TensorFlow Playground's.
  const layers = field(page, 'layers');
  for (let i = 0; i < 4; i += 1) await layers.getByRole('button', { name: /^More/ }).click();
  s = await state(page);
  expect(s.layerSizes.length).toBe(8);
  await expect(layers.getByRole('button', { name: /^More/ })).toBeDisabled();
  await typeInto(page, 'layers', '7');
  await expect(layers.locator('.pg-error')).toHaveText('hidden layers: must be a whole number from 0 to 6 (got 7)');
  await typeInto(page, 'layers', '0');
  s = await state(page);
  expect(s.layerSizes).toEqual([2, 1]);
  await expect(page.locator('#view-training .tr-subtitle')).toContainText('Logistic regression');
  await expect(field(page, 'neurons0')).toBeHidden();
  await layers.getByRole('button', { name: /^More/ }).click();
  await field(page, 'neurons0').getByRole('button', { name: /^More/ }).click();
  expect((await state(page)).layerSizes).toEqual([2, 5, 1]);
  // Other refusals: a regularization rate and a batch size out of range.
  await field(page, 'regularization').locator('select').selectOption('l2');
  await typeInto(page, 'regularizationRate', '11');
  await expect(field(page, 'regularizationRate').locator('.pg-error')).toContainText('regularization rate: must be a number from 0 to 10 (got 11)');
  await typeInto(page, 'testShare', '0.9');
  await expect(field(page, 'testShare').locator('.pg-error')).toContainText('test share: must be a number from 0.05 to 0.5 (got 0.9)');
});

test('the genetic algorithm and random search show the population as thumbnails', async ({ page }) => {
  await open(page, '#view=training&data=xor&layers=4&strategy=genetic&pop=40');
  await expect(page.locator('.tr-pop')).toBeVisible();
  for (let i = 0; i < 3; i += 1) await stepButton(page).click();
  // Each Step is carried on frame by frame: wait for the third to complete.
  await expect.poll(async () => (await state(page)).evaluations).toBe(120);
  await expect(page.locator('.tr-thumbs figure')).toHaveCount(12);
  await expect(page.locator('.tr-thumbs figcaption').first()).toContainText(/^best · \d/);
  const s = await state(page);
  expect(s.history.generationBest).toBeLessThanOrEqual(s.history.generationMean);
  await page.evaluate(() => window.training.step(25));
  await page.waitForTimeout(400);
  await shot(page, 'genetic-xor');
  await field(page, 'kind').locator('select').selectOption('random-global');
  await typeInto(page, 'samplesPerStep', '20');
  await page.evaluate(() => window.training.step(10));
  await expect(page.locator('.tr-thumbs figure')).toHaveCount(12);
  await field(page, 'kind').locator('select').selectOption('random-walk');
  await page.evaluate(() => window.training.step(10));
  expect((await state(page)).step).toBe(10);
  await page.waitForTimeout(300);
  await shot(page, 'random-walk-xor');
});

test('regression: a fitted curve for one feature, a surface for two', async ({ page }) => {
  await open(page, '#view=training&data=sine&n=150&noise=0.15&layers=8,8&rule=adam&alpha=0.02');
  await page.evaluate(() => window.training.step(120));
  let s = await state(page);
  expect(s.curvePoints).toBeGreaterThan(100);
  expect(s.history.trainScore).toBeGreaterThan(0.8);
  expect(s.history.testRmse).toBeGreaterThan(0);
  await expect(page.locator('#view-training .tr-run')).toContainText('Test RMSE');
  await page.waitForTimeout(300);
  await shot(page, 'sine');
  await open(page, '#view=training&data=diabetes&layers=none&rule=adam&alpha=0.05');
  await page.evaluate(() => window.training.step(40));
  s = await state(page);
  expect(s.data.classNames).toBe(null);
  expect(s.history.trainScore).toBeGreaterThan(0.2);
  await page.waitForTimeout(300);
  await shot(page, 'diabetes');
});

test('the URL hash restores the view; a tampered hash falls back to the defaults with a notice', async ({ page }) => {
  const hash = '#view=training&data=moons&n=300&noise=0.2&dseed=9&test=0.25&val=0.15&layers=5,3&act=relu&reg=l2&lambda=0.01&batch=mini&bs=16&unit=batch&strategy=gradient&rule=momentum&alpha=0.05&mu=0.8&seed=42&speed=30';
  await open(page, hash);
  let s = await state(page);
  expect(s.options.data).toEqual({ id: 'moons', points: 300, noise: 0.2, seed: 9 });
  expect(s.options.config).toMatchObject({ testShare: 0.25, validationShare: 0.15, batch: 'mini', batchSize: 16, stepUnit: 'batch', seed: 42 });
  expect(s.options.config.model).toMatchObject({ hidden: [5, 3], activation: 'relu', regularization: 'l2', regularizationRate: 0.01 });
  expect(s.options.config.strategy).toMatchObject({ kind: 'gradient', rule: 'momentum', learningRate: 0.05, momentum: 0.8 });
  expect(s.options.speed).toBe(30);
  await expect(page.locator('.notice')).toHaveCount(0);
  await page.evaluate(() => window.training.step(25));
  const trained = await state(page);
  expect(trained.history.validationLoss).not.toBe(null);
  await page.waitForTimeout(300);
  await shot(page, 'moons-validation');
  // Same link → the same run, bit for bit.
  await page.reload();
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders > 0);
  await page.evaluate(() => window.training.step(25));
  s = await state(page);
  expect(s.history).toEqual(trained.history);
  // Changing a setting rewrites the hash.
  await typeInto(page, 'learningRate', '0.02');
  expect(await page.evaluate(() => location.hash)).toContain('alpha=0.02');
  // Editing the address bar applies the new settings.
  await page.evaluate(() => { location.hash = '#view=training&data=xor&layers=3&strategy=genetic&pop=20'; });
  await expect.poll(async () => (await state(page)).dataId).toBe('xor');
  s = await state(page);
  expect(s.layerSizes).toEqual([2, 3, 1]);
  expect(s.options.config.strategy).toMatchObject({ kind: 'genetic', population: 20 });

  for (const bad of ['#view=training&data=nowhere&layers=abc', '#view=training&layers=33', '#view=training&zzz=1']) {
    await open(page, bad);
    await expect(page.locator('.notice')).toBeVisible();
    await expect(page.locator('.notice')).toContainText(/could not be read|were refused/);
    if (bad.includes('layers=33')) await expect(page.locator('.notice')).toContainText('neurons in layer 1: must be a whole number from 1 to 32 (got 33)');
    s = await state(page);
    expect(s).toMatchObject({ dataId: 'circle', step: 0, layerSizes: [2, 6, 6, 1] });
    if (bad.includes('nowhere')) await shot(page, 'tampered-hash');
  }
});

test('playing as fast as possible keeps the page responsive', async ({ page }) => {
  await open(page, '#view=training&data=spiral&n=600&layers=8,8&rule=adam&alpha=0.003&batch=full&speed=max');
  const run = await watchFrames(page, async () => {
    const tr = window.training;
    tr.play();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const mid = tr.state();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const end = tr.state();
    tr.pause();
    return { steps: end.step, playing: end.playing, perf: end.perf, factor: mid.surfaceFactor };
  });
  const { steps, playing, perf, factor } = run.value;
  console.log(`spiral 600 points, 2-8-8-1 Adam full batch, as fast as possible for 2.5 s: ${steps} epochs, ${run.frames} frames, longest frame gap ${run.maxGap.toFixed(1)} ms, longest frame ${perf.maxFrameMs.toFixed(1)} ms (stepping ${perf.maxStepMs.toFixed(1)}, drawing ${perf.maxRenderMs.toFixed(1)}), surface at 1/${factor} of the device resolution while playing`);
  expect(playing).toBe(true);
  expect(steps).toBeGreaterThan(10);
  expect(run.frames).toBeGreaterThan(25); // 2.5 s at 60 Hz is 150 frames; a frozen tab draws a handful
  // The 50 ms frame target is printed above; asserted is only that no frame freezes the tab.
  expect(perf.maxFrameMs).toBeLessThan(500);
});

test('a CSV file dropped anywhere on the page is read', async ({ page }) => {
  await open(page);
  const dropped = await page.evaluate(() => {
    const rows = ['petal,sepal,kind'];
    for (let i = 0; i < 30; i += 1) rows.push(`${(i % 3) + (i / 60)},${(i % 5) / 2},${i % 3 === 0 ? 'a' : 'b'}`);
    const transfer = new DataTransfer();
    transfer.items.add(new File([rows.join('\n')], 'dropped.csv', { type: 'text/csv' }));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.body.dispatchEvent(over);
    const overlay = !document.querySelector('.tr-drop').hidden;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return { overlay, prevented: over.defaultPrevented };
  });
  expect(dropped).toEqual({ overlay: true, prevented: true });
  await expect.poll(async () => (await state(page)).data.name).toBe('dropped.csv');
  await expect(page.locator('.tr-drop')).toBeHidden();
  expect((await state(page)).rows).toBe(30);
  await expect(field(page, 'data').locator('select')).toHaveValue('csv');
});

test('HiDPI: the canvases are drawn at device-pixel resolution; the layout holds at 1000 px', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = listenForProblems(page);
  await page.goto('/#view=training&data=spiral&layers=8,8&rule=adam&alpha=0.02');
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders > 0);
  await page.evaluate(() => window.training.step(60));
  // Once the run rests, the surface is computed for every device pixel of the plot.
  await expect.poll(() => page.evaluate(() => window.training.state().surfaceFactor), { timeout: 20_000 }).toBe(1);
  const sizes = await canvasWidths(page, '#view-training canvas:not(.tr-thumb):not(.cb-strip)');
  expect(sizes.length).toBeGreaterThanOrEqual(4);
  for (const s of sizes) expect(Math.abs(s.width - 2 * s.css)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SCREENSHOTS}training-hidpi-spiral.png` });
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const boxes = await page.evaluate(() => ['.tr-controls', '#view-training .pg-stage', '#view-training .pg-side'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
  expect(boxes[0].right).toBeLessThanOrEqual(boxes[1].left);
  expect(boxes[1].right).toBeLessThanOrEqual(boxes[2].left);
  await page.screenshot({ path: `${SCREENSHOTS}training-width-1000.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('settings can be hidden for embedding; the run bar stays', async ({ page }) => {
  await open(page, '#view=training&data=moons&controls=0');
  await expect(page.locator('.tr-controls')).toBeHidden();
  await expect(page.locator('#view-training [data-action="play"]')).toBeVisible();
  await page.getByRole('button', { name: 'Show settings' }).click();
  await expect(page.locator('.tr-controls')).toBeVisible();
  expect((await state(page)).options.controls).toBe(true);
  await page.getByRole('button', { name: 'Hide settings' }).click();
  expect(await page.evaluate(() => location.hash)).toContain('controls=0');
  await page.evaluate(() => window.training.step(15));
  await page.waitForTimeout(300);
  await shot(page, 'embedded-moons');
});
