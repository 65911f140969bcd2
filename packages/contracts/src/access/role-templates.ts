import { type Permission, permissions, type RecordScope, type ScopedResource } from './permissions.ts';

export interface RoleTemplate {
  key: string;
  name: string;
  description: string;
  permissions: readonly Permission[];
  /** Record scope per resource; resources not listed default to `all`. */
  scopes: Partial<Record<ScopedResource, RecordScope>>;
}

const all = permissions;
const pick = (...prefixes: string[]): Permission[] =>
  all.filter((p) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}.`)));
const viewOnly = (...resources: string[]): Permission[] =>
  resources.map((r) => `${r}.view` as Permission).filter((p) => all.includes(p));

const crmWork = pick('leads', 'contacts', 'companies', 'deals', 'activities', 'tasks');

/** The system roles every new tenant gets (PRODUCT.md "Who uses it"). `owner` is special: it can never be removed from the last owner. */
export const roleTemplates: readonly RoleTemplate[] = [
  {
    key: 'owner',
    name: 'Owner',
    description: 'Runs the company account: everything, including billing settings.',
    permissions: all,
    scopes: {},
  },
  {
    key: 'admin',
    name: 'Admin',
    description: 'Everything: users, roles, settings, audit log.',
    permissions: all,
    scopes: {},
  },
  {
    key: 'manager',
    name: 'Manager',
    description: 'Leads a team or branch: everything of their team, reports.',
    permissions: [
      ...crmWork,
      'pipelines.manage',
      ...pick(
        'quotes',
        'invoices',
        'payments',
        'products',
        'projects',
        'timesheets',
        'expenses',
        'appointments',
        'availability',
        'booking',
        'jobs',
        'crews',
        'documents',
        'reports',
        'commissions',
        'recurring_invoices',
        'delivery_notes',
      ),
      ...pick('territories', 'visits'),
      'members.view',
      'teams.view',
      'roles.view',
      'fields.money.view',
    ],
    scopes: {
      leads: 'team',
      contacts: 'team',
      companies: 'team',
      deals: 'team',
      activities: 'team',
      tasks: 'team',
      quotes: 'team',
      invoices: 'team',
      projects: 'team',
      appointments: 'team',
      jobs: 'team',
    },
  },
  {
    key: 'sales',
    name: 'Sales agent',
    description: 'Works leads, deals, appointments and quotes: own records.',
    permissions: [
      ...pick('leads', 'contacts', 'companies', 'deals', 'activities', 'tasks', 'appointments').filter(
        (p) => !p.endsWith('.import') && !p.endsWith('.delete'),
      ),
      'quotes.view',
      'quotes.manage',
      'quotes.send',
      'products.view',
      'documents.view',
      'documents.manage',
      'commissions.view',
      'fields.money.view',
      'members.view',
      // Their own numbers on the sales hub's KPI widgets (record scope own applies to every figure).
      'reports.view',
    ],
    scopes: {
      leads: 'own',
      contacts: 'own',
      companies: 'own',
      deals: 'own',
      activities: 'own',
      tasks: 'own',
      quotes: 'own',
      appointments: 'own',
    },
  },
  {
    key: 'marketing',
    name: 'Marketing',
    description: 'Campaigns, lead sources and vendors, imports; leads and reports.',
    permissions: [
      ...pick('leads'),
      ...viewOnly('contacts', 'companies', 'deals'),
      'reports.view',
      'reports.export',
      'members.view',
    ],
    scopes: {},
  },
  {
    key: 'dispatch',
    name: 'Dispatcher',
    description: 'Assigns jobs to crews and runs the dispatch board.',
    permissions: [
      ...pick('jobs', 'crews', 'appointments'),
      'availability.manage',
      ...pick('territories', 'visits'),
      ...viewOnly('contacts', 'companies', 'tasks', 'documents'),
      'timesheets.view',
      'members.view',
      'teams.view',
    ],
    scopes: {},
  },
  {
    key: 'hr',
    name: 'HR',
    description: 'People, teams, timesheets and expenses.',
    permissions: [
      'members.view',
      'members.manage',
      'teams.view',
      'teams.manage',
      ...pick('timesheets', 'expenses'),
      'roles.view',
    ],
    scopes: {},
  },
  {
    key: 'contractor',
    name: 'Contractor',
    description: 'An outside firm working the company’s jobs: their customers, centers and crews.',
    permissions: [
      'jobs.view',
      'jobs.manage',
      'jobs.work',
      'crews.view',
      'crews.manage',
      'contacts.view',
      'companies.view',
      'documents.view',
      'tasks.view',
      'tasks.update',
    ],
    scopes: { jobs: 'own', contacts: 'own', companies: 'own', tasks: 'own' },
  },
  {
    key: 'crew',
    name: 'Crew member',
    description: 'Field worker: their assigned jobs and tasks, their timesheets.',
    permissions: [
      'jobs.view',
      'jobs.work',
      'crews.view',
      'tasks.view',
      'tasks.update',
      'timesheets.view',
      'timesheets.create',
      'expenses.view',
      'expenses.create',
      'projects.view',
      'documents.view',
      // Completion photos on their jobs (documents module; only on records they can see).
      'documents.manage',
    ],
    scopes: { jobs: 'own', tasks: 'own' },
  },
  {
    key: 'customer',
    name: 'Customer',
    description:
      'The company’s client, in the customer portal: only their own company’s quotes, invoices and payments.',
    // Nothing generic (no quotes.view …): the portal routes filter by the member's portal access (ADR 0035).
    permissions: ['portal.view', 'portal.respond', 'fields.money.view'],
    scopes: {},
  },
  {
    key: 'canvasser',
    name: 'Canvasser',
    description: 'Door-to-door agent: their territories, their visits and the leads those make.',
    permissions: [
      'territories.view',
      'visits.view',
      'visits.create',
      'leads.view',
      'leads.create',
      // Booking at the door (appointment types, free slots, book; their own appointments only).
      'appointments.view',
      'appointments.manage',
      // Audio recordings and photos on their visits (documents module; only records they can see).
      'documents.view',
      'documents.manage',
    ],
    scopes: { leads: 'own', appointments: 'own' },
  },
  {
    key: 'warehouse',
    name: 'Warehouse',
    description: 'Stock and deliveries.',
    permissions: ['products.view', 'products.manage', 'inventory.manage', 'jobs.view'],
    scopes: {},
  },
];

export const OWNER_ROLE_KEY = 'owner';
