// Issue 8 §7, for a room full of students: the Train view's "Show test data" and "Discretize
// output" toggles, the canvases' text alternatives (a polite live region per view), keyboard
// ways to add a point and to inspect a neuron, and the layout on a 360 px phone.
import { test, expect } from '@playwright/test';
import { SCREENSHOTS, expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

/** In the page: the plot canvas's pixels `{ c, d }` (read from a copy made for reading). */
const READ = `(() => {
  const c = document.querySelector('.tr-canvas');
  const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(c, 0, 0);
  return { c, d: ctx.getImageData(0, 0, c.width, c.height).data };
})()`;

async function open(page, hash) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.training && window.training.state().surfaceRenders > 0);
}

const state = (page) => page.evaluate(() => window.training.state());

/** The canvas colours at plane points `[u, v]…` (device pixels of the plot's mapping). */
const colours = (page, points) => page.evaluate(([pts, read]) => {
  const { c, d } = eval(read); // eslint-disable-line no-eval
  const s = window.training.state();
  const [u0, u1, v0, v1] = s.domain;
  const dpr = c.width / c.getBoundingClientRect().width;
  return pts.map(([u, v]) => {
    const x = Math.round((s.plot.x + ((u - u0) / (u1 - u0)) * s.plot.w) * dpr);
    const y = Math.round((s.plot.y + ((v1 - v) / (v1 - v0)) * s.plot.h) * dpr);
    const k = 4 * (y * c.width + x);
    return [d[k], d[k + 1], d[k + 2]];
  });
}, [points, READ]);

