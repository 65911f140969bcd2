import { expect, test } from '@playwright/test';
import { invitationLink, shot, signIn, signOut } from './helpers.ts';

const stamp = Date.now().toString(36);
const owner = {
  company: `Roofers ${stamp}`,
  name: 'Rita Owner',
  email: `rita.${stamp}@example.test`,
  password: 'rita-strong-password',
};
const crew = { name: 'Carl Crew', email: `carl.${stamp}@example.test`, password: 'carl-strong-password' };

test.describe.configure({ mode: 'serial' });

test('sign up a company, invite a crew member; they accept and cannot reach admin pages', async ({
  page,
}) => {
  await page.goto('/signup');
  await page.getByLabel('Company name').fill(owner.company);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/signup/);
  await expect(page.getByRole('banner')).toContainText(owner.company);

  await page.goto('/settings/members');
  await expect(page.getByRole('main')).toContainText(owner.email);
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(crew.email);
  await dialog.getByLabel('Role').selectOption({ label: 'Crew member' });
  await page.screenshot(shot('invite-dialog'));
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toContainText(`Invitation sent to ${crew.email}`);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('main')).toContainText(crew.email);
  await page.screenshot(shot('members'));
  const link = await invitationLink(page, crew.email);
  await signOut(page);

  await page.goto(link);
  await expect(page.getByRole('main')).toContainText(owner.company);
  await page.getByLabel('Your name').fill(crew.name);
  await page.getByLabel('Password').fill(crew.password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).not.toHaveURL(/invite/);
  await expect(page.getByRole('banner')).toContainText(owner.company);

  // The crew member's navigation has no admin entries, and typing the URL shows the forbidden page.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Members' })).toHaveCount(0);
  await page.goto('/settings/members');
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await page.screenshot(shot('forbidden'));
  await page.goto('/settings/roles');
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await signOut(page);

  // The owner sees the new member with their role.
  await signIn(page, owner.email, owner.password, '/settings/members');
  await expect(page.getByRole('main')).toContainText(crew.name);
});

test('a wrong password is refused with a clear message and no session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Invalid e-mail or password/)).toBeVisible();
  await page.goto('/settings/members');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.screenshot(shot('login-error'));
});

test('tenant isolation in the UI: one company never sees the other', async ({ page }) => {
  await signIn(page);
  await page.goto('/settings/members');
  await expect(page.getByRole('main')).not.toContainText(owner.email);
  await expect(page.getByRole('main')).not.toContainText(crew.email);
});
