// End-to-end tests of the Landscapes view, driven as a learner (and a teacher) would drive it.
import { test, expect } from '@playwright/test';
import { SCREENSHOTS, canvasWidths, expectNoProblems, listenForProblems, watchFrames } from './helpers.mjs';

// Every test ends by asserting that the page logged no console error, warning or exception.
expectNoProblems(test, expect);

async function open(page, hash = '') {
  // Through about:blank, so a new hash is a fresh page load rather than a hash change.
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
}

const state = (page) => page.evaluate(() => window.playground.state());
const canvasPixels = (page) => page.evaluate(() => document.querySelector('.pg-landscape').toDataURL());
const field = (page, key) => page.locator(`.pg-field[data-field="${key}"]`);

async function typeInto(page, key, text) {
  const input = field(page, key).locator('input');
  await input.fill(text);
  await input.press('Enter');
}

test('the page loads with its title, views, controls and a drawn landscape', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle('AutoML Playground');
  await expect(page.locator('h1')).toHaveText('AutoML Playground');
  await expect(page.locator('.subtitle')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Landscapes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.pg-title')).toContainText('Gradient descent');
  await expect(page.locator('.pg-formula')).toContainText('J(x,y)');
  const s = await state(page);
  expect(s).toMatchObject({ view: 'landscapes', strategy: 'gradient', landscape: 'bowl', step: 0, status: 'ready' });
  // The heatmap is really there: the canvas centre is not the page background.
  const centre = await page.evaluate(() => {
    const c = document.querySelector('.pg-landscape');
    return Array.from(c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data);
  });
  expect(centre.slice(0, 3)).not.toEqual([255, 255, 255]);
  // The hash now describes the run.
  expect(await page.evaluate(() => location.hash)).toContain('landscape=bowl');
});

test('Step changes the canvas and the step count; the heatmap is not recomputed', async ({ page }) => {
  await open(page);
  const before = await canvasPixels(page);
  const renders = (await state(page)).heatmapRenders;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await state(page)).step).toBe(1);
  await expect.poll(() => canvasPixels(page)).not.toBe(before);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const s = await state(page);
  expect(s.step).toBe(2);
  expect(s.evaluations).toBe(2);
  expect(s.heatmapRenders).toBe(renders);
  expect(s.explanation).toContain('θ₂ = θ₁ − α∇J(θ₁)');
  await expect(page.locator('.pg-explanation')).toContainText('θ₂');
  await expect(page.locator('.pg-stats dd[data-value="step"]')).toHaveText('2');
});

