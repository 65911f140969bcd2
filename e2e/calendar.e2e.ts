import { expect as baseExpect, type Page, test } from '@playwright/test';
import { apiCall as call, DEMO, signIn } from './helpers.ts';

// The owner books an appointment in a free slot of an agent's week, drags it to another day and time, sees a
// refused move put back with the next free slots, sees a booking made elsewhere arrive live, and confirms one
// in the drawer; the agent opens "my day" on a phone. Screenshots at 1440 and 390 widths go to /tmp.
const SALES1 = { email: 'sales1@demo.tessera.test', password: DEMO.password };
const SHOTS = process.env.CALENDAR_SHOTS_DIR ?? 'test-results/screens';
const expect = baseExpect.configure({ timeout: 30_000 });

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

interface Appt {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
}

test('book in a free slot, drag it, a refused move, live arrival, confirm; my day on a phone', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, DEMO.email, DEMO.password, '/scheduling');
  await expect(page.getByRole('heading', { name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Calendar' })).toBeVisible();
  await shot(page, 'calendar-week-1440');

  // Next week: every weekday is free and in the future, whatever day the test runs.
  await page.getByRole('button', { name: 'Next' }).click();
  const columns = page.locator('[data-testid^="column-"]');
  await expect(columns).toHaveCount(7);
  const idOf = async (n: number) => (await columns.nth(n).getAttribute('data-testid')) ?? '';
  const [tuesday, wednesday] = [await idOf(1), await idOf(2)];
  const agentId = tuesday.slice('column-2026-01-01-'.length);
  const tuesdayDate = tuesday.slice('column-'.length, 'column-'.length + 10);
  const wednesdayDate = wednesday.slice('column-'.length, 'column-'.length + 10);

  // Book Tuesday 10:00 (Consultation, 60 min) for the first lead.
  await page.getByTestId(`slot-${agentId}-${tuesdayDate}-10:00`).click();
  const dialog = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(dialog.getByLabel('Lead')).not.toHaveValue('');
  await dialog.getByLabel('Type').selectOption({ label: 'Consultation (60 min)' });
  await shot(page, 'calendar-book-dialog-1440');
  await dialog.getByRole('button', { name: 'Book' }).click();
  await expect(dialog).toBeHidden();
  const tuesdayColumn = page.getByTestId(tuesday);
  const booked = tuesdayColumn.getByRole('button', { name: /Consultation, 10:00–11:00/ });
  await expect(booked).toBeVisible();
  const bookedId = ((await booked.getAttribute('data-testid')) ?? '').replace('appointment-', '');

  // Drag it to Wednesday 14:00: it moves there at once and the server keeps it there.
  await booked.dragTo(page.getByTestId(`slot-${agentId}-${wednesdayDate}-14:00`));
  const moved = page.getByTestId(wednesday).getByTestId(`appointment-${bookedId}`);
  await expect(moved).toHaveAccessibleName(/Consultation, 14:00–15:00/);
  await expect(tuesdayColumn.getByTestId(`appointment-${bookedId}`)).toHaveCount(0);
  await expect
    .poll(
      async () =>
        ((await call(page.request, context, 'GET', `/scheduling/appointments/${bookedId}`)) as Appt).startsAt,
    )
    .toBe(await moved.getAttribute('data-starts-at'));

  // A booking made elsewhere (the API here) shows up without a reload (socket → refetch).
  const types = (await call(page.request, context, 'GET', '/scheduling/types')) as {
    id: string;
    slug: string;
  }[];
  const consultation = types.find((t) => t.slug === 'consultation')?.id;
  const leads = (await call(page.request, context, 'GET', '/leads?limit=1')) as { id: string }[];
  const wednesdayTen = await page
    .getByTestId(`slot-${agentId}-${wednesdayDate}-10:00`)
    .getAttribute('aria-label');
  expect(wednesdayTen).toContain('10:00');
  const startsAt = new Date(Date.parse((await moved.getAttribute('data-starts-at')) ?? '') - 4 * 3_600_000);
  const live = (await call(page.request, context, 'POST', '/scheduling/appointments', {
    typeId: consultation,
    agentId,
    startsAt: startsAt.toISOString(),
    leadId: leads[0]?.id,
  })) as Appt;
  const liveBlock = page.getByTestId(wednesday).getByTestId(`appointment-${live.id}`);
  await expect(liveBlock).toHaveAccessibleName(/10:00–11:00/);

  // Dragging it onto the 14:00 appointment is refused: it goes back, with the next free slots offered.
  // (force: the 14:00 block covers that slot until the drag starts; while dragging, blocks let drops through)
  await liveBlock.dragTo(page.getByTestId(`slot-${agentId}-${wednesdayDate}-14:00`), { force: true });
  const conflict = page.getByRole('alert').filter({ hasText: 'That time is taken' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('next-slots').getByRole('button').first()).toBeVisible();
  await expect(liveBlock).toHaveAccessibleName(/10:00–11:00/);
  await shot(page, 'calendar-conflict-1440');
  await conflict.getByRole('button', { name: 'Dismiss' }).click();

  // The drawer: details and status moves.
  await moved.click();
  const drawer = page.getByTestId('appointment-drawer');
  await expect(drawer.getByTestId('appointment-status')).toHaveText('scheduled');
  await expect(drawer.getByRole('link')).not.toHaveText('Loading…');
  await shot(page, 'calendar-drawer-1440');
  await drawer.getByRole('button', { name: 'Confirm' }).click();
  await expect(drawer.getByTestId('appointment-status')).toHaveText('confirmed');
  await drawer.getByRole('button', { name: 'Close' }).click();

  // The team's day: agents side by side.
  await page.getByRole('button', { name: 'Team' }).click();
  // The demo's three agents (other specs may have added more).
  await expect(page.locator('[data-testid^="column-"]').nth(2)).toBeVisible();
  await shot(page, 'calendar-team-1440');

  // Settings pages.
  await page.goto('/settings/availability');
  await expect(page.getByRole('form', { name: 'Availability' })).toBeVisible();
  await shot(page, 'availability-1440');
  await page.goto('/settings/appointment-types');
  await expect(page.getByText('Site survey')).toBeVisible();
  await shot(page, 'appointment-types-1440');

  // My day on a phone: the agent's appointment today (booked here through the API) is listed.
  const agents = (await call(page.request, context, 'GET', '/scheduling/agents')) as {
    id: string;
    userId: string;
  }[];
  const members = (await call(page.request, context, 'GET', '/members')) as {
    userId: string;
    email: string;
  }[];
  const sofia = members.find((m) => m.email === SALES1.email)?.userId;
  const sofiaAgent = agents.find((a) => a.userId === sofia)?.id;
  const today = (await call(page.request, context, 'POST', '/scheduling/appointments', {
    typeId: consultation,
    agentId: sofiaAgent,
    startsAt: new Date(Math.ceil(Date.now() / 900_000) * 900_000).toISOString(),
    leadId: leads[0]?.id,
  })) as Appt;
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, SALES1.email, SALES1.password, '/my-day');
  await expect(phone.getByRole('heading', { name: 'My day' })).toBeVisible();
  const card = phone.getByTestId(`my-appointment-${today.id}`);
  await expect(card).toBeVisible();
  await shot(phone, 'my-day-390');
  await card.click();
  await expect(phone.getByTestId('appointment-drawer')).toBeVisible();
  await shot(phone, 'my-day-drawer-390');
  await phone.goto('/scheduling');
  await expect(phone.locator('[data-testid^="column-"]').first()).toBeVisible();
  await shot(phone, 'calendar-week-390');
  await phoneContext.close();
  await context.close();
});
