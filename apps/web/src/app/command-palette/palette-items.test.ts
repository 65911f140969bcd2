import type { FeatureFlagKey, Permission } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { matchCommands, paletteCommands, recordItems, visiblePages } from './palette-items';

const held = (...p: Permission[]) => new Set<Permission>(p);
const none = new Set<FeatureFlagKey>();

describe('palette items', () => {
  it('"New …" needs the view and create permissions and the feature; pages follow the navigation', () => {
    const labels = paletteCommands(held('leads.view', 'leads.create', 'deals.create'), none).map(
      (c) => `${c.group}:${c.label}:${c.path}`,
    );
    expect(labels).toContain('Create:New lead:/leads?new=1');
    expect(labels.some((l) => l.includes('New deal'))).toBe(false);
    expect(labels).toContain('Go to:Leads:/leads');
    expect(labels).toContain('Go to:Dashboard:/');
    // Not built yet (coming soon) → not offered.
    expect(labels.some((l) => l.includes('Projects'))).toBe(false);
    const crmOff = paletteCommands(held('leads.view', 'leads.create'), new Set<FeatureFlagKey>(['crm']));
    expect(crmOff.map((c) => c.label)).not.toContain('New lead');
    expect(crmOff.map((c) => c.label)).not.toContain('Leads');
  });

  it('matches every typed word in the label ("go to" included), case-insensitively', () => {
    const commands = paletteCommands(held('leads.view', 'leads.create', 'settings.manage'), none);
    expect(matchCommands(commands, 'NEW  lead').map((c) => c.label)).toEqual(['New lead']);
    expect(matchCommands(commands, 'go comp').map((c) => c.label)).toEqual(['Company']);
    expect(matchCommands(commands, '')).toHaveLength(commands.length);
  });

  it('keeps only hits whose page the member may open', () => {
    const pages = visiblePages(held('leads.view'), none);
    const items = recordItems(
      {
        groups: [
          {
            type: 'lead',
            label: 'Leads',
            hasMore: false,
            hits: [{ id: 'a', type: 'lead', title: 'Ada', subtitle: null, url: '/leads/a' }],
          },
          {
            type: 'deal',
            label: 'Deals',
            hasMore: false,
            hits: [{ id: 'b', type: 'deal', title: 'Big', subtitle: null, url: '/deals/b' }],
          },
        ],
      },
      pages,
    );
    expect(items.map((i) => [i.group, i.label, i.path])).toEqual([['Leads', 'Ada', '/leads/a']]);
    expect(recordItems(undefined, pages)).toEqual([]);
  });
});
