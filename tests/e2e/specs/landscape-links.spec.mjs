// The Landscapes view as a new user meets it: the README's demo, its defaults, its numbers
// before and after a step, and links that reproduce what was on screen (issue 6).
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

/** Where these tests save the screenshots a person looks at (outside test-results/). */
const SHOTS = process.env.SHOTS_DIR || null;

async function open(page, hash = '') {
  // Through about:blank, so a new hash is a fresh page load rather than a hash change.
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
}

const state = (page) => page.evaluate(() => window.playground.state());
const set = (page, partial) => page.evaluate((p) => window.playground.set(p), partial);
const step = (page, n) => page.evaluate((k) => window.playground.step(k), n);
const panelValue = (page, key) => page.locator(`.pg-stats dd[data-value="${key}"]`).innerText();

/** The README's iframe example: plain gradient descent on Rosenbrock, every default. */
const README_DEMO = '#view=landscapes&landscape=rosenbrock&strategy=gradient';

test('the README\'s Rosenbrock demo converges visibly and does not diverge in 200 steps', async ({ page }) => {
  await open(page, README_DEMO);
  const before = await state(page);
  expect(before.value).toBeGreaterThan(1);
  await step(page, 100);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rosenbrock-demo-100-steps.png` });
  await step(page, 100);
  const after = await state(page);
  expect(after.status).not.toBe('diverged');
  expect(after.step).toBe(200);
  // Down the valley wall: more than three quarters of J(start) gone (J* = 0).
  expect(after.bestValue).toBeLessThan(0.25 * before.value);
  await expect(page.locator('.pg-strip')).not.toContainText('Diverged');
});

test('choosing a surface in the menu takes that surface\'s learning rate, unless the same change sets one', async ({ page }) => {
  await open(page);
  const bowl = (await state(page)).options.strategy.learningRate;
  const alphaField = page.locator('.pg-field[data-field="learningRate"] input');
  for (const id of ['rosenbrock', 'himmelblau']) {
    await page.locator('.pg-field[data-field="landscape"] select').selectOption(id);
    const s = await state(page);
    expect(s.landscape).toBe(id);
    expect(s.options.strategy.learningRate).not.toBe(bowl);
    await expect(alphaField).toHaveValue(String(s.options.strategy.learningRate));
    const start = s.value;
    await step(page, 200);
    const after = await state(page);
    expect(after.status, `${id}: ${after.reason}`).not.toBe('diverged');
    expect(after.bestValue).toBeLessThan(0.5 * start);
  }
  // Another update rule brings its own α (Adam's α is a step length, not a gradient factor).
  const plain = (await state(page)).options.strategy.learningRate;
  await page.locator('.pg-field[data-field="rule"] select').selectOption('adam');
  expect((await state(page)).options.strategy.learningRate).not.toBe(plain);
  // A value set in the same change wins; a value set alone stays until the surface changes.
  expect((await set(page, { landscape: { id: 'rosenbrock' }, strategy: { learningRate: 0.0123 } })).ok).toBe(true);
  expect((await state(page)).options.strategy.learningRate).toBe(0.0123);
  await set(page, { seed: 9 });
  expect((await state(page)).options.strategy.learningRate).toBe(0.0123);
});

test('best J so far is never worse than the current J(θ), step after step', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=bowl&strategy=gradient');
  for (let i = 0; i < 10; i += 1) {
    await step(page, 1);
    const s = await state(page);
    expect(s.bestValue, `step ${s.step}`).toBeLessThanOrEqual(s.value);
  }
  const rows = { value: await panelValue(page, 'value'), best: await panelValue(page, 'bestValue') };
  expect(Number(rows.best.replace('−', '-'))).toBeLessThanOrEqual(Number(rows.value.replace('−', '-')));
});

test('before its first step random search on Ackley shows its start, not the answer, and no negative J', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=ackley&strategy=random-global');
  const s = await state(page);
  expect(s.step).toBe(0);
  expect(s.position).not.toEqual([0, 0]);
  expect(s.position).toEqual(s.start);
  expect(s.value).toBeGreaterThan(1);
  expect(s.bestValue).toBeNull();
  expect(await panelValue(page, 'value')).not.toMatch(/^−/);
  expect(await panelValue(page, 'bestValue')).toBe('—');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/ackley-random-before-first-step.png` });
  // At the minimum itself J reads 0, not −4.4e−16.
  const { num } = await page.evaluate(async () => {
    const format = await import('/www/ui/format.js');
    return { num: [format.num(-4.4e-16), format.num(3e-13, 4), format.num(2.5e-9)] };
  });
  expect(num).toEqual(['0', '0', '2.5e−9']);
});