test('Play then Pause: the step count grows, then stops growing', async ({ page }) => {
  await open(page, '#landscape=rosenbrock&strategy=gradient&alpha=0.0005&speed=60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await state(page)).step, { timeout: 5000 }).toBeGreaterThan(10);
  expect((await state(page)).status).toBe('running');
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = (await state(page)).step;
  await page.waitForTimeout(600);
  const later = await state(page);
  expect(later.step).toBe(paused);
  expect(later.status).toBe('paused');
  expect(later.playing).toBe(false);
});

test('the speed setting paces the run', async ({ page }) => {
  await open(page, '#landscape=rosenbrock&alpha=0.0005&speed=2');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const slow = (await state(page)).step;
  expect(slow).toBeGreaterThanOrEqual(2);
  expect(slow).toBeLessThanOrEqual(6);
  await page.locator('.pg-speed select').selectOption('max');
  expect((await state(page)).speed).toBe('max');
  expect(await page.evaluate(() => location.hash)).toContain('speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  // At 2 steps/s this would take 100 s; at full speed it takes a moment.
  await expect.poll(async () => (await state(page)).step, { timeout: 10000 }).toBeGreaterThan(slow + 200);
  await page.evaluate(() => window.playground.pause());
});

test('a diverging learning rate shows "diverged" with its reason and stops playing', async ({ page }) => {
  await open(page);
  await page.locator('.pg-field[data-field="landscape"] select').selectOption('rosenbrock');
  await typeInto(page, 'learningRate', '10');
  await expect(field(page, 'learningRate')).not.toHaveClass(/pg-invalid/);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('.pg-strip')).toContainText('Diverged');
  await expect(page.locator('.pg-strip')).toContainText('learning rate α');
  await expect(page.locator('.pg-badge')).toHaveText('Diverged');
  const s = await state(page);
  expect(s.status).toBe('diverged');
  expect(s.reason).toMatch(/J\(θ\) (exploded|became non-finite)/);
  expect(s.playing).toBe(false);
  await page.waitForTimeout(400);
  expect((await state(page)).step).toBe(s.step);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // No NaN reaches the page.
  expect(await page.locator('.pg-side').innerText()).not.toContain('NaN');
  await page.screenshot({ path: `${SCREENSHOTS}diverged-rosenbrock.png` });

  // 10⁶ on the bowl diverges too.
  const result = await page.evaluate(() => window.playground.set({ landscape: { id: 'bowl' }, strategy: { learningRate: 1e6 } }));
  expect(result).toEqual({ ok: true, reset: true, error: null });
  await page.locator('.pg-landscape').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.pg-strip')).toContainText('Diverged');
  expect((await state(page)).status).toBe('diverged');
});

test('invalid input marks the field with the core\'s message and keeps the run', async ({ page }) => {
  await open(page, '#strategy=genetic&landscape=rastrigin&speed=30');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const before = await state(page);
  await expect(field(page, 'population').locator('.pg-hint')).toHaveText('2 to 2000, whole');

  await typeInto(page, 'population', '0');
  const error = field(page, 'population').locator('.pg-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveText('population: must be a whole number from 2 to 2000 (got 0)');
  await expect(field(page, 'population').locator('input')).toHaveAttribute('aria-invalid', 'true');
  let after = await state(page);
  expect(after.step).toBe(before.step);
  expect(after.evaluations).toBe(before.evaluations);
  expect(after.options.strategy.population).toBe(40);
  expect(after.bestValue).toBe(before.bestValue);

  await typeInto(page, 'population', '1000000000');
  await expect(error).toContainText('(got 1000000000)');
  await typeInto(page, 'population', 'abc');
  await expect(error).toContainText('not a number');
  await typeInto(page, 'mutationRate', '1.5');
  await expect(field(page, 'mutationRate').locator('.pg-error')).toHaveText('mutation rate: must be a number from 0 to 1 (got 1.5)');
  after = await state(page);
  expect(after.step).toBe(before.step);
  expect(after.options.strategy).toEqual(before.options.strategy);

  // The run goes on while fields are invalid, and a good value clears the mark.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await state(page)).step).toBeGreaterThan(before.step + 3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await typeInto(page, 'population', '60');
  await expect(error).toBeHidden();
  expect((await state(page)).options.strategy.population).toBe(60);

  // σ −1 on the random walk, and α given as text or far out of range.
  // (Each refusal keeps the value in force: Rastrigin's own σ and α.)
  await page.locator('.pg-field[data-field="kind"] select').selectOption('random-walk');
  const { sigma, learningRate } = (await state(page)).options.strategy;
  await typeInto(page, 'sigma', '-1');
  await expect(field(page, 'sigma').locator('.pg-error')).toContainText('step size σ: must be a number from');
  await expect(field(page, 'sigma').locator('.pg-error')).toContainText('(got -1)');
  expect((await state(page)).options.strategy.sigma).toBe(sigma);
  await page.locator('.pg-field[data-field="kind"] select').selectOption('gradient');
  await typeInto(page, 'learningRate', 'abc');
  await expect(field(page, 'learningRate').locator('.pg-error')).toContainText('learning rate α: "abc" is not a number');
  await typeInto(page, 'learningRate', '1e7');
  await expect(field(page, 'learningRate').locator('.pg-error')).toHaveText('learning rate α: must be a number from 0 to 1000000 (got 10000000)');
  expect((await state(page)).options.strategy.learningRate).toBe(learningRate);
  await page.screenshot({ path: `${SCREENSHOTS}invalid-input.png` });

  // The API refuses the same way.
  const refused = await page.evaluate(() => window.playground.set({ strategy: { population: 0 } }));
  expect(refused.ok).toBe(false);
  expect(refused.reset).toBe(false);
  expect(refused.error).toContain('population: must be a whole number from 2 to 2000 (got 0)');
  const badSpeed = await page.evaluate(() => window.playground.set({ speed: 7 }));
  expect(badSpeed.ok).toBe(false);
});

test('a change that can apply mid-run keeps the run; a structural one resets it', async ({ page }) => {
  await open(page, '#landscape=rosenbrock&alpha=0.001');
  await page.evaluate(() => window.playground.step(20));
  await typeInto(page, 'learningRate', '0.002');
  let s = await state(page);
  expect(s.step).toBe(20);
  expect(s.options.strategy.learningRate).toBe(0.002);
  await page.locator('.pg-field[data-field="rule"] select').selectOption('momentum');
  s = await state(page);
  expect(s.step).toBe(0);
  expect(s.rule).toBe('momentum');
  await expect(field(page, 'momentum')).toBeVisible();
  await expect(field(page, 'rho')).toBeHidden();
  const r = await page.evaluate(() => window.playground.set({ strategy: { momentum: 0.5 } }));
  expect(r).toEqual({ ok: true, reset: false, error: null });
});

test('keyboard: Space plays and pauses, → steps, R resets, but not while typing', async ({ page }) => {
  await open(page, '#landscape=rosenbrock&alpha=0.0005&speed=60');
  await page.locator('.pg-landscape').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await state(page)).step).toBe(2);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await state(page)).step).toBeGreaterThan(5);
  expect((await state(page)).playing).toBe(true);
  await page.keyboard.press(' ');
  expect((await state(page)).playing).toBe(false);
  await page.keyboard.press('r');
  expect((await state(page)).step).toBe(0);
  // Typing "r" or a space in a field does not reach the shortcuts.
  await page.keyboard.press('ArrowRight');
  const input = field(page, 'learningRate').locator('input');
  await input.click();
  await input.press('r');
  await input.press(' ');
  await input.press('ArrowRight');
  const s = await state(page);
  expect(s.step).toBe(1);
  expect(s.playing).toBe(false);
  await input.fill('0.0005');
  await input.press('Enter');
  // A mouse click on Step does not keep the focus there, so Space still means play/pause.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.keyboard.press(' ');
  expect((await state(page)).playing).toBe(true);
  await page.keyboard.press(' ');
});

