// Step back (issue 8 §4): the timeline and ← show the run at an earlier step — the very numbers
// that step had — and Play or Step from there go on exactly as the run first did.
import { test, expect } from '@playwright/test';
import { SCREENSHOTS, expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash, api) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
}

/** Scrubs view `api` (its window name) to `target`, counting animation frames meanwhile. */
const timedScrub = (page, api, target) => page.evaluate(async ([name, to]) => {
  let frames = 0;
  let counting = true;
  const tick = () => {
    frames += 1;
    if (counting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const reached = await window[name].scrubTo(to);
  counting = false;
  return { reached, ms: performance.now() - t0, frames };
}, [api, target]);

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

test('Train a model: scrubbing back gives the curves of that step; after points added by hand, back to where they were added', async ({ page }) => {
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
  // A point added by hand at step 5: the run carries on from there, and goes back as far.
  await page.evaluate(() => window.training.addPoint(0.2, 0.2, 0));
  const added = await page.evaluate(() => window.training.state());
  expect(added.step).toBe(5);
  await page.evaluate(() => window.training.step(2));
  const seven = await page.evaluate(() => window.training.state());
  await page.evaluate(() => window.training.step(5));
  await expect(slider).toHaveAttribute('max', '12');
  await expect(slider).toBeEnabled();
  expect(await page.evaluate(() => window.training.scrubTo(7))).toBe(7);
  expect(await page.evaluate(() => window.training.state())).toMatchObject({ history: seven.history, historyLength: seven.historyLength, misclassified: seven.misclassified, dataChanges: [5] });
  expect(await page.evaluate(() => window.training.scrubTo(2))).toBe(5);
  expect(await page.evaluate(() => window.training.state())).toMatchObject({ history: added.history, historyLength: added.historyLength, misclassified: added.misclassified });
  await page.screenshot({ path: `${SCREENSHOTS}train-scrub-back-to-the-added-point.png` });
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
    const scrub = await timedScrub(page, 'playground', step);
    console.log(`scrub 100000 → ${step}: ${scrub.ms.toFixed(1)} ms, ${scrub.frames} animation frames`);
    expect(scrub.reached).toBe(step);
    expect(await page.evaluate(NUMBERS)).toEqual(expected[step]);
  }
  await page.screenshot({ path: `${SCREENSHOTS}scrub-100000-to-12345.png` });
  // Play from step 12 345 as fast as possible: the run ends where it did, with the same trace.
  await page.evaluate(() => {
    window.playground.set({ speed: 'max' });
    window.playground.play();
  });
  await page.waitForFunction(() => window.playground.state().step === 100_000 && !window.playground.state().playing, null, { timeout: 120_000 });
  expect(await page.evaluate(NUMBERS)).toEqual(original.numbers);
  expect(await page.evaluate(TRACE)).toBe(original.trace);
});

/** The numbers of a Train-view state that a step decides, and the shown model's weights. */
const TRAINING_NUMBERS = () => {
  const s = window.training.state();
  const model = JSON.parse(window.training.exports().find((f) => f.file.endsWith('.json')).content());
  return { step: s.step, evaluations: s.evaluations, coreStatus: s.coreStatus, reason: s.reason, explanation: s.explanation, history: s.history, historyLength: s.historyLength, misclassified: s.misclassified, weights: model.weights };
};

/** The Train view's curves export (one row per step) as text. */
const TRAINING_CURVES = () => window.training.exports().find((f) => f.file.endsWith('.csv')).content();

test('Train a model: a long mini-batch run scrubs back from kept snapshots at once, and Play from there goes on as the run did', async ({ page, context }) => {
  test.setTimeout(240_000);
  const total = 100_000;
  const middle = 54_321;
  // Mini-batches of 10 rows, a batch per step: the batch stream is part of what a step decides.
  const hash = '#view=training&data=xor&n=100&layers=3&batch=mini&bs=10&unit=batch&alpha=0.01&seed=3';
  // A fresh run's numbers at the middle step and the one before it.
  const fresh = await context.newPage();
  await open(fresh, hash, 'training');
  const expected = {};
  for (const step of [middle - 1, middle]) {
    await fresh.evaluate((n) => window.training.runFor(n - window.training.state().step), step);
    expected[step] = await fresh.evaluate(TRAINING_NUMBERS);
  }
  await fresh.close();

  await open(page, hash, 'training');
  const t0 = Date.now();
  expect(await page.evaluate((n) => window.training.runFor(n), total)).toBe(total);
  console.log(`Train view: ${total} steps (mini-batches of 10 of 70 rows, a 2-3-1 network) in ${Date.now() - t0} ms`);
  const original = { numbers: await page.evaluate(TRAINING_NUMBERS), curves: await page.evaluate(TRAINING_CURVES) };
  expect(original.numbers.coreStatus).toBe('running');
  const slider = page.locator('#view-training input[data-action="timeline"]');
  await expect(slider).toHaveAttribute('max', String(total));

  const scrub = await timedScrub(page, 'training', middle);
  console.log(`Train view scrub ${total} → ${middle}: ${scrub.ms.toFixed(1)} ms, ${scrub.frames} animation frames`);
  expect(scrub.reached).toBe(middle);
  expect(scrub.ms, 'the scrub answers, not frozen').toBeLessThan(1000);
  expect(await page.evaluate(TRAINING_NUMBERS)).toEqual(expected[middle]);
  await expect(slider).toHaveAttribute('max', String(total));
  await page.screenshot({ path: `${SCREENSHOTS}train-scrub-100000-to-54321.png` });
  // ← : one step back (pressed on the page: on the plot, arrows move its key cursor).
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.training.state().step)).toBe(middle - 1);
  expect(await page.evaluate(TRAINING_NUMBERS)).toEqual(expected[middle - 1]);

  // Play from there, as fast as it goes, past the original end: the curves up to it are the
  // original run's, row for row.
  await page.evaluate(() => {
    window.training.set({ speed: 'max' });
    window.training.play();
  });
  await page.waitForFunction((n) => window.training.state().step >= n, total, { timeout: 180_000 });
  await page.evaluate(() => window.training.pause());
  const curves = await page.evaluate(TRAINING_CURVES);
  const rows = original.curves.split('\n').filter((line) => line !== '');
  expect(rows.length).toBeGreaterThan(total);
  expect(curves.split('\n').slice(0, rows.length)).toEqual(rows);
  // And back at the end of the original run by the timeline: its very numbers.
  expect(await page.evaluate((n) => window.training.scrubTo(n), total)).toBe(total);
  expect(await page.evaluate(TRAINING_NUMBERS)).toEqual(original.numbers);
});