test('the start label keeps off the path, whichever way the run leaves the start', async ({ page }) => {
  await open(page);
  const overlaps = await page.evaluate(async () => {
    const { startLabelPlacement } = await import('/www/draw/landscape.js');
    const plot = { x: 40, y: 10, w: 500, h: 500 };
    const start = [290, 260];
    const found = [];
    for (let k = 0; k < 16; k += 1) {
      const angle = (k / 16) * 2 * Math.PI;
      const leaving = [Math.cos(angle), Math.sin(angle)];
      const { box } = startLabelPlacement({ start, leaving, width: 30, height: 12, plot });
      // The first 80 px of the path, sampled: none may fall inside the label's box.
      for (let t = 0; t <= 80; t += 1) {
        const [x, y] = [start[0] + leaving[0] * t, start[1] + leaving[1] * t];
        if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) {
          found.push(`angle ${Math.round((angle * 180) / Math.PI)}°`);
          break;
        }
      }
    }
    return found;
  });
  expect(overlaps).toEqual([]);
  if (SHOTS) {
    await open(page, '#view=landscapes&landscape=bowl&strategy=gradient&start=-2.5,-1');
    await step(page, 12);
    await page.locator('.pg-canvas-wrap').screenshot({ path: `${SHOTS}/start-label-bowl.png` });
    await open(page, '#view=landscapes&landscape=rosenbrock&strategy=gradient');
    await step(page, 30);
    await page.locator('.pg-canvas-wrap').screenshot({ path: `${SHOTS}/start-label-rosenbrock.png` });
  }
});

test('the Adam explanation fills in m̂, v̂ and the step with numbers', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=himmelblau&strategy=gradient&rule=adam');
  await step(page, 3);
  const text = (await state(page)).explanation;
  expect(text).toMatch(/m̂ = m₃\/\(1 − β₁³\) = \(/);
  expect(text).toMatch(/v̂ = v₃\/\(1 − β₂³\) = \(/);
  expect(text).not.toMatch(/·m̂\/\(√v̂ \+ ε\) = \(\S+, \S+\)$/m);
});

// ---------------------------------------------------------------- links

/**
 * Settings changes covering every field of the Landscapes view; each is made on a page
 * opened from `from` (or the defaults), then the link it writes is opened in a fresh page.
 */
const CHANGES = [
  { name: 'surface', change: { landscape: { id: 'himmelblau' } } },
  { name: 'every surface id', change: { landscape: { id: 'regression' } } },
  { name: 'κ', change: { landscape: { condition: 250 } } },
  { name: 'φ', change: { landscape: { rotationDeg: -40 } } },
  { name: 'kind: random-global', change: { strategy: { kind: 'random-global', samplesPerStep: 9 } } },
  { name: 'kind: random-walk', change: { strategy: { kind: 'random-walk', samplesPerStep: 3, sigma: 0.7 } } },
  { name: 'kind: genetic', change: { strategy: { kind: 'genetic', population: 24, tournament: 5, crossover: 'blend', blendAlpha: 0.45, mutationRate: 0.35, mutationSigma: 0.6, elitism: 3, initialSpread: 0.4 } } },
  { name: 'genetic, uniform crossover', change: { strategy: { kind: 'genetic', crossover: 'uniform' } } },
  { name: 'rule: plain, α', change: { strategy: { kind: 'gradient', rule: 'plain', learningRate: 0.031 } } },
  { name: 'rule: momentum, μ', change: { strategy: { rule: 'momentum', momentum: 0.8 } } },
  { name: 'rule: nesterov, μ', change: { strategy: { rule: 'nesterov', momentum: 0.7 } } },
  { name: 'rule: adagrad, ε', change: { strategy: { rule: 'adagrad', epsilon: 0.5 } } },
  { name: 'rule: rmsprop, ρ, ε', change: { strategy: { rule: 'rmsprop', rho: 0.8, epsilon: 0.01 } } },
  { name: 'rule: adam, β₁, β₂, ε', change: { strategy: { rule: 'adam', beta1: 0.85, beta2: 0.99, epsilon: 0.5 } } },
  { name: 'seed', from: '#view=landscapes&strategy=genetic', change: { seed: 4242 } },
  { name: 'start', change: { start: [1.25, -2.5] } },
  { name: 'speed', change: { speed: 30 } },
  { name: 'controls hidden', change: { controls: false } },
  { name: 'a surface after a rate', from: '#view=landscapes&alpha=0.07', change: { landscape: { id: 'rosenbrock' } } },
];

const numbers = (s) => ({ position: s.position, value: s.value, bestValue: s.bestValue, step: s.step, status: s.status });

for (const { name, change, from } of CHANGES) {
  test(`link round trip: ${name}`, async ({ page }) => {
    await open(page, from || '');
    const result = await set(page, change);
    expect(result.ok, result.error).toBe(true);
    const written = await page.evaluate(() => location.hash);
    const original = await state(page);
    await step(page, 20);
    const ran = await state(page);

    await open(page, written);
    const reopened = await state(page);
    expect(reopened.options, `link ${written}`).toEqual(original.options);
    await step(page, 20);
    expect(numbers(await state(page)), `link ${written}`).toEqual(numbers(ran));
  });
}

test('an ε of 0.5 in a link is the ε of the run, and the ε field shows it', async ({ page }) => {
  await open(page, '#view=landscapes&strategy=gradient&rule=adam&eps=0.5');
  expect((await state(page)).options.strategy.epsilon).toBe(0.5);
  await expect(page.locator('.pg-field[data-field="epsilon"] input')).toHaveValue('0.5');
  expect(await page.evaluate(() => location.hash)).toContain('eps=0.5');
  await expect(page.locator('.notice')).toHaveCount(0);
});

// ---------------------------------------------------------------- the address bar

test('typing a Train link while on Landscapes opens that view with the link\'s settings', async ({ page }) => {
  await open(page);
  await page.evaluate(() => { location.hash = '#view=training&data=moons&n=300'; });
  await page.waitForFunction(() => window.training && window.training.state().options);
  await expect(page.getByRole('tab', { name: 'Train a model' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => window.training.state().options.data)).toMatchObject({ id: 'moons', points: 300 });
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('data=moons');
  expect(await page.evaluate(() => location.hash)).toContain('n=300');

  // Back to a Landscapes link: the mounted view takes its settings.
  await page.evaluate(() => { location.hash = '#view=landscapes&landscape=himmelblau'; });
  await expect.poll(async () => (await state(page)).landscape).toBe('himmelblau');
  await expect(page.getByRole('tab', { name: 'Landscapes' })).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => location.hash)).toContain('landscape=himmelblau');
});

