// `step=N` in a link opens the run already at step N (issue 8 §1): the same numbers as N steps
// taken by hand, reached frame by frame without freezing the page; a bad value is listed in the
// notice and ignored.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash, api) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
}

test('a Landscapes link with step=120 opens at step 120, exactly where 120 steps by hand lead', async ({ page }) => {
  const link = '#view=landscapes&landscape=rosenbrock&strategy=gradient&rule=momentum&seed=3';
  await open(page, link, 'playground');
  await page.evaluate(() => window.playground.step(120));
  const byHand = await page.evaluate(() => window.playground.state());

  await open(page, `${link}&step=120`, 'playground');
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(120);
  const opened = await page.evaluate(() => window.playground.state());
  expect(opened.position).toEqual(byHand.position);
  expect(opened.value).toBe(byHand.value);
  expect(opened.bestValue).toBe(byHand.bestValue);
  expect(opened.playing).toBe(false);
  await expect(page.locator('.notice')).toHaveCount(0);
  // Typed into the open tab: the run starts again and goes to the new step.
  await page.evaluate(() => { location.hash = '#view=landscapes&landscape=himmelblau&step=7'; });
  await expect.poll(() => page.evaluate(() => window.playground.state().landscape)).toBe('himmelblau');
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(7);
});

test('a Train a model link with step=15 opens with the curves of 15 steps', async ({ page }) => {
  const link = '#view=training&data=moons&n=200&layers=5&seed=2';
  await open(page, link, 'training');
  await page.evaluate(() => window.training.step(15));
  const byHand = await page.evaluate(() => window.training.state());
  await open(page, `${link}&step=15`, 'training');
  await expect.poll(() => page.evaluate(() => window.training.state().step)).toBe(15);
  const opened = await page.evaluate(() => window.training.state());
  expect(opened.history).toEqual(byHand.history);
  expect(opened.historyLength).toBe(byHand.historyLength);
  expect(opened.misclassified).toBe(byHand.misclassified);
});

test('catching up on a dear run keeps the page drawing; a bad step is listed and ignored', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=rastrigin&strategy=random-global&samples=2000&step=900', 'playground');
  const watch = await page.evaluate(async () => {
    let frames = 0;
    let longest = 0;
    let last = performance.now();
    while (window.playground.state().step < 900 && frames < 3000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      frames += 1;
    }
    return { frames, longest: Math.round(longest), step: window.playground.state().step };
  });
  console.log(`2000 samples a step: caught up to step 900 in ${watch.frames} frames, longest frame gap ${watch.longest} ms`);
  expect(watch.step).toBe(900);
  expect(watch.frames).toBeGreaterThan(2);
  expect(watch.longest).toBeLessThan(1000);

  for (const bad of ['abc', '-5', '99999999', '1.5']) {
    await open(page, `#view=landscapes&landscape=ackley&step=${bad}`, 'playground');
    await expect(page.locator('.notice')).toContainText(`step = "${bad}" is not a whole number`);
    expect(await page.evaluate(() => window.playground.state())).toMatchObject({ landscape: 'ackley', step: 0 });
  }
});

test('Share at step 37 copies a link with step=37, which opens a fresh page at step 37 with the same numbers', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#view=landscapes&landscape=himmelblau&strategy=genetic&seed=8', 'playground');
  await page.evaluate(() => window.playground.step(37));
  const shown = await page.evaluate(() => window.playground.state());
  await page.locator('#share-button').click();
  await expect(page.locator('.share-status')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#view=landscapes&.*&step=37$/);
  expect(copied.match(/step=/g)).toHaveLength(1);

  const fresh = await context.newPage();
  await fresh.goto(copied);
  await fresh.waitForFunction(() => window.playground && window.playground.state().step === 37);
  const opened = await fresh.evaluate(() => window.playground.state());
  for (const key of ['position', 'value', 'bestPoint', 'bestValue', 'evaluations', 'points', 'explanation']) {
    expect(opened[key], key).toEqual(shown[key]);
  }
  // Back at step 0 the link carries no step.
  await page.evaluate(() => window.playground.reset());
  await page.locator('#share-button').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toContain('step=');
  await fresh.close();
});

test('a search shared after 2 steps opens a fresh page that trains those 2 steps: the same leaderboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#view=search&data=moons&n=120&noise=0.2&strategy=random&cand=4&layers=1,2&neurons=2,8&epochs=10&folds=3&seed=5', 'search');
  await page.evaluate(() => window.search.step(2));
  const shown = await page.evaluate(() => window.search.state());
  expect(shown.steps).toBe(2);
  await page.locator('#share-button').click();
  await expect(page.locator('.share-status')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#view=search&.*&step=2$/);
  const fresh = await context.newPage();
  await fresh.goto(copied);
  await fresh.waitForFunction(() => window.search && window.search.state().steps === 2 && window.search.state().status === 'paused', null, { timeout: 60_000 });
  const opened = await fresh.evaluate(() => window.search.state());
  expect(opened.leaderboard.map((c) => [c.candidate, c.architecture, c.folds])).toEqual(shown.leaderboard.map((c) => [c.candidate, c.architecture, c.folds]));
  await fresh.close();
});
