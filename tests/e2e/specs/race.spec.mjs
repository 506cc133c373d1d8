// The Race view end to end: each preset draws one median line and one band per strategy on a
// common evaluation axis (read from state() and from the chart's pixels); every lane gets the
// same budget; a link reproduces the same summary numbers; a tampered link shows a notice.
import { test, expect } from '@playwright/test';
import { expectNoProblems, SCREENSHOTS } from './helpers.mjs';

expectNoProblems(test, expect);

async function open(page, hash) {
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.race && window.race.state().status === 'ready');
}

/** Carries the race to its budget frame by frame; returns its state. */
async function runToEnd(page) {
  await page.evaluate(() => window.race.runFor(100_000));
  await page.waitForFunction(() => window.race.state().status === 'budget-spent', null, { timeout: 30_000 });
  await page.waitForTimeout(200);
  return page.evaluate(() => window.race.state());
}

/**
 * The page's link holds `keys`, and opened in a new page and run to its budget it gives the same
 * options, summary and lanes as `first` (the page's own finished race). Returns that page.
 */
async function expectLinkReproduces(page, context, first, keys) {
  const link = page.url();
  for (const key of keys) expect(link).toContain(key);
  const other = await context.newPage();
  await open(other, link.slice(link.indexOf('#')));
  const again = await runToEnd(other);
  expect(again.options).toEqual(first.options);
  expect(again.summary).toEqual(first.summary);
  expect(again.lanes).toEqual(first.lanes);
  return other;
}

/** Plays the race for `ms` ms; returns the longest task the page saw meanwhile (ms). */
function longestTaskWhilePlaying(page, ms) {
  return page.evaluate(async (wait) => {
    let worst = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) worst = Math.max(worst, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    window.race.play();
    await new Promise((done) => setTimeout(done, wait));
    window.race.pause();
    observer.disconnect();
    return worst;
  }, ms);
}

/** How many pixels of the chart are close to each series colour (lines and bands). */
function seriesPixels(page, colours) {
  return page.evaluate((list) => {
    const canvas = document.querySelector('#view-race canvas.pg-chart');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const rgb = list.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const counts = list.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      rgb.forEach((c, k) => {
        if (Math.abs(data[p] - c[0]) + Math.abs(data[p + 1] - c[1]) + Math.abs(data[p + 2] - c[2]) < 40) counts[k] += 1;
      });
    }
    return counts;
  }, colours);
}

const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'];

for (const [preset, count] of [['bowl', 3], ['rastrigin', 2], ['grid', 2], ['weights', 3]]) {
  test(`preset ${preset}: one curve and one band per strategy on an equal budget`, async ({ page }) => {
    await open(page, `#view=race&preset=${preset}`);
    const before = await page.evaluate(() => window.race.state());
    expect(before.strategies.length).toBe(count);
    expect(before.chart.lines).toBe(0);
    const state = await runToEnd(page);
    expect(state.step).toBe(state.budget);
    expect(state.chart).toMatchObject({ lines: count, bands: count });
    expect(state.summary).toHaveLength(count);
    for (const row of state.summary) {
      expect(row.min).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.max);
    }
    // Every lane counted at most the budget; the ones that did not stop by themselves, exactly.
    for (const lane of state.lanes) expect(lane.evaluations).toBeLessThanOrEqual(state.budget);
    const full = state.options.strategies.map((s, i) => [s.kind, state.lanes[i].evaluations]).filter(([kind]) => kind !== 'gradient');
    for (const [, evaluations] of full) expect(evaluations).toBe(state.budget);
    // The chart really shows each strategy's colour, and no colour of a strategy not in the race.
    const pixels = await seriesPixels(page, COLOURS);
    for (let k = 0; k < 4; k += 1) {
      if (k < count) expect(pixels[k], `strategy ${k + 1}'s colour`).toBeGreaterThan(100);
      else expect(pixels[k]).toBeLessThan(20);
    }
    await page.screenshot({ path: `${SCREENSHOTS}race-${preset}.png`, fullPage: true });
  });
}