/** The share of a 40 × 40 grid of the plot's pixels that has one of the three most common colours. */
const flatShare = (page) => page.evaluate((read) => {
  const { c, d } = eval(read); // eslint-disable-line no-eval
  const { plot } = window.training.state();
  const dpr = c.width / c.getBoundingClientRect().width;
  const counts = new Map();
  for (let i = 0; i < 40; i += 1) {
    for (let j = 0; j < 40; j += 1) {
      const x = Math.round((plot.x + ((i + 0.5) / 40) * plot.w) * dpr);
      const y = Math.round((plot.y + ((j + 0.5) / 40) * plot.h) * dpr);
      const k = 4 * (y * c.width + x);
      const key = `${d[k]},${d[k + 1]},${d[k + 2]}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3);
  return top.reduce((a, b) => a + b, 0) / 1600;
}, READ);

/** Near white: a hollow test ring's middle. */
const whitish = (rgba) => Math.min(rgba[0], rgba[1], rgba[2]) >= 235;

test('show test data and discretize output change the picture, travel in links and leave the run alone', async ({ page }) => {
  await open(page, '#view=training&data=xor&seed=3');
  await page.evaluate(() => window.training.step(12));
  const before = await state(page);
  expect(before.options.show).toEqual({ testData: true, discretize: false });
  expect(before.testPoints.length).toBe(20);
  // The test rows are drawn as hollow rings: white in the middle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shown = (await colours(page, before.testPoints)).filter(whitish).length;
  expect(shown).toBeGreaterThanOrEqual(15);
  // Shading by confidence: many colours.
  await expect.poll(() => state(page).then((s) => s.surfaceFactor)).toBe(1);
  const shaded = await flatShare(page);
  expect(shaded).toBeLessThan(0.4);

  await page.locator('#view-training [data-setting="show.testData"]').uncheck();
  await expect.poll(async () => (await colours(page, before.testPoints)).filter(whitish).length).toBeLessThanOrEqual(3);
  await page.locator('#view-training [data-setting="show.discretize"]').check();
  await expect.poll(() => flatShare(page)).toBeGreaterThan(0.7);
  await page.screenshot({ path: `${SCREENSHOTS}training-discretized.png` });

  // The run did not restart or move: the same step and the same numbers.
  const after = await state(page);
  expect(after.step).toBe(before.step);
  expect(after.history).toEqual(before.history);
  expect(after.historyLength).toBe(before.historyLength);
  expect(after.evaluations).toBe(before.evaluations);
  expect(after.options.show).toEqual({ testData: false, discretize: true });
  const answer = await page.evaluate(() => window.training.set({ show: { discretize: false } }));
  expect(answer).toEqual({ ok: true, reset: false, error: null });
  expect((await state(page)).step).toBe(before.step);
  // A bad value is refused by name and changes nothing.
  const refused = await page.evaluate(() => window.training.set({ show: { discretize: 'yes' } }));
  expect(refused.ok).toBe(false);
  expect(refused.error).toContain('show.discretize');
  await page.evaluate(() => window.training.set({ show: { discretize: true } }));

  // The link keeps them.
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toContain('showtest=0');
  expect(hash).toContain('discretize=1');
  await open(page, hash);
  expect((await state(page)).options.show).toEqual({ testData: false, discretize: true });
  await expect(page.locator('#view-training [data-setting="show.testData"]')).not.toBeChecked();
  await expect(page.locator('#view-training [data-setting="show.discretize"]')).toBeChecked();
  // Defaults are left out of a link.
  await page.locator('#view-training [data-setting="show.testData"]').check();
  await page.locator('#view-training [data-setting="show.discretize"]').uncheck();
  const plain = await page.evaluate(() => location.hash);
  expect(plain).not.toContain('showtest');
  expect(plain).not.toContain('discretize');
});

test('discretize output shows a regression as a few value bands', async ({ page }) => {
  await open(page, '#view=training&data=plane&seed=2');
  await page.evaluate(() => window.training.step(20));
  await expect.poll(() => state(page).then((s) => s.surfaceFactor)).toBe(1);
  expect(await flatShare(page)).toBeLessThan(0.4);
  await page.evaluate(() => window.training.set({ show: { discretize: true } }));
  await expect.poll(() => flatShare(page)).toBeGreaterThan(0.7);
});

/** The number after `label` in `text` ("J(θ) = −1.5e−3" → −0.0015). */
function numberAfter(text, label) {
  const at = text.indexOf(label);
  expect(at, `"${label}" in "${text}"`).toBeGreaterThanOrEqual(0);
  return Number(text.slice(at + label.length).trim().split(/[\s,;%]/)[0].replace(/\.$/, '').replace(/−/g, '-'));
}

const announced = (page, view) => page.locator(`#view-${view} [data-announce]`).textContent();

test('each view says its step, value and status in a polite live region after Step', async ({ page }) => {
  await page.goto('/#view=landscapes&landscape=rosenbrock');
  await page.waitForFunction(() => window.playground && typeof window.playground.state === 'function');
  const live = page.locator('#view-landscapes [data-announce]');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('#view-landscapes canvas.pg-landscape')).toHaveAttribute('role', 'img');
  await page.locator('#view-landscapes [data-action="step"]').click();
  await page.locator('#view-landscapes [data-action="step"]').click();
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(2);
  const land = await page.evaluate(() => window.playground.state());
  await expect(live).toContainText('Step 2:');
  const text = await announced(page, 'landscapes');
  expect(numberAfter(text, 'J(θ) =')).toBeCloseTo(land.value, 2);
  expect(text).toContain('Paused');

  await page.getByRole('tab', { name: 'Train a model' }).click();
  await page.waitForFunction(() => window.training && window.training.state().ready);
  await page.locator('#view-training [data-action="step"]').click();
  await expect.poll(() => page.evaluate(() => window.training.state().step)).toBe(1);
  const tr = await page.evaluate(() => window.training.state());
  await expect(page.locator('#view-training [data-announce]')).toContainText('Epoch 1:');
  const trText = await announced(page, 'training');
  expect(numberAfter(trText, 'training loss')).toBeCloseTo(tr.history.trainLoss, 3);
  expect(numberAfter(trText, 'test accuracy')).toBeCloseTo(100 * tr.history.testScore, 1);
  await expect(page.locator('#view-training canvas.tr-canvas')).toHaveAttribute('aria-describedby', /pg-announce/);
  // Reset says so at once.
  await page.locator('#view-training [data-action="reset"]').click();
  await expect(page.locator('#view-training [data-announce]')).toContainText('Epoch 0:');

  await page.goto('about:blank');
  await page.goto('/#view=search&data=moons&n=100&cand=3&epochs=3&folds=2');
  await page.waitForFunction(() => window.search && typeof window.search.state === 'function');
  await page.locator('#view-search [data-action="step"]').click();
  await expect.poll(() => page.evaluate(() => window.search.state().steps)).toBe(1);
  const sr = await page.evaluate(() => window.search.state());
  await expect(page.locator('#view-search [data-announce]')).toContainText('Step 1:');
  const srText = await announced(page, 'search');
  expect(srText).toContain(`${sr.evaluated} of ${sr.planned} candidates scored`);
  expect(numberAfter(srText, `best mean CV ${sr.metric}`)).toBeCloseTo(sr.leaderboard[0].mean, 3);
});

test('while playing, the live region speaks at most about once a second', async ({ page }) => {
  await page.goto('/#view=landscapes&landscape=rosenbrock&alpha=0.0001&speed=60');
  await page.waitForFunction(() => window.playground && typeof window.playground.state === 'function');
  const { changes, ms, steps } = await page.evaluate(async () => {
    const live = document.querySelector('#view-landscapes [data-announce]');
    let changes = 0;
    const watch = new MutationObserver(() => { changes += 1; });
    watch.observe(live, { childList: true, characterData: true, subtree: true });
    const t0 = performance.now();
    window.playground.play();
    await new Promise((r) => setTimeout(r, 2500));
    const t1 = performance.now();
    watch.disconnect();
    window.playground.pause();
    return { changes, ms: t1 - t0, steps: window.playground.state().step };
  });
  console.log(`${changes} announcements in ${Math.round(ms)} ms over ${steps} steps`);
  expect(steps).toBeGreaterThan(10);
  expect(changes).toBeGreaterThanOrEqual(2);
  expect(changes).toBeLessThanOrEqual(Math.ceil(ms / 1000) + 1);
});

test('keyboard only: the plot\'s crosshair adds points, the network\'s neurons can be inspected', async ({ page }) => {
  await open(page, '#view=training&data=circle');
  await page.evaluate(() => window.training.set({ data: { id: 'draw-classes' } }));
  await page.waitForFunction(() => window.training.state().dataId === 'draw-classes');
  const plot = page.locator('#view-training canvas.tr-canvas');
  // Tab reaches the plot (from the control just before it).
  await page.locator('#view-training [data-action="reset"]').focus();
  for (let i = 0; i < 40 && !(await plot.evaluate((c) => c === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(plot).toBeFocused();
  let s = await state(page);
  expect(s.keyCursor).toEqual({ u: 0, v: 0 });
  const plain = await plot.evaluate((c) => c.toDataURL());
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
  s = await state(page);
  expect(s.step).toBe(0); // the arrows moved the crosshair, not the run
  const cursor = s.keyCursor;
  expect(cursor.u).toBeCloseTo(-0.2, 6);
  expect(cursor.v).toBeCloseTo(0.1, 6);
  expect(await plot.evaluate((c) => c.toDataURL())).not.toBe(plain); // the crosshair is drawn
  await expect(page.locator('#view-training .pg-readout')).toContainText('Enter: add a point of “class 1”');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+Enter');
  s = await state(page);
  expect(s.rows).toBe(2);
  expect(s.options.data.drawn[0]).toEqual([Number(cursor.u.toPrecision(5)), Number(cursor.v.toPrecision(5)), 0]);
  expect(s.options.data.drawn[1][0]).toBeCloseTo(cursor.u + 0.25, 4);
  expect(s.options.data.drawn[1][2]).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}training-keyboard-crosshair.png` });

  // The network drawing: Tab to it, arrows move between neurons, the plot shows the focused one.
  await open(page, '#view=training&data=circle');
  await page.evaluate(() => window.training.step(5));
  const net = page.locator('#view-training canvas.tr-network');
  // Reached by Tab, as the plot was.
  await page.locator('#view-training [data-action="reset"]').focus();
  for (let i = 0; i < 200 && !(await net.evaluate((c) => c === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(net).toBeFocused();
  expect((await state(page)).hoverNode).toEqual({ layer: 1, index: 0 });
  const before = await plot.evaluate((c) => c.toDataURL());
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect((await state(page)).hoverNode).toEqual({ layer: 1, index: 2 });
  await expect(page.locator('#view-training .tr-net .pg-note')).toContainText('Neuron 3 of hidden layer 1');
  await expect.poll(() => plot.evaluate((c) => c.toDataURL())).not.toBe(before);
  await page.keyboard.press('ArrowRight');
  expect((await state(page)).hoverNode).toEqual({ layer: 2, index: 2 });
  await page.keyboard.press('Escape');
  expect((await state(page)).hoverNode).toBe(null);
  expect((await state(page)).step).toBe(5);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  // Per view: its link, API, main canvas, and a number field of its drawer with a value to type.
  for (const [view, hash, api, canvas, [field, value]] of [
    ['landscapes', '#view=landscapes', 'playground', 'canvas.pg-landscape', ['seed', 123]],
    ['training', '#view=training', 'training', 'canvas.tr-canvas', ['points', 123]],
    ['search', '#view=search&data=moons&n=100&cand=3&epochs=3&folds=2', 'search', '.pg-stage canvas >> visible=true', ['points', 123]],
    ['race', '#view=race', 'race', 'canvas.pg-chart', ['seeds', 7]],
  ]) {
    test(`${view}: the canvas and Play come first, the settings open in a drawer, nothing scrolls sideways`, async ({ page }) => {
      await page.goto(`/${hash}`);
      await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
      if (view === 'search') await page.evaluate(() => window.search.step(1)); // its pictures show from the first step
      const root = page.locator(`#view-${view}`);
      const play = root.locator('[data-action="play"]');
      await expect(play).toBeVisible();
      expect((await play.boundingBox()).y + (await play.boundingBox()).height).toBeLessThanOrEqual(740);
      // The main canvas starts inside the first screen.
      const top = (await root.locator(canvas).first().boundingBox()).y;
      console.log(`${view}: Play ends at ${Math.round((await play.boundingBox()).y + (await play.boundingBox()).height)} px, the canvas starts at ${Math.round(top)} px`);
      expect(top).toBeLessThan(740);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // The settings are folded away until the drawer opens.
      const drawer = root.locator('[data-action="drawer"]');
      const controls = root.locator('.pg-controls');
      await expect(controls).toBeHidden();
      await expect(drawer).toHaveAttribute('aria-expanded', 'false');
      await page.screenshot({ path: `${SCREENSHOTS}phone-${view}.png` });
      await drawer.click();
      await expect(drawer).toHaveAttribute('aria-expanded', 'true');
      await expect(controls).toBeVisible();
      // The focus stays in the open drawer: Shift+Tab from its first control goes round to its
      // last, Tab from there back to the first.
      const closeButton = controls.locator('[data-action="close-drawer"]');
      await expect(closeButton).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      expect(await controls.evaluate((c) => c.contains(document.activeElement) && document.activeElement !== c.querySelector('[data-action="close-drawer"]'))).toBe(true);
      await page.keyboard.press('Tab');
      await expect(closeButton).toBeFocused();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `${SCREENSHOTS}phone-${view}-drawer.png` });
      // Its fields work.
      const input = controls.locator(`.pg-field[data-field="${field}"] input`).first();
      await input.fill(String(value));
      await input.press('Enter');
      // (The search view applies a change once its workers have been told: poll for it.)
      await expect.poll(async () => {
        const options = await page.evaluate((name) => window[name].state().options, api);
        return options[field] ?? options.data[field];
      }).toBe(value);
      // Esc closes it and gives the focus back to the button.
      await input.press('Escape');
      await expect(controls).toBeHidden();
      await expect(drawer).toHaveAttribute('aria-expanded', 'false');
      await expect(drawer).toBeFocused();
    });
  }
});
