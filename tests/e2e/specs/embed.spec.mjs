// Embedding: embed mode in an iframe (only the chosen controls, no scrolling at 700 × 480),
// the <automl-playground> custom element (styled inside its shadow root, several running
// independently, the host page's style untouched both ways), keys only for the focused embed,
// the Embed dialog, and the single file in embed mode from file://.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectNoProblems, SCREENSHOTS as SHOTS } from './helpers.mjs';

expectNoProblems(test, expect);

const FILE = fileURLToPath(new URL('../../../dist/automl-playground.html', import.meta.url));

/**
 * The controls a user can see and use in `root` (a document or a shadow root), by name: a
 * button's data-action, "speed" for the speed select, "numbers" for the fold's summary,
 * "open" for the link to the full page, else the tag and text. (The leaderboard's sort
 * buttons belong to the search's main picture, not to its controls.)
 */
function visibleControls(root) {
  const shown = (node) => node.checkVisibility({ visibilityProperty: true }) && !node.closest('.sr-board-wrap');
  return Array.from(root.querySelectorAll('button, select, input, textarea, a[href], summary')).filter(shown).map((node) => {
    if (node.dataset.action) return node.dataset.action;
    if (node.dataset.key === 'speed') return 'speed';
    if (node.tagName === 'SUMMARY') return 'numbers';
    if (node.classList.contains('pg-embed-open')) return 'open';
    return `${node.tagName.toLowerCase()}:${node.textContent.trim().slice(0, 20)}`;
  }).sort();
}

/** What must hold for an embed that fits its box: nothing scrolls, everything shown is inside. */
function fits() {
  const doc = document.documentElement;
  const link = document.querySelector('.pg-embed-open');
  const main = document.querySelector('.view:not([hidden]) .pg-canvas-wrap canvas, .view:not([hidden]) .sr-board-wrap');
  const rect = (node) => node.getBoundingClientRect();
  return {
    scrollsY: doc.scrollHeight > doc.clientHeight,
    scrollsX: doc.scrollWidth > doc.clientWidth,
    headerShown: document.querySelector('.site-header').getClientRects().length > 0,
    linkInside: rect(link).bottom <= innerHeight && rect(link).right <= innerWidth,
    mainInside: rect(main).bottom <= innerHeight && rect(main).right <= innerWidth,
    mainHeight: Math.round(rect(main).height),
    href: link.getAttribute('href'),
  };
}

