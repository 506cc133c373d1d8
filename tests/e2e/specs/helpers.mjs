// Shared pieces of the end-to-end specs (not a spec itself: Playwright runs *.spec.mjs only).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Screenshots go to target/screenshots/ (Playwright empties test-results/ on every run). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../target/screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Collects the page's console errors and warnings and its uncaught exceptions. */
export function listenForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Every test of the file ends by asserting that its page logged no problem. */
export function expectNoProblems(test, expect) {
  let problems = [];
  test.beforeEach(async ({ page }) => {
    problems = listenForProblems(page);
  });
  test.afterEach(async () => {
    expect(problems, 'no console errors, warnings or uncaught exceptions').toEqual([]);
  });
}

/** Backing-store and CSS widths of the visible canvases under `selector`. */
export function canvasWidths(page, selector) {
  return page.evaluate((s) => Array.from(document.querySelectorAll(s)).filter((c) => c.offsetParent).map((c) => ({
    width: c.width, css: c.getBoundingClientRect().width,
  })), selector);
}

/** Runs `during` (in the page) while counting animation frames; returns { frames, maxGap, value }. */
export function watchFrames(page, during, arg) {
  return page.evaluate(async ([body, a]) => {
    let maxGap = 0;
    let frames = 0;
    let last = performance.now();
    let running = true;
    const onFrame = (t) => {
      maxGap = Math.max(maxGap, t - last);
      last = t;
      frames += 1;
      if (running) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    // eslint-disable-next-line no-new-func
    const value = await new Function('arg', `return (${body})(arg);`)(a);
    running = false;
    return { frames, maxGap, value };
  }, [during.toString(), arg]);
}
