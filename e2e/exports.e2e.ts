import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';
const stamp = `X${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const csrfOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /(^|-)tessera_csrf$/.test(c.name))?.value ?? '';

const post = async (page: Page, url: string, data: object) => {
  const res = await page.request.post(`/api/v1${url}`, {
    data,
    headers: { 'x-csrf-token': await csrfOf(page.context()) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data as { id: string };
};

/** Chooses an entry of the list's Export menu and returns the downloaded file's name and text. */
const exportAs = async (page: Page, entry: RegExp) => {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: entry }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: readFileSync((await download.path()) as string, 'utf8'),
  };
};

test('companies: a spreadsheet export has labelled columns and owner names; two companies archived in bulk', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/companies');
  await post(page, '/companies', { name: `${stamp} Alpha`, domain: 'alpha.example' });
  await post(page, '/companies', { name: `${stamp} Beta` });
  await page.goto(`/companies?q=${stamp}`);
  const grid = page.getByRole('table', { name: 'Companies' });
  // The first page after the build can be slow on a loaded machine.
  await expect(grid.getByRole('row')).toHaveCount(3, { timeout: 30_000 });

  const sheet = await exportAs(page, /Spreadsheet/);
  expect(sheet.name).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(sheet.text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = sheet.text.slice(1).trim().split('\r\n');
  expect(header?.split(',').slice(0, 3)).toEqual(['ID', 'Name', 'Domain']);
  expect(header).toContain('Owner');
  expect(rows).toHaveLength(2);
  expect(rows.join('\n')).toContain(`${stamp} Alpha`);
  // The owner is a person's name, not an id.
  const owner = rows[0]?.split(',')[header?.split(',').indexOf('Owner') ?? -1] ?? '';
  expect(owner).not.toBe('');
  expect(owner).not.toMatch(/^[0-9a-f]{8}-/);
  const keys = await exportAs(page, /For re-import/);
  expect(keys.name).toMatch(/-keys\.csv$/);
  expect(keys.text.split('\r\n')[0]?.split(',').slice(0, 3)).toEqual(['id', 'name', 'domain']);

  await grid.getByRole('checkbox', { name: `Select ${stamp} Alpha` }).check();
  await grid.getByRole('checkbox', { name: `Select ${stamp} Beta` }).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await page.screenshot({ path: `${SHOTS}/exports-companies-bulk-1440.png` });
  await page.getByRole('button', { name: 'Bulk actions' }).click();
  await page.getByRole('menuitem', { name: 'Archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive companies' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('2 companies updated');
  await expect(page.getByText(/No companies match these filters/)).toBeVisible();
  const archived = await page.request.get(`/api/v1/companies?q=${stamp}&archived=only`);
  expect(((await archived.json()).data as unknown[]).length).toBe(2);
});

test('deals list: the Export menu downloads deals with stage and owner names; the bulk bar at phone width', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/deals?view=list');
  await expect(page.getByRole('table', { name: 'Deals' })).toBeVisible({ timeout: 30_000 });
  const sheet = await exportAs(page, /Spreadsheet/);
  const header = sheet.text.slice(1).split('\r\n')[0]?.split(',') ?? [];
  expect(header.slice(0, 6)).toEqual(['ID', 'Title', 'Company', 'Contact', 'Pipeline', 'Stage']);
  expect(header).toContain('Amount');
  expect(sheet.text).toContain('Sales pipeline');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('table', { name: 'Deals' }).getByRole('row').nth(1).getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('1 selected');
  await page.getByRole('button', { name: 'Bulk actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Move to stage…' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exports-deals-bulk-390.png` });
  await page.keyboard.press('Escape');
});

test('leads and contacts lists offer both export formats (desktop and phone)', async ({ page }) => {
  await signIn(page, undefined, undefined, '/leads');
  await expect(page.getByRole('table', { name: 'Leads' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: /For re-import/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exports-leads-menu-1440.png` });
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/contacts');
  await expect(page.getByRole('table', { name: 'Contacts' })).toBeVisible({ timeout: 30_000 });
  const sheet = await exportAs(page, /Spreadsheet/);
  expect(sheet.text.slice(1).split('\r\n')[0]?.split(',').slice(0, 4)).toEqual([
    'ID',
    'First name',
    'Last name',
    'E-mail',
  ]);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: /Spreadsheet/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exports-contacts-menu-390.png` });
});
