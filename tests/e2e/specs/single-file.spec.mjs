// The single-file build (dist/automl-playground.html, written by `cargo xtask dist`, which
// `cargo xtask test` runs first), opened from file:// as a learner would open it from a USB
// stick: both views work, the classic tables included, with no console error.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listenForProblems } from './helpers.mjs';

const FILE = fileURLToPath(new URL('../../../dist/automl-playground.html', import.meta.url));

test('the single file works from file://: a Landscapes step, a classic table trained', async ({ page }) => {
  expect(existsSync(FILE), 'dist/automl-playground.html is missing: run `cargo xtask dist` (cargo xtask test does)').toBe(true);
  const problems = listenForProblems(page);
  const url = pathToFileURL(FILE).href;
  await page.goto(url);
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  expect(await page.evaluate(() => window.playground.state().step)).toBe(1);

  await page.getByRole('tab', { name: 'Train a model' }).click();
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders > 0);
  await page.locator('#view-training .pg-field[data-field="data"] select').selectOption('iris');
  await expect.poll(() => page.evaluate(() => window.training.state().dataId)).toBe('iris');
  const before = await page.evaluate(() => window.training.state());
  expect(before.rows).toBe(150);
  await expect(page.locator('.tr-credit')).toContainText('Fisher');
  for (let i = 0; i < 5; i += 1) await page.locator('#view-training [data-action="step"]').click();
  // Each click is one step, carried across frames when it must be: five clicks, five steps.
  await expect.poll(() => page.evaluate(() => window.training.state().step)).toBe(5);
  const after = await page.evaluate(() => window.training.state());
  expect(after.history.trainLoss).toBeLessThan(before.history.trainLoss);
  // A link into the training view, opened from the file.
  await page.goto('about:blank');
  await page.goto(`${url}#view=training&data=wine&strategy=genetic&pop=30&layers=4`);
  await page.waitForFunction(() => window.training && window.training.state().dataId === 'wine');
  await page.locator('#view-training [data-action="step"]').click();
  await expect(page.locator('.tr-thumbs figure')).toHaveCount(12);
  expect(problems).toEqual([]);
});

test('the single file runs a search for a model from file://, its workers included', async ({ page }) => {
  const problems = listenForProblems(page);
  await page.goto(`${pathToFileURL(FILE).href}#view=search&data=moons&n=100&strategy=random&cand=3&layers=1,1&neurons=4,4&epochs=5&folds=3&seed=2`);
  await page.waitForFunction(() => window.search && window.search.state().status === 'ready');
  await page.evaluate(() => window.search.play());
  await page.waitForFunction(() => window.search.state().status === 'finished', null, { timeout: 60_000 });
  const s = await page.evaluate(() => window.search.state());
  expect(s.leaderboard.length).toBe(3);
  expect(s.leaderboard.every((r) => r.folds.length === 3 && !r.failed)).toBe(true);
  expect(s.winner.testScore).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
