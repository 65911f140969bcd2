import { expect, test } from '@playwright/test';

test('/api/docs renders under its own Content Security Policy: no violation, no console error', async ({
  page,
}) => {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.effectiveDirective} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto('/api/docs/');
  // The first visit builds the OpenAPI document from every route (seconds on a busy machine).
  await expect(page.getByRole('heading', { name: /Tessera API/ })).toBeVisible({ timeout: 30_000 });
  // Open an operation (parameters, responses, example values) and its schema view.
  await page.locator('.opblock-summary').first().click();
  await expect(page.getByRole('button', { name: 'Try it out' })).toBeVisible();
  await page.getByRole('tab', { name: 'Schema' }).first().click();
  await page.screenshot({ path: 'test-results/screens/api-docs.png' });
  expect(problems).toEqual([]);
});