test('typing a Landscapes link while on Train opens Landscapes with the link\'s settings', async ({ page }) => {
  await page.goto('/#view=training');
  await page.waitForFunction(() => window.training && window.training.state().options);
  await page.evaluate(() => { location.hash = '#view=landscapes&landscape=himmelblau&strategy=random-walk'; });
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  const s = await state(page);
  expect([s.landscape, s.strategy]).toEqual(['himmelblau', 'random-walk']);
  expect(await page.evaluate(() => location.hash)).toContain('landscape=himmelblau');
});

test('a hash naming an unknown view gives a notice and keeps the view', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=saddle');
  await page.evaluate(() => { location.hash = '#view=nonsense'; });
  await expect(page.locator('.notice')).toContainText('unknown view "nonsense"');
  expect((await state(page)).landscape).toBe('saddle');
});

// ---------------------------------------------------------------- dropped files

test('embed keys typed into an open tab say they apply on reload; the rest of the link applies', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=bowl');
  await page.evaluate(() => { location.hash = '#view=landscapes&landscape=himmelblau&embed=1&show=step'; });
  await expect(page.locator('#notice')).toContainText('reload the page');
  await expect.poll(() => page.evaluate(() => window.playground.state().options.landscape.id)).toBe('himmelblau');
  await page.reload();
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  expect(await page.evaluate(() => document.documentElement.classList.contains('pg-embed-page'))).toBe(true);
});

test('a file dropped on the Landscapes view is caught with a notice, and the page stays', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=rastrigin');
  const outcome = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x,y,label\n1,2,a\n'], 'points.csv', { type: 'text/csv' }));
    const target = document.querySelector('.pg-landscape');
    const over = target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    const drop = target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    // dispatchEvent is false when a listener prevented the default (the browser's navigation).
    return { overAllowed: over, dropAllowed: drop };
  });
  expect(outcome).toEqual({ overAllowed: false, dropAllowed: false });
  await expect(page.locator('.notice')).toContainText('Train a model');
  expect((await state(page)).landscape).toBe('rastrigin');
});
