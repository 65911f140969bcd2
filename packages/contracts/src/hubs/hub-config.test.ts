import { describe, expect, it } from 'vitest';
import { roleTemplates } from '../access/role-templates.ts';
import { baseHubConfig, roleHubConfigs } from './hub-base.ts';
import { deepMerge, hubConfigSchema, visibleHub } from './hub-config.ts';

describe('hub configs', () => {
  it('every role template has a role layer, and base → role is a valid config', () => {
    for (const template of roleTemplates) {
      const layer = roleHubConfigs[template.key];
      expect(layer, template.key).toBeDefined();
      const parsed = hubConfigSchema.safeParse(deepMerge(baseHubConfig, layer));
      expect(parsed.success, `${template.key}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('merges objects key by key, replaces arrays and values, removes with null, ignores __proto__', () => {
    const merged = deepMerge(
      { a: { b: 1, c: 2 }, list: [1, 2], keep: true },
      JSON.parse('{"a":{"c":3},"list":[9],"keep":null,"__proto__":{"polluted":1}}'),
    );
    expect(merged).toEqual({ a: { b: 1, c: 3 }, list: [9] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses widgets that do not fit, duplicate ids, links out of the app and unknown keys', () => {
    const base = hubConfigSchema.parse(deepMerge(baseHubConfig, roleHubConfigs.sales));
    const bad = (over: object) => hubConfigSchema.safeParse(deepMerge(base, over)).success;
    const widget = base.dashboard.widgets[0];
    expect(bad({ dashboard: { widgets: [{ ...widget, area: { x: 8, y: 0, w: 6, h: 1 } }] } })).toBe(false);
    expect(bad({ dashboard: { widgets: [widget, widget] } })).toBe(false);
    expect(bad({ navigation: { items: [{ id: 'x', label: 'X', path: '//evil.test' }] } })).toBe(false);
    expect(bad({ navigation: { items: [{ id: 'x', label: 'X', path: 'https://evil.test' }] } })).toBe(false);
    expect(bad({ metadata: { colour: 'red' } })).toBe(false);
    expect(bad({ dashboard: { widgets: [{ ...widget, type: 'iframe' }] } })).toBe(false);
    expect(bad({ metadata: { displayName: 'Sellers' } })).toBe(true);
  });

  it('hides entries by permission, by feature off, and by the hub’s own features', () => {
    const config = hubConfigSchema.parse(deepMerge(baseHubConfig, roleHubConfigs.owner));
    const shown = visibleHub(config, new Set(['leads.view', 'tasks.view']), new Set(['reporting']));
    expect(shown.navigation.items.map((i) => i.id)).toEqual(['dashboard', 'leads', 'tasks']);
    expect(shown.dashboard.widgets.map((w) => w.id)).toEqual(['recent-leads', 'my-tasks']);
    const noCrm = visibleHub({ ...config, features: { crm: false } }, new Set(['leads.view']), new Set());
    expect(noCrm.navigation.items.map((i) => i.id)).toEqual(['dashboard']);
  });
});
