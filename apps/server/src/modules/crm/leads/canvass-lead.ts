import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { leadChanged, leadCreated } from '../crm-events.ts';
import { type LeadRow, leadDef } from './lead-record.ts';

/** What a door-to-door visit knows about the person it met. */
export interface CanvassLeadInput {
  /** The lead an earlier visit at this door made, if any: updated when the caller may see it. */
  leadId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** Where the door is (kept as the lead's company name line when nothing better is known). */
  address: string;
}

const splitName = (name: string | null, address: string) => {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: 'Resident', lastName: address.slice(0, 120) };
  if (parts.length === 1) return { firstName: parts[0] as string, lastName: '(d2d)' };
  return {
    firstName: parts.slice(0, -1).join(' ').slice(0, 120),
    lastName: (parts.at(-1) as string).slice(0, 120),
  };
};

/**
 * Creates (or updates) the lead of a door-to-door visit, source `d2d`, owned by the agent, in the caller's
 * transaction (the visit and its lead commit together). Needs `leads.create`; emits the lead events.
 */
export const upsertCanvassLead = async (
  tx: Tx,
  ctx: AuthedContext,
  input: CanvassLeadInput,
): Promise<string> => {
  kit.requirePermission(ctx, 'leads.create');
  if (input.leadId) {
    const existing = await kit.findRecord<LeadRow>(tx, ctx, leadDef, input.leadId).catch(() => undefined);
    if (existing) {
      const patch: Record<string, unknown> = {};
      if (input.phone && !existing.phone) patch.phone = input.phone;
      if (input.email && !existing.email) patch.email = input.email;
      if (Object.keys(patch).length > 0)
        await kit
          .updateRecord<LeadRow>(tx, ctx, leadDef, {
            id: existing.id,
            version: undefined,
            patch,
            toDto: (r) => r,
          })
          .then(leadChanged(tx, ctx));
      return existing.id;
    }
  }
  const row = await kit
    .insertRecord<LeadRow>(tx, ctx, leadDef, {
      ...splitName(input.name, input.address),
      phone: input.phone,
      email: input.email,
      companyName: input.address.slice(0, 200),
      source: 'd2d',
      ownerId: ctx.userId,
      tags: ['d2d'],
    })
    .then(leadCreated(tx, ctx));
  return row.id;
};
