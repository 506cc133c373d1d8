// The header's Export menu (issue 8 §6): a PNG of any canvas at device resolution, and each
// view's tables as CSV and JSON, checked against what the view's state() reports.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash, api) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
}

/** Chooses the Export menu's entry labelled `label`; resolves to the downloaded file's name and bytes. */
async function exportFile(page, label) {
  await page.locator('#export-button').click();
  await expect(page.locator('#export-list')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#export-list button', { hasText: label }).first().click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** CSV text → { columns, rows } (the exports quote no numeric cell). */
function parseCsv(text) {
  const [head, ...lines] = text.trim().split('\n');
  return { columns: head.split(','), rows: lines.map((line) => line.split(',')) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Landscapes: the run trace has every step from the start, ending where state() is', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=himmelblau&strategy=gradient&rule=momentum', 'playground');
  await page.evaluate(() => window.playground.step(12));
  const state = await page.evaluate(() => window.playground.state());
  const csv = await exportFile(page, 'Run trace (CSV)');
  expect(csv.name).toBe('landscape-trace.csv');
  const table = parseCsv(csv.bytes.toString());
  expect(table.columns).toEqual(['step', 'evaluations', 'x', 'y', 'J', 'best_J']);
  expect(table.rows.length).toBe(13);
  const [first, last] = [table.rows[0], table.rows[12]];
  expect(Number(first[0])).toBe(0);
  expect(first[5]).toBe('');
  expect(Number(last[0])).toBe(12);
  expect(Number(last[1])).toBe(state.evaluations);
  expect([Number(last[2]), Number(last[3])]).toEqual(state.position);
  expect(Number(last[4])).toBe(state.value);
  expect(Number(last[5])).toBe(state.bestValue);
  // The best so far never rises.
  const best = table.rows.slice(1).map((r) => Number(r[5]));
  best.forEach((b, i) => expect(b).toBeLessThanOrEqual(i ? best[i - 1] : Infinity));

  const json = JSON.parse((await exportFile(page, 'Run trace (JSON)')).bytes.toString());
  expect(json.view).toBe('landscapes');
  expect(json.options.landscape.id).toBe('himmelblau');
  expect(json.rows.length).toBe(13);
  expect(json.rows[12].J).toBe(state.value);
});

test.describe('at device scale 2', () => {
  test.use({ deviceScaleFactor: 2 });
  test('a canvas is exported as a PNG at its device resolution', async ({ page }) => {
    await open(page, '#view=landscapes', 'playground');
    const size = await page.evaluate(() => {
      const canvas = document.querySelector('#view-landscapes canvas.pg-landscape');
      return { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().width, label: canvas.getAttribute('aria-label') };
    });
    expect(size.width).toBeGreaterThanOrEqual(Math.floor(2 * size.css) - 1);
    const png = await exportFile(page, `Picture: ${size.label} (PNG)`);
    expect(png.name).toMatch(/^landscapes-[a-z0-9-]+\.png$/);
    expect(pngSize(png.bytes)).toEqual({ width: size.width, height: size.height });
  });
});

test('Train a model: the curves CSV has one row per step, ending at the values state() shows', async ({ page }) => {
  await open(page, '#view=training&data=moons&n=200', 'training');
  await page.evaluate(() => window.training.step(6));
  const state = await page.evaluate(() => window.training.state());
  const table = parseCsv((await exportFile(page, 'Training curves (CSV)')).bytes.toString());
  expect(table.columns.slice(0, 2)).toEqual(['step', 'train_loss']);
  expect(table.rows.length).toBe(state.historyLength);
  const last = table.rows[table.rows.length - 1];
  expect(Number(last[0])).toBe(state.step);
  expect(Number(last[1])).toBe(state.history.trainLoss);
  const testScore = table.columns.indexOf('test_score');
  expect(Number(last[testScore])).toBe(state.history.testScore);
});

test('Search: the leaderboard CSV and JSON list every candidate with its fold scores', async ({ page }) => {
  await open(page, '#view=search&data=moons&n=120&noise=0.2&dseed=1&strategy=random&cand=4&layers=0,1&neurons=2,4&acts=tanh&rules=adam&lr=0.01,0.1&l2=0.0001,0.01&l2zero=1&epochs=5&folds=3&strat=1&test=0.2&seed=1', 'search');
  await page.evaluate(() => window.search.play());
  await page.waitForFunction(() => window.search.state().winner, null, { timeout: 60_000 });
  const state = await page.evaluate(() => window.search.state());
  const table = parseCsv((await exportFile(page, 'Leaderboard (CSV)')).bytes.toString());
  expect(table.columns).toEqual(['rank', 'candidate', 'architecture', 'parameters', 'cv_mean', 'cv_std', 'fold_1', 'fold_2', 'fold_3', 'epochs', 'failed', 'ms']);
  expect(table.rows.length).toBe(state.leaderboard.length);
  const top = table.rows[0];
  expect(Number(top[4])).toBe(state.leaderboard[0].mean);
  expect([Number(top[6]), Number(top[7]), Number(top[8])]).toEqual(state.leaderboard[0].folds);
  const json = JSON.parse((await exportFile(page, 'Leaderboard (JSON)')).bytes.toString());
  expect(json.rows[0].architecture).toBe(state.leaderboard[0].architecture);
  expect(json.winner.cvScore).toBe(state.winner.cvScore);
});