async function embedFrame(page, hash) {
  const body = `<!doctype html><link rel="icon" href="data:,"><body style="margin:0"><iframe id="embed" src="/index.html#${hash}" width="700" height="480" style="border:0"></iframe></body>`;
  await page.route('**/frame-host.html', (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto('/frame-host.html');
  await expect.poll(() => page.frame({ url: /index\.html/ }) !== null).toBe(true);
  const frame = page.frame({ url: /index\.html/ });
  await frame.waitForFunction(() => document.querySelector('.pg-embed-open'));
  return frame;
}

for (const { view, hash, expected, ready } of [
  { view: 'landscapes', hash: 'view=landscapes&landscape=rosenbrock&strategy=gradient&seed=3&embed=1&show=step,play,numbers', expected: ['numbers', 'open', 'play', 'step'], ready: () => window.playground.state().heatmapRenders > 0 },
  { view: 'training', hash: 'view=training&data=moons&embed=1&hide=speed,reset', expected: ['numbers', 'open', 'play', 'step'], ready: () => window.training.state().surfaceRenders > 0 },
  { view: 'search', hash: 'view=search&data=moons&n=100&cand=3&embed=1&show=play,stop,progress,status', expected: ['open', 'play', 'stop'], ready: () => window.search.state().status === 'ready' },
  { view: 'race', hash: 'view=race&preset=weights&embed=1&show=step,play,reset', expected: ['open', 'play', 'reset', 'step'], ready: () => window.race.state().status === 'ready' },
]) {
  test(`embed mode (${view}) shows exactly the chosen controls and fits a 700 × 480 iframe`, async ({ page }) => {
    const frame = await embedFrame(page, hash);
    await frame.waitForFunction(ready);
    expect(await frame.evaluate(`(${visibleControls})(document)`)).toEqual(expected);
    const fit = await frame.evaluate(fits);
    expect(fit).toMatchObject({ scrollsY: false, scrollsX: false, headerShown: false, linkInside: true, mainInside: true });
    expect(fit.mainHeight).toBeGreaterThan(200);
    // The full page's link: the same state, without the embed keys.
    expect(fit.href).toContain(`view=${view}`);
    expect(fit.href).not.toMatch(/embed=|show=|hide=/);
    if (view === 'training' || view === 'search') expect(fit.href).toContain('data=moons');
    if (view === 'race') {
      // The legend names the curves (it folded away with the numbers before).
      const legend = await frame.evaluate(() => Array.from(document.querySelectorAll('.race-legend li'))
        .filter((li) => li.getBoundingClientRect().bottom <= innerHeight && li.checkVisibility()).map((li) => li.textContent));
      expect(legend).toEqual(['Gradient descent', 'Adam', 'Genetic algorithm'].map((name) => `${name}: median line, min–max band`));
    }
    await page.locator('#embed').screenshot({ path: `${SHOTS}embed-${view}-700x480.png` });
    if (view === 'landscapes') {
      expect(fit.href).toContain('landscape=rosenbrock');
      await frame.locator('[data-action="step"]').click();
      expect(await frame.evaluate(() => window.playground.state().step)).toBe(1);
      // The hash the page rewrites keeps embed mode.
      expect(await frame.evaluate(() => location.hash)).toContain('embed=1&show=step,play,numbers');
      // The fold opens over the canvas without making the embed scroll.
      await frame.locator('.pg-embed-more summary').click();
      await expect(frame.locator('.pg-explanation')).toBeVisible();
      expect(await frame.evaluate(fits)).toMatchObject({ scrollsY: false, scrollsX: false });
      await page.locator('#embed').screenshot({ path: `${SHOTS}embed-700x480-numbers.png` });
    }
  });
}

test('unknown names in show/hide are reported in the notice, the rest applies', async ({ page }) => {
  const frame = await embedFrame(page, 'view=landscapes&embed=1&show=step,bogus&hide=nothing');
  await expect(frame.locator('.notice')).toContainText('"bogus"');
  await expect(frame.locator('.notice')).toContainText('"nothing"');
  expect(await frame.evaluate(`(${visibleControls})(document)`)).toEqual(['button:Dismiss', 'open', 'step']);
  // The notice takes its room from the canvas: the embed still fits.
  await frame.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  expect(await frame.evaluate(fits)).toMatchObject({ scrollsY: false, scrollsX: false, linkInside: true, mainInside: true });
});

const HOST = `<!doctype html>
<html><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,">
<style>
  header { background: #000; color: #000; }
  body { font-family: serif; background: rgb(250, 250, 250); }
  .column { width: 700px; }
</style></head>
<body>
  <header id="host-header"><h1>My blog</h1></header>
  <p id="text">Some text before the playgrounds.</p>
  <div class="column"><automl-playground id="a" view="landscapes" strategy="gradient" landscape="rosenbrock" seed="3" show="step,play"></automl-playground></div>
  <div class="column" style="width: 520px"><automl-playground id="b" class="demo" title="A GA" data-note="x" view="landscapes" strategy="genetic" landscape="himmelblau" seed="4" pop="30"></automl-playground></div>
  <div class="column"><automl-playground id="c" view="training" data="moons" layers="4,4" hide="speed"></automl-playground></div>
  <div id="demo" style="width: 1100px"></div>
  <div style="height: 3000px">The rest of the post.</div>
  <script type="module" src="/www/element.js"></script>
  <script type="module">
    import { mountPlayground } from '/www/playground.js';
    window.demo = await mountPlayground(document.getElementById('demo'), {
      landscape: { id: 'himmelblau' }, strategy: { kind: 'genetic', population: 60 }, controls: false,
    });
  </script>
</body></html>`;

async function openHost(page) {
  await page.route('**/embed-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto('/embed-host.html');
  await page.waitForFunction(() => window.demo && customElements.get('automl-playground'));
  await page.evaluate(() => Promise.all(['a', 'b', 'c'].map((id) => document.getElementById(id).ready)));
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).api.state().heatmapRenders > 0));
}

