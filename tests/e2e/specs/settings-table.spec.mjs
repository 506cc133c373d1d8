// Every number field of the Landscapes and Train a model views is built from the core's settings
// tables (settingsTables(), read here straight from the wasm module): its range hint is the
// table's, and a field with a range the table does not give fails this test.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

/**
 * The settings columns' number fields as shown, each with the hint the core's table says it
 * should show: `{ setting, label, hint, expected }` (`setting` null for a field with a
 * range hint that names no table entry). `settings` is where `maxFrom` paths are read.
 */
const fieldsAgainstTable = (page, viewId, settingsOf) => page.evaluate(async ([id, settingsSource]) => {
  const core = await import('/pkg/automl_playground.js');
  const { bound } = await import('/www/ui/format.js');
  const tables = core.settingsTables();
  const entries = [...tables.strategy, ...tables.landscape, ...tables.training];
  const settings = new Function('w', `return ${settingsSource}`)(window);
  const valueAt = (object, path) => path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);
  return [...document.querySelectorAll(`#view-${id} .pg-field`)].filter((root) => !root.hidden).map((root) => {
    const hint = root.querySelector('.pg-hint');
    const label = root.querySelector('label').textContent;
    const shown = { setting: root.dataset.setting || null, label, hint: hint ? hint.textContent : '' };
    const spec = entries.find((e) => e.path === root.dataset.setting);
    if (!spec) return shown;
    const follows = spec.maxFrom ? valueAt(settings, spec.maxFrom.path) + spec.maxFrom.offset : Infinity;
    const max = Math.min(spec.max, follows);
    return { ...shown, expected: `${bound(spec.min)} to ${bound(max)}${spec.kind === 'count' ? ', whole' : ''}` };
  });
}, [viewId, settingsOf]);

/** Checks every shown field with a range against the table; returns the settings seen. */
function expectFromTable(fields) {
  const ranged = fields.filter((f) => f.hint !== '' && !f.hint.startsWith('smallest'));
  for (const f of ranged) {
    expect(f.setting, `the field "${f.label}" (${f.hint}) names no entry of the core's table`).not.toBeNull();
    expect(f.hint, `${f.label}: ${f.setting}`).toBe(f.expected);
  }
  return ranged.map((f) => f.setting);
}

test('the Landscapes view\'s number fields are the core\'s table entries', async ({ page }) => {
  await page.goto('/#view=landscapes&landscape=bowl');
  await page.waitForFunction(() => window.playground && window.playground.state().heatmapRenders > 0);
  const seen = new Set();
  const configs = [
    { strategy: { kind: 'gradient', rule: 'adam' } },
    { strategy: { kind: 'gradient', rule: 'momentum' } },
    { strategy: { kind: 'gradient', rule: 'rmsprop' } },
    { strategy: { kind: 'random-global' } },
    { strategy: { kind: 'random-walk' } },
    { strategy: { kind: 'genetic', crossover: 'blend', population: 12 } },
    { strategy: { kind: 'grid' } },
  ];
  for (const config of configs) {
    const result = await page.evaluate((c) => window.playground.set(c), config);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const fields = await fieldsAgainstTable(page, 'landscapes', 'w.playground.state().options.strategy');
    expectFromTable(fields).forEach((s) => seen.add(s));
  }
  // Every number of the strategy's and the view's tables was shown and checked once at least.
  const numbers = await page.evaluate(async () => {
    const core = await import('/pkg/automl_playground.js');
    const t = core.settingsTables();
    return [...t.strategy, ...t.landscape].filter((s) => s.kind !== 'choice').map((s) => s.path);
  });
  expect([...seen].sort()).toEqual([...new Set(numbers)].sort());
});

test('the Train a model view\'s number fields are the core\'s table entries', async ({ page }) => {
  await page.goto('/#view=training&data=circle&layers=3,2&reg=l2&batch=mini');
  await page.waitForFunction(() => window.training && window.training.state().ready);
  const seen = new Set();
  for (const config of [{ strategy: { kind: 'gradient', rule: 'adam' } }, { strategy: { kind: 'genetic', population: 9 } }]) {
    const result = await page.evaluate((c) => window.training.set({ config: c }), config);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const fields = await fieldsAgainstTable(page, 'training', 'w.training.state().options.config.strategy');
    expectFromTable(fields).forEach((s) => seen.add(s));
  }
  const numbers = await page.evaluate(async () => {
    const core = await import('/pkg/automl_playground.js');
    // The display flags (show.…) are checkboxes under the plot: access.spec.mjs checks them.
    return core.settingsTables().training.filter((s) => s.kind !== 'choice' && s.kind !== 'flag').map((s) => s.path);
  });
  for (const path of numbers) expect(seen.has(path), path).toBe(true);
});
