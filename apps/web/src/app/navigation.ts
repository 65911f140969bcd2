import type { Permission } from '@tessera/contracts';

export interface NavItem {
  /** Absolute client route, e.g. `/leads`. */
  path: string;
  label: string;
  /** One line shown on the module's placeholder page and on the dashboard. */
  description: string;
  /** Not built yet: the route renders the generic "coming soon" page. */
  comingSoon?: boolean;
  /** Shown (and openable) only with this permission. */
  permission?: Permission;
  /** Shown when the user holds at least one of these (e.g. Settings: any settings page). */
  anyOf?: readonly Permission[];
}

export interface NavSection {
  /** Group heading in the sidebar; `null` for top-level entries. */
  title: string | null;
  items: NavItem[];
}

const live = (path: string, label: string, description: string, permission: Permission): NavItem => ({
  path,
  label,
  description,
  permission,
});

const soon = (path: string, label: string, description: string, permission: Permission): NavItem => ({
  path,
  label,
  description,
  permission,
  comingSoon: true,
});

/** The settings sub-navigation (`/settings/...`), each page behind its permission. */
export const settingsNavigation: NavItem[] = [
  {
    path: '/settings/members',
    label: 'Members',
    description: 'People in your company, invitations and imports.',
    permission: 'members.view',
  },
  {
    path: '/settings/roles',
    label: 'Roles',
    description: 'What each role may see and do.',
    permission: 'roles.view',
  },
  {
    path: '/settings/teams',
    label: 'Teams',
    description: 'Groups of members that share records.',
    permission: 'teams.view',
  },
  {
    path: '/settings/pipelines',
    label: 'Pipelines',
    description: 'Deal pipelines, their stages and probabilities.',
    permission: 'pipelines.manage',
  },
  {
    path: '/settings/api-keys',
    label: 'API keys',
    description: 'Keys for integrations and scripts.',
    permission: 'api_keys.manage',
  },
  {
    path: '/settings/webhooks',
    label: 'Webhooks',
    description: 'Send events to your systems; delivery log and replay.',
    permission: 'webhooks.manage',
  },
  {
    path: '/settings/audit-log',
    label: 'Audit log',
    description: 'Who changed what, and when.',
    permission: 'audit.view',
  },
  {
    path: '/settings/tax-rates',
    label: 'Tax rates',
    description: 'Tax rates of quotes and invoices; the default rate.',
    permission: 'products.view',
  },
  {
    path: '/settings/commission-rules',
    label: 'Commission rules',
    description: 'What agents earn on paid invoices: rates by agent or role, categories, tiers.',
    permission: 'commissions.manage',
  },
  {
    path: '/settings/portal',
    label: 'Customer portal',
    description: 'Who sees which company in the customer portal; grant and revoke access.',
    permission: 'portal.manage',
  },
  {
    path: '/settings/availability',
    label: 'Availability',
    description: 'Agents: time zone, working hours, breaks, days off, territories, skills.',
    permission: 'availability.manage',
  },
  {
    path: '/settings/appointment-types',
    label: 'Appointment types',
    description: 'Durations, buffers, notice, places and who takes each kind of appointment.',
    permission: 'booking.manage',
  },
  {
    path: '/settings/jobs',
    label: 'Jobs',
    description: 'Background queues, failed jobs and retries.',
    permission: 'settings.manage',
  },
  {
    path: '/settings/company',
    label: 'Company',
    description: 'Name, logo, colours, currency, locale, time zone, tax defaults, fiscal year.',
    permission: 'settings.manage',
  },
  {
    path: '/settings/features',
    label: 'Features',
    description: 'Turn modules on or off for the company or for some roles.',
    permission: 'settings.manage',
  },
  {
    path: '/settings/hubs',
    label: 'Hubs',
    description: 'What each role sees first: navigation, quick actions, dashboard.',
    permission: 'settings.manage',
  },
];

