import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36);
const lead = {
  first: 'Grace',
  last: `Hopper ${stamp}`,
  email: `grace.${stamp}@navy-yard.test`,
  company: `Navy Yard ${stamp}`,
};

test.describe.configure({ mode: 'serial' });

test('create a lead, log a call, assign a task to a colleague, convert it, move the deal on the kanban', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('First name').fill(lead.first);
  await form.getByLabel('Last name').fill(lead.last);
  await form.getByLabel('Email').fill(lead.email);
  await form.getByLabel('Company').fill(lead.company);
  await form.getByRole('button', { name: 'Create lead' }).click();
  await expect(form).toBeHidden();

  // Creating opens the new lead; the grid finds it by search too.
  await expect(page.getByRole('heading', { name: new RegExp(lead.last) })).toBeVisible();
  const detailUrl = page.url();
  await page.goto('/leads');
  await page.getByLabel('Search leads').fill(stamp);
  const row = page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: new RegExp(lead.last) });
  await expect(row).toBeVisible();
  // The search really filters: only this lead matches its stamp.
  await expect(page.getByTestId('grid-count')).toContainText(/ of 1 leads?$/);
  await page.screenshot(shot('leads-grid'));
  await page.goto(detailUrl);
  await expect(page.getByRole('heading', { name: new RegExp(lead.last) })).toBeVisible();

  await page.getByRole('button', { name: 'Log a call' }).click();
  const call = page.getByRole('dialog');
  await call.getByLabel('Subject').fill('Intro call');
  await call.getByLabel('Notes').fill('Wants a quote for the roof');
  await call.getByRole('button', { name: 'Save' }).click();
  await expect(call).toBeHidden();
  await expect(page.getByRole('main')).toContainText('Intro call');

  await page.getByRole('button', { name: 'Add a task' }).click();
  const task = page.getByRole('dialog');
  await task.getByLabel('Title').fill('Send the proposal');
  const assignee = task.getByLabel('Assignee');
  const colleague = (await assignee.locator('option').allTextContents()).find(
    (o) => o && !/owner|^me$|unassigned|choose/i.test(o),
  );
  expect(colleague, 'the demo company has other members').toBeTruthy();
  await assignee.selectOption({ label: colleague as string });
  await task.getByRole('button', { name: 'Add task' }).click();
  await expect(task).toBeHidden();
  await expect(page.getByRole('main')).toContainText('Send the proposal');
  await page.screenshot(shot('lead-detail'));

  await page.getByRole('button', { name: 'Convert' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Convert lead' }).click();
  await expect(page.getByTestId('convert-result')).toBeVisible();
  await expect(page.getByTestId('lead-status')).toContainText(/won/i);

  await page.goto('/deals');
  const card = page.getByTestId('deal-card').filter({ hasText: lead.company });
  await expect(card).toBeVisible();
  const target = page.getByTestId('stage-Proposal');
  // Native drag and drop with the mouse, at the card's height (columns are long; the header is sticky).
  await card.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, from.y + from.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(target.getByTestId('deal-card').filter({ hasText: lead.company })).toBeVisible();
  await page.screenshot(shot('kanban'));
  await page.reload();
  await expect(
    page.getByTestId('stage-Proposal').getByTestId('deal-card').filter({ hasText: lead.company }),
  ).toBeVisible();
});

test('import leads from a CSV: check, import, and see the rows', async ({ page }) => {
  await signIn(page, undefined, undefined, '/leads');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const wizard = page.getByTestId('import-wizard');
  const csv = [
    'First name,Last name,E-mail,Company',
    `Imported,Alpha ${stamp},alpha.${stamp}@example.test,Alpha Co`,
    `Imported,Beta ${stamp},beta.${stamp}@example.test,Beta Co`,
    'Broken,,not-an-email,',
  ].join('\n');
  await wizard
    .getByLabel('CSV file')
    .setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await wizard.getByRole('button', { name: 'Check file' }).click();
  await expect(wizard.getByTestId('dry-run-report')).toContainText('2');
  await wizard.getByRole('button', { name: 'Start import' }).click();
  await expect(wizard.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  await page.screenshot(shot('import-report'));
  await page.keyboard.press('Escape');
  await page.getByLabel('Search leads').fill(`.${stamp}@example.test`);
  const table = page.getByRole('table', { name: 'Leads' });
  await expect(page.getByTestId('grid-count')).toContainText(/ of 2 leads$/);
  await expect(table).toContainText(`Alpha ${stamp}`);
  await expect(table).toContainText(`Beta ${stamp}`);
});
