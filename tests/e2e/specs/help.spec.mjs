// The keys overlay (issue 8 §7): `?` lists every key, from the run bar's own list; it does not
// open while typing in a field, and Escape closes it.
import { test, expect } from '@playwright/test';
import { expectNoProblems } from './helpers.mjs';

expectNoProblems(test, expect);

test('? lists the keys, Escape closes the list, and ? typed in a field stays in the field', async ({ page }) => {
  await page.goto('/#view=training');
  await page.waitForFunction(() => window.training && window.training.state().ready);
  const dialog = page.locator('dialog.keys-dialog');
  await expect(dialog).toBeHidden();
  await page.locator('body').press('?');
  await expect(dialog).toBeVisible();
  for (const text of ['Space', 'play/pause', '→', 'step', 'reset', 'shift-click', 'this list']) await expect(dialog).toContainText(text);
  // The keys under the run bar say the same as the list.
  await expect(page.locator('#view-training .pg-keys')).toContainText('Space play/pause · → step · R reset');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Space does not start the run while the list is open (the dialog has the keys).
  await page.getByRole('button', { name: 'Keys' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.training.state().playing)).toBe(false);
  await page.keyboard.press('Escape');

  const seed = page.locator('#view-training input').first();
  await seed.fill('');
  await seed.press('?');
  await expect(dialog).toBeHidden();
});

test('the first Tab reaches a skip link that takes the focus to the run bar\'s Play', async ({ page }) => {
  await page.goto('/#view=landscapes');
  await page.waitForFunction(() => window.playground);
  await page.keyboard.press('Tab');
  const skip = page.locator('#skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#view-landscapes [data-action="play"]')).toBeFocused();
  expect(await page.evaluate(() => location.hash)).toContain('view=landscapes');
  // Space on the focused Play plays (the button takes it).
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.playground.state().playing)).toBe(true);
});
