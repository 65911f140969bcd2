import { sql } from 'drizzle-orm';
import * as kit from '../../platform/records/index.ts';
import { contacts } from './contacts/contacts.tables.ts';
import { deals } from './deals/deals.tables.ts';
import { leads } from './leads/leads.tables.ts';

/**
 * What a CRM record's timeline rolls up besides its own items: a company shows the calls and tasks of its
 * contacts, its deals and the leads converted into it; a contact those of its deals and of the lead it came
 * from; a deal those of the lead it came from. Converting a lead thus carries its history to the new records
 * without moving it (the lead keeps its own).
 */
export const registerCrmTimelineRollups = () => {
  kit.registerTimelineRollup('company', {
    from: 'contact',
    ids: (ctx, id) =>
      sql`select ${contacts.id} from ${contacts} where ${contacts.tenantId} = ${ctx.tenantId} and ${contacts.companyId} = ${id}`,
  });
  kit.registerTimelineRollup('company', {
    from: 'deal',
    ids: (ctx, id) =>
      sql`select ${deals.id} from ${deals} where ${deals.tenantId} = ${ctx.tenantId} and ${deals.companyId} = ${id}`,
  });
  kit.registerTimelineRollup('company', {
    from: 'lead',
    ids: (ctx, id) =>
      sql`select ${leads.id} from ${leads} where ${leads.tenantId} = ${ctx.tenantId} and ${leads.convertedCompanyId} = ${id}`,
  });
  kit.registerTimelineRollup('contact', {
    from: 'deal',
    ids: (ctx, id) =>
      sql`select ${deals.id} from ${deals} where ${deals.tenantId} = ${ctx.tenantId} and ${deals.contactId} = ${id}`,
  });
  kit.registerTimelineRollup('contact', {
    from: 'lead',
    ids: (ctx, id) =>
      sql`select ${leads.id} from ${leads} where ${leads.tenantId} = ${ctx.tenantId} and ${leads.convertedContactId} = ${id}`,
  });
  kit.registerTimelineRollup('deal', {
    from: 'lead',
    ids: (ctx, id) =>
      sql`select ${leads.id} from ${leads} where ${leads.tenantId} = ${ctx.tenantId} and ${leads.convertedDealId} = ${id}`,
  });
};
