import { type APIRequestContext, type BrowserContext, expect, type Page } from '@playwright/test';

/** The demo owner created on first start (README). */
export const DEMO = { email: 'owner@demo.tessera.test', password: 'tessera-demo-2026' };

export const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

export const signIn = async (page: Page, email = DEMO.email, password = DEMO.password, next = '/') => {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
};

export const signOut = async (page: Page) => {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
};

/** The invitation link from the development mailbox (the e2e server runs without SMTP). */
export const invitationLink = async (page: Page, email: string): Promise<string> => {
  const res = await page.request.get('/api/v1/dev/mailbox');
  const mails = (await res.json()).data as { to: string; text: string }[];
  const link = /https?:\/\/\S+\/invite\?token=\S+/.exec(mails.find((m) => m.to === email)?.text ?? '')?.[0];
  if (!link) throw new Error(`no invitation for ${email}`);
  return new URL(link).pathname + new URL(link).search;
};

/** The session's CSRF token (the readable cookie), for API calls made with the page's request context. */
export const csrfOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /(^|-)tessera_csrf$/.test(c.name))?.value ?? '';

/** An API call as the signed-in browser (cookie + CSRF header) that must succeed; returns `data`. */
export const apiCall = async (
  request: APIRequestContext,
  context: BrowserContext,
  method: string,
  url: string,
  data?: object,
) => {
  const res = await request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': await csrfOf(context) },
    ...(data ? { data } : {}),
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()).data;
};
