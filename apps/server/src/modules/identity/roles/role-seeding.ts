import { roleTemplates } from '@tessera/contracts';
import type { Tx } from '../../../platform/db/index.ts';
import { roles } from '../tables.ts';

/** Creates the system roles of PRODUCT.md for a new tenant. Returns them by template key. */
export const seedSystemRoles = async (tx: Tx, tenantId: string) => {
  const rows = await tx
    .insert(roles)
    .values(
      roleTemplates.map((t) => ({
        tenantId,
        key: t.key,
        name: t.name,
        description: t.description,
        permissions: [...t.permissions],
        scopes: { ...t.scopes } as Record<string, string>,
        isSystem: true,
      })),
    )
    .returning();
  return new Map(rows.map((r) => [r.key as string, r]));
};
