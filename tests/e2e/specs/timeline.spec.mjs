// Step back (issue 8 §4): the timeline and ← show the run at an earlier step — the very numbers
// that step had — and Play or Step from there go on exactly as the run first did.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash, api) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
}

test('Landscapes: back to step 12 by the timeline, then on to 30 again, the same numbers', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=himmelblau&strategy=random-walk&seed=5', 'playground');
  const at = {};
  for (let s = 1; s <= 30; s += 1) {
    await page.evaluate(() => window.playground.step(1));
    if ([11, 12, 30].includes(s)) at[s] = await page.evaluate(() => window.playground.state());
  }
  const slider = page.locator('#view-landscapes input[data-action="timeline"]');
  await expect(slider).toHaveAttribute('max', '30');
  await slider.fill('12');
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(12);
  let s = await page.evaluate(() => window.playground.state());
  expect(s.position).toEqual(at[12].position);
  expect(s.bestValue).toBe(at[12].bestValue);
  await expect(slider).toHaveAttribute('max', '30');
  // ← : one step back.
  await page.locator('#view-landscapes canvas.pg-landscape').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(11);
  expect((await page.evaluate(() => window.playground.state())).position).toEqual(at[11].position);
  // On from there: step 30 is the step 30 of the first run.
  await page.evaluate(() => window.playground.runFor(19));
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(30);
  s = await page.evaluate(() => window.playground.state());
  expect(s.position).toEqual(at[30].position);
  expect(s.value).toBe(at[30].value);
  // A new run starts a new timeline.
  await page.evaluate(() => window.playground.reset());
  await expect(slider).toHaveAttribute('max', '0');
});

test('Train a model: scrubbing back gives the curves of that step; after points added by hand it is off', async ({ page }) => {
  await open(page, '#view=training&data=xor&n=200&seed=3', 'training');
  await page.evaluate(() => window.training.step(8));
  await page.evaluate(() => window.training.reset());
  await page.evaluate(() => window.training.step(5));
  const five = await page.evaluate(() => window.training.state());
  await page.evaluate(() => window.training.step(5));
  expect(await page.evaluate(() => window.training.scrubTo(5))).toBe(5);
  const back = await page.evaluate(() => window.training.state());
  expect(back.history).toEqual(five.history);
  expect(back.historyLength).toBe(five.historyLength);
  expect(back.misclassified).toBe(five.misclassified);
  const slider = page.locator('#view-training input[data-action="timeline"]');
  await expect(slider).toHaveAttribute('max', '10');
  await expect(slider).toBeEnabled();
  await page.evaluate(() => window.training.addPoint(0.2, 0.2, 0));
  await expect(slider).toBeDisabled();
  expect(await page.evaluate(() => window.training.scrubTo(2))).toBe(await page.evaluate(() => window.training.state().step));
});
