import { sql } from 'drizzle-orm';
import { scopeCondition } from '../../../platform/access/index.ts';
import type { TimelineSource } from '../../../platform/records/index.ts';
import { salesDocuments } from './documents.tables.ts';

const LINKS: Record<string, string> = { companyId: 'company_id', contactId: 'contact_id', dealId: 'deal_id' };

/**
 * Sent quotes and invoices on the timeline of their company, contact and deal ("Invoice INV-2026-00012
 * sent"): for callers who may see them (view permission and record scope). No amounts.
 */
export const documentTimeline: TimelineSource = {
  kind: 'document',
  select: (ctx, { key, id }) => {
    const column = LINKS[key];
    if (!column) return null;
    const visible = (
      kind: 'quote' | 'invoice',
      permission: 'quotes.view' | 'invoices.view',
      resource: 'quotes' | 'invoices',
    ) =>
      ctx.auth.permissions.has(permission)
        ? sql`(sales_documents.kind = ${kind} and ${scopeCondition(ctx.auth, resource, salesDocuments.ownerId) ?? sql`true`})`
        : sql`false`;
    const d = sql.raw('sales_documents');
    return sql`select 'document' as kind, ${d}.id::text as id, ${d}.sent_at as at,
        (case ${d}.kind when 'quote' then 'Quote ' else 'Invoice ' end) || coalesce(${d}.number, '') || ' sent' as title,
        ${d}.customer_name as detail, ${d}.owner_id as actor_id,
        jsonb_build_object('documentKind', ${d}.kind, 'number', ${d}.number, 'status', ${d}.status) as data,
        null::text as via_type, null::text as via_id
      from ${d}
      where ${d}.tenant_id = ${ctx.tenantId} and ${d}.${sql.raw(column)} = ${id} and ${d}.sent_at is not null
        and (${visible('quote', 'quotes.view', 'quotes')} or ${visible('invoice', 'invoices.view', 'invoices')})`;
  },
};
