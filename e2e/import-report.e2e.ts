import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';
const run = Date.now().toString(36);

/** 2,000 rows with a bad e-mail, a few good ones and a duplicate of an earlier row. */
const bigBadFile = (stamp: string) => {
  const lines = ['First name,Last name,E-mail,Estimated value'];
  for (let i = 0; i < 2000; i++) lines.push(`Bad${i},Row ${stamp},not-an-email-${i},-5`);
  lines.push(`Good,One ${stamp},one.${stamp}@example.test,100`);
  lines.push(`Good,Again ${stamp},one.${stamp}@example.test,100`);
  return lines.join('\n');
};

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`import of 2,000 bad rows: the report stays usable and the errors download (${viewport.width} px)`, async ({
    page,
  }) => {
    const stamp = `${run}${viewport.width}`;
    await page.setViewportSize(viewport);
    await signIn(page, undefined, undefined, '/leads');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const wizard = page.getByTestId('import-wizard');
    await expect(wizard.getByText('"Start import" is enabled once the file has been checked')).toBeVisible();
    await expect(wizard.getByText(/e-mail or its phone number/)).toHaveCount(0); // before a file: no hint
    await wizard
      .getByLabel('CSV file')
      .setInputFiles({ name: 'bad-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(bigBadFile(stamp)) });
    await expect(wizard.getByText(/its e-mail or its phone number \(digits only\)/)).toBeVisible();
    await expect(wizard.getByRole('button', { name: 'Start import' })).toBeDisabled();
    await wizard.getByRole('button', { name: 'Check file' }).click();
    const check = wizard.getByTestId('dry-run-report');
    await expect(check).toBeVisible({ timeout: 60_000 });
    await expect(check.getByTestId('import-counts')).toContainText('1 would be skipped as duplicates');
    await wizard.getByRole('button', { name: 'Start import' }).click();
    const report = wizard.getByTestId('import-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report.getByTestId('import-counts')).toContainText('1 created');
    await expect(report.getByTestId('import-counts')).toContainText('1 skipped as duplicates');

    // Messages with labels, not keys; the duplicate names the row it matches.
    const table = report.getByRole('table', { name: 'Rows with errors' });
    await expect(table).toContainText('Enter a valid e-mail address');
    await expect(table).toContainText("Estimated value can't be negative");
    await expect(table).not.toContainText('estimatedValueCents');
    await expect(table.getByRole('row')).toHaveCount(26); // header + one page of 25

    // The dialog keeps its size: title, close button and the pager are on screen.
    const box = await wizard.boundingBox();
    expect(box?.height ?? Infinity).toBeLessThan(3 * viewport.height);
    await expect(page.getByRole('button', { name: 'Close dialog' })).toBeVisible();
    await report.getByRole('button', { name: 'Next' }).click();
    await expect(report.getByTestId('import-errors-page')).toContainText('26–50 of');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Download errors as CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Row,Field,Problem,Kind');
    expect(csv).toHaveLength(1 + 4000 + 1); // two problems per bad row, one skipped duplicate
    expect(csv.at(-1)).toBe('2003,Email,Same e-mail as row 2002,Skipped duplicate');

    await report.getByRole('button', { name: 'Previous' }).click();
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/import-report-${viewport.width}.png` });
  });
}