test('random search beats the grid in the one-axis preset (Bergstra and Bengio)', async ({ page }) => {
  await open(page, '#view=race&preset=grid');
  const state = await runToEnd(page);
  const [random, grid] = state.summary;
  expect(grid.min).toBe(grid.max);
  expect(random.median).toBeLessThan(grid.median);
});

test('a link reproduces the same race, number for number', async ({ page, context }) => {
  await open(page, '#view=race&preset=rastrigin');
  // A race of one's own: another surface, a third strategy, fewer seeds.
  await page.evaluate(() => window.race.set({ landscape: { id: 'himmelblau' }, seeds: 3, budget: 60, seed: 7 }));
  await page.locator('#view-race [data-action="add-strategy"]').click();
  await page.locator('#view-race select[data-key="strategy3"]').selectOption('adam');
  const first = await runToEnd(page);
  expect(first.strategies).toEqual(['Gradient descent', 'Genetic algorithm', 'Adam']);
  expect(first.preset).toBe(null);
  await expectLinkReproduces(page, context, first, ['strategy3=gradient', 'rule3=adam']);
});

test('a tampered race link shows the notice, runs no script and keeps the rest', async ({ page }) => {
  await page.goto('/#view=race&preset=grid&seeds=abc&pop9=3&%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E=1&budget=40');
  await page.waitForFunction(() => window.race && window.race.state());
  const notice = page.locator('.notice');
  await expect(notice).toContainText('seeds = "abc" is not valid');
  await expect(notice).toContainText('unknown setting "pop9"');
  expect(await page.locator('.notice img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const state = await page.evaluate(() => window.race.state());
  expect(state.options.budget).toBe(40);
  expect(state.seeds).toBe(10);
});

test('a link the core refuses (one strategy) shows the notice and opens the default race', async ({ page }) => {
  await page.goto('/#view=race&strategy1=gradient&budget=50');
  await page.waitForFunction(() => window.race && window.race.state());
  await expect(page.locator('.notice')).toContainText('strategies: must be a whole number from 2 to 4 (got 1)');
  const state = await page.evaluate(() => window.race.state());
  expect(state.preset).toBe('bowl');
});

test('a bad strategy count from the controls is refused with the core\'s message and the race stays', async ({ page }) => {
  await open(page, '#view=race&preset=bowl');
  const result = await page.evaluate(() => window.race.set({ strategies: [{ kind: 'gradient' }] }));
  expect(result.ok).toBe(false);
  expect(result.error).toContain('strategies: must be a whole number from 2 to 4');
  expect((await page.evaluate(() => window.race.state())).strategies).toHaveLength(3);
  await expect(page.locator('#view-race [data-action="remove-strategy"]').first()).toBeEnabled();
  await page.locator('#view-race [data-action="remove-strategy"]').first().click();
  expect((await page.evaluate(() => window.race.state())).strategies).toEqual(['GD + momentum', 'Adam']);
  await expect(page.locator('#view-race [data-action="remove-strategy"]').first()).toBeDisabled();
});

test('a race on a network\'s weights: its own fields, pictures of each lane\'s model, a link that reproduces it', async ({ page, context }) => {
  await open(page, '#view=race&preset=weights');
  const race = page.locator('#view-race');
  await expect(race.locator('select[data-key="landscape"]')).toBeHidden();
  // The data and network from the fields; a bad network is refused by the core, by name.
  await race.locator('select[data-key="data"]').selectOption('xor');
  const layers = race.locator('input[data-key="layers"]');
  await layers.fill('0');
  await layers.press('Enter');
  await expect(race.locator('[data-field="layers"] .pg-error')).toContainText('neurons in layer 1');
  await layers.fill('4, 3');
  await layers.press('Enter');
  await expect(race.locator('[data-field="layers"] .pg-error')).toBeHidden();
  await page.evaluate(() => window.race.set({ budget: 80, seeds: 3 }));
  const before = await page.evaluate(() => window.race.state());
  expect(before.problem).toBe('weights');
  expect(before.options.weights).toMatchObject({ data: 'xor', model: { hidden: [4, 3] } });
  const first = await runToEnd(page);
  expect(first.optimum).toBe(0);
  for (const row of first.summary) expect(row.median).toBeGreaterThan(0);
  // Each card shows its lane's model: many shades (the boundary), and the class colours of the points.
  const shades = await page.evaluate(() => [...document.querySelectorAll('#view-race .race-picture > canvas')].map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Set();
    for (let p = 0; p < data.length; p += 16) seen.add(`${data[p] >> 3},${data[p + 1] >> 3},${data[p + 2] >> 3}`);
    return seen.size;
  }));
  expect(shades).toHaveLength(3);
  for (const n of shades) expect(n).toBeGreaterThan(20);
  await expectLinkReproduces(page, context, first, ['problem=weights', 'data=xor', 'layers=4,3']);
  await page.screenshot({ path: `${SCREENSHOTS}race-weights-xor.png`, fullPage: true });
});

