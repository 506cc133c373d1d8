// End-to-end tests of the worst inputs to the "Train a model" view: each is refused with a
// message and changes nothing, and nothing leaves the view broken.
import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

const SHOTS = process.env.SHOTS_DIR || null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => (SHOTS ? page.screenshot({ path: `${SHOTS}/inputs-${name}.png`, fullPage: true }) : null);

async function open(page, hash = '#view=training') {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders + (window.training.state().ready ? 0 : 1) > 0);
}

const state = (page) => page.evaluate(() => window.training.state());
const strip = (page) => page.locator('#view-training .pg-strip');
const GOOD_CSV = 'a,b,c,k\n1,2,3,x\n2,1,0,y\n3,3,1,x\n0,2,2,y\n1,1,1,x\n2,2,0,y\n3,1,2,x\n0,0,1,y\n';

test('"no improvement" is said in the unit the run bar counts', async ({ page }) => {
  await open(page);
  // α = 0: the loss never improves, so patience is what stops the run (14 updates an epoch).
  expect(await page.evaluate(() => window.training.set({ config: { strategy: { learningRate: 0 } } }).ok)).toBe(true);
  await page.evaluate(() => window.training.step(400));
  const s = await state(page);
  expect(s.status).toBe('converged');
  expect(s.reason).toBe('no improvement of the training loss in the last 143 epochs');
  await expect(strip(page)).toContainText('143 epochs');
  await shot(page, 'converged');
  expect(s.step).toBe(144);
});

