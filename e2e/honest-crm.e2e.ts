import { createHmac } from 'node:crypto';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { shot, signIn, signOut } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

const csrfOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /(^|-)tessera_csrf$/.test(c.name))?.value ?? '';

/** POST as the signed-in browser (its cookies and CSRF token); returns `data`. */
const post = async (page: Page, url: string, data: object) => {
  const res = await page.request.post(`/api/v1${url}`, {
    data,
    headers: { 'x-csrf-token': await csrfOf(page.context()) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data;
};

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app makes it. */
const totp = (secret: string, at = Date.now()) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const offset = (h[h.length - 1] ?? 0) & 15;
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
};

test('a first visit logs no console errors and asks nothing that answers 401', async ({ page }) => {
  const errors: string[] = [];
  const unauthorised: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() === 401) unauthorised.push(r.url());
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(unauthorised).toEqual([]);
  expect(errors).toEqual([]);
});

test("a company's timeline shows its contacts' and deals' calls and tasks, named; a call is a Call", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const stamp = Date.now().toString(36);
  const company = await post(page, '/companies', { name: `Timeline Tiles ${stamp}` });
  const contact = await post(page, '/contacts', {
    firstName: 'Rita',
    lastName: `Roof ${stamp}`,
    companyId: company.id,
  });
  const deal = await post(page, '/deals', { title: `Tile roof ${stamp}`, companyId: company.id });
  await post(page, '/activities', {
    type: 'call',
    subject: 'Called Rita about the tiles',
    durationMinutes: 12,
    related: { type: 'contact', id: contact.id },
  });
  await post(page, '/tasks', {
    title: 'Send the tile quote',
    dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    related: { type: 'deal', id: deal.id },
  });
  await page.goto(`/companies/${company.id}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible({ timeout: 30_000 });
  const call = timeline.getByTestId('timeline-item').filter({ hasText: 'Called Rita about the tiles' });
  await expect(call).toContainText('Call');
  await expect(call).toContainText('12 min');
  await expect(call.getByRole('link', { name: `Rita Roof ${stamp}` })).toBeVisible();
  const task = timeline.getByTestId('timeline-item').filter({ hasText: 'Send the tile quote' });
  await expect(task).toContainText('Due ');
  await expect(task.getByRole('link', { name: `Tile roof ${stamp}` })).toBeVisible();
  await page.screenshot(shot('timeline-company-1440'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('timeline-company-390'));
});

test('two-factor set-up shows a QR code, then recovery codes once; a recovery code signs in once', async ({
  page,
}) => {
  test.setTimeout(180_000); // sign-up, set-up and three sign-ins on a loaded machine
  await page.setViewportSize({ width: 1440, height: 900 });
  const stamp = Date.now().toString(36);
  const email = `twofa.${stamp}@example.test`;
  const password = 'two-factor-strong-password';
  await page.goto('/signup');
  await page.getByLabel('Company name').fill(`2FA Co ${stamp}`);
  await page.getByLabel('Your name').fill('Tess Twofa');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/signup/);

  await page.goto('/profile');
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const qr = page.getByTestId('totp-qr');
  await expect(qr).toBeVisible({ timeout: 30_000 });
  expect(await qr.getAttribute('aria-label')).toMatch(/QR code/);
  await page.screenshot(shot('totp-setup-qr-1440'));
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  await page.getByLabel('Code from the app').fill(totp(secret));
  await page.getByRole('button', { name: 'Enable' }).click();
  const panel = page.getByTestId('recovery-codes');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const codes = (await panel.locator('li').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('totp-recovery-codes-390'));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'I saved them' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('recovery-codes-left')).toContainText('10 unused', { timeout: 30_000 });

  await signOut(page);
  const signInWith = async (code: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
  };
  await page.goto('/login');
  await signInWith(codes[0] ?? '');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/profile');
  await expect(page.getByTestId('recovery-codes-left')).toContainText('9 unused', { timeout: 30_000 });
  await signOut(page);
  await signInWith(codes[0] ?? '');
  await expect(page.getByText('That code is not valid')).toBeVisible();
});
