import type { Permission, RelatedRef, RelatedType } from '@tessera/contracts';
import { type AnyColumn, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { companyDef } from '../companies/company-record.ts';
import { contactDef } from '../contacts/contact-record.ts';
import { dealDef } from '../deals/deal-record.ts';
import { leadDef } from '../leads/lead-record.ts';
import { findRecord, type RecordDef } from './record-ops.ts';

const RELATED: Record<RelatedType, { def: RecordDef; view: Permission; key: RelatedKey }> = {
  lead: { def: leadDef, view: 'leads.view', key: 'leadId' },
  contact: { def: contactDef, view: 'contacts.view', key: 'contactId' },
  company: { def: companyDef, view: 'companies.view', key: 'companyId' },
  deal: { def: dealDef, view: 'deals.view', key: 'dealId' },
};
type RelatedKey = 'leadId' | 'contactId' | 'companyId' | 'dealId';
type RelatedCols = Record<RelatedKey, string | null>;

/**
 * The record an activity or task is linked to must exist in the tenant and be one the caller may see (its
 * view permission and record scope); anything else is a 404 naming `related.id`, before anything is written.
 */
export const assertRelatedVisible = async (tx: Tx, ctx: AuthedContext, ref: RelatedRef) => {
  const { def, view } = RELATED[ref.type];
  const missing = () =>
    new AppError('NOT_FOUND', `${def.label} not found`, {
      details: [{ path: 'body.related.id', message: 'Not found' }],
    });
  if (!ctx.auth.permissions.has(view)) throw missing();
  await findRecord(tx, ctx, def, ref.id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? missing() : err;
  });
};

/** The four link columns for a reference (all null for none). */
export const relatedColumns = (ref: RelatedRef | null | undefined): RelatedCols => ({
  leadId: ref?.type === 'lead' ? ref.id : null,
  contactId: ref?.type === 'contact' ? ref.id : null,
  companyId: ref?.type === 'company' ? ref.id : null,
  dealId: ref?.type === 'deal' ? ref.id : null,
});

/** The reference a row's link columns hold, or null. */
export const relatedOf = (row: RelatedCols): RelatedRef | null => {
  for (const [type, { key }] of Object.entries(RELATED) as [RelatedType, { key: RelatedKey }][]) {
    const id = row[key];
    if (id) return { type, id };
  }
  return null;
};

/** A list filter on the link: a type alone means "linked to some record of that type". */
export const relatedFilter = (
  columns: Record<RelatedKey, AnyColumn>,
  type: RelatedType | undefined,
  id: string | undefined,
): SQL | undefined => {
  if (id && !type)
    throw new AppError('VALIDATION_ERROR', 'Give relatedType with relatedId', {
      details: [{ path: 'querystring.relatedType', message: 'Required with relatedId' }],
    });
  if (!type) return undefined;
  const column = columns[RELATED[type].key];
  return id ? eq(column, id) : isNotNull(column);
};