test('a dear race on weights plays without blocking the page', async ({ page }) => {
  // 4 strategies × 5 seeds on a 4 × 32 network over 500 spiral points, a GA of 50 among them:
  // its first generation alone is 50 × 500 rows through 3 300 weights per seed.
  await open(page, '#view=race&problem=weights&data=spiral&points=500&layers=32,32,32,32&seeds=5&budget=2000&strategy1=gradient&strategy2=gradient&rule2=adam&strategy3=genetic&pop3=50&strategy4=random-global&speed=max');
  const longest = await longestTaskWhilePlaying(page, 4000);
  const state = await page.evaluate(() => window.race.state());
  console.log(`dear race on weights: ${state.step} steps in 4 s, longest task ${Math.round(longest)} ms`);
  expect(state.error).toBe(null);
  expect(state.step).toBeGreaterThan(0);
  expect(longest).toBeLessThan(1000);
});

test('a race of architecture strategies: one line and band each, every lane\'s best candidate pictured, never blocking', async ({ page }) => {
  await open(page, '#view=race&preset=architecture');
  const race = page.locator('#view-race');
  await expect(race.locator('select[data-key="landscape"]')).toBeHidden();
  await expect(race.locator('[data-field="architecture.folds"]')).toBeVisible();
  await expect(race.locator('input[data-key="layers"]')).toBeHidden();
  const before = await page.evaluate(() => window.race.state());
  expect(before.strategies).toEqual(['Random search', 'Grid search', 'Evolution']);
  expect(before.lanes.map((l) => l.best)).toEqual([null, null, null]);
  // The folds train in Web Workers: the page's longest task while the whole race runs.
  const started = Date.now();
  const longest = await page.evaluate(async () => {
    let worst = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) worst = Math.max(worst, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    window.race.set({ speed: 'max' });
    window.race.play();
    await new Promise((done) => {
      const poll = () => (window.race.state().status === 'budget-spent' ? done() : setTimeout(poll, 100));
      poll();
    });
    observer.disconnect();
    return worst;
  });
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => window.race.state());
  const median = state.summary.map((r) => `${r.strategy} ${r.median.toFixed(3)} [${r.min.toFixed(3)}, ${r.max.toFixed(3)}]`);
  console.log(`architecture preset: ${state.budget} candidates × ${state.seeds} seeds × 3 strategies in ${((Date.now() - started) / 1000).toFixed(1)} s, longest task ${Math.round(longest)} ms (longest frame ${Math.round(state.perf.maxFrameMs)} ms); best CV error median [min, max]: ${median.join('; ')}`);
  expect(state.error).toBe(null);
  expect(longest).toBeLessThan(1000);
  expect(state.step).toBe(state.budget);
  expect(state.optimum).toBe(0);
  expect(state.chart).toMatchObject({ lines: 3, bands: 3 });
  const pixels = await seriesPixels(page, COLOURS);
  for (let k = 0; k < 3; k += 1) expect(pixels[k], `strategy ${k + 1}'s colour`).toBeGreaterThan(100);
  for (const [i, lane] of state.lanes.entries()) {
    expect(lane.evaluations).toBe(state.budget);
    expect(lane.best.description).toMatch(/^2-/);
    expect(lane.best.error).toBe(lane.bestValue);
    expect(lane.best.error).toBeGreaterThanOrEqual(state.summary[i].min);
  }
  // Each card: the best candidate's fold model (many shades) under the points.
  await expect(race.locator('.race-picture figcaption').first()).toContainText('best CV error');
  const shades = await page.evaluate(() => [...document.querySelectorAll('#view-race .race-picture > canvas')].map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Set();
    for (let p = 0; p < data.length; p += 16) seen.add(`${data[p] >> 3},${data[p + 1] >> 3},${data[p + 2] >> 3}`);
    return seen.size;
  }));
  for (const n of shades) expect(n).toBeGreaterThan(20);
  await page.screenshot({ path: `${SCREENSHOTS}race-architecture.png`, fullPage: true });
});

