import type { Permission } from '@tessera/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { filterNavigation, navigation } from './navigation';
import { Sidebar } from './sidebar';

const labels = (held: Permission[]) =>
  filterNavigation(navigation, new Set(held)).flatMap((section) => section.items.map((item) => item.label));

describe('navigation filtering', () => {
  it('keeps only the modules the permissions allow (and always the dashboard and status)', () => {
    expect(labels([])).toEqual(['Dashboard', 'System status']);
    expect(labels(['leads.view', 'deals.view'])).toEqual(['Dashboard', 'Leads', 'Deals', 'System status']);
  });

  it('shows Settings when any settings page is allowed', () => {
    expect(labels(['audit.view'])).toContain('Settings');
    expect(labels(['api_keys.manage'])).toContain('Settings');
    expect(labels(['leads.create'])).not.toContain('Settings');
  });

  it('drops section headings that end up empty', () => {
    const sections = filterNavigation(navigation, new Set<Permission>(['quotes.view']));
    expect(sections.map((section) => section.title)).toEqual([null, 'Sales', null]);
  });

  it('renders only the allowed links in the sidebar', () => {
    renderWithProviders(<Sidebar />, { me: makeMe(['contacts.view', 'members.view']) });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['Dashboard', 'Contacts', 'Settings', 'System status']);
  });
});
