import { randomBytes } from 'node:crypto';
import {
  FIRST_NAMES,
  type GenerateCounts,
  generateCrmData,
  LAST_NAMES,
  type TableResult,
} from '../modules/crm/index.ts';
import { activeMemberUserIds, type IdentityDeps, signup } from '../modules/identity/index.ts';
import { generateSalesData } from '../modules/sales/index.ts';
import type { Database } from '../platform/db/index.ts';
import { makeMembers } from './factories.ts';

export type { GenerateCounts, TableResult };

/*
 * Bulk data for `npm run db:generate`, the bench and the query-plan test. Each module generates its own rows
 * (the CRM's: generateCrmData, exported from crm/index.ts); this file only picks the owners and makes tenants.
 */

export interface GenerateOptions {
  /** Rows per INSERT (and per transaction). Default 100 000. */
  batchSize?: number;
  /** Owners to spread rows over; default: the tenant's active members. */
  ownerIds?: readonly string[];
  /** Newest created_at; rows are spread over the two years before it. Default now. */
  end?: Date;
  onBatch?: (progress: { table: string; done: number; total: number; elapsedMs: number }) => void;
}

/**
 * Fills a tenant with `counts` rows per CRM table (see generateCrmData), owned by `ownerIds` or else by the
 * tenant's active members.
 */
export const generateData = async (
  database: Database,
  tenantId: string,
  counts: GenerateCounts,
  options: GenerateOptions = {},
): Promise<TableResult[]> => {
  const ownerIds = options.ownerIds ?? (await activeMemberUserIds(database, tenantId));
  if (ownerIds.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  return generateCrmData(database, { ...options, tenantId, counts, ownerIds });
};

export interface SalesCounts {
  products?: number;
  quotes?: number;
  invoices?: number;
}

/**
 * Fills a tenant with sales rows (see generateSalesData: products, quotes and invoices with lines and payments),
 * owned by `ownerIds` or else by the tenant's active members. `batchSize` documents per transaction.
 */
export const generateSales = async (
  database: Database,
  tenantId: string,
  counts: SalesCounts,
  options: GenerateOptions = {},
): Promise<TableResult[]> => {
  const ownerIds = options.ownerIds ?? (await activeMemberUserIds(database, tenantId));
  return generateSalesData(database, {
    tenantId,
    counts,
    ownerIds,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  });
};

export interface GeneratedTenant {
  tenantId: string;
  ownerId: string;
  email: string;
  password: string;
  memberIds: string[];
}

/**
 * A new tenant for generated data: signed up like any company (system roles, default pipeline, settings),
 * plus a manager and `agents` sales agents so that owners vary. All share the printed random password.
 */
export const createGeneratedTenant = async (
  deps: IdentityDeps,
  options: { name?: string; agents?: number } = {},
): Promise<GeneratedTenant> => {
  const suffix = randomBytes(4).toString('hex');
  const password = `gen-${randomBytes(9).toString('base64url')}`;
  const email = `owner.${suffix}@generated.tessera.test`;
  const { tenantId, userId } = await signup(
    deps,
    { tenantName: options.name ?? `Generated ${suffix}`, name: 'Gen Owner', email, password },
    { ip: null, userAgent: 'db:generate', requestId: 'db-generate' },
  );
  const people = [
    { email: `manager.${suffix}@generated.tessera.test`, name: 'Gen Manager', password, roleKey: 'manager' },
    ...Array.from({ length: options.agents ?? 5 }, (_, i) => ({
      email: `agent${i + 1}.${suffix}@generated.tessera.test`,
      name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`,
      password,
      roleKey: 'sales',
    })),
  ];
  const memberIds = await makeMembers(deps.database, tenantId, people);
  return { tenantId, ownerId: userId, email, password, memberIds: [userId, ...memberIds] };
};
