import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { leadChanged, leadCreated } from '../crm-events.ts';
import { type LeadRow, leadDef } from './lead-record.ts';
import { leads } from './leads.tables.ts';

/** Who booked an appointment on a public booking page. */
export interface BookingLeadInput {
  name: string;
  /** Lower-case (the contract normalises it); the match key. */
  email: string;
  phone: string;
  address?: string | null;
  /** The agent the booking went to: owner of a new lead. */
  ownerId: string | null;
}

const splitName = (name: string) => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return { firstName: (parts[0] ?? name).slice(0, 120), lastName: '(booking)' };
  return {
    firstName: parts.slice(0, -1).join(' ').slice(0, 120),
    lastName: (parts.at(-1) as string).slice(0, 120),
  };
};

/**
 * The lead of a public booking, in the caller's transaction: the tenant's most recent live lead with this
 * e-mail (a missing phone is filled in), else a new one with source `booking`, owned by the agent. Emits the
 * lead events; needs `leads.create`. Returns the lead's id and whether it was created.
 */
export const matchOrCreateBookingLead = async (
  tx: Tx,
  ctx: AuthedContext,
  input: BookingLeadInput,
): Promise<{ leadId: string; created: boolean }> => {
  kit.requirePermission(ctx, 'leads.create');
  const [match] = (await tx
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.tenantId, ctx.tenantId),
        sql`lower(${leads.email}) = ${input.email.toLowerCase()}`,
        isNull(leads.archivedAt),
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(1)) as LeadRow[];
  if (match) {
    if (!match.phone)
      await kit
        .updateRecord<LeadRow>(tx, ctx, leadDef, {
          id: match.id,
          version: undefined,
          patch: { phone: input.phone },
          toDto: (r) => r,
        })
        .then(leadChanged(tx, ctx));
    return { leadId: match.id, created: false };
  }
  const row = await kit
    .insertRecord<LeadRow>(tx, ctx, leadDef, {
      ...splitName(input.name),
      email: input.email,
      phone: input.phone,
      companyName: input.address ? input.address.slice(0, 200) : null,
      source: 'booking',
      ownerId: input.ownerId,
      tags: ['booking'],
    })
    .then(leadCreated(tx, ctx));
  return { leadId: row.id, created: true };
};
