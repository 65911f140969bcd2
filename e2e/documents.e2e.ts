import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36);
// A real 16×16 PNG (blue over yellow), so the thumbnail shows.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff610000002049444154789c63d0883af19f12cc306ac0b030e0d716b9ff94e0510386850100fe7b8a1f708a88ae0000000049454e44ae426082',
  'hex',
);

test('upload files on a company, see them listed with a preview, download one through its signed link', async ({
  page,
}) => {
  // Two uploads, a preview, a download and two screenshots: more than the default minute on a loaded box.
  test.setTimeout(180_000);
  await signIn(page, undefined, undefined, '/companies');
  const companyLink = page.getByRole('table', { name: 'Companies' }).getByRole('link').first();
  const company = (await companyLink.textContent())?.trim() ?? '';
  await companyLink.click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();

  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByRole('button', { name: 'Upload file' })).toBeVisible();
  const input = page.getByTestId('document-file-input');
  const text = `Site survey ${stamp}\nAccess from the back gate.\n`;
  await input.setInputFiles({
    name: `survey-${stamp}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  const list = files.getByRole('list', { name: 'Files' });
  await expect(list).toContainText(`survey-${stamp}.txt`);
  await expect(list).toContainText('text/plain');
  await input.setInputFiles({ name: `gate-${stamp}.png`, mimeType: 'image/png', buffer: PNG });
  const thumb = list.getByRole('img', { name: `Preview of gate-${stamp}.png` });
  await expect(thumb).toBeVisible();
  // The thumbnail really loaded through its signed link (no cookie in the URL, the image decoded).
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);

  const item = list.getByRole('listitem').filter({ hasText: `survey-${stamp}.txt` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`survey-${stamp}.txt`);
  expect(await readFile((await download.path()) ?? '', 'utf8')).toBe(text);
  await page.screenshot(shot('documents-panel'));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('documents-panel-phone'));
});
