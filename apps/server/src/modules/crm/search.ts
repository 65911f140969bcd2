import { sql } from 'drizzle-orm';
import * as kit from '../../platform/records/index.ts';
import { companies } from './companies/companies.tables.ts';
import { companyDef } from './companies/company-record.ts';
import { contactDef } from './contacts/contact-record.ts';
import { contacts } from './contacts/contacts.tables.ts';
import { dealDef } from './deals/deal-record.ts';
import { deals } from './deals/deals.tables.ts';
import { leadDef } from './leads/lead-record.ts';
import { leads } from './leads/leads.tables.ts';

/** How the global search (command palette) finds the CRM's records: their trigram-indexed `search_text`. */
export const registerCrmSearch = () => {
  kit.registerSearchable({
    type: 'lead',
    label: 'Leads',
    def: leadDef,
    view: 'leads.view',
    feature: 'crm',
    searchText: leads.searchText,
    title: sql<string>`${leads.firstName} || ' ' || ${leads.lastName}`,
    subtitle: sql<string | null>`coalesce(${leads.companyName}, ${leads.email})`,
    url: (id) => `/leads/${id}`,
    order: 10,
  });
  kit.registerSearchable({
    type: 'contact',
    label: 'Contacts',
    def: contactDef,
    view: 'contacts.view',
    feature: 'crm',
    searchText: contacts.searchText,
    title: sql<string>`${contacts.firstName} || ' ' || ${contacts.lastName}`,
    subtitle: sql<string | null>`coalesce(${contacts.email}, ${contacts.title})`,
    url: (id) => `/contacts/${id}`,
    order: 20,
  });
  kit.registerSearchable({
    type: 'company',
    label: 'Companies',
    def: companyDef,
    view: 'companies.view',
    feature: 'crm',
    searchText: companies.searchText,
    title: sql<string>`${companies.name}`,
    subtitle: sql<string | null>`coalesce(${companies.domain}, ${companies.city})`,
    url: (id) => `/companies/${id}`,
    order: 30,
  });
  kit.registerSearchable({
    type: 'deal',
    label: 'Deals',
    def: dealDef,
    view: 'deals.view',
    feature: 'crm',
    searchText: deals.searchText,
    title: sql<string>`${deals.title}`,
    url: (id) => `/deals/${id}`,
    order: 40,
  });
};