test('clicking the map starts the run from there', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.playground.step(5));
  const box = await page.locator('.pg-landscape').boundingBox();
  const plot = await page.evaluate(() => window.playground.state().domain);
  expect(plot).toEqual([-3, 3, -3, 3]);
  // Click roughly in the lower-right quarter of the plot.
  await page.locator('.pg-landscape').click({ position: { x: box.width * 0.75, y: box.height * 0.7 } });
  const s = await state(page);
  expect(s.step).toBe(0);
  expect(s.start[0]).toBeGreaterThan(0.5);
  expect(s.start[1]).toBeLessThan(0);
  expect(s.position).toEqual(s.start);
  expect(await page.evaluate(() => location.hash)).toContain(`start=${s.start[0]},${s.start[1]}`);
  await expect(page.getByRole('button', { name: 'Default start' })).toBeEnabled();
  await page.getByRole('button', { name: 'Default start' }).click();
  expect((await state(page)).start).toEqual([-2.1, 2.0999999999999996]);
});

test('the URL hash restores the run; a tampered hash falls back to defaults with a notice', async ({ page }) => {
  await open(page, '#landscape=himmelblau&strategy=random-walk&sigma=0.5&samples=3&seed=77&start=1,-2&speed=30');
  let s = await state(page);
  expect(s).toMatchObject({ landscape: 'himmelblau', strategy: 'random-walk', speed: 30, start: [1, -2] });
  expect(s.options.strategy.sigma).toBe(0.5);
  expect(s.options.seed).toBe(77);
  await page.evaluate(() => window.playground.step(30));
  const walked = await state(page);
  // Same link → same run, bit for bit.
  await page.reload();
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  await page.evaluate(() => window.playground.step(30));
  s = await state(page);
  expect(s.position).toEqual(walked.position);
  expect(s.bestValue).toEqual(walked.bestValue);
  await expect(page.locator('.notice')).toHaveCount(0);

  for (const hash of ['#landscape=nowhere&alpha=abc', '#%%%garbage&&==', '#strategy=nowhere&pop=0']) {
    await open(page, hash);
    await expect(page.locator('.notice')).toBeVisible();
    await expect(page.locator('.notice')).toContainText(/could not be read|were refused/);
    s = await state(page);
    expect(s).toMatchObject({ landscape: 'bowl', strategy: 'gradient', step: 0 });
    if (hash.includes('nowhere')) await page.screenshot({ path: `${SCREENSHOTS}tampered-hash-notice.png` });
    await page.getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(page.locator('.notice')).toHaveCount(0);
  }
});

