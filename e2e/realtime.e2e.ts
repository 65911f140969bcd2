import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './helpers.ts';

// Two people at once, each in their own browser context: what one does shows on the other's screen without a
// reload (socket.io: record.changed → the page refetches; messages addressed to you → toast + bell).
const SALES1 = { email: 'sales1@demo.tessera.test', password: DEMO.password };
const MANAGER = { email: 'manager@demo.tessera.test', password: DEMO.password };
const stamp = Date.now().toString(36);

const csrfOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /(^|-)tessera_csrf$/.test(c.name))?.value ?? '';

/** A JSON call as the signed-in browser session (cookies + CSRF header). */
const call = async (
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

/** The member's unread count from the API, once the bell shows it too (reading the badge alone raced its first
 * load: a notification from an earlier spec was counted as 0 before, then as part of the rise). */
const unreadOf = async (page: Page, context: BrowserContext) => {
  const { unread } = (await call(page.request, context, 'GET', '/notifications/unread-count')) as {
    unread: number;
  };
  if (unread > 0) await expect(page.getByTestId('unread-count')).toHaveText(String(unread));
  return unread;
};

test('the owner assigns a lead to sales1: their bell count rises and a toast appears without a reload', async ({
  browser,
}) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(owner);
  await signIn(sales, SALES1.email, SALES1.password);
  await expect(sales.getByTestId('notification-bell')).toBeVisible();
  const before = await unreadOf(sales, salesContext);

  const members = (await call(owner.request, ownerContext, 'GET', '/members')) as {
    userId: string;
    email: string;
  }[];
  const sales1 = members.find((m) => m.email === SALES1.email);
  expect(sales1).toBeTruthy();
  const lead = await call(owner.request, ownerContext, 'POST', '/leads', {
    firstName: 'Live',
    lastName: stamp,
  });
  await call(owner.request, ownerContext, 'POST', `/leads/${lead.id}/assign`, { ownerId: sales1?.userId });

  await expect(sales.getByTestId('toast').filter({ hasText: 'A lead was assigned to you' })).toBeVisible();
  await expect(sales.getByTestId('unread-count')).toHaveText(String(before + 1));
  await sales.getByTestId('notification-bell').getByRole('button').click();
  await expect(sales.getByTestId('notification-list').getByRole('link').first()).toHaveAttribute(
    'href',
    `/leads/${lead.id}`,
  );
  await ownerContext.close();
  await salesContext.close();
});

test('the kanban of a second user follows a drag live', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(owner, undefined, undefined, '/deals');
  await signIn(manager, MANAGER.email, MANAGER.password, '/deals');
  const title = `Live board ${stamp}`;
  const pipelines = (await call(owner.request, ownerContext, 'GET', '/pipelines')) as {
    isDefault: boolean;
    id: string;
    stages: { id: string; name: string }[];
  }[];
  const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0];
  const [from, to] = pipeline?.stages ?? [];
  // The manager's own deal (their record scope is "own"); the owner sees every deal.
  await call(manager.request, managerContext, 'POST', '/deals', {
    title,
    pipelineId: pipeline?.id,
    stageId: from?.id,
  });
  // Both open the board once the deal exists (creating a deal has no event yet).
  await owner.reload();
  await manager.reload();
  const card = (page: Page, stage: string | undefined) =>
    page.getByTestId(`stage-${stage}`).getByTestId('deal-card').filter({ hasText: title });
  await expect(card(owner, from?.name)).toBeVisible();
  await expect(card(manager, from?.name)).toBeVisible();

  await card(manager, from?.name).dragTo(manager.getByTestId(`stage-${to?.name}`));
  await expect(card(manager, to?.name)).toBeVisible();
  // The owner did nothing: their board follows.
  await expect(card(owner, to?.name)).toBeVisible();
  await expect(card(owner, from?.name)).toHaveCount(0);
  await ownerContext.close();
  await managerContext.close();
});
