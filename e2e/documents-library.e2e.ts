import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36);
// A real 16×16 PNG (blue over yellow), so the thumbnail and the preview show.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff610000002049444154789c63d0883af19f12cc306ac0b030e0d716b9ff94e0510386850100fe7b8a1f708a88ae0000000049454e44ae426082',
  'hex',
);

test('a file uploaded on a lead is found in the documents library by search, previewed, and opens its lead', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, undefined, undefined, '/leads');
  const leadLink = page.getByRole('table', { name: 'Leads' }).getByRole('link').first();
  const lead = (await leadLink.textContent())?.trim() ?? '';
  await leadLink.click();
  await expect(page.getByRole('heading', { name: lead })).toBeVisible();
  const leadUrl = page.url();

  // Upload through the lead's documents panel.
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByRole('button', { name: 'Upload file' })).toBeVisible();
  const fileName = `site-photo-${stamp}.png`;
  await page
    .getByTestId('document-file-input')
    .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: PNG });
  await expect(files.getByRole('list', { name: 'Files' })).toContainText(fileName);

  // The sidebar's Documents entry is a real page now.
  await page.getByRole('navigation').getByRole('link', { name: 'Documents', exact: true }).first().click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  const grid = page.getByRole('table', { name: 'Documents' });
  await expect(grid).toBeVisible();

  const search = page.getByLabel('Search by file name').first();
  await search.fill(stamp);
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  const row = grid.getByRole('row').filter({ hasText: fileName });
  await expect(row).toHaveCount(1);
  await expect(grid.getByRole('row')).toHaveCount(2); // header + the one match
  await expect(row.getByRole('link', { name: `Lead · ${lead}` })).toBeVisible();
  await page.screenshot(shot('documents-library'));

  // The row opens the preview: the image itself through its signed link.
  await row.getByRole('button', { name: `Preview ${fileName}` }).click();
  const preview = page.getByRole('dialog', { name: fileName });
  const image = preview.getByRole('img', { name: `Preview of ${fileName}` });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await expect(preview.getByRole('link', { name: `Lead · ${lead}` })).toBeVisible();
  await page.screenshot(shot('documents-library-preview'));
  await preview.getByRole('button', { name: 'Close' }).first().click();
  await expect(preview).toBeHidden();

  // A search that matches nothing says so (the grid's empty state), and the search comes back.
  await search.fill(`no-such-file-${stamp}`);
  await expect(page.getByText('No documents match these filters.')).toBeVisible();
  await search.fill(stamp);
  await expect(row).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await page.screenshot(shot('documents-library-phone'));

  // The row's record link opens the lead.
  await row.getByRole('link', { name: `Lead · ${lead}` }).click();
  await expect(page).toHaveURL(leadUrl);
  await expect(page.getByRole('heading', { name: lead })).toBeVisible();
});