test('a link\'s readable settings apply; each unknown, repeated or out-of-range one keeps its default and is listed', async ({ page }) => {
  await open(page, '#landscape=himmelblau&strategy=genetic&pop=0&alpha=abc&zzz=1&seed=4&seed=5');
  const s = await state(page);
  expect(s).toMatchObject({ landscape: 'himmelblau', strategy: 'genetic', step: 0 });
  expect(s.options.seed).toBe(4);
  const notice = page.locator('.notice');
  await expect(notice).toContainText('keep their defaults');
  await expect(notice).toContainText('pop = "0" is outside 2 to 2000');
  await expect(notice).toContainText('alpha = "abc" is not valid');
  await expect(notice).toContainText('unknown setting "zzz"');
  await expect(notice).toContainText('"seed" appears twice');
  // The link written back holds only what is on screen: the default population.
  expect(await page.evaluate(() => location.hash)).not.toContain('zzz');
  await open(page, '#landscape=himmelblau&strategy=genetic');
  expect(s.options.strategy.population).toBe((await state(page)).options.strategy.population);
});

test('editing the address bar applies the new settings; destroy and mount again', async ({ page }) => {
  await open(page);
  await page.evaluate(() => { location.hash = '#landscape=ackley&strategy=genetic&pop=30'; });
  await expect.poll(async () => (await state(page)).landscape).toBe('ackley');
  let s = await state(page);
  expect(s.strategy).toBe('genetic');
  expect(s.options.strategy.population).toBe(30);
  await page.evaluate(() => { location.hash = '#pop=zero'; });
  await expect(page.locator('.notice')).toContainText('could not be read');
  expect((await state(page)).options.strategy.population).toBe(30);

  const remounted = await page.evaluate(async () => {
    const host = document.querySelector('#view-landscapes');
    window.playground.destroy();
    const emptied = host.childElementCount === 0;
    const { mountPlayground } = await import('/www/playground.js');
    const pg = await mountPlayground(host, { landscape: { id: 'saddle' }, strategy: { kind: 'random-global', samplesPerStep: 20 }, seed: 5, speed: 30 });
    pg.step(3);
    const after = pg.state();
    let refused = null;
    try {
      await mountPlayground(document.createElement('div'), { strategy: { population: 0, kind: 'genetic' } });
    } catch (error) {
      refused = error.message;
    }
    window.playground = pg;
    return { emptied, landscape: after.landscape, step: after.step, evaluations: after.evaluations, refused };
  });
  expect(remounted).toEqual({ emptied: true, landscape: 'saddle', step: 3, evaluations: 60, refused: 'population: must be a whole number from 2 to 2000 (got 0)' });
});

test('axis tick labels carry enough digits to tell neighbours apart', async ({ page }) => {
  await open(page);
  const labels = await page.evaluate(async () => {
    const { labelTicks } = await import('/www/draw/plot.js');
    return [[157.56, 157.57, 157.58], [0, 0.5, 1], [0, 2000, 4000], [0.0012, 0.0014]]
      .map((ticks) => labelTicks(ticks).map((t) => t.label));
  });
  expect(labels).toEqual([['157.56', '157.57', '157.58'], ['0', '0.5', '1'], ['0', '2000', '4000'], ['0.0012', '0.0014']]);
});

test('controls can be hidden for embedding', async ({ page }) => {
  await open(page, '#controls=0&landscape=ackley&strategy=genetic');
  await expect(page.locator('.pg-controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Show settings' }).click();
  await expect(page.locator('.pg-controls')).toBeVisible();
  expect((await state(page)).options.controls).toBe(true);
  const r = await page.evaluate(() => window.playground.set({ controls: false }));
  expect(r.ok).toBe(true);
  await expect(page.locator('.pg-controls')).toBeHidden();
});

