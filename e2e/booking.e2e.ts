import { expect as baseExpect, test } from '@playwright/test';
import { apiCall as call, signIn } from './helpers.ts';

// A visitor books through the public page on a phone-sized screen and gets the confirmation; the confirmation
// e-mail (with its .ics) is in the development mailbox; the manage link opens the booking.
const stamp = Date.now().toString(36);
const expect = baseExpect.configure({ timeout: 30_000 });

test('a visitor books on a phone and gets the confirmation (and the e-mail with the .ics)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The owner sets up an agent and a publicly bookable type.
  const deskContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desk = await deskContext.newPage();
  await signIn(desk);
  const me = await call(desk.request, deskContext, 'GET', '/auth/me');
  const userId = me.user.id as string;
  const agents = (await call(desk.request, deskContext, 'GET', '/scheduling/agents?limit=100')) as {
    userId: string;
  }[];
  if (!agents.some((a) => a.userId === userId))
    await call(desk.request, deskContext, 'POST', '/scheduling/agents', {
      userId,
      timeZone: 'UTC',
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    });
  await call(desk.request, deskContext, 'POST', '/scheduling/types', {
    name: `Home visit ${stamp}`,
    slug: `visit-${stamp}`,
    durationMinutes: 60,
    slotStepMinutes: 60,
    minNoticeMinutes: 60,
    publicBooking: true,
  });
  const links = (await call(desk.request, deskContext, 'GET', '/scheduling/booking-links')) as {
    name: string;
    path: string;
  }[];
  const link = links.find((l) => l.name === `Home visit ${stamp}`);
  expect(link).toBeTruthy();

  // The page on a desktop screen (signed in or not, it is the same public page).
  await desk.goto(link?.path as string);
  await expect(desk.getByTestId('booking-times')).toBeVisible();
  await desk.screenshot({ path: 'test-results/screens/booking-desktop.png', fullPage: true });

  // The visitor, on a phone, in another time zone, without an account.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    timezoneId: 'Europe/Berlin',
  });
  const visitor = await phone.newPage();
  await visitor.goto(link?.path as string);
  await expect(visitor.getByRole('heading', { name: `Home visit ${stamp}` })).toBeVisible();
  await expect(visitor.getByText('(Europe/Berlin)')).toBeVisible();
  await visitor.screenshot({ path: 'test-results/screens/booking-phone.png', fullPage: true });
  // Phone first: nothing wider than the screen (the day list scrolls inside its row).
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitor.getByTestId('booking-days').getByRole('button').nth(1).click();
  await visitor.getByTestId('booking-times').getByRole('button').first().click();
  await visitor.getByLabel('Name').fill('Vera Visitor');
  await visitor.getByLabel('E-mail').fill(`vera-${stamp}@example.com`);
  await visitor.getByLabel('Phone').fill('+49 30 1234567');
  await visitor.getByLabel('Address (optional)').fill('Hauptstr. 1, Berlin');
  await visitor.getByRole('button', { name: /^Book / }).click();
  await expect(visitor.getByTestId('booking-confirmed')).toBeVisible();
  await expect(visitor.getByRole('heading', { name: 'You are booked' })).toBeVisible();
  await visitor.screenshot({ path: 'test-results/screens/booking-confirmed.png', fullPage: true });

  // The manage link opens the booking.
  await visitor.getByRole('link', { name: 'View, cancel or reschedule' }).click();
  await expect(visitor.getByTestId('booking-view')).toContainText('Booked:');
  await expect(visitor.getByRole('button', { name: 'Reschedule' })).toBeVisible();
  await visitor.screenshot({ path: 'test-results/screens/booking-manage.png', fullPage: true });

  // The confirmation is in the development mailbox, with the calendar file.
  const mailbox = await desk.request.get('/api/v1/dev/mailbox');
  expect(mailbox.status()).toBe(200);
  const mail = (
    (await mailbox.json()).data as { to: string; subject: string; attachments: { filename: string }[] }[]
  ).find((m) => m.to === `vera-${stamp}@example.com`);
  expect(mail?.subject).toMatch(/^Your appointment is booked/);
  expect(mail?.attachments.map((a) => a.filename)).toEqual(['appointment.ics']);
  await phone.close();
  await deskContext.close();
});
