// How fast the page becomes interactive, and how big the wasm module is on the wire.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const WASM = fileURLToPath(new URL('../../../pkg/automl_playground_bg.wasm', import.meta.url));
const SINGLE_FILE = fileURLToPath(new URL('../../../dist/automl-playground.html', import.meta.url));

// The 500 ms target is measured and printed here; the assertion only catches a page that hangs,
// since a loaded CI machine must not turn a timing into a failure.
test('time to interactive on localhost is printed (median of 5 loads; target 500 ms) and the page answers', async ({ page }) => {
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    await page.goto('about:blank');
    await page.goto('/');
    await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
    // From the start of navigation to the first drawn landscape with a live API.
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  const median = times[2];
  console.log(`time to interactive: median ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}; target ≤ 500 ms)`);
  expect(median).toBeLessThan(10000);
  // The page answers right away.
  const step = await page.evaluate(() => window.playground.step(1));
  expect(step).toBe(1);
});

// DESIGN.md's budget: the module may grow to 200 KB gzipped as the search arrives.
const BUDGET_KB = 200;

test(`the optimized wasm module is at most ${BUDGET_KB} KB gzipped`, () => {
  const bytes = readFileSync(WASM);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log(`wasm: ${(bytes.length / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
  const page = readFileSync(SINGLE_FILE);
  console.log(`single file: ${(page.length / 1024).toFixed(0)} KB, ${(gzipSync(page, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_KB * 1024);
});
