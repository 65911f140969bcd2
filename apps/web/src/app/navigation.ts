export interface NavItem {
  /** Absolute client route, e.g. `/leads`. */
  path: string;
  label: string;
  /** One line shown on the module's placeholder page and on the dashboard. */
  description: string;
  /** Not built yet: the route renders the generic "coming soon" page. */
  comingSoon?: boolean;
}

export interface NavSection {
  /** Group heading in the sidebar; `null` for top-level entries. */
  title: string | null;
  items: NavItem[];
}

const soon = (path: string, label: string, description: string): NavItem => ({
  path,
  label,
  description,
  comingSoon: true,
});

export const navigation: NavSection[] = [
  { title: null, items: [{ path: '/', label: 'Dashboard', description: 'Overview of your workspace.' }] },
  {
    title: 'CRM',
    items: [
      soon('/leads', 'Leads', 'Capture, qualify and convert incoming leads.'),
      soon('/contacts', 'Contacts', 'Everyone you work with, in one place.'),
      soon('/companies', 'Companies', 'Organisations, their people and their history.'),
      soon('/deals', 'Deals', 'Track opportunities through your pipeline.'),
    ],
  },
  {
    title: 'Sales',
    items: [
      soon('/quotes', 'Quotes', 'Build quotes and send them for approval.'),
      soon('/invoices', 'Invoices', 'Invoice customers and follow up on payments.'),
    ],
  },
  {
    title: 'Work',
    items: [
      soon('/projects', 'Projects', 'Plan and deliver work for your customers.'),
      soon('/tasks', 'Tasks', 'Assign, schedule and complete tasks.'),
    ],
  },
  { title: null, items: [soon('/scheduling', 'Scheduling', 'Calendars, appointments and availability.')] },
  {
    title: 'Field',
    items: [
      soon('/jobs', 'Jobs', 'On-site jobs from booking to sign-off.'),
      soon('/dispatch', 'Dispatch', 'Assign technicians and plan routes.'),
    ],
  },
  {
    title: null,
    items: [
      soon('/documents', 'Documents', 'Files, templates and signatures.'),
      soon('/reports', 'Reports', 'Dashboards and exports across every module.'),
      soon('/settings', 'Settings', 'Workspace, users, roles and integrations.'),
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
