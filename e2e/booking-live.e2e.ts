import { expect as baseExpect, test } from '@playwright/test';
import { apiCall as call, DEMO, signIn } from './helpers.ts';

// Issue #12's end-to-end path: a visitor books through the public page on a phone; the agent, signed in with
// the calendar open in another browser, sees the appointment appear without a reload, completes it with the
// outcome "qualified", and the lead the booking created shows "Qualified".
const SALES1 = { email: 'sales1@demo.tessera.test', password: DEMO.password };
const stamp = Date.now().toString(36);
const expect = baseExpect.configure({ timeout: 30_000 });

interface PublicSlots {
  timeZone: string;
  days: { date: string; slots: { startsAt: string; time: string }[] }[];
}

test('a public booking on a phone appears live on the agent’s calendar; completed as qualified, the lead is Qualified', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // The owner sets up a public type that only the demo's first sales agent takes.
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const owner = await ownerContext.newPage();
  await signIn(owner);
  const members = (await call(owner.request, ownerContext, 'GET', '/members')) as {
    userId: string;
    email: string;
  }[];
  const sofia = members.find((m) => m.email === SALES1.email)?.userId;
  const agents = (await call(owner.request, ownerContext, 'GET', '/scheduling/agents?limit=100')) as {
    id: string;
    userId: string;
    timeZone: string;
  }[];
  const agent = agents.find((a) => a.userId === sofia);
  expect(agent, 'the demo seeds sales1 as an agent').toBeTruthy();
  const typeName = `Live visit ${stamp}`;
  await call(owner.request, ownerContext, 'POST', '/scheduling/types', {
    name: typeName,
    slug: `live-${stamp}`,
    durationMinutes: 60,
    slotStepMinutes: 60,
    minNoticeMinutes: 60,
    agentIds: [agent?.id],
    publicBooking: true,
  });
  const links = (await call(owner.request, ownerContext, 'GET', '/scheduling/booking-links')) as {
    name: string;
    path: string;
  }[];
  const path = links.find((l) => l.name === typeName)?.path as string;
  expect(path).toMatch(new RegExp(`^/book/[^/]+/live-${stamp}$`));
  // The time the visitor will take: the page's first day and first time (the same answer the page gets).
  const visitorZone = 'Europe/Berlin';
  const slotsRes = await owner.request.get(
    `${path.replace('/book/', '/api/public/booking/')}/slots?timeZone=${visitorZone}&days=14`,
  );
  expect(slotsRes.status()).toBe(200);
  const first = ((await slotsRes.json()).data as PublicSlots).days.find((d) => d.slots.length > 0)?.slots[0];
  expect(first, 'the agent has a free time in the next two weeks').toBeTruthy();
  const startsAt = first?.startsAt as string;
  const agentDate = new Date(startsAt).toLocaleDateString('en-CA', { timeZone: agent?.timeZone });
  await ownerContext.close();

  // The agent, signed in on a desktop, has the calendar open on the week of that time.
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desk = await agentContext.newPage();
  await signIn(desk, SALES1.email, SALES1.password, '/scheduling');
  await expect(desk.getByRole('heading', { name: 'Calendar' })).toBeVisible();
  const column = desk.getByTestId(`column-${agentDate}-${agent?.id}`);
  await expect(desk.locator('[data-testid^="column-"]').first()).toBeVisible();
  for (let i = 0; i < 3 && !(await column.isVisible()); i++) {
    await desk.getByRole('button', { name: 'Next' }).click();
    await expect(desk.locator('[data-testid^="column-"]').first()).toBeVisible();
  }
  await expect(column).toBeVisible();
  const block = column.getByRole('button', { name: new RegExp(`^${typeName},`) });
  await expect(block).toHaveCount(0);
  // A marker on the window: still there afterwards means no reload happened.
  await desk.evaluate(() => {
    (window as unknown as { liveMarker: string }).liveMarker = 'before-booking';
  });

  // The visitor books on a phone, in another time zone, without an account.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: visitorZone });
  const visitor = await phone.newPage();
  await visitor.goto(path);
  await expect(visitor.getByRole('heading', { name: typeName })).toBeVisible();
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitor.getByTestId('booking-days').getByRole('button').first().click();
  await visitor.getByTestId('booking-times').getByRole('button', { name: first?.time, exact: true }).click();
  await visitor.getByLabel('Name').fill('Liv Live');
  await visitor.getByLabel('E-mail').fill(`liv-${stamp}@example.com`);
  await visitor.getByLabel('Phone').fill('+49 30 7654321');
  await visitor.getByRole('button', { name: /^Book / }).click();
  await expect(visitor.getByRole('heading', { name: 'You are booked' })).toBeVisible();
  await visitor.screenshot({ path: 'test-results/screens/booking-live-phone.png', fullPage: true });
  await phone.close();

  // It appears on the agent's calendar by itself (socket → refetch), at the booked time.
  await expect(block).toBeVisible();
  await expect(block).toHaveAttribute('data-starts-at', startsAt);
  expect(await desk.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe(
    'before-booking',
  );
  await desk.screenshot({ path: 'test-results/screens/booking-live-calendar.png', fullPage: true });

  // The agent completes it as qualified.
  await block.click();
  const drawer = desk.getByTestId('appointment-drawer');
  await expect(drawer.getByTestId('appointment-status')).toHaveText('scheduled');
  const leadLink = drawer.getByRole('link');
  await expect(leadLink).toHaveText(/Liv/);
  await drawer.getByLabel('Outcome').selectOption('qualified');
  await drawer.getByRole('button', { name: 'Complete' }).click();
  await expect(drawer.getByTestId('appointment-status')).toHaveText('completed');

  // The lead the booking created (source booking, owned by the agent) is now qualified.
  await leadLink.click();
  await expect(desk).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
  await expect(desk.getByTestId('lead-status')).toHaveText('Qualified');
  await desk.screenshot({ path: 'test-results/screens/booking-live-lead.png', fullPage: true });
  await agentContext.close();
});

