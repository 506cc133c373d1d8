// Saving and loading a trained model (issue 8 §6): the file loads back into a fresh page —
// the same data, split and weights — and predicts the same values; a file that does not fit
// is refused by what is wrong, and nothing on screen changes.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.training && window.training.state().ready);
}

/** What a model predicts, as the page shows it: losses, scores, ringed points, the weights. */
const predictions = (page) => page.evaluate(() => {
  const s = window.training.state();
  return { data: s.dataId, history: s.history, misclassified: s.misclassified, weights: window.training.modelFile().weights };
});

test('a model saved on iris loads into a fresh page and predicts the same values', async ({ page }) => {
  await open(page, '#view=training&data=iris&display=pca&inputs=display&layers=5,4&act=relu&seed=4');
  await page.evaluate(() => window.training.step(25));
  const saved = await predictions(page);
  const file = await page.evaluate(() => window.training.modelFile());
  expect(file.format).toBe('automl-playground-model');
  expect(file.inputs.kind).toBe('principal-components');
  expect(file.features.length).toBe(4);
  expect(file.classes.length).toBe(3);

  await open(page, '#view=training');
  const result = await page.evaluate((f) => window.training.loadModel(JSON.stringify(f)), file);
  expect(result).toEqual({ ok: true, error: null });
  const loaded = await predictions(page);
  expect(await page.evaluate(() => window.training.state().step)).toBe(0);
  expect(loaded.data).toBe('iris');
  expect(loaded.weights).toEqual(saved.weights);
  expect(loaded.history.trainLoss).toBe(saved.history.trainLoss);
  expect(loaded.history.testScore).toBe(saved.history.testScore);
  expect(loaded.misclassified).toBe(saved.misclassified);
  // The link says what is on screen: the saved settings.
  expect(await page.evaluate(() => location.hash)).toContain('data=iris');
  expect(await page.evaluate(() => location.hash)).toContain('layers=5,4');
});

test('Save model downloads the file and Load model… reads it back', async ({ page }) => {
  await open(page, '#view=training&data=moons&n=150');
  await page.evaluate(() => window.training.step(10));
  const saved = await predictions(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save model' }).click()]);
  expect(download.suggestedFilename()).toBe('automl-playground-model.json');
  const path = await download.path();
  await expect(page.locator('.tr-model-status')).toContainText('Saved');

  await open(page, '#view=training&data=xor');
  await page.locator('.tr-model-file input[type=file]').setInputFiles(path);
  await expect(page.locator('.tr-model-status')).toContainText('its weights, at step 0');
  const loaded = await predictions(page);
  expect(loaded.data).toBe('moons');
  expect(loaded.weights).toEqual(saved.weights);
  expect(loaded.history.trainLoss).toBe(saved.history.trainLoss);
  expect(JSON.parse(await readFile(path, 'utf8')).settings.data.id).toBe('moons');
});

test('a tampered, foreign or garbled model file is refused by what is wrong, and nothing changes', async ({ page }) => {
  await open(page, '#view=training&data=circle&n=200');
  const file = await page.evaluate(() => window.training.modelFile());
  await page.evaluate(() => window.training.step(4));
  const before = await page.evaluate(() => ({ step: window.training.state().step, hash: location.hash }));
  const refusals = [
    ['not json {', 'it is not JSON'],
    [JSON.stringify({ ...file, weights: file.weights.slice(1) }), 'finite weights'],
    [JSON.stringify({ ...file, activation: '<img src=x onerror=alert(1)>' }), 'unknown activation'],
    [JSON.stringify({ ...file, format: 'other' }), 'expected format'],
    [JSON.stringify({ ...file, hidden: 'abc' }), 'not a usable model file'],
    // Saved on 200 points; its settings left out, the page's 150 points are other rows.
    [JSON.stringify({ ...file, settings: undefined, means: file.means.map((m) => m + 1) }), 'trained on other rows'],
  ];
  for (const [text, expected] of refusals) {
    const result = await page.evaluate((t) => window.training.loadModel(t), text);
    expect(result.ok, expected).toBe(false);
    expect(result.error).toContain(expected);
    const after = await page.evaluate(() => ({ step: window.training.state().step, hash: location.hash }));
    expect(after).toEqual(before);
  }
  // Weights that do not fit the file's own settings: the settings go back as they were.
  const other = await page.evaluate(() => window.training.modelFile());
  const mismatch = { ...other, settings: { ...other.settings, config: { ...other.settings.config, model: { ...other.settings.config.model, hidden: [3] } } } };
  const result = await page.evaluate((t) => window.training.loadModel(t), JSON.stringify(mismatch));
  expect(result.error).toContain('layers');
  expect(await page.evaluate(() => location.hash)).toBe(before.hash);
  expect(await page.locator('img').count()).toBe(0);
});
