import { expect as baseExpect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './helpers.ts';

// Task comments (ADR 0021): the owner adds a task on a demo project's board, opens it from its card (description,
// checklist, comments), comments, edits the comment, sees the comments on the project's timeline and finds them
// on My tasks' detail too; a reached fixed-price milestone is invoiced from the Milestones tab.
// Screenshots at desktop and phone width go to test-results/screens.
const expect = baseExpect.configure({ timeout: 30_000 });
const stamp = Date.now().toString(36).slice(-5).toUpperCase();

const shots = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/task-comments-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screens/task-comments-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
};

test('a project task opens from its board card; comments are added, edited and shown; a milestone is invoiced', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.email, DEMO.password, '/projects');
  await page.getByRole('link', { name: 'Riverside office fit-out' }).click();
  await page.getByRole('tab', { name: 'Tasks' }).click();
  const title = `Order cables ${stamp}`;
  await page.getByLabel('New task title').fill(title);
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('board-open').getByText(title)).toBeVisible();

  await page.getByRole('button', { name: `Open “${title}”` }).click();
  const detail = page.getByRole('dialog', { name: title });
  await expect(detail.getByText('No comments yet.')).toBeVisible();
  await expect(detail.getByText('No description.')).toBeVisible();
  await shots(page, 'empty');

  // The checklist is edited in the dialog: add, tick, rename, remove — each saved with the task's version.
  const checklist = detail.getByRole('region', { name: 'Checklist' });
  for (const item of ['Measure the runs', 'Order the cable', 'Call the wholesaler']) {
    await checklist.getByLabel('New checklist item').fill(item);
    await checklist.getByRole('button', { name: 'Add' }).click();
    await expect(checklist.getByText(item, { exact: true })).toBeVisible();
  }
  await checklist.getByRole('checkbox', { name: 'Done: Measure the runs' }).check();
  await expect(checklist.getByText('1 of 3 done')).toBeVisible();
  await checklist.getByRole('button', { name: 'Rename Order the cable' }).click();
  await checklist.getByLabel('Item text').fill('Order 200 m of cable');
  await checklist.getByRole('button', { name: 'Save' }).click();
  await expect(checklist.getByText('Order 200 m of cable')).toBeVisible();
  await checklist.getByRole('button', { name: 'Remove Call the wholesaler' }).click();
  await expect(checklist.getByText('Call the wholesaler')).toHaveCount(0);
  await expect(checklist.getByText('1 of 2 done')).toBeVisible();
  await shots(page, 'checklist');
  // Saved: closed and opened again, the board's task carries it.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: `Open “${title}”` }).click();
  await expect(checklist.getByText('Order 200 m of cable')).toBeVisible();
  await expect(checklist.getByRole('checkbox', { name: 'Done: Measure the runs' })).toBeChecked();

  await detail.getByLabel('New comment').fill('Ordered 200 m of 2.5 mm² cable.\nDelivery on Thursday.');
  await detail.getByRole('button', { name: 'Comment' }).click();
  const comment = detail.getByTestId('task-comment');
  await expect(comment).toHaveCount(1);
  await expect(comment).toContainText('Delivery on Thursday.');
  await expect(detail.getByLabel('New comment')).toHaveValue('');

  await comment.getByRole('button', { name: 'Edit' }).click();
  await comment.getByLabel('Comment text').fill('Ordered 250 m of 2.5 mm² cable. Delivery on Friday.');
  await comment.getByRole('button', { name: 'Save' }).click();
  await expect(comment).toContainText('Delivery on Friday.');
  await expect(comment.getByText('edited')).toBeVisible();
  await detail.getByLabel('New comment').fill('Electrician booked for Monday.');
  await detail.getByRole('button', { name: 'Comment' }).click();
  await expect(detail.getByTestId('task-comment')).toHaveCount(2);
  await shots(page, 'thread');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // The comments are on the project's timeline too.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('timeline').getByText('Electrician booked for Monday.')).toBeVisible();
  await shots(page, 'timeline');

  // A reached fixed-price milestone is invoiced once: a draft invoice, the milestone billed.
  await page.getByRole('tab', { name: 'Milestones' }).click();
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const form = page.getByRole('dialog', { name: 'Add milestone' });
  await form.getByLabel('Name').fill(`Handover ${stamp}`);
  await form.getByLabel('Amount (fixed price)').fill('1500');
  await form.getByLabel('Status').selectOption('reached');
  await form.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('button', { name: `Invoice Handover ${stamp}` }).click();
  await expect(page.getByText(`Draft invoice created for “Handover ${stamp}”.`)).toBeVisible();
  // Billed only by invoicing: no dropdown offers it; the billed one shows "Billed" with a link to its invoice.
  await expect(page.getByLabel(`Status of Handover ${stamp}`)).toHaveCount(0);
  await expect(page.getByRole('link', { name: `Invoice of Handover ${stamp}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Invoice Handover ${stamp}` })).toHaveCount(0);
  const anyStatus = page.getByRole('combobox', { name: /^Status of / }).first();
  await expect(anyStatus.locator('option')).toHaveText(['Open', 'Reached']);
  await shots(page, 'milestone-invoiced');

  // At phone width the milestones are blocks: no sideways scroll, status controls readable.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('milestones-blocks')).toBeVisible();
  await expect(page.getByTestId('milestones')).toBeHidden();
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  const phoneStatus = page.getByRole('combobox', { name: /^Status of / }).first();
  await expect(phoneStatus).toBeVisible();
  const box = await phoneStatus.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(140);
  expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  await expect(page.getByRole('link', { name: `Invoice of Handover ${stamp}` })).toBeVisible();
  await page.screenshot({ path: '/tmp/work14-milestones-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The project's invoicing shows its approved billable expenses too (the demo's materials).
  await page.getByRole('button', { name: 'Invoice billable work' }).click();
  const invoicing = page.getByRole('dialog', { name: 'Invoice billable work' });
  await expect(invoicing.getByTestId('invoice-expense-lines').getByText(/Materials/)).toBeVisible();
  await expect(invoicing.getByTestId('invoice-time-total')).toContainText('and 1 expense');
  await page.screenshot({ path: '/tmp/work14-invoice-work.png', fullPage: true });
  // The demo's VAT 20 % reproduces the expense's recorded tax: nothing blocks the draft.
  await expect(invoicing.getByRole('button', { name: 'Create draft invoice' })).toBeEnabled();
  await invoicing.getByLabel('Include approved billable expenses').uncheck();
  await expect(invoicing.getByTestId('invoice-expense-lines')).toHaveCount(0);
  await expect(invoicing.getByTestId('invoice-time-total')).not.toContainText('expense');
  await expect(invoicing.getByRole('button', { name: 'Create draft invoice' })).toBeEnabled();
  await invoicing.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('link', { name: 'Open the draft invoice' }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  // The invoice's lines are a table on a desktop and blocks on a phone: the one shown.
  await expect(
    page.getByText(`Riverside office fit-out: Handover ${stamp}`).filter({ visible: true }),
  ).toBeVisible();

  // The same task from My tasks (it is the owner's: a new task is assigned to its creator).
  await page.goto('/tasks');
  await page.getByRole('button', { name: title }).click();
  const mine = page.getByRole('dialog', { name: title });
  await expect(mine.getByTestId('task-comment')).toHaveCount(2);
  await expect(mine.getByTestId('task-comment').first()).toContainText('Delivery on Friday.');
  await shots(page, 'my-tasks');
});
