import { expect as baseExpect, test } from '@playwright/test';
import { apiCall as call, DEMO, shot, signIn } from './helpers.ts';

// The dispatcher drags an unassigned job onto a crew; a crew member on a phone-sized screen takes it through
// en route, on site and completed; the dispatcher's board follows live. Then a canvasser's interested visit
// shows up as a d2d lead.
const DISPATCH = { email: 'dispatch@demo.tessera.test', password: DEMO.password };
const MANAGER = { email: 'manager@demo.tessera.test', password: DEMO.password };
const stamp = Date.now().toString(36);
// A loaded machine builds and serves slowly: wait for states, generously.
const expect = baseExpect.configure({ timeout: 30_000 });

test('dispatch a job by drag and drop; the crew completes it on a phone; the board follows live', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const deskContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const desk = await deskContext.newPage();
  await signIn(desk, DISPATCH.email, DISPATCH.password, '/dispatch');
  const crews = (await call(desk.request, deskContext, 'GET', '/crews?q=north')) as {
    id: string;
    version: number;
    memberIds: string[];
  }[];
  const north = crews[0];
  if (!north) throw new Error('demo crew missing');
  // The manager joins the North crew, to work the job from their phone.
  const members = (await call(desk.request, deskContext, 'GET', '/members')) as {
    userId: string;
    email: string;
  }[];
  const manager = members.find((m) => m.email === MANAGER.email);
  if (!manager) throw new Error('demo manager missing');
  await call(desk.request, deskContext, 'PATCH', `/crews/${north.id}`, {
    memberIds: [...north.memberIds, manager.userId],
    version: north.version,
  });
  const job = await call(desk.request, deskContext, 'POST', '/jobs', {
    title: `Drag me ${stamp}`,
    estimatedMinutes: 60,
    siteAddress: '5 Station Street, Springfield',
    customerPhone: '+1 555 0199',
    checklist: [{ label: 'Test the alarm' }],
  });
  await desk.reload();
  const block = desk.getByTestId(`job-${job.id}`);
  await expect(block).toBeVisible();
  const slot = desk.locator(`[data-testid^="slot-${north.id}-"]`).nth(10); // 16:00
  await block.dragTo(slot);
  await expect(desk.getByTestId(`crew-row-${north.id}`).getByTestId(`job-${job.id}`)).toContainText(
    'dispatched',
  );
  await desk.screenshot(shot('field-dispatch-board'));

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, MANAGER.email, MANAGER.password, '/my-jobs');
  const card = phone.getByTestId(`my-job-${job.id}`);
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: /Call/ })).toHaveAttribute('href', 'tel:+1 555 0199');
  await card.getByRole('button', { name: 'On my way' }).click();
  await expect(desk.getByTestId(`job-${job.id}`)).toContainText('en route');
  await card.getByRole('button', { name: 'Arrived on site' }).click();
  await expect(desk.getByTestId(`job-${job.id}`)).toContainText('on site');
  await card.getByLabel('Test the alarm').check();
  await card.getByLabel("Customer's name (signature)").fill('Jordan Customer');
  await card.getByRole('button', { name: 'Complete job' }).click();
  await expect(card.getByTestId('job-status')).toHaveText('completed');
  await phone.screenshot(shot('field-my-jobs-phone'));
  await expect(desk.getByTestId(`job-${job.id}`)).toContainText('completed');
  const done = await call(desk.request, deskContext, 'GET', `/jobs/${job.id}`);
  expect(done).toMatchObject({
    status: 'completed',
    signatureName: 'Jordan Customer',
    checklist: [{ label: 'Test the alarm', done: true }],
  });
  await deskContext.close();
  await phoneContext.close();
});

test("a canvasser's interested visit appears as a d2d lead", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.email, DEMO.password, '/leads');
  const visit = await call(page.request, context, 'POST', '/visits', {
    address: `${stamp} Elm Road, Springfield`,
    outcome: 'interested',
    contactName: `Casey Door${stamp}`,
  });
  expect(visit.leadId).toBeTruthy();
  await page.goto(`/leads/${visit.leadId}`);
  await expect(page.getByText(`Door${stamp}`).first()).toBeVisible();
  await expect(page.getByText('d2d').first()).toBeVisible();
  await context.close();
});
