// axe-core in the browser (issue 8 §7): no serious or critical accessibility violations on any
// view, with its settings shown, after a few steps, and with a dialog or menu open; in the light
// and the dark theme, and in projector mode.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page, each as "rule: target (summary)". */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return { violations: r.violations, passes: r.passes.length, minor: r.violations.filter((v) => v.impact === 'minor' || v.impact === 'moderate').map((v) => v.id) };
  });
  // axe ran its rules: a page that checked nothing would pass vacuously.
  expect(result.passes).toBeGreaterThan(10);
  if (result.minor.length) console.log(`moderate or minor: ${result.minor.join(', ')}`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()})`));
}

for (const [hash, api, scheme] of [['#view=landscapes', 'playground', 'light'], ['#view=training&data=iris', 'training', 'light'], ['#view=search&data=moons&n=100&cand=3&epochs=3&folds=2', 'search', 'light'],
  ['#view=landscapes', 'playground', 'dark'], ['#view=training&data=iris', 'training', 'dark'], ['#view=search&data=moons&n=100&cand=3&epochs=3&folds=2', 'search', 'dark'],
  ['#view=training&data=iris&projector=1', 'training', 'dark'], ['#view=race&preset=grid', 'race', 'light'], ['#view=race&preset=grid', 'race', 'dark']]) {
  test(`${hash} (${scheme} theme): no serious or critical axe violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/${hash}`);
    await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
    await page.evaluate((name) => window[name].step(2), api);
    await page.waitForTimeout(800);
    const found = await violations(page);
    console.log(found.length ? found.join('\n') : `${hash}: none`);
    expect(found).toEqual([]);
  });
}

test('menus, dialogs, a lesson and an embed: no serious or critical axe violations', async ({ page }) => {
  await page.goto('/#lesson=cv-optimistic');
  await page.waitForFunction(() => window.search && typeof window.search.state === 'function');
  await page.locator('#lessons-button').click();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  await expect(page.locator('dialog.keys-dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Embed' }).click();
  expect(await violations(page)).toEqual([]);
  await page.goto('about:blank');
  await page.goto('/#view=training&data=moons&embed=1&show=step,play,reset');
  await page.waitForFunction(() => window.training && window.training.state().ready);
  expect(await violations(page)).toEqual([]);
});

test('on a 360 px phone, with the settings drawer open: no serious or critical axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [view, api] of [['landscapes', 'playground'], ['training', 'training'], ['search', 'search'], ['race', 'race']]) {
    await page.goto('about:blank');
    await page.goto(`/#view=${view}`);
    await page.waitForFunction((name) => window[name] && typeof window[name].state === 'function', api);
    await page.locator(`#view-${view} [data-action="drawer"]`).click();
    await expect(page.locator(`#view-${view} .pg-controls`)).toBeVisible();
    const found = await violations(page);
    console.log(found.length ? found.join('\n') : `${view} at 360 px, drawer open: none`);
    expect(found).toEqual([]);
  }
});