/** The numbers of a Race state that a step decides, and SHA-256 of its curves export. */
const RACE_NUMBERS = async () => {
  const s = window.race.state();
  const csv = window.race.exports().find((f) => f.file.endsWith('.csv')).content();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(csv));
  const curves = `${csv.split('\n').length} rows ${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  return { step: s.step, coreStatus: s.coreStatus, summary: s.summary, lanes: s.lanes, curves };
};

test('Race: the largest Rastrigin race scrubs back to 10 000 from kept snapshots within a frame or two, and runs on to the same end', async ({ page, context }) => {
  test.setTimeout(180_000);
  const hash = '#view=race&preset=rastrigin&seeds=20&budget=20000';
  // A fresh race's numbers at step 10 000.
  const fresh = await context.newPage();
  await open(fresh, hash, 'race');
  expect(await fresh.evaluate(() => window.race.runFor(10_000))).toBe(10_000);
  const expected = await fresh.evaluate(RACE_NUMBERS);
  await fresh.close();

  await open(page, hash, 'race');
  expect(await page.evaluate(() => window.race.runFor(20_000))).toBe(20_000);
  const original = await page.evaluate(RACE_NUMBERS);
  expect(original.coreStatus).toBe('budget-spent');
  const scrub = await timedScrub(page, 'race', 10_000);
  console.log(`Race scrub 20000 → 10000: ${scrub.ms.toFixed(1)} ms, ${scrub.frames} animation frames`);
  expect(scrub.reached).toBe(10_000);
  // From the nearest kept snapshot, not replayed from the start (that took 2.4 s and 80 frames).
  expect(scrub.frames).toBeLessThanOrEqual(3);
  expect(await page.evaluate(RACE_NUMBERS)).toEqual(expected);
  await page.screenshot({ path: `${SCREENSHOTS}race-scrub-20000-to-10000.png` });
  // On from there to the end: the same race.
  expect(await page.evaluate(() => window.race.runFor(10_000))).toBe(10_000);
  expect(await page.evaluate(RACE_NUMBERS)).toEqual(original);
});
