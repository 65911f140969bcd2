import type { AuthSession, Me, Permission } from '@tessera/contracts';
import { permissions as allPermissions } from '@tessera/contracts';

export const ids = {
  user: '11111111-1111-4111-8111-111111111111',
  tenant: '22222222-2222-4222-8222-222222222222',
  otherTenant: '33333333-3333-4333-8333-333333333333',
  role: '44444444-4444-4444-8444-444444444444',
  otherRole: '55555555-5555-4555-8555-555555555555',
} as const;

const createdAt = '2026-01-05T10:00:00.000Z';

export const user = {
  id: ids.user,
  email: 'ada@example.com',
  name: 'Ada Admin',
  totpEnabled: false,
  createdAt,
};

export const memberships: Me['memberships'] = [
  { tenantId: ids.tenant, tenantName: 'Acme Roofing', roleId: ids.role, roleName: 'Owner', status: 'active' },
  {
    tenantId: ids.otherTenant,
    tenantName: 'Beta Plumbing',
    roleId: ids.otherRole,
    roleName: 'Sales agent',
    status: 'active',
  },
];

/** `GET /auth/me` body; every permission unless narrowed. */
export function makeMe(permissions: readonly Permission[] = allPermissions, overrides: Partial<Me> = {}): Me {
  return {
    user,
    tenant: { id: ids.tenant, name: 'Acme Roofing' },
    role: { id: ids.role, name: 'Owner' },
    permissions: [...permissions],
    memberships,
    csrfToken: 'csrf-me',
    ...overrides,
  };
}

export function makeAuthSession(csrfToken = 'csrf-session'): AuthSession {
  return { user, tenant: { id: ids.tenant, name: 'Acme Roofing' }, memberships, csrfToken };
}

export function makeMember(n: number, overrides: Record<string, unknown> = {}) {
  const hex = String(n).padStart(12, '0');
  return {
    id: `77777777-7777-4777-8777-${hex}`,
    userId: n === 0 ? ids.user : `88888888-8888-4888-8888-${hex}`,
    name: n === 0 ? 'Ada Admin' : `Member ${n}`,
    email: n === 0 ? 'ada@example.com' : `member${n}@example.com`,
    roleId: n === 0 ? ids.role : ids.otherRole,
    roleName: n === 0 ? 'Owner' : 'Sales agent',
    status: 'active',
    grants: [],
    denials: [],
    createdAt: '2026-01-05T10:00:00.000Z',
    version: 3,
    ...overrides,
  };
}