test('a race on architectures from a link is the same race, and bad settings are refused by name', async ({ page, context }) => {
  // From the Problem menu: the strategies become ones that search architectures.
  await open(page, '#view=race&preset=bowl');
  await page.locator('#view-race select[data-key="problem"]').selectOption('architecture');
  const switched = await page.evaluate(() => window.race.state());
  expect(switched).toMatchObject({ problem: 'architecture', strategies: ['Grid search', 'Random search'], error: null });
  await expect(page.locator('#view-race [data-field="architecture.space.layers"]')).toBeVisible();
  const layers = page.locator('#view-race [data-field="architecture.space.layers"] input');
  await layers.fill('3, 1');
  await layers.press('Enter');
  await expect(page.locator('#view-race [data-field="architecture.space.layers"] .pg-error')).toContainText('hidden layers (largest)');
  await open(page, '#view=race&preset=architecture');
  const refused = await page.evaluate(() => window.race.set({ architecture: { folds: 1 } }));
  expect(refused.error).toContain('folds');
  await page.evaluate(() => window.race.set({ weights: { data: 'moons', points: 120 }, architecture: { space: { layers: [0, 2], epochs: 20 } }, strategies: [{ kind: 'halving', candidates: 9, eta: 3 }, { kind: 'evolution', population: 4, tournament: 2, elitism: 1 }], seeds: 3, budget: 12, seed: 4 }));
  const first = await runToEnd(page);
  expect(first.strategies).toEqual(['Successive halving', 'Evolution']);
  // Halving's 9 + 3 + 1 candidates cost 9/9 + 3·7/20 + 1 of the 12 evaluations: it ran out and keeps its best.
  expect(first.lanes[0].evaluations).toBeLessThan(12);
  const other = await expectLinkReproduces(page, context, first, ['problem=architecture', 'alayers=0,2', 'aepochs=20', 'astrategy1=halving', 'acand1=9', 'apop2=4']);
  // Back on the timeline: the race is run again from the start to that step, in the workers.
  expect(await other.evaluate(() => window.race.scrubTo(5))).toBe(5);
  expect((await other.evaluate(() => window.race.state())).error).toBe(null);
});

test('a dear race on architectures plays without blocking the page', async ({ page }) => {
  // 4 strategies × 20 seeds with 10 folds: the first step is halving's first rung (27
  // candidates), evolution's first generation (20), a random draw and a grid point, each on
  // 10 folds × 20 seeds: 9 800 jobs, handed to the workers a part at a time.
  await open(page, '#view=race&problem=architecture&data=moons&points=200&aepochs=3&afolds=10&seeds=20&budget=200&astrategy1=halving&acand1=27&astrategy2=evolution&apop2=20&astrategy3=random&astrategy4=grid&speed=max');
  const longest = await longestTaskWhilePlaying(page, 10000);
  const state = await page.evaluate(() => window.race.state());
  console.log(`dear race on architectures: ${state.step} steps in 10 s, longest task ${Math.round(longest)} ms (longest frame ${Math.round(state.perf.maxFrameMs)} ms)`);
  expect(state.error).toBe(null);
  expect(longest).toBeLessThan(1000);
});
