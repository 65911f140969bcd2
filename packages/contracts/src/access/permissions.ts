/**
 * The permission catalog: every `resource.action` a route can require. Roles are sets of these keys.
 * Adding a key here is the only way to create a permission.
 */
export const permissionCatalog = {
  // Administration
  'settings.manage': 'Change company settings (currency, numbering, branding)',
  'members.view': 'See the members of the company',
  'members.manage': 'Invite, change the role of, disable and remove members',
  'roles.view': 'See roles and their permissions',
  'roles.manage': 'Create, change and delete roles',
  'teams.view': 'See teams',
  'teams.manage': 'Create, change and delete teams and their members',
  'api_keys.manage': 'Create and revoke API keys',
  'audit.view': 'Read the audit log',
  'webhooks.manage': 'Manage outgoing webhooks',
  // CRM
  'leads.view': 'See leads',
  'leads.create': 'Create leads',
  'leads.update': 'Change leads, their status and owner',
  'leads.delete': 'Archive and delete leads',
  'leads.import': 'Import leads from CSV',
  'leads.export': 'Export leads to CSV',
  'contacts.view': 'See contacts',
  'contacts.create': 'Create contacts',
  'contacts.update': 'Change contacts',
  'contacts.delete': 'Archive and delete contacts',
  'contacts.import': 'Import contacts from CSV',
  'contacts.export': 'Export contacts to CSV',
  'companies.view': 'See companies',
  'companies.create': 'Create companies',
  'companies.update': 'Change companies',
  'companies.delete': 'Archive and delete companies',
  'companies.import': 'Import companies from CSV',
  'companies.export': 'Export companies to CSV',
  'deals.view': 'See deals and pipelines',
  'deals.create': 'Create deals',
  'deals.update': 'Change deals and move them between stages',
  'deals.delete': 'Archive and delete deals',
  'pipelines.manage': 'Create and change pipelines and their stages',
  'activities.view': 'See calls, meetings, e-mails and notes',
  'activities.create': 'Log activities',
  'activities.update': 'Change activities',
  'activities.delete': 'Delete activities',
  'tasks.view': 'See tasks',
  'tasks.create': 'Create tasks',
  'tasks.update': 'Change and complete tasks',
  'tasks.delete': 'Delete tasks',
  // Sales
  'products.view': 'See products and prices',
  'products.manage': 'Create and change products, categories and tax rates',
  'quotes.view': 'See quotes',
  'quotes.manage': 'Create and change quotes',
  'quotes.send': 'Send quotes to customers',
  'invoices.view': 'See invoices',
  'invoices.manage': 'Create and change invoices',
  'invoices.send': 'Send invoices to customers',
  'invoices.void': 'Void invoices',
  'payments.view': 'See payments',
  'payments.create': 'Record payments',
  'commissions.view': 'See sales commissions',
  // Work
  'projects.view': 'See projects',
  'projects.manage': 'Create and change projects and milestones',
  'timesheets.view': 'See timesheets',
  'timesheets.manage': 'Record and approve timesheets',
  'expenses.view': 'See expenses',
  'expenses.manage': 'Record and approve expenses',
  'timesheets.create': 'Book your own time and submit your own weeks',
  'timesheets.approve': 'Approve or reject submitted timesheet weeks',
  'expenses.create': 'Record your own expenses and submit them',
  'expenses.approve': 'Approve or reject submitted expenses and mark them reimbursed',
  // Scheduling and field
  'appointments.view': 'See calendars and appointments',
  'appointments.manage': 'Book and change appointments',
  'jobs.view': 'See jobs and work orders',
  'jobs.manage': 'Create and change jobs',
  'jobs.dispatch': 'Assign jobs to crews on the dispatch board',
  'crews.view': 'See crews',
  'crews.manage': 'Create and change crews',
  'canvassing.manage': 'Manage territories and door-to-door visits',
  'inventory.manage': 'Manage stock and delivery notes',
  // Documents and reports
  'documents.view': 'See attached files',
  'documents.manage': 'Upload, version and delete files',
  'reports.view': 'See reports and dashboards',
  'reports.export': 'Export reports',
  // Field-level visibility
  'fields.money.view': 'See money fields (amounts, values, prices) on records',
} as const;

export type Permission = keyof typeof permissionCatalog;
export const permissions = Object.keys(permissionCatalog) as [Permission, ...Permission[]];
export const isPermission = (value: string): value is Permission => value in permissionCatalog;

/** Resources whose records have an owner and can be limited to own / team / all. */
export const scopedResources = [
  'leads',
  'contacts',
  'companies',
  'deals',
  'activities',
  'tasks',
  'quotes',
  'invoices',
  'projects',
  'appointments',
  'jobs',
] as const;
export type ScopedResource = (typeof scopedResources)[number];
export const recordScopes = ['own', 'team', 'all'] as const;
export type RecordScope = (typeof recordScopes)[number];

/** Fields hidden from a role that lacks `fields.<group>.view`. */
export const fieldGroups = {
  money: {
    permission: 'fields.money.view',
    fields: [
      'amount',
      'amountCents',
      'estimatedValueCents',
      'valueCents',
      'priceCents',
      'totalCents',
      'subtotalCents',
      'taxCents',
      'balanceCents',
      'unitPriceCents',
      'commissionCents',
      'costPerLeadCents',
      'budgetCents',
      'defaultRateCents',
      'roleRates',
      'rateCents',
      'costCents',
      'expensesCents',
      'forecastCents',
    ],
  },
} as const satisfies Record<string, { permission: Permission; fields: readonly string[] }>;
