import { test, expect } from '../fixtures/test.js';
import { StatusBar } from '../pages/status-bar.js';

test('opens with its token and shows the engine as connected', async ({ containersPage, statusBar }) => {
  await expect(containersPage.heading).toBeVisible();
  await expect(statusBar.root).toContainText(StatusBar.connected);
});

test('without the token the host answers 401 and shows nothing of the app', async ({ browser, berth }) => {
  // A fresh context: no cookie or storage from a tokened visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${berth.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'Containers' })).toHaveCount(0);
    await expect(page.getByRole('status', { name: 'Engine status' })).toHaveCount(0);
    await expect(page.getByRole('row')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
