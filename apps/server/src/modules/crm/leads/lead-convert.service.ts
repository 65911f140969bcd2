import type { LeadConvertResult, Permission } from '@tessera/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { assertWritableFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { companies } from '../companies/companies.tables.ts';
import { type CompanyRow, companyDef, toCompany } from '../companies/company-record.ts';
import { type ContactRow, contactDef, toContact } from '../contacts/contact-record.ts';
import { contacts } from '../contacts/contacts.tables.ts';
import { leadChanged } from '../crm-events.ts';
import { type DealRow, dealDef, toDeal } from '../deals/deal-record.ts';
import { pipelineEntry } from '../pipelines/default-pipeline.ts';
import { type LeadRow, leadDef, toLead } from './lead-record.ts';

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'proton.me',
  'protonmail.com',
]);
const domainOf = (email: string | null) => {
  const domain = email?.split('@')[1]?.toLowerCase();
  return domain && !FREE_MAIL.has(domain) ? domain : null;
};

/**
 * Lead → contact + company + deal in one transaction: reuses the company with the same name or e-mail domain
 * (within what the caller may see)
 * and the contact with the same e-mail, else creates them; then marks the lead won and links it. Any failure
 * rolls everything back.
 */
type ConvertInput = {
  createDeal: boolean;
  dealTitle?: string;
  pipelineId?: string;
  amountCents?: number;
  version?: number;
};

/**
 * Converts a lead into a contact, a company and (optionally) a deal. Besides `leads.update` (the route), the
 * caller must be allowed to create what the conversion creates, and to write the fields it sends.
 */
export const convertLead = (
  ctx: AuthedContext,
  id: string,
  input: ConvertInput,
): Promise<LeadConvertResult> => {
  const needs: Permission[] = [
    'contacts.create',
    'companies.create',
    ...(input.createDeal ? (['deals.create'] as const) : []),
  ];
  for (const needed of needs) {
    if (!ctx.auth.permissions.has(needed))
      throw new AppError('FORBIDDEN', `You need the "${needed}" permission to convert`);
  }
  assertWritableFields(ctx.auth, input);
  return convertIn(ctx, id, input);
};

const convertIn = (ctx: AuthedContext, id: string, input: ConvertInput): Promise<LeadConvertResult> =>
  kit.inTenant(ctx, async (tx) => {
    const lead = await kit.findRecord<LeadRow>(tx, ctx, leadDef, id, true);
    if (input.version !== undefined && lead.version !== input.version)
      throw kit.conflict('Lead', toLead(ctx, lead));
    if (lead.convertedAt) throw new AppError('CONFLICT', 'This lead was already converted');
    if (lead.status === 'lost')
      throw new AppError('CONFLICT', 'A lost lead cannot be converted; reopen it first');
    const owner = lead.ownerId ?? ctx.userId;
    const domain = domainOf(lead.email);

    let company: CompanyRow | null = null;
    if (lead.companyName || domain) {
      const match = lead.companyName
        ? eq(companies.nameKey, lead.companyName.trim().toLowerCase())
        : eq(companies.domain, domain as string);
      [company = null] = (await tx
        .select()
        .from(companies)
        .where(
          and(
            eq(companies.tenantId, ctx.tenantId),
            isNull(companies.archivedAt),
            match,
            kit.scopeWhere(ctx, companyDef),
          ),
        )
        .limit(1)) as CompanyRow[];
      company ??= await kit.insertRecord<CompanyRow>(tx, ctx, companyDef, {
        name: lead.companyName ?? domain,
        domain,
        ownerId: owner,
        tags: lead.tags,
      });
    }

    let [contact] = lead.email
      ? ((await tx
          .select()
          .from(contacts)
          .where(
            and(
              eq(contacts.tenantId, ctx.tenantId),
              eq(contacts.email, lead.email),
              isNull(contacts.archivedAt),
              kit.scopeWhere(ctx, contactDef),
            ),
          )
          .limit(1)) as ContactRow[])
      : [];
    contact ??= await kit.insertRecord<ContactRow>(tx, ctx, contactDef, {
      firstName: lead.firstName,
      lastName: lead.lastName,
      email: lead.email,
      phone: lead.phone,
      companyId: company?.id ?? null,
      ownerId: owner,
      tags: lead.tags,
    });

    let deal: DealRow | null = null;
    if (input.createDeal) {
      const { pipeline, stage } = await pipelineEntry(tx, ctx.tenantId, input.pipelineId);
      deal = await kit.insertRecord<DealRow>(tx, ctx, dealDef, {
        title: input.dealTitle ?? `${lead.companyName ?? `${lead.firstName} ${lead.lastName}`}`,
        companyId: company?.id ?? null,
        contactId: contact.id,
        pipelineId: pipeline.id,
        stageId: stage.id,
        amountCents: input.amountCents ?? lead.estimatedValueCents ?? 0,
        currency: lead.currency,
        ownerId: owner,
        leadId: lead.id,
        tags: lead.tags,
      });
    }

    const { after } = await kit
      .updateRecord<LeadRow>(tx, ctx, leadDef, {
        id: lead.id,
        version: undefined,
        patch: {
          status: 'won',
          convertedAt: sql`now()`,
          convertedContactId: contact.id,
          convertedCompanyId: company?.id ?? null,
          convertedDealId: deal?.id ?? null,
        },
        toDto: (r) => toLead(ctx, r),
        action: 'converted',
      })
      .then(leadChanged(tx, ctx));
    return {
      lead: toLead(ctx, after),
      contact: toContact(ctx, contact, company?.name ?? null),
      company: company ? toCompany(ctx, company) : null,
      deal: deal ? toDeal(ctx, deal) : null,
    };
  });
