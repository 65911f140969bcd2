import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { recordBase } from '../records.ts';
import { companyListQuery, companySchema } from './companies.ts';
import { contactListQuery, contactSchema } from './contacts.ts';
import { dealListQuery, dealSchema } from './deals.ts';
import { leadListQuery, leadSchema } from './leads.ts';

/** The lists a user can save views of. */
export const SAVED_VIEW_ENTITIES = ['leads', 'contacts', 'companies', 'deals'] as const;
export const savedViewEntity = z.enum(SAVED_VIEW_ENTITIES);
export type SavedViewEntity = z.infer<typeof savedViewEntity>;

/** What a view may store per list: that list's own query parameters (no cursor), each optional. */
export const savedViewQuerySchemas = {
  leads: leadListQuery.omit({ cursor: true }).partial(),
  contacts: contactListQuery.omit({ cursor: true }).partial(),
  companies: companyListQuery.omit({ cursor: true }).partial(),
  deals: dealListQuery.omit({ cursor: true }).partial(),
} as const satisfies Record<SavedViewEntity, z.ZodType>;

/** The columns a view may show: the fields of the list's records. */
export const savedViewColumnNames: Record<SavedViewEntity, readonly string[]> = {
  leads: Object.keys(leadSchema.shape),
  contacts: Object.keys(contactSchema.shape),
  companies: Object.keys(companySchema.shape),
  deals: Object.keys(dealSchema.shape),
};

const MAX_COLUMNS = 50;

/**
 * What is wrong with a view's query and columns for `entity` (empty when valid). The stored query is the
 * input as given (e.g. `{ status: 'new,qualified', sort: '-score' }`), so it can be replayed as a query string.
 */
export const savedViewIssues = (
  entity: SavedViewEntity,
  view: { query?: Record<string, unknown>; columns?: readonly string[] },
): { path: (string | number)[]; message: string }[] => {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (view.query) {
    const parsed = savedViewQuerySchemas[entity].safeParse(view.query);
    if (!parsed.success)
      for (const i of parsed.error.issues)
        issues.push({ path: ['query', ...(i.path as (string | number)[])], message: i.message });
  }
  const allowed = new Set(savedViewColumnNames[entity]);
  const seen = new Set<string>();
  view.columns?.forEach((c, n) => {
    if (!allowed.has(c)) issues.push({ path: ['columns', n], message: `Unknown column "${c}"` });
    else if (seen.has(c)) issues.push({ path: ['columns', n], message: `Column "${c}" appears twice` });
    seen.add(c);
  });
  return issues;
};

const viewName = z.string().trim().min(1, 'Required').max(100);
const viewQuery = z.record(z.string().max(50), z.unknown());
const viewColumns = z.array(z.string().max(64)).max(MAX_COLUMNS);

export const savedViewSchema = z.object({
  ...recordBase,
  userId: uuid,
  entity: savedViewEntity,
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewCreateInput = z
  .strictObject({
    entity: savedViewEntity,
    name: viewName,
    query: viewQuery,
    columns: viewColumns.default([]),
  })
  .superRefine((v, ctx) => {
    for (const issue of savedViewIssues(v.entity, v)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type SavedViewCreateInput = z.input<typeof savedViewCreateInput>;
/** The entity of a view never changes; query and columns are checked against it by the server. */
export const savedViewUpdateInput = z.strictObject({
  name: viewName.optional(),
  query: viewQuery.optional(),
  columns: viewColumns.optional(),
  version,
});
export type SavedViewUpdateInput = z.input<typeof savedViewUpdateInput>;
export const savedViewListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z.string().max(500).optional(),
  entity: savedViewEntity.optional(),
});