test('each strategy draws its own picture', async ({ page }) => {
  const cases = [
    { name: 'gradient-descent-bowl', hash: '#landscape=bowl&strategy=gradient&rule=plain&alpha=0.05', steps: 12 },
    { name: 'gradient-descent-momentum-rosenbrock', hash: '#landscape=rosenbrock&strategy=gradient&rule=momentum&alpha=0.001&mu=0.9', steps: 60 },
    { name: 'gradient-descent-adam-himmelblau', hash: '#landscape=himmelblau&strategy=gradient&rule=adam&alpha=0.1', steps: 25 },
    { name: 'gradient-descent-regression', hash: '#landscape=regression&strategy=gradient&alpha=0.1', steps: 10 },
    { name: 'random-search-global-ackley', hash: '#landscape=ackley&strategy=random-global&samples=5', steps: 40 },
    { name: 'random-search-walk-himmelblau', hash: '#landscape=himmelblau&strategy=random-walk&sigma=0.3&samples=4', steps: 30 },
    { name: 'genetic-algorithm-rastrigin', hash: '#landscape=rastrigin&strategy=genetic&pop=60', steps: 6 },
    { name: 'genetic-algorithm-saddle', hash: '#landscape=saddle&strategy=genetic&pop=40', steps: 3 },
  ];
  for (const c of cases) {
    await open(page, c.hash);
    const blank = await canvasPixels(page);
    await page.evaluate((n) => window.playground.step(n), c.steps);
    await expect.poll(() => canvasPixels(page)).not.toBe(blank);
    const s = await state(page);
    expect(s.step).toBeGreaterThan(0);
    expect(s.position.every(Number.isFinite)).toBe(true);
    if (c.name.includes('regression')) await expect(page.locator('.pg-model')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}${c.name}.png`, fullPage: true });
  }
});

test('the canvases are drawn at device-pixel resolution', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = listenForProblems(page);
  await open(page, '#landscape=himmelblau&strategy=gradient&rule=adam&alpha=0.1');
  await page.evaluate(() => window.playground.step(20));
  // The colour bar's strip is a 256-sample ramp stretched on purpose: not a drawing.
  const sizes = await canvasWidths(page, '#view-landscapes canvas:not(.cb-strip)');
  expect(sizes.length).toBeGreaterThanOrEqual(2);
  for (const s of sizes) expect(Math.abs(s.width - 2 * s.css)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SCREENSHOTS}hidpi-adam-himmelblau.png` });
  expect(problems).toEqual([]);
  await context.close();
});

test('the layout holds at 1000 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await open(page, '#landscape=rosenbrock&strategy=gradient&rule=nesterov&alpha=0.001');
  await page.evaluate(() => window.playground.step(40));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const boxes = await page.evaluate(() => ['.pg-controls', '.pg-stage', '.pg-side'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
  // Three columns, side by side, none overlapping.
  expect(boxes[0].right).toBeLessThanOrEqual(boxes[1].left);
  expect(boxes[1].right).toBeLessThanOrEqual(boxes[2].left);
  await page.screenshot({ path: `${SCREENSHOTS}width-1000.png`, fullPage: true });
});

test.describe('performance', () => {
  // Timings are printed, not asserted: this machine and CI are noisy, and the speed targets are
  // checked in benchmarks. What is asserted is that the page keeps drawing frames (it never freezes)
  // while a large GA plays as fast as possible.
  test('heatmap and long-task timings (printed); the page keeps drawing while a GA of 500 plays as fast as possible', async ({ page }) => {
    await open(page);
    const heatmap = await page.evaluate(async () => {
      const wasm = await import('/pkg/automl_playground.js');
      const session = new wasm.LandscapeSession({ landscape: { id: 'rastrigin' } });
      const times = [];
      session.heatmap(400, 400);
      for (let i = 0; i < 10; i += 1) {
        const t0 = performance.now();
        session.heatmap(400, 400);
        times.push(performance.now() - t0);
      }
      session.free();
      times.sort((a, b) => a - b);
      return { median: (times[4] + times[5]) / 2, min: times[0], max: times[9] };
    });
    console.log(`heatmap(400, 400) on Rastrigin: median ${heatmap.median.toFixed(2)} ms (min ${heatmap.min.toFixed(2)}, max ${heatmap.max.toFixed(2)}; target ≤ 5 ms)`);

    const setup = await page.evaluate(() => window.playground.set({ landscape: { id: 'rastrigin' }, strategy: { kind: 'genetic', population: 500 }, speed: 'max' }));
    await page.waitForTimeout(300);
    const { frames, maxGap, value: run } = await watchFrames(page, async () => {
      const pg = window.playground;
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      let steps = 0;
      let restarts = 0;
      pg.play();
      const started = performance.now();
      // A run that converges stops by itself; start it again so the page steps the whole 3 s.
      while (performance.now() - started < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const s = pg.state();
        if (!s.playing) {
          steps += s.step;
          restarts += 1;
          pg.play();
        }
      }
      steps += pg.state().step;
      pg.pause();
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { longest: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, steps, restarts };
    });
    console.log(`GA of 500 on Rastrigin, as fast as possible for 3 s: ${run.steps} generations (${run.steps * 500} evaluations, ${run.restarts} restarts after convergence), ${frames} frames, longest frame gap ${maxGap.toFixed(1)} ms, long tasks: ${run.longTasks} (longest ${run.longest.toFixed(1)} ms; target: none over 50 ms)`);
    expect(setup.ok).toBe(true);
    expect(run.steps).toBeGreaterThan(100);
    // At 60 Hz three seconds are 180 frames; a frozen tab draws a handful.
    expect(frames).toBeGreaterThan(30);
    expect(maxGap).toBeLessThan(1000);
  });
});