test('a slow classic table does not override a later choice of data', async ({ page }) => {
  await open(page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/*.csv', async (route) => {
    await held;
    await route.continue();
  });
  // API: Wine (slow), then moons at once.
  const first = await page.evaluateHandle(() => ({ p: window.training.set({ data: { id: 'wine' } }) }));
  expect(await page.evaluate(() => window.training.set({ data: { id: 'moons' } }).ok)).toBe(true);
  release();
  const late = await page.evaluate((h) => h.p, first);
  expect(late.ok).toBe(false);
  let s = await state(page);
  expect(s.dataId).toBe('moons');
  expect(s.data.name.toLowerCase()).toContain('moons');
  expect(s.loading).toBe('');

  // The menu: Breast cancer (slow), then XOR.
  let releaseAgain;
  const heldAgain = new Promise((resolve) => { releaseAgain = resolve; });
  await page.unroute('**/data/*.csv');
  await page.route('**/data/*.csv', async (route) => {
    await heldAgain;
    await route.continue();
  });
  const menu = page.locator('#view-training .pg-field[data-field="data"] select');
  await menu.selectOption('breast_cancer');
  await menu.selectOption('xor');
  releaseAgain();
  await page.waitForTimeout(500);
  s = await state(page);
  expect(s.dataId).toBe('xor');
  expect(s.data.name.toLowerCase()).toContain('xor');
  await expect(menu).toHaveValue('xor');
});

test('a refused CSV or data setting changes nothing, and reset says the truth', async ({ page }) => {
  await open(page);
  expect((await page.evaluate(() => window.training.loadCsv('a,b,c,k\n1,2,3,x\n2,1,0,y\n3,3,1,x\n0,2,2,y\n1,1,1,x\n2,2,0,y\n3,1,2,x\n0,0,1,y\n', 'three.csv'))).ok).toBe(true);
  expect((await page.evaluate(() => window.training.set({ config: { displayFeatures: [0, 2] } }))).ok).toBe(true);
  await page.evaluate(() => window.training.step(30));
  const refused = await page.evaluate(() => window.training.loadCsv('', 'empty.csv'));
  expect(refused.ok).toBe(false);
  let s = await state(page);
  expect(s.step).toBe(30);
  expect(s.options.config.displayFeatures).toEqual([0, 2]);
  expect(s.axisLabels).toEqual(['a', 'c']);
  await expect(page.locator('#view-training .tr-stage-alert', { hasText: 'The previous data' })).toBeVisible();

  await page.evaluate(() => window.training.set({ data: { id: 'circle' } }));
  await page.evaluate(() => window.training.step(7));
  const answer = await page.evaluate(() => window.training.set({ data: { points: 5 } }));
  expect(answer).toMatchObject({ ok: false, reset: false });
  s = await state(page);
  expect(s.step).toBe(7);
  expect(s.rows).toBe(200);
  expect(s.historyLength).toBe(8);
});

test('a learning rate of 10⁶ on a classifier diverges and keeps the last good model', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.training.set({ config: { strategy: { learningRate: 1e6 } } }));
  const before = await page.evaluate(() => window.training.state().history.trainLoss);
  await page.evaluate(() => window.training.step(20));
  const s = await state(page);
  expect(s.status).toBe('diverged');
  expect(s.reason).toContain('exploded');
  expect(s.history.trainLoss).toBe(before);
  await expect(strip(page)).toContainText('The last good model stays on screen');
  await shot(page, 'diverged');
});

test('a throwing getter is refused and the view stays usable', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.training.step(2));
  const answer = await page.evaluate(() => {
    const pair = [0, 1];
    Object.defineProperty(pair, 0, { get() { throw new Error('boom'); } });
    return window.training.set({ config: { displayFeatures: pair } });
  });
  expect(answer).toEqual({ ok: false, reset: false, error: 'displayFeatures: expected a list of 2 numbers' });
  expect(await page.evaluate(() => window.training.step(3))).toBe(3);
  const s = await state(page);
  expect(s.step).toBe(5);
  expect(s.status).toBe('paused');
  await expect(strip(page)).toContainText('Paused');
});

test('a file over the size limit is refused by its size, before it is read', async ({ page }) => {
  await open(page);
  const read = await page.evaluate(() => {
    const stub = { name: 'huge.csv', size: 3.5e9, read: false };
    stub.arrayBuffer = () => { stub.read = true; return new Promise(() => {}); };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [stub] } });
    document.body.dispatchEvent(drop);
    return stub.read;
  });
  expect(read).toBe(false);
  const s = await state(page);
  expect(s.dataError).toContain('the file is 3.5 GB; files up to 50 MB are read');
  expect(s.dataId).toBe('circle');
  await expect(page.locator('#view-training .tr-stage-alert', { hasText: 'files up to 50 MB' })).toBeVisible();
  await shot(page, 'too-large');
  // Bytes passed to the API are checked by their size too.
  const big = await page.evaluate(() => window.training.loadCsv(new Uint8Array(50_000_001), 'big.csv'));
  expect(big).toEqual({ ok: false, error: 'the file is 50.1 MB; files up to 50 MB are read' });
  expect(await page.evaluate(() => window.training.step(1))).toBe(1);
});

test('when the core is lost the page says so and reloads from the link', async ({ page }) => {
  await open(page, '#view=training&data=moons');
  await page.evaluate(async () => {
    const pkg = await import('/pkg/automl_playground.js');
    pkg.TrainingSession.prototype.step = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  });
  await page.evaluate(() => window.training.step(1));
  const lost = page.locator('#view-training [role="alert"]', { hasText: 'computing core stopped' });
  await expect(lost).toBeVisible();
  await expect(strip(page)).toContainText('Error');
  await shot(page, 'lost');
  await lost.getByRole('button', { name: 'Reload from the link' }).click();
  await page.waitForFunction(() => window.training && window.training.state().ready);
  const s = await state(page);
  expect(s.dataId).toBe('moons');
  expect(await page.evaluate(() => window.training.step(2))).toBe(2);
});

test('a bad CSV does not replace the last good one', async ({ page }) => {
  await open(page);
  expect((await page.evaluate((text) => window.training.loadCsv(text, 'A.csv'), GOOD_CSV)).ok).toBe(true);
  expect((await page.evaluate(() => window.training.loadCsv('a,b,k\n1,2,x\n3,oops,y\n', 'B.csv'))).ok).toBe(false);
  const header = page.locator('#view-training .pg-field[data-field="csvHeader"] select');
  await header.selectOption('present');
  let s = await state(page);
  expect(s.data.name).toBe('A.csv');
  expect(s.csvColumns).toEqual(['a', 'b', 'c', 'k']);
  const menu = page.locator('#view-training .pg-field[data-field="data"] select');
  await menu.selectOption('circle');
  await menu.selectOption('csv');
  s = await state(page);
  expect(s.dataId).toBe('csv');
  expect(s.data.name).toBe('A.csv');
  expect(s.data.rows).toBe(8);
});

test('addPoint refuses a point of no class or off the plot, and the model stays', async ({ page }) => {
  await open(page, '#view=training&data=draw-classes');
  for (let i = 0; i < 4; i += 1) {
    const t = i / 10;
    await page.evaluate(([a, b]) => window.training.addPoint(a, b, 0), [-0.5 - t, 0.2 + t]);
    await page.evaluate(([a, b]) => window.training.addPoint(a, b, 1), [0.5 + t, -0.2 - t]);
  }
  await page.evaluate(() => window.training.step(3));
  const before = await state(page);
  expect(before.ready).toBe(true);
  for (const k of [2, -1, 1.5, NaN, 2 ** 32]) {
    const answer = await page.evaluate((c) => window.training.addPoint(0.1, 0.1, c), k);
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain('class: must be a class number from 0 to 1');
  }
  const far = await page.evaluate(() => window.training.addPoint(1e308, 1e308, 0));
  expect(far.ok).toBe(false);
  expect(far.error).toContain('outside the plot');
  await shot(page, 'point-refused');
  const s = await state(page);
  expect(s).toMatchObject({ ready: true, step: 3, drawn: 8, bounds: before.bounds });
});

test('settings of the wrong type are refused by their path, fast', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.training.step(2));
  const t0 = Date.now();
  const model = await page.evaluate(() => window.training.set({ config: { model: 'abc' } }));
  const strategy = await page.evaluate(() => window.training.set({ config: { strategy: new Array(1e6) } }));
  console.log(`two refusals took ${Date.now() - t0} ms`);
  expect(model).toEqual({ ok: false, reset: false, error: 'model: expected an object' });
  expect(strategy).toEqual({ ok: false, reset: false, error: 'strategy: expected an object' });
  expect((await state(page)).step).toBe(2);
});

test('a huge CSV value is refused at its cell, and a later success clears the error', async ({ page }) => {
  await open(page);
  const answer = await page.evaluate(() => window.training.loadCsv('x,y,c\n1,2,a\n-1.7e308,3,b\n', 'huge.csv'));
  expect(answer.error).toBe('line 3, column 1: "-1.7e308" is too large: numbers are read up to ±1e150');
  expect((await state(page)).error).toBe(answer.error);
  expect(await page.evaluate(() => window.training.step(1))).toBe(1);
  expect((await state(page)).error).toBe(null);
});
