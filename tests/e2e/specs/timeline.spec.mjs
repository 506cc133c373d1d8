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

/** The numbers of a Landscapes state that a step decides (not the page's own: playing, perf…). */
const NUMBERS = () => {
  const s = window.playground.state();
  return { step: s.step, evaluations: s.evaluations, position: s.position, value: s.value, gradient: s.gradient, points: s.points, bestPoint: s.bestPoint, bestValue: s.bestValue, explanation: s.explanation, coreStatus: s.coreStatus };
};

/** SHA-256 of the run's trace export (one row per step: evaluations, θ, J, best J). */
const TRACE = async () => {
  const csv = window.playground.exports().find((f) => f.file.endsWith('.csv')).content();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(csv));
  return `${csv.split('\n').length} rows ${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

test('Landscapes: a 100 000-step run scrubs back to 50 000 and 12 345 from kept snapshots, and Play from there ends as the run did', async ({ page, context }) => {
  test.setTimeout(180_000);
  const hash = '#view=landscapes&landscape=rosenbrock&strategy=gradient&alpha=0.0003&seed=3';
  // A fresh run's numbers at the two steps.
  const fresh = await context.newPage();
  await open(fresh, hash, 'playground');
  const expected = {};
  for (const step of [12_345, 50_000]) {
    await fresh.evaluate((n) => window.playground.runFor(n - window.playground.state().step), step);
    expected[step] = await fresh.evaluate(NUMBERS);
  }
  await fresh.close();

  await open(page, hash, 'playground');
  expect(await page.evaluate(() => window.playground.runFor(100_000))).toBe(100_000);
  const original = { numbers: await page.evaluate(NUMBERS), trace: await page.evaluate(TRACE) };
  expect(original.numbers.coreStatus).toBe('budget-spent');
  for (const step of [50_000, 12_345]) {
    const scrub = await page.evaluate(async (target) => {
      let frames = 0;
      let counting = true;
      const tick = () => {
        frames += 1;
        if (counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const t0 = performance.now();
      const reached = await window.playground.scrubTo(target);
      counting = false;
      return { reached, ms: performance.now() - t0, frames };
    }, step);
    console.log(`scrub 100000 → ${step}: ${scrub.ms.toFixed(1)} ms, ${scrub.frames} animation frames`);
    expect(scrub.reached).toBe(step);
    expect(await page.evaluate(NUMBERS)).toEqual(expected[step]);
  }
  await page.screenshot({ path: '/work/helpers/mount/shots/scrub-100000-to-12345.png' });
  // Play from step 12 345 as fast as possible: the run ends where it did, with the same trace.
  await page.evaluate(() => {
    window.playground.set({ speed: 'max' });
    window.playground.play();
  });
  await page.waitForFunction(() => window.playground.state().step === 100_000 && !window.playground.state().playing, null, { timeout: 120_000 });
  expect(await page.evaluate(NUMBERS)).toEqual(original.numbers);
  expect(await page.evaluate(TRACE)).toBe(original.trace);
});
