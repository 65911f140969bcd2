import type { Permission } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { hiddenFields, redactFields } from './field-visibility.ts';
import { effectivePermissions, type Principal } from './principal.ts';
import { inScope, scopeFor } from './record-scope.ts';

const principal = (
  permissions: Permission[],
  scopes: Principal['scopes'] = {},
  userId: string | null = 'u1',
): Principal => ({
  kind: 'session',
  tenantId: 't1',
  userId,
  viaCookie: false,
  csrfValid: false,
  permissions: new Set(permissions),
  scopes,
});

describe('effective permissions', () => {
  it('is role ∪ grants − denials (a denial beats a grant)', () => {
    const p = effectivePermissions(
      ['leads.view', 'leads.create'],
      ['deals.view', 'leads.delete'],
      ['leads.create', 'leads.delete'],
    );
    expect([...p].sort()).toEqual(['deals.view', 'leads.view']);
  });
});

describe('record scope', () => {
  it('defaults to all; own sees only own records; team adds team mates', () => {
    const mates = new Set(['u2']);
    expect(scopeFor(principal([]), 'leads')).toBe('all');
    expect(inScope(principal([]), 'leads', 'anyone', mates)).toBe(true);
    const own = principal([], { leads: 'own' });
    expect(inScope(own, 'leads', 'u1', mates)).toBe(true);
    expect(inScope(own, 'leads', 'u2', mates)).toBe(false);
    expect(inScope(own, 'leads', null, mates)).toBe(false);
    const team = principal([], { leads: 'team' });
    expect(inScope(team, 'leads', 'u2', mates)).toBe(true);
    expect(inScope(team, 'leads', 'u3', mates)).toBe(false);
    expect(inScope(principal([], { leads: 'own' }, null), 'leads', 'u1', mates)).toBe(false);
  });
});

describe('field hiding', () => {
  it('removes money fields without fields.money.view and keeps them with it', () => {
    const deal = { id: 'd1', title: 'Roof', amountCents: 120000, currency: 'EUR' };
    expect(redactFields(principal(['deals.view']), deal)).toEqual({
      id: 'd1',
      title: 'Roof',
      currency: 'EUR',
    });
    expect(redactFields(principal(['deals.view', 'fields.money.view']), deal)).toEqual(deal);
    expect(hiddenFields(principal([])).has('totalCents')).toBe(true);
  });
});