test('two custom elements and a mounted playground: styled, independent, the host page untouched', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openHost(page);
  const looks = await page.evaluate(() => {
    const inside = (host) => {
      const root = host.shadowRoot;
      const play = root.querySelector('[data-action="play"]');
      const title = root.querySelector('.pg-stage-head');
      return {
        play: getComputedStyle(play).backgroundColor,
        headBackground: getComputedStyle(title).backgroundColor,
        titleColour: getComputedStyle(root.querySelector('.pg-title')).color,
        settingsShown: Array.from(root.querySelectorAll('.pg-controls')).some((c) => c.getClientRects().length > 0),
        width: Math.round(host.getBoundingClientRect().width),
      };
    };
    const body = getComputedStyle(document.body);
    const header = getComputedStyle(document.getElementById('host-header'));
    return {
      a: inside(document.getElementById('a')),
      b: inside(document.getElementById('b')),
      demo: inside(document.getElementById('demo')),
      host: { bodyMargin: body.margin, bodyFont: body.fontFamily, bodyBackground: body.backgroundColor, header: header.backgroundColor, headerColour: header.color },
    };
  });
  for (const id of ['a', 'b', 'demo']) {
    expect(looks[id].play, `${id}: the stylesheet reached the playground`).toBe('rgb(29, 78, 216)');
    expect(looks[id].headBackground, `${id}: the host's header rule did not`).toBe('rgba(0, 0, 0, 0)');
    expect(looks[id].titleColour).toBe('rgb(20, 24, 31)');
    expect(looks[id].settingsShown, `${id}: no settings form`).toBe(false);
  }
  // Each sizes itself to its container.
  expect(looks.a.width).toBe(700);
  expect(looks.b.width).toBe(520);
  expect(looks.host).toEqual({ bodyMargin: '8px', bodyFont: 'serif', bodyBackground: 'rgb(250, 250, 250)', header: 'rgb(0, 0, 0)', headerColour: 'rgb(0, 0, 0)' });
  // Exactly the controls the attribute chose.
  expect(await page.evaluate(`(${visibleControls})(document.getElementById('a').shadowRoot)`)).toEqual(['open', 'play', 'step']);
  const open = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.pg-embed-open').href);
  expect(open).toMatch(/\/index\.html#view=landscapes&landscape=rosenbrock&strategy=gradient/);
  // Independent runs: a step in one leaves the other at step 0.
  await page.locator('#a [data-action="step"]').click();
  const steps = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).api.state().step));
  expect(steps).toEqual([1, 0]);
  await page.locator('#b [data-action="step"]').click();
  await page.locator('#b [data-action="step"]').click();
  expect(await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).api.state().step))).toEqual([1, 2]);
  expect(await page.evaluate(() => document.getElementById('b').api.state().strategy)).toBe('genetic');
  // The README's training element: its attributes read by the Train view's own decoder.
  const c = await page.evaluate(() => document.getElementById('c').api.state());
  expect([c.dataId, c.layerSizes, c.step]).toEqual(['moons', [2, 4, 4, 1], 0]);
  expect(await page.evaluate(`(${visibleControls})(document.getElementById('c').shadowRoot)`)).toEqual(['numbers', 'open', 'play', 'reset', 'step']);
  // The page's own attributes (class, title, data-…) are not settings: no notice.
  expect(await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('.notice').hidden))).toEqual([true, true]);
  await page.screenshot({ path: `${SHOTS}custom-elements-host.png`, fullPage: true, clip: { x: 0, y: 560, width: 1280, height: 1500 } });
});

test('Space on the host page scrolls it and starts no run; it plays only the focused embed', async ({ page }) => {
  await openHost(page);
  await page.locator('#text').click();
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const playing = () => page.evaluate(() => [document.getElementById('a').api.state().playing, document.getElementById('b').api.state().playing, window.demo.state().playing]);
  expect(await playing()).toEqual([false, false, false]);
  // Focus in one embed: Space plays that one only.
  await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('Space');
  expect(await playing()).toEqual([false, true, false]);
  // After a click on one of its buttons, the keys stay with that embed.
  await page.locator('#a [data-action="step"]').click();
  await page.keyboard.press('Space');
  expect(await playing()).toEqual([true, true, false]);
  await page.evaluate(() => ['a', 'b'].forEach((id) => document.getElementById(id).api.pause()));
});