export const navigation: NavSection[] = [
  { title: null, items: [{ path: '/', label: 'Dashboard', description: 'Overview of your workspace.' }] },
  {
    title: 'CRM',
    items: [
      live('/leads', 'Leads', 'Capture, qualify and convert incoming leads.', 'leads.view'),
      live('/contacts', 'Contacts', 'Everyone you work with, in one place.', 'contacts.view'),
      live('/companies', 'Companies', 'Organisations, their people and their history.', 'companies.view'),
      live('/deals', 'Deals', 'Track opportunities through your pipeline.', 'deals.view'),
    ],
  },
  {
    title: 'Sales',
    items: [
      live('/quotes', 'Quotes', 'Build quotes and send them for approval.', 'quotes.view'),
      live('/invoices', 'Invoices', 'Invoice customers and follow up on payments.', 'invoices.view'),
      live(
        '/recurring-invoices',
        'Recurring invoices',
        'Invoices made on a schedule from a template.',
        'recurring_invoices.view',
      ),
      live('/products', 'Products', 'Products and services with prices and tax rates.', 'products.view'),
      live(
        '/commissions',
        'Commissions',
        'Commission earned on paid invoices, per agent.',
        'commissions.view',
      ),
    ],
  },
  {
    title: 'Work',
    items: [
      live('/projects', 'Projects', 'Plan and deliver work for your customers.', 'projects.view'),
      live('/tasks', 'Tasks', 'Assign, schedule and complete tasks.', 'tasks.view'),
      live('/timesheet', 'Timesheet', 'Book your hours on projects, week by week.', 'timesheets.create'),
      live('/expenses', 'Expenses', 'Costs spent on projects, approved and reimbursed.', 'expenses.view'),
      live('/approvals', 'Approvals', 'Weeks and expenses waiting for your decision.', 'timesheets.approve'),
    ],
  },
  {
    title: null,
    items: [
      live('/scheduling', 'Scheduling', 'Calendars, appointments and availability.', 'appointments.view'),
      live('/my-day', 'My day', 'Today’s appointments, on your phone.', 'appointments.view'),
    ],
  },
  {
    title: 'Field',
    items: [
      live('/jobs', 'Jobs', 'On-site jobs from booking to sign-off.', 'jobs.view'),
      live('/dispatch', 'Dispatch', 'Assign technicians and plan routes.', 'jobs.dispatch'),
      live('/my-jobs', 'My jobs', 'Today’s jobs of your crew, on your phone.', 'jobs.work'),
      live('/canvassing', 'Record a visit', 'Door-to-door: outcome, lead, appointment.', 'visits.create'),
      live(
        '/territories',
        'Territories',
        'Door-to-door territories and their visits map.',
        'territories.view',
      ),
      live(
        '/canvassing/stats',
        'Canvassing stats',
        'Doors, contacts, appointments and sales per agent and day.',
        'visits.view',
      ),
    ],
  },
  {
    title: null,
    items: [
      live('/documents', 'Documents', 'Every file attached to the records you can see.', 'documents.view'),
      live('/reports', 'Reports', 'Reports, CSV exports and report e-mails.', 'reports.view'),
      {
        path: '/settings',
        label: 'Settings',
        description: 'Members, roles, teams, API keys and the audit log.',
        anyOf: settingsNavigation.flatMap((item) => (item.permission ? [item.permission] : [])),
      },
      {
        path: '/status',
        label: 'System status',
        description: 'Health of the API, database and background jobs.',
      },
    ],
  },
];

export const navItems: NavItem[] = navigation.flatMap((section) => section.items);
export const comingSoonItems: NavItem[] = navItems.filter((item) => item.comingSoon);

/** True when `held` allows opening `item`. */
export function canSee(item: NavItem, held: ReadonlySet<Permission>): boolean {
  if (item.permission && !held.has(item.permission)) return false;
  if (item.anyOf && !item.anyOf.some((permission) => held.has(permission))) return false;
  return true;
}

/** The navigation the user may see: items they lack the permission for are dropped, then empty sections. */
export function filterNavigation(
  sections: readonly NavSection[],
  held: ReadonlySet<Permission>,
): NavSection[] {
  return sections
    .map((section) => ({ ...section, items: section.items.filter((item) => canSee(item, held)) }))
    .filter((section) => section.items.length > 0);
}
