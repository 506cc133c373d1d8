// How the page looks to a room (issue 8 §7): colour bars beside every heatmap, light and dark
// themes, projector mode and 4K scaling.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

/** The colour bar's strips' end colours [[r, g, b] left, [r, g, b] right], one pair per row. */
function barEnds(page, scope) {
  return page.evaluate((s) => Array.from(document.querySelectorAll(`${s} .colour-bar:not([hidden]) .cb-strip`)).map((c) => {
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = 1;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, 1).data;
    return [Array.from(d.slice(0, 3)), Array.from(d.slice(d.length - 4, d.length - 1))];
  }), scope);
}

/** The least channel-wise distance (max over r, g, b) from `colour` to a pixel of the canvas's plot area. */
function nearestPixel(page, selector, colour) {
  return page.evaluate(([s, c]) => {
    const canvas = document.querySelector(s);
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let best = 255;
    for (let i = 0; i < d.length; i += 4) {
      const gap = Math.max(Math.abs(d[i] - c[0]), Math.abs(d[i + 1] - c[1]), Math.abs(d[i + 2] - c[2]));
      if (gap < best) best = gap;
    }
    return best;
  }, [selector, colour]);
}

const close = (a, b) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(a), Math.abs(b));

test('Landscapes: the colour bar spans the heatmap\'s J range in the heatmap\'s own colours', async ({ page }) => {
  await page.goto('/#view=landscapes&landscape=rosenbrock');
  await page.waitForFunction(() => window.playground && window.playground.state().colourBar);
  const s = await page.evaluate(() => window.playground.state());
  const [lo, hi] = s.heatmapRange;
  expect(hi).toBeGreaterThan(lo);
  expect(s.colourBar.ends).toEqual([lo, hi]);
  const ticks = await page.locator('.pg-stage .colour-bar .cb-tick').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(close(Number(ticks[0].replace('−', '-')), lo)).toBe(true);
  expect(Number(ticks[ticks.length - 1].replace('−', '-')) / hi).toBeGreaterThan(0.99);
  expect(Number(ticks[ticks.length - 1].replace('−', '-')) / hi).toBeLessThan(1.01);
  const [[low, high]] = await barEnds(page, '.pg-stage');
  // The lowest and highest J cells of the heatmap are drawn in exactly the bar's end colours.
  expect(await nearestPixel(page, 'canvas.pg-landscape', low)).toBeLessThanOrEqual(1);
  expect(await nearestPixel(page, 'canvas.pg-landscape', high)).toBeLessThanOrEqual(1);
  expect(Math.max(...low.map((v, k) => Math.abs(v - high[k])))).toBeGreaterThan(100);
});

test('Landscapes: each legend item shows its mark as the map draws it (the same colours on the map)', async ({ page }) => {
  for (const [strategy, item, count] of [['gradient', 'current θ', 5], ['random-global', 'best so far', 4], ['random-walk', 'rejected proposal', 7], ['genetic', 'best so far', 7]]) {
    await page.goto('about:blank');
    await page.goto(`/#view=landscapes&strategy=${strategy}`);
    await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
    await page.evaluate(() => window.playground.step(3));
    await page.waitForTimeout(300);
    const items = await page.evaluate(() => Array.from(document.querySelectorAll('#view-landscapes .pg-legend li')).map((li) => {
      const canvas = li.querySelector('canvas.pg-mark');
      if (!canvas) return { text: li.textContent, centre: null };
      const d = canvas.getContext('2d').getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
      return { text: li.textContent, centre: Array.from(d.slice(0, 3)) };
    }));
    expect(items.map((i) => Boolean(i.centre)), strategy).toEqual(new Array(count).fill(true));
    const mark = items.find((i) => i.text === item);
    expect(mark, `${strategy}: ${item}`).toBeTruthy();
    // That colour is on the map (drawn by the same function).
    expect(await nearestPixel(page, '#view-landscapes canvas.pg-landscape', mark.centre), `${strategy}: ${item}`).toBeLessThanOrEqual(6);
  }
});