test('the Embed dialog writes the snippet for the current state and previews it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#view=landscapes&landscape=ackley&strategy=random-walk&seed=9');
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this playground' });
  await expect(dialog).toBeVisible();
  // Space in the dialog does not play the playground behind it.
  await dialog.getByRole('heading', { name: 'Embed this playground' }).click();
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.playground.state().playing)).toBe(false);
  const snippet = dialog.locator('textarea');
  let text = await snippet.inputValue();
  expect(text).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#view=landscapes&amp;landscape=ackley&amp;strategy=random-walk&amp;[^"]*seed=9[^"]*&amp;embed=1" width="700" height="480"/);
  // The live preview shows exactly that snippet's page, at its size.
  const preview = dialog.locator('iframe');
  const src = text.match(/src="([^"]*)"/)[1].replace(/&amp;/g, '&');
  expect(await preview.getAttribute('src')).toBe(src);
  await expect.poll(() => page.frame({ url: (u) => u.href === src }) !== null).toBe(true);
  const frame = page.frame({ url: (u) => u.href === src });
  await frame.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  expect(await frame.evaluate(() => window.playground.state().landscape)).toBe('ackley');
  // Another size and fewer controls.
  await dialog.getByLabel('Size').selectOption('560x420');
  await dialog.locator('input[value="speed"]').uncheck();
  text = await snippet.inputValue();
  expect(text).toContain('&amp;embed=1&amp;show=step,play,reset,status,stop,progress,numbers" width="560" height="420"');
  expect(await preview.getAttribute('width')).toBe('560');
  await expect.poll(() => page.frame({ url: /show=step,play,reset,status/ }) !== null).toBe(true);
  const again = page.frame({ url: /show=step,play,reset,status/ });
  await again.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  expect(await again.evaluate(`(${visibleControls})(document)`)).toEqual(['numbers', 'open', 'play', 'reset', 'step']);
  // A bad size is explained and the last good one kept.
  await dialog.getByLabel('Width in pixels').fill('abc');
  await expect(dialog.locator('.pg-error')).toContainText('width: a whole number of pixels');
  expect(await snippet.inputValue()).toContain('width="560"');
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await page.screenshot({ path: `${SHOTS}embed-dialog.png` });
});

test('the single file in embed mode from file://', async ({ page }) => {
  expect(existsSync(FILE), 'dist/automl-playground.html is missing: run `cargo xtask dist`').toBe(true);
  await page.setViewportSize({ width: 700, height: 480 });
  const url = pathToFileURL(FILE).href;
  await page.goto(`${url}#view=landscapes&landscape=rosenbrock&strategy=gradient&seed=3&embed=1&show=step,play,reset`);
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  expect(await page.evaluate(`(${visibleControls})(document)`)).toEqual(['open', 'play', 'reset', 'step']);
  const fit = await page.evaluate(fits);
  expect(fit).toMatchObject({ scrollsY: false, scrollsX: false, headerShown: false, linkInside: true, mainInside: true });
  expect(fit.href.startsWith(`${url}#view=landscapes&landscape=rosenbrock`)).toBe(true);
  expect(fit.href).not.toContain('embed=');
  await page.locator('[data-action="step"]').click();
  expect(await page.evaluate(() => window.playground.state().step)).toBe(1);
});

/** A host page whose rules would restyle a playground that took them, and its own header, button and canvas. */
const HOSTILE = `<!doctype html>
<html><head><meta charset="utf-8"><title>A hostile post</title><link rel="icon" href="data:,">
<style>
  header { background: #000; color: #000; padding: 30px; }
  button { background: rgb(255, 0, 0); color: rgb(0, 255, 0); font: 30px cursive; border: 6px dotted rgb(0, 0, 255); }
  canvas { border: 7px solid rgb(255, 0, 255); background: rgb(0, 255, 255); }
  h2, p, div { color: rgb(123, 45, 67); font-family: fantasy; }
  body { font-family: serif; background: rgb(250, 250, 250); }
</style></head>
<body>
  <header id="host-header"><h1>My blog</h1></header>
  <p id="text">Some text before the playgrounds. <button id="host-button" type="button">A host button</button></p>
  <canvas id="host-canvas" width="40" height="20"></canvas>
  <div id="landscapes" style="width: 900px"></div>
  <div id="training" style="width: 900px"></div>
  <div id="search" style="width: 900px"></div>
  <div style="height: 3000px">The rest of the post.</div>
  <script type="module">
    import { mountPlayground } from '/www/playground.js';
    import { mountTraining } from '/www/views/training.js';
    import { mountSearch } from '/www/views/search.js';
    window.mounted = {
      landscapes: await mountPlayground(document.getElementById('landscapes'), { landscape: { id: 'rosenbrock' }, controls: false }),
      training: await mountTraining(document.getElementById('training'), { data: { id: 'moons' }, controls: false }),
      search: await mountSearch(document.getElementById('search'), { data: { id: 'moons', points: 100 }, controls: false }),
    };
  </script>
</body></html>`;