test('the calendar feed card (phone) and the public booking switch and link (desktop)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The agent's feed on "My day", on a phone: create, read it as a calendar app would, replace, revoke.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await phoneContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  const phone = await phoneContext.newPage();
  await signIn(phone, SALES1.email, SALES1.password, '/my-day');
  const card = phone.getByTestId('calendar-feed');
  await expect(card.getByRole('heading', { name: 'Calendar feed' })).toBeVisible();
  const create = card.getByRole('button', { name: 'Create feed URL' });
  const field = card.getByLabel('Calendar feed URL');
  await expect(create.or(field)).toBeVisible();
  if (await create.isVisible()) await create.click();
  await expect(field).toHaveValue(/\/api\/public\/calendar-feeds\/.+\/calendar\.ics$/);
  const first = await field.inputValue();
  await phone.screenshot({ path: 'test-results/screens/calendar-feed-390.png', fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await card.getByRole('button', { name: 'Copy URL' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(first);
  const feedPath = (url: string) => new URL(url).pathname;
  const ics = await phone.request.get(feedPath(first));
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');

  await card.getByRole('button', { name: 'New URL' }).click();
  const replace = phone.getByRole('dialog', { name: 'Replace the calendar feed URL?' });
  await replace.getByRole('button', { name: 'New URL' }).click();
  await expect(replace).toBeHidden();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  expect((await phone.request.get(feedPath(first))).status()).toBe(404);
  expect((await phone.request.get(feedPath(second))).status()).toBe(200);

  await card.getByRole('button', { name: 'Revoke' }).click();
  const revoke = phone.getByRole('dialog', { name: 'Revoke the calendar feed?' });
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(card.getByRole('button', { name: 'Create feed URL' })).toBeVisible();
  expect((await phone.request.get(feedPath(second))).status()).toBe(404);
  await phoneContext.close();

  // Appointment types: the public-booking switch and the page's link.
  const deskContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desk = await deskContext.newPage();
  await signIn(desk, DEMO.email, DEMO.password, '/settings/appointment-types');
  const name = `Quiet call ${stamp}`;
  await call(desk.request, deskContext, 'POST', '/scheduling/types', {
    name,
    slug: `quiet-${stamp}`,
    durationMinutes: 30,
    publicBooking: false,
  });
  await desk.reload();
  const row = desk.getByRole('listitem').filter({ hasText: name });
  const toggle = row.getByRole('switch', { name: `Public booking for ${name}` });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(row.getByTestId('booking-link')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  const link = row.getByTestId('booking-link');
  await expect(link.locator('code')).toHaveText(new RegExp(`^https?://.+/book/[^/]+/quiet-${stamp}$`));
  const open = link.getByRole('link', { name: `Open the booking page of ${name}` });
  const path = (await open.getAttribute('href')) as string;
  expect(path).toMatch(new RegExp(`^/book/[^/]+/quiet-${stamp}$`));
  await desk.screenshot({ path: 'test-results/screens/booking-links-1440.png', fullPage: true });
  const [tab] = await Promise.all([deskContext.waitForEvent('page'), open.click()]);
  await expect(tab.getByRole('heading', { name })).toBeVisible();
  await tab.close();

  // Off again: the link goes, and the public page no longer exists.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(row.getByTestId('booking-link')).toHaveCount(0);
  const api = path.replace('/book/', '/api/public/booking/');
  expect((await desk.request.get(api)).status()).toBe(404);
  await deskContext.close();
});