test('Train a model: the bar names the classes in the boundary\'s colours; a regression\'s spans its value range', async ({ page }) => {
  await page.goto('/#view=training&data=blobs');
  await page.waitForFunction(() => window.training && window.training.state().ready);
  await page.evaluate(() => window.training.step(60));
  await page.waitForFunction(() => window.training.state().colourBar);
  let s = await page.evaluate(() => window.training.state());
  expect(s.colourBar.rows).toEqual(s.data.classNames);
  const ends = await barEnds(page, '.pg-stage');
  expect(ends.length).toBe(3);
  // Each class's "certain" end is a colour of the boundary picture (the model is sure somewhere).
  for (const [, sure] of ends) expect(await nearestPixel(page, 'canvas.tr-canvas', sure)).toBeLessThanOrEqual(24);

  await page.goto('about:blank');
  await page.goto('/#view=training&data=plane');
  await page.waitForFunction(() => window.training && window.training.state().ready && window.training.state().colourBar);
  s = await page.evaluate(() => window.training.state());
  expect(s.valueRange[1]).toBeGreaterThan(s.valueRange[0]);
  expect(s.colourBar.ends).toEqual(s.valueRange);
  const ticks = await page.locator('.pg-stage .colour-bar .cb-tick').allTextContents();
  expect(ticks[0]).toMatch(/^≤ /);
  expect(ticks[ticks.length - 1]).toMatch(/^≥ /);
});

test('Search for a model: the fold pictures have a colour bar of their classes', async ({ page }) => {
  await page.goto('/#view=search&data=moons&n=100&cand=2&epochs=3&folds=2&seed=3');
  await page.waitForFunction(() => window.search && window.search.state().status === 'ready');
  await page.evaluate(() => window.search.play());
  await page.waitForFunction(() => window.search.state().status === 'finished', null, { timeout: 60_000 });
  await page.locator('.sr-board tbody tr').first().click();
  await expect(page.locator('.sr-detail .colour-bar')).toBeVisible();
  const s = await page.evaluate(() => window.search.state());
  expect(s.colourBar.rows).toEqual(['']);
  expect(s.colourBar.ends.length).toBe(2);
  const [[a, b]] = await barEnds(page, '.sr-detail');
  expect(Math.max(...a.map((v, k) => Math.abs(v - b[k])))).toBeGreaterThan(100);
});

test('every chart keeps its y-axis title inside the canvas (the search charts\' was cut at the left edge)', async ({ page }) => {
  await page.goto('/#view=search&data=moons&n=100&cand=3&epochs=3&folds=2&seed=3');
  await page.waitForFunction(() => window.search && window.search.state().status === 'ready');
  await page.evaluate(() => window.search.play());
  await page.waitForFunction(() => window.search.state().status === 'finished', null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  // The first three device-pixel columns of each chart hold only its background.
  const edges = await page.evaluate(() => Array.from(document.querySelectorAll('#view-search canvas.pg-chart')).map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, 3, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60) ink += 1;
    }
    return ink;
  }));
  expect(edges.length).toBeGreaterThanOrEqual(2);
  for (const ink of edges) expect(ink).toBe(0);
});

/** For each select under `scope`: its chosen option's text width and the room for it (content box less the arrow). */
function selectFits(page, scope) {
  return page.evaluate((s) => Array.from(document.querySelectorAll(`${s} select`)).filter((x) => x.getClientRects().length).map((select) => {
    const style = getComputedStyle(select);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.selectedOptions[0].textContent;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
    return { text, width: ctx.measureText(text).width, room };
  }), scope);
}

test('the search\'s strategy menu and the race\'s strategy menus show their choice whole at 1280 px (they were cut to "Random s", "Gradient desce")', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#view=search');
  await page.waitForFunction(() => window.search && window.search.state().status === 'ready');
  const search = await selectFits(page, '#view-search .sr-fields');
  expect(search.map((f) => f.text)).toContain('Random search');
  await page.goto('/#view=race&preset=bowl');
  await page.waitForFunction(() => window.race && window.race.state().status === 'ready');
  const race = await selectFits(page, '#view-race .race-lane');
  expect(race.map((f) => f.text)).toContain('Gradient descent');
  for (const field of [...search, ...race]) expect(field.width, field.text).toBeLessThanOrEqual(field.room);
});

