import type {
  Company,
  CompanyCreateInput,
  companyListQuery,
  companyUpdateInput,
  listQuery,
} from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { listContactsIn } from '../contacts/contacts.service.ts';
import { listDealsIn } from '../deals/deals.service.ts';
import { type CompanyRow, companyColumns, companyDef, companyListSpec, toCompany } from './company-record.ts';

type ListQuery = z.output<typeof companyListQuery>;

/** A keyset page of companies the caller may see (filters, sort, q, total on request). */
export const listCompanies = (ctx: AuthedContext, query: ListQuery) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<CompanyRow>(
      t,
      companyListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      companyColumns,
    );
    return { items: rows.map((r) => toCompany(ctx, r)), pagination };
  });

/** One company the caller may see, or 404. */
export const getCompany = (ctx: AuthedContext, id: string): Promise<Company> =>
  kit.inTenant(ctx, async (t) => toCompany(ctx, await kit.findRecord<CompanyRow>(t, ctx, companyDef, id)));

/** Creates a company; the owner defaults to its creator. */
export const createCompany = (ctx: AuthedContext, input: CompanyCreateInput): Promise<Company> =>
  kit.inTenant(ctx, async (t) => {
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await kit.assertReferences(t, ctx, { ownerId });
    const row = await kit.insertRecord<CompanyRow>(t, ctx, companyDef, {
      ...input,
      ownerId,
      tags: kit.uniqueTags(input.tags) ?? [],
    });
    return toCompany(ctx, row);
  });

/** Changes a company when `version` matches (stale → 409 with the current one); audited. */
export const updateCompany = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof companyUpdateInput>,
): Promise<Company> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    await kit.assertReferences(t, ctx, { ownerId: patch.ownerId });
    const { after } = await kit.updateRecord<CompanyRow>(t, ctx, companyDef, {
      id,
      version,
      patch: { ...patch, tags: kit.uniqueTags(patch.tags) },
      toDto: (r) => toCompany(ctx, r),
    });
    return toCompany(ctx, after);
  });

/** Archives or restores a company (optionally version-checked); audited. */
export const archiveCompany = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Company> =>
  kit.inTenant(ctx, async (t) => {
    const { after } = await kit.setArchived<CompanyRow>(t, ctx, companyDef, {
      id,
      archived,
      version,
      toDto: (r) => toCompany(ctx, r),
    });
    return toCompany(ctx, after);
  });

/** Deletes a company (its activities and tasks go with it); one still used by contacts or deals is a 409. */
export const deleteCompany = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, companyDef, id));

type PageQuery = z.output<typeof listQuery>;

/** The contacts of a company the caller can see (needs contacts.view; contacts' own scope applies). */
export const listCompanyContacts = (ctx: AuthedContext, id: string, query: PageQuery) =>
  kit.inTenant(ctx, async (t) => {
    kit.requirePermission(ctx, 'contacts.view');
    await kit.findRecord(t, ctx, companyDef, id);
    return listContactsIn(t, ctx, { ...query, sort: 'lastName', archived: 'exclude', companyId: id });
  });

/** The deals of a company the caller can see, latest change first (needs deals.view; deals' scope applies). */
export const listCompanyDeals = (ctx: AuthedContext, id: string, query: PageQuery) =>
  kit.inTenant(ctx, async (t) => {
    kit.requirePermission(ctx, 'deals.view');
    await kit.findRecord(t, ctx, companyDef, id);
    return listDealsIn(t, ctx, { ...query, sort: '-updatedAt', archived: 'exclude', companyId: id });
  });