/** Computed styles of a view's parts, in `root` (a document or a shadow root): what a host must not change. */
function viewLooks(root) {
  const view = root.querySelector('.pg-root');
  const look = (node, props) => (node ? Object.fromEntries(props.map((p) => [p, getComputedStyle(node)[p]])) : null);
  return {
    play: look(view.querySelector('[data-action="play"]'), ['backgroundColor', 'color', 'fontFamily', 'fontSize', 'borderTopStyle', 'borderTopColor']),
    head: look(view.querySelector('.pg-stage-head'), ['backgroundColor', 'color', 'paddingTop']),
    title: look(view.querySelector('.pg-stage-titles > :first-child'), ['color', 'fontFamily']),
    canvas: look(view.querySelector('canvas'), ['borderTopWidth', 'backgroundColor']),
    settingsShown: Array.from(view.querySelectorAll('.pg-controls')).some((c) => c.getClientRects().length > 0),
  };
}

test('mountPlayground, mountTraining and mountSearch on a hostile page: styled as on the playground page, the host untouched, keys only inside', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // The playground's own looks, on its own page.
  const own = {};
  for (const [view, ready] of [
    ['landscapes', () => window.playground && window.playground.state().heatmapRenders > 0],
    ['training', () => window.training && window.training.state().surfaceRenders > 0],
    ['search', () => window.search && window.search.state().status === 'ready'],
  ]) {
    await page.goto(`/#view=${view}&data=moons&n=100`);
    await page.waitForFunction(ready);
    own[view] = await page.evaluate(`(${viewLooks})(document.getElementById('view-${view}'))`);
  }
  await page.route('**/hostile-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE }));
  await page.goto('/hostile-host.html');
  await page.waitForFunction(() => window.mounted && window.mounted.training.state().surfaceRenders > 0 && window.mounted.landscapes.state().heatmapRenders > 0);
  for (const view of ['landscapes', 'training', 'search']) {
    const inside = await page.evaluate(`(${viewLooks})(document.getElementById('${view}').shadowRoot)`);
    expect(inside.settingsShown, `${view}: controls: false hides the settings`).toBe(false);
    expect({ ...inside, settingsShown: own[view].settingsShown }, `${view}: the host's rules do not reach it`).toEqual(own[view]);
  }
  // The view's rules do not restyle the host.
  const host = await page.evaluate(() => {
    const look = (id, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(document.getElementById(id))[p]]));
    return {
      button: look('host-button', ['backgroundColor', 'color', 'fontFamily', 'borderTopStyle']),
      canvas: look('host-canvas', ['borderTopWidth', 'backgroundColor']),
      header: look('host-header', ['backgroundColor', 'color', 'paddingTop']),
      body: { margin: getComputedStyle(document.body).margin, font: getComputedStyle(document.body).fontFamily, background: getComputedStyle(document.body).backgroundColor },
    };
  });
  expect(host).toEqual({
    button: { backgroundColor: 'rgb(255, 0, 0)', color: 'rgb(0, 255, 0)', fontFamily: 'cursive', borderTopStyle: 'dotted' },
    canvas: { borderTopWidth: '7px', backgroundColor: 'rgb(0, 255, 255)' },
    header: { backgroundColor: 'rgb(0, 0, 0)', color: 'rgb(0, 0, 0)', paddingTop: '30px' },
    body: { margin: '8px', font: 'serif', background: 'rgb(250, 250, 250)' },
  });
  await page.screenshot({ path: `${SHOTS}hostile-host.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 2200 } });
  // Space on the host page scrolls it and plays nothing; inside a view it plays that view only.
  const playing = () => page.evaluate(() => ['landscapes', 'training'].map((id) => window.mounted[id].state().playing));
  await page.locator('#text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await playing()).toEqual([false, false]);
  expect(await page.evaluate(() => window.mounted.search.state().status)).toBe('ready');
  await page.evaluate(() => document.getElementById('training').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('Space');
  expect(await playing()).toEqual([false, true]);
  await page.evaluate(() => window.mounted.training.pause());
});