/** WCAG relative luminance of a CSS colour "#rrggbb" or "rgb(r, g, b)". */
function luminance(colour) {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  const rgb = hex ? [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) : colour.match(/[\d.]+/g).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** The page's colours as the canvases read them, and the page's own background and text. */
function colours(page, root) {
  return page.evaluate((r) => {
    const css = getComputedStyle(document.querySelector(r));
    const body = getComputedStyle(document.body);
    return {
      theme: document.documentElement.dataset.theme,
      canvasBg: css.getPropertyValue('--canvas-bg').trim(),
      fg: css.getPropertyValue('--fg').trim(),
      muted: css.getPropertyValue('--muted').trim(),
      bodyBg: body.backgroundColor,
      bodyFg: body.color,
    };
  }, root);
}

for (const [hash, api, root, canvas] of [['#view=landscapes', 'playground', '.pg-root', 'canvas.pg-chart'], ['#view=training&data=iris', 'training', '.pg-root', 'canvas.tr-canvas']]) {
  test(`${hash}: the dark theme follows the system; canvas axis text stays readable`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/${hash}`);
    await page.waitForFunction((n) => window[n] && window[n].state().step !== undefined, api);
    await page.evaluate((n) => window[n].step(3), api);
    const c = await colours(page, root);
    expect(c.theme).toBe('dark');
    expect(luminance(c.bodyBg)).toBeLessThan(0.05);
    expect(luminance(c.bodyFg)).toBeGreaterThan(0.7);
    // Axis labels are drawn in --fg (ticks) and --muted (hints) on --canvas-bg.
    expect(contrast(c.fg, c.canvasBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.muted, c.canvasBg)).toBeGreaterThanOrEqual(4.5);
    // The canvas really is drawn on the dark background (its top-left corner is margin).
    await page.waitForTimeout(300);
    const corner = await page.evaluate((s) => {
      const el = document.querySelector(s);
      const copy = document.createElement('canvas');
      copy.width = 4;
      copy.height = 4;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(el, 0, 0, 4, 4, 0, 0, 4, 4);
      const d = ctx.getImageData(1, 1, 1, 1).data;
      return `rgb(${d[0]}, ${d[1]}, ${d[2]})`;
    }, canvas);
    expect(luminance(corner)).toBeLessThan(0.05);
  });
}

test('the header toggle switches the theme, remembers it in this browser, keeps it out of the link; theme= wins', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#view=landscapes');
  await page.waitForFunction(() => window.playground && window.playground.state());
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  const dark = page.getByRole('button', { name: 'Dark' });
  await expect(dark).toHaveAttribute('aria-pressed', 'false');
  await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(luminance((await colours(page, '.pg-root')).bodyBg)).toBeLessThan(0.05);
  expect(page.url()).not.toContain('theme=');
  await page.reload();
  await page.waitForFunction(() => window.playground && window.playground.state());
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  // A link's theme= (an embed matching its page) wins over the remembered pick.
  await page.goto('about:blank');
  await page.goto('/#view=landscapes&theme=light');
  await page.waitForFunction(() => window.playground && window.playground.state());
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(page.url()).toContain('theme=light');
});

/** Whether the page scrolls sideways (its content is wider than the window). */
const overflows = (page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

test.describe('a 4K projector', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('at 3840 px text, lines and dots scale up and the layout holds in every view', async ({ page }) => {
    await page.goto('/#view=landscapes&strategy=genetic');
    await page.waitForFunction(() => window.playground && window.playground.state().sizes);
    const sizes = await page.evaluate(() => window.playground.state().sizes);
    console.log(`3840 px: ${JSON.stringify(sizes)}`);
    expect(sizes.tickFont).toBeGreaterThanOrEqual(22);
    expect(sizes.populationDot).toBeGreaterThanOrEqual(6);
    // The page's own text grows with it.
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(28);
    expect(await overflows(page)).toBe(false);
    for (const tab of ['Train a model', 'Search for a model']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(500);
      expect(await overflows(page), tab).toBe(false);
    }
    const training = await page.evaluate(() => window.training.state().sizes);
    expect(training.tickFont).toBeGreaterThanOrEqual(22);
    expect(training.point).toBeGreaterThanOrEqual(8);
  });

  test('at 3840 px the race chart and its cards are drawn over their whole canvas (they filled only its top-left part)', async ({ page }) => {
    await page.goto('/#view=race&preset=rastrigin');
    await page.waitForFunction(() => window.race && window.race.state().status === 'ready');
    await page.evaluate(() => window.race.runFor(5));
    await page.waitForFunction(() => window.race.state().step >= 5);
    await page.waitForTimeout(300);
    // The share of each canvas's bottom-right quarter that is not its background colour.
    const inked = await page.evaluate(() => Array.from(document.querySelectorAll('#view-race canvas.pg-chart, #view-race .race-picture > canvas')).map((c) => {
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [c.width, c.height];
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(c, 0, 0);
      const all = ctx.getImageData(0, 0, c.width, c.height).data;
      const bg = all.slice(4 * (c.width - 1), 4 * c.width);
      const [w, h] = [Math.floor(c.width / 2), Math.floor(c.height / 2)];
      let ink = 0;
      for (let y = h; y < 2 * h; y += 1) {
        for (let x = w; x < 2 * w; x += 1) {
          const i = 4 * (y * c.width + x);
          if (Math.abs(all[i] - bg[0]) + Math.abs(all[i + 1] - bg[1]) + Math.abs(all[i + 2] - bg[2]) > 30) ink += 1;
        }
      }
      return { height: c.getBoundingClientRect().height, ink: ink / (w * h) };
    }));
    expect(inked).toHaveLength(3);
    // The chart grows with the text (320 px at 1920), its axes reach its bottom right.
    expect(inked[0].height).toBeGreaterThan(500);
    expect(inked[0].ink).toBeGreaterThan(0.01);
    // A card's heatmap fills it to the bottom right.
    for (const card of inked.slice(1)) expect(card.ink).toBeGreaterThan(0.5);
  });
});

test('projector mode (header toggle or projector=1) enlarges text and marks; the layout holds', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#view=landscapes&strategy=genetic');
  await page.waitForFunction(() => window.playground && window.playground.state().sizes);
  const normal = await page.evaluate(() => window.playground.state().sizes);
  const normalText = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const button = page.getByRole('button', { name: 'Projector' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.waitForFunction(() => window.playground.state().sizes.scale > 1);
  const projected = await page.evaluate(() => window.playground.state().sizes);
  expect(projected.tickFont).toBeGreaterThan(normal.tickFont * 1.2);
  expect(projected.populationDot).toBeGreaterThan(normal.populationDot * 1.2);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThan(normalText * 1.2);
  expect(await overflows(page)).toBe(false);
  expect(page.url()).not.toContain('projector=');
  await button.click();
  await page.waitForFunction(() => window.playground.state().sizes.scale < 1.01);
  // The link key turns it on (an embed, or a link made to be projected).
  await page.goto('about:blank');
  await page.goto('/#view=training&data=moons&projector=1&embed=1');
  await page.waitForFunction(() => window.training && window.training.state().ready);
  expect((await page.evaluate(() => window.training.state().sizes)).scale).toBeGreaterThan(1.2);
  expect(await overflows(page)).toBe(false);
});

test('at 1000 and 1180 px the search\'s number fields stay inside its settings column ("Candidates" stuck out)', async ({ page }) => {
  for (const width of [1000, 1180]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('about:blank');
    await page.goto('/#view=search');
    await page.waitForFunction(() => window.search && window.search.state().status === 'ready');
    const outside = await page.evaluate(() => {
      const column = document.querySelector('#view-search .pg-controls').getBoundingClientRect();
      return Array.from(document.querySelectorAll('#view-search .pg-controls input'))
        .filter((f) => f.getClientRects().length && f.getBoundingClientRect().right > column.right - 4)
        .map((f) => f.closest('.pg-field')?.querySelector('label')?.textContent);
    });
    expect(outside, `${width} px`).toEqual([]);
  }
});

test('projector mode below 1600 px: the settings fold into the drawer, the plot fits the first screen; every field stays inside the drawer', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const [view, canvas] of [['landscapes', 'canvas.pg-landscape'], ['training', 'canvas.tr-canvas'], ['search', null], ['race', 'canvas.pg-chart']]) {
    await page.goto('about:blank');
    await page.goto(`/#view=${view}&projector=1`);
    const root = page.locator(`#view-${view}`);
    const controls = root.locator('.pg-controls');
    const drawer = root.locator('[data-action="drawer"]');
    await expect(drawer).toBeVisible();
    await expect(controls).toBeHidden();
    if (canvas) {
      // The whole main canvas (its x axis too) is on the first screen.
      await expect.poll(async () => (await root.locator(canvas).boundingBox())?.height ?? 0).toBeGreaterThan(200);
      const box = await root.locator(canvas).boundingBox();
      expect(box.y + box.height, view).toBeLessThanOrEqual(800);
    }
    await drawer.click();
    await expect(controls).toBeVisible();
    const outside = await page.evaluate((v) => {
      const column = document.querySelector(`#view-${v} .pg-controls`).getBoundingClientRect();
      return Array.from(document.querySelectorAll(`#view-${v} .pg-controls input, #view-${v} .pg-controls select`))
        .filter((f) => f.getClientRects().length && f.type !== 'file')
        .map((f) => ({ name: f.closest('.pg-field')?.querySelector('label')?.textContent || f.name, right: f.getBoundingClientRect().right }))
        .filter((f) => f.right > column.right - 4);
    }, view);
    expect(outside, view).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(controls).toBeHidden();
  }
  // Projector mode off: the column is back beside the canvas; on a wide screen it never folds.
  await page.getByRole('button', { name: 'Projector' }).click();
  await expect(page.locator('#view-race .pg-controls')).toBeVisible();
  await expect(page.locator('#view-race [data-action="drawer"]')).toBeHidden();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Projector' }).click();
  await expect(page.locator('#view-race .pg-controls')).toBeVisible();
});
