import { expect as baseExpect, type Page, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers.ts';

// A project with a milestone and two members; the owner books a week (keyboard, Tab between days) and submits
// it; the project's manager approves it from the approvals queue; the project page shows the hours against the
// budget; the owner adds a task on the project's board and invoices the approved time as a draft invoice for the
// client. Screenshots of every work screen at desktop and phone width go to test-results/screens.
const MANAGER = { email: 'manager@demo.tessera.test', password: DEMO.password, name: 'Marcus Reed' };
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
// A loaded machine builds and serves slowly: wait for states, generously.
const expect = baseExpect.configure({ timeout: 30_000 });

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const today = new Date();
const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
const inTwoMonths = new Date(today.getFullYear(), today.getMonth() + 2, today.getDate());

const shots = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/work-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screens/work-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
};

test('a project is staffed, a week booked and submitted, approved by the manager, and counted against the budget', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.email, DEMO.password, '/projects');
  await expect(page.getByRole('link', { name: 'Riverside office fit-out' })).toBeVisible();
  await shots(page, 'projects');

  // The project, managed by Marcus, 100 hours of budget.
  await page.getByRole('button', { name: 'New project' }).click();
  const form = page.getByRole('dialog', { name: 'New project' });
  await form.getByLabel('Name').fill(`Depot ${stamp}`);
  await form.getByLabel('Code').fill(`DEP-${stamp}`);
  await form.getByLabel('Status').selectOption('active');
  await form.getByLabel('Manager').selectOption({ label: MANAGER.name });
  await form.getByLabel('Budget (hours)').fill('100');
  // A client (the first demo company) and 80.00 an hour: the approved time is invoiced to it.
  // The client field searches as you type; focused empty, it offers the first companies by name.
  await form.getByRole('combobox', { name: 'Client' }).click();
  await form.getByRole('listbox', { name: 'Client' }).getByRole('option').first().click();
  await expect(form.getByLabel('Client')).not.toHaveValue('');
  await form.getByLabel('Hourly rate').fill('80');
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Depot ${stamp}` })).toBeVisible();
  await expect(page.getByTestId('budget-hours-figure')).toHaveText('0 h of 100 h (0 %)');

  // A milestone.
  await page.getByRole('tab', { name: 'Milestones' }).click();
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const milestone = page.getByRole('dialog', { name: 'Add milestone' });
  await milestone.getByLabel('Name').fill('Foundations poured');
  await milestone.getByLabel('Due').fill(isoDay(inTwoMonths));
  await milestone.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByTestId('milestones').getByText('Foundations poured')).toBeVisible();

  // Two members: the owner and Marcus, half their week each.
  await page.getByRole('tab', { name: 'Team' }).click();
  for (const member of ['Me (Olivia Owner)', MANAGER.name]) {
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.getByLabel('Member').selectOption({ label: member });
    await dialog.getByLabel('Role').fill('Site crew');
    await dialog.getByLabel('To', { exact: true }).fill(isoDay(inTwoMonths));
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('team').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('team').getByText(MANAGER.name)).toBeVisible();
  await shots(page, 'project-team');

  // The owner books 8 hours Monday to Friday, typing and tabbing from day to day, and submits the week.
  await page.goto(`/timesheet?week=${isoDay(monday)}`);
  await expect(page.getByText('Nothing booked this week')).toBeVisible();
  await page.getByLabel('Project', { exact: true }).selectOption({ label: `DEP-${stamp} · Depot ${stamp}` });
  await page.getByRole('button', { name: 'Add row' }).click();
  const first = page.getByLabel(`DEP-${stamp} · Depot ${stamp}, Mon`);
  await first.click();
  for (const _day of [1, 2, 3, 4, 5]) {
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('week-total')).toHaveText('40 h');
  await expect(page.getByTestId('day-total-4')).toHaveText('8 h');
  await shots(page, 'timesheet');
  await page.getByRole('button', { name: 'Submit week' }).click();
  await expect(page.getByTestId('week-status')).toHaveText('Submitted');
  await expect(first).toHaveAttribute('readonly', '');
  const me = (await (await page.request.get('/api/v1/auth/me')).json()).data as { user: { id: string } };
  await signOut(page);

  // Marcus opens the week from his approvals queue and approves it.
  await signIn(page, MANAGER.email, MANAGER.password, '/approvals');
  const link = page.locator(`a[href="/timesheet?user=${me.user.id}&week=${isoDay(monday)}"]`);
  await expect(link).toBeVisible();
  await shots(page, 'approvals');
  await link.click();
  await expect(page.getByTestId('week-total')).toHaveText('40 h');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('week-status')).toHaveText('Approved');

  // The project page counts the 40 approved hours against the 100-hour budget.
  await page.goto('/projects');
  await page.getByRole('link', { name: `Depot ${stamp}` }).click();
  await expect(page.getByTestId('budget-hours-figure')).toHaveText('40 h of 100 h (40 %)');
  await expect(page.getByTestId('budget-hours')).toContainText('40 h approved');
  await shots(page, 'project');
  await page.getByRole('tab', { name: 'Time' }).click();
  await expect(page.getByTestId('project-time').getByRole('row')).toHaveCount(6);
  await signOut(page);

  // The owner plans a task on the board and moves it along, then invoices the approved week.
  await signIn(page, DEMO.email, DEMO.password, '/projects');
  await page.getByRole('link', { name: `Depot ${stamp}` }).click();
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByLabel('New task title').fill('Pour the slab');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('board-open').getByText('Pour the slab')).toBeVisible();
  await page.getByRole('button', { name: 'Move “Pour the slab” to In progress' }).click();
  await expect(page.getByTestId('board-in_progress').getByText('Pour the slab')).toBeVisible();
  await shots(page, 'board');
  await page.getByRole('button', { name: 'Invoice billable work' }).click();
  const invoicing = page.getByRole('dialog', { name: 'Invoice billable work' });
  await expect(invoicing.getByTestId('invoice-time-total')).toHaveText(
    '40 h from 5 entries · $3,200.00 before tax',
  );
  await invoicing.getByRole('button', { name: 'Create draft invoice' }).click();
  await expect(invoicing.getByText('Draft invoice created')).toBeVisible();
  await invoicing.getByRole('link', { name: 'Open the draft invoice' }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  // The invoice's lines are a table on a desktop and blocks on a phone: the one shown.
  await expect(page.getByText(`Depot ${stamp}: Olivia Owner`).filter({ visible: true })).toBeVisible();

  await page.goto('/expenses');
  await expect(page.getByRole('button', { name: 'New expense' })).toBeVisible();
  await shots(page, 'expenses');
});
