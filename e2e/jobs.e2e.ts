import { expect as baseExpect, test } from '@playwright/test';
import { apiCall as call, DEMO, shot, signIn } from './helpers.ts';

// The dispatcher makes a job from a company's page, finds it in the jobs list, assigns the North crew and takes
// it through en route, on site and completed with the page's buttons; the status history shows every step.
// Then the same pages on a phone-sized screen.
const DISPATCH = { email: 'dispatch@demo.tessera.test', password: DEMO.password };
const stamp = Date.now().toString(36);
// A loaded machine builds and serves slowly: wait for states, generously.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A `datetime-local` value `days` from today at `hour` (a day the demo data leaves free). */
const local = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
};

test('a dispatcher creates a job from a company, assigns a crew and completes it with the status buttons', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, DISPATCH.email, DISPATCH.password, '/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await expect(page.getByTestId('jobs-grid')).toBeVisible();
  await page.screenshot(shot('jobs-list-1440'));

  // "New job" from a company's page: the customer is filled in.
  const companies = (await call(page.request, context, 'GET', '/companies?sort=name&limit=1')) as {
    id: string;
    name: string;
  }[];
  const company = companies[0];
  if (!company) throw new Error('demo company missing');
  await page.goto(`/companies/${company.id}`);
  await expect(page.getByRole('heading', { level: 1, name: company.name })).toBeVisible();
  await page.getByRole('button', { name: 'New job' }).click();
  const form = page.getByRole('dialog', { name: 'New job' });
  await expect(form.getByLabel('Customer company')).toHaveValue(company.name);
  const title = `Boiler service ${stamp}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Site address').fill('12 Harbour Road, Springfield');
  await form.getByLabel('Scheduled from').fill(local(20, 7));
  await form.getByLabel('Scheduled to').fill(local(20, 8));
  await form.getByLabel('Estimated minutes').fill('60');
  await form.getByLabel('Checklist').fill('Check the pressure\nBleed the radiators');
  await page.screenshot(shot('jobs-new-from-company-1440'));
  await form.getByRole('button', { name: 'Create job' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: company.name })).toHaveAttribute(
    'href',
    `/companies/${company.id}`,
  );

  // Open it from the jobs list (search).
  await page.goto('/jobs');
  await page.getByRole('searchbox', { name: 'Search jobs' }).fill(stamp);
  const grid = page.getByTestId('jobs-grid');
  await grid.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(`/jobs/${jobId}`);

  // A scheduled job without a crew: it can only be held or cancelled, or given a crew.
  await expect(page.getByRole('button', { name: 'Dispatch' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeVisible();
  await page.getByRole('button', { name: 'Assign crew' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign crew' });
  await assign.getByLabel('Crew').selectOption({ label: 'North crew (hvac, electric)' });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByText('Crew: North crew')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reassign' })).toBeVisible();
  await page.screenshot(shot('jobs-page-dispatched-1440'));

  // Dispatched (by the assignment) → en route → on site → completed, each with its button.
  await page.getByRole('button', { name: 'On the way' }).click();
  await page.getByRole('button', { name: 'Arrived on site' }).click();
  await expect(page.getByRole('button', { name: 'Reassign' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Complete' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete' });
  await complete.getByLabel('Check the pressure').check();
  await complete.getByLabel('Completion notes').fill('Pressure fine, radiators bled.');
  await complete.getByLabel('Customer’s name (signature)').fill('Jordan Customer');
  await complete.getByRole('button', { name: 'Complete' }).click();
  await expect(complete).toBeHidden();

  const work = page.getByTestId('job-work');
  await expect(work).toContainText('Signed by');
  await expect(work).toContainText('Jordan Customer');
  await expect(work).toContainText('Check the pressure (done)');
  await expect(work).toContainText('Bleed the radiators (not done)');
  // A completed job offers no more steps.
  for (const name of ['Complete', 'On the way', 'Put on hold', 'Cancel job'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);

  // The history: every step, newest first, with who did it.
  const history = page.getByTestId('job-history');
  await expect(history.getByRole('listitem')).toHaveCount(5);
  await expect(history.getByRole('listitem').first()).toContainText('On site');
  await expect(history.getByRole('listitem').first()).toContainText('Completed');
  await expect(history.getByRole('listitem').first()).toContainText('Me');
  await expect(history).toContainText('En route');
  await expect(history).toContainText('Dispatched');
  await page.screenshot(shot('jobs-page-completed-1440'));

  const job = await call(page.request, context, 'GET', `/jobs/${jobId}`);
  expect(job).toMatchObject({
    status: 'completed',
    companyId: company.id,
    priority: 'high',
    signatureName: 'Jordan Customer',
    checklist: [
      { label: 'Check the pressure', done: true },
      { label: 'Bleed the radiators', done: false },
    ],
  });

  // The same pages on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(history).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot(shot('jobs-page-390'));
  // A job under way on a phone: its status buttons wrap within the screen.
  const under = (await call(page.request, context, 'GET', '/jobs?status=dispatched&limit=1')) as {
    id: string;
  }[];
  if (under[0]) {
    await page.goto(`/jobs/${under[0].id}`);
    await expect(page.getByRole('button', { name: 'On the way' })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot(shot('jobs-page-dispatched-390'));
  }
  await page.goto(`/jobs?q=${stamp}`);
  await expect(page.getByTestId('jobs-grid').getByRole('link', { name: title })).toBeVisible();
  await page.screenshot(shot('jobs-list-390'));
  await context.close();
});
