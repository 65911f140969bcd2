import type { Permission } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertCanAssignRole,
  assertCanChangeMember,
  assertCanGrant,
  assertNotLastOwner,
  type Grantor,
} from './access-rules.ts';

const grantor = (permissions: Permission[], isOwner = false): Grantor => ({
  userId: 'me',
  permissions: new Set(permissions),
  isOwner,
});

describe('access rules', () => {
  it('grants only what the grantor holds, naming what is missing', () => {
    expect(() => assertCanGrant(grantor(['leads.view']), ['leads.view'])).not.toThrow();
    expect(() =>
      assertCanGrant(grantor(['leads.view']), ['leads.view', 'leads.delete', 'audit.view']),
    ).toThrow(/audit.view, leads.delete/);
  });

  it('the owner role is assigned by owners only', () => {
    const all = ['leads.view'] as Permission[];
    expect(() => assertCanAssignRole(grantor(all), { key: 'owner', permissions: [] })).toThrow(
      /Only an owner/,
    );
    expect(() => assertCanAssignRole(grantor(all, true), { key: 'owner', permissions: all })).not.toThrow();
  });

  it('nobody changes their own access; non-owners do not touch owners', () => {
    expect(() =>
      assertCanChangeMember(grantor([]), { userId: 'me', roleKey: 'sales' }, { access: true }),
    ).toThrow(/your own/);
    expect(() =>
      assertCanChangeMember(grantor([]), { userId: 'me', roleKey: 'sales' }, { access: false }),
    ).not.toThrow();
    expect(() =>
      assertCanChangeMember(grantor([]), { userId: 'x', roleKey: 'owner' }, { access: true }),
    ).toThrow(/Only an owner/);
  });

  it('keeps the last active owner', () => {
    expect(() => assertNotLastOwner(1, { roleKey: 'owner', status: 'active' }, true)).toThrow(/last owner/);
    expect(() => assertNotLastOwner(2, { roleKey: 'owner', status: 'active' }, true)).not.toThrow();
    expect(() => assertNotLastOwner(1, { roleKey: 'owner', status: 'active' }, false)).not.toThrow();
    expect(() => assertNotLastOwner(1, { roleKey: 'sales', status: 'active' }, true)).not.toThrow();
  });
});
