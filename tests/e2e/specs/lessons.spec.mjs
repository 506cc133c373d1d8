// The Lessons menu and the Share button (issue 8 §1 and §5): every lesson opens its preset
// exactly (the page writes back the very link it was opened with), from a fresh link or from
// the menu over other settings; closing it drops its key; Share copies the current link.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

const SHOTS = process.env.SHOTS_DIR || null;

/** The page's own lessons (www/lessons.js, as the page loads it), each with its full link. */
async function lessons(page) {
  await open(page, '#view=landscapes');
  return page.evaluate(async () => {
    const module = await import('/www/lessons.js');
    return module.LESSONS.map((lesson) => ({ ...lesson, full: module.lessonLink(lesson) }));
  });
}

async function open(page, hash) {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.playground || window.training || window.search || window.race);
}

/** The view's API named in `hash`, once it has written its state back into the hash. */
async function settled(page, view) {
  const name = { landscapes: 'playground', training: 'training', search: 'search', race: 'race' }[view];
  await page.waitForFunction((n) => window[n] && typeof window[n].state === 'function', name);
  return name;
}

test('every lesson opens its preset, its text and its question', async ({ page }) => {
  const all = await lessons(page);
  expect(all.length).toBeGreaterThanOrEqual(6);
  for (const lesson of all) {
    await open(page, `#${lesson.full}`);
    const view = new URLSearchParams(lesson.link).get('view');
    await settled(page, view);
    const card = page.locator('#lesson .lesson');
    await expect(card).toContainText(lesson.title);
    await expect(card).toContainText(lesson.question);
    await expect(page.locator('.notice')).toHaveCount(0);
    // Every preset key was taken: the page writes back exactly the link it was opened with.
    await expect.poll(() => page.evaluate(() => location.hash.slice(1))).toBe(lesson.full);
    await expect(page.locator(`#tab-${view}`)).toHaveAttribute('aria-selected', 'true');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lesson-${lesson.id}.png` });
  }
});

test('a lesson picked from the menu over other settings runs exactly as its own link does', async ({ page }) => {
  const lesson = (await lessons(page)).find((l) => l.id === 'learning-rate');
  // Its own link, fresh: 20 steps.
  await open(page, `#${lesson.full}`);
  await settled(page, 'landscapes');
  await page.evaluate(() => window.playground.step(20));
  const fresh = await page.evaluate(() => window.playground.state());

  // Another surface, another strategy, a start clicked on the map, 7 steps taken…
  await open(page, '#view=landscapes&landscape=himmelblau&strategy=random-walk&seed=9&start=1.5,-2');
  await settled(page, 'landscapes');
  await page.evaluate(() => window.playground.step(7));
  // …then the lesson from the menu.
  await page.locator('#lessons-button').click();
  await expect(page.locator('#lessons-list')).toBeVisible();
  await page.locator(`#lessons-list [data-entry="${lesson.id}"]`).click();
  await expect(page.locator('#lessons-list')).toBeHidden();
  await expect(page.locator('#lesson .lesson')).toContainText(lesson.question);
  await expect.poll(() => page.evaluate(() => location.hash.slice(1))).toBe(lesson.full);
  await expect.poll(() => page.evaluate(() => window.playground.state().step)).toBe(0);
  await page.evaluate(() => window.playground.step(20));
  const picked = await page.evaluate(() => window.playground.state());
  expect(picked.theta).toEqual(fresh.theta);
  expect(picked.value).toBe(fresh.value);
});

test('a lesson on another view switches to it; closing the lesson keeps the settings and drops its key', async ({ page }) => {
  const lesson = (await lessons(page)).find((l) => l.id === 'bigger-not-better');
  await open(page, '#view=landscapes');
  await settled(page, 'landscapes');
  await page.locator('#lessons-button').click();
  await page.locator(`#lessons-list [data-entry="${lesson.id}"]`).click();
  await settled(page, 'search');
  await expect(page.locator('#tab-search')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => location.hash.slice(1))).toBe(lesson.full);
  await page.locator('#lesson button', { hasText: 'Close lesson' }).click();
  await expect(page.locator('#lesson .lesson')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash.slice(1))).toBe(lesson.link);
  // A later change of settings does not bring the lesson's key back.
  await page.evaluate(() => window.search.set({ settings: { folds: { k: 4 } } }));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('folds=4');
  expect(await page.evaluate(() => location.hash)).not.toContain('lesson=');
});

test('the lessons menu works from the keyboard and Escape closes it', async ({ page }) => {
  const all = await lessons(page);
  await settled(page, 'landscapes');
  await page.locator('#lessons-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#lessons-list')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#lessons-list [data-entry="${all[1].id}"]`)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#lessons-list')).toBeHidden();
  await expect(page.locator('#lessons-button')).toBeFocused();
  await page.locator('#lessons-button').click();
  await page.keyboard.press('Enter');
  await expect(page.locator('#lesson .lesson')).toContainText(all[0].title);
});

test('a link naming only a lesson opens its preset', async ({ page }) => {
  const lesson = (await lessons(page)).find((l) => l.id === 'ga-rastrigin');
  await open(page, '#lesson=ga-rastrigin');
  await settled(page, 'landscapes');
  await expect(page.locator('#lesson .lesson')).toContainText(lesson.title);
  await expect.poll(() => page.evaluate(() => location.hash.slice(1))).toBe(lesson.full);
  expect(await page.evaluate(() => window.playground.state().strategy)).toBe('genetic');
});

test('an unknown lesson is named in a notice and the rest of the link is applied', async ({ page }) => {
  await open(page, '#view=landscapes&landscape=ackley&lesson=%3Cimg%20src%3Dx%3E');
  await settled(page, 'landscapes');
  await expect(page.locator('.notice')).toContainText('unknown lesson "<img src=x>"');
  await expect(page.locator('#lesson .lesson')).toHaveCount(0);
  expect(await page.evaluate(() => window.playground.state().landscape)).toBe('ackley');
  expect(await page.locator('.notice img').count()).toBe(0);
});

test('Share copies the current link and says so; without a clipboard it shows the link selected', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#view=training&data=moons&n=300');
  await settled(page, 'training');
  await page.evaluate(() => window.training.set({ config: { strategy: { learningRate: 0.3 } } }));
  await page.locator('#share-button').click();
  await expect(page.locator('.share-status')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.evaluate(() => location.href));
  expect(copied).toContain('alpha=0.3');
  expect(copied).toContain('data=moons');

  // Drawn points too many for a link: Share refuses rather than copy a link that loses them.
  await open(page, '#view=training&data=draw-classes');
  await settled(page, 'training');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.evaluate(() => {
    for (let i = 0; i < 400; i += 1) window.training.addPoint(Math.cos(i) * 0.9, Math.sin(i * 1.3) * 0.9, i % 2);
  });
  await page.locator('#share-button').click();
  await expect(page.locator('.share-status')).toContainText('Not copied');
  await expect(page.locator('.share-status')).toContainText('400 drawn points');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');

  await open(page, '#view=training&data=moons&n=300');
  await settled(page, 'training');
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
  });
  await page.locator('#share-button').click();
  const field = page.locator('.share-field');
  await expect(field).toBeFocused();
  expect(await field.inputValue()).toBe(await page.evaluate(() => location.href));
  expect(await page.evaluate(() => window.getSelection().toString() || document.activeElement.selectionEnd)).toBeTruthy();
});
