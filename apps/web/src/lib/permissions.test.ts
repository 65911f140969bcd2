import { roleTemplates } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { isPortalOnly } from './permissions';

describe('isPortalOnly', () => {
  it('is true for the customer role only', () => {
    const portalOnly = roleTemplates.filter((r) => isPortalOnly(r.permissions)).map((r) => r.key);
    expect(portalOnly).toEqual(['customer']);
  });
  it('needs portal.view; any staff permission makes it false', () => {
    expect(isPortalOnly(['portal.view', 'portal.respond', 'fields.money.view'])).toBe(true);
    expect(isPortalOnly(['portal.respond', 'fields.money.view'])).toBe(false);
    expect(isPortalOnly(['portal.view', 'quotes.view'])).toBe(false);
    expect(isPortalOnly(new Set(['portal.view'] as const))).toBe(true);
    expect(isPortalOnly([])).toBe(false);
  });
});
