import type { Permission, RelatedRef } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import type { RouteObject } from 'react-router';
import { personOptions } from '../components/records/person-options';
import { usePipelines } from '../features/crm-deals/api/list-pipelines';
import { useSession } from '../hooks/use-me';
import { usePermission } from '../hooks/use-permission';
import { lazyComponent } from './lazy-page';
import './record-types'; // registers the CRM record types (task links, timelines)
import './record-panels'; // registers the panels of every record page (files)
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

// Each CRM page is its own chunk; so are the record actions (dialogs) and the import wizard, which render
// nothing until loaded.
const LeadsPage = lazyComponent(() =>
  import('../features/crm-leads/components/leads-page').then((m) => m.LeadsPage),
);
const LeadDetailPage = lazyComponent(() =>
  import('../features/crm-leads/components/lead-detail-page').then((m) => m.LeadDetailPage),
);
const ContactsPage = lazyComponent(() =>
  import('../features/crm-contacts/components/contacts-page').then((m) => m.ContactsPage),
);
const ContactDetailPage = lazyComponent(() =>
  import('../features/crm-contacts/components/contact-detail-page').then((m) => m.ContactDetailPage),
);
const CompaniesPage = lazyComponent(() =>
  import('../features/crm-companies/components/companies-page').then((m) => m.CompaniesPage),
);
const CompanyDetailPage = lazyComponent(() =>
  import('../features/crm-companies/components/company-detail-page').then((m) => m.CompanyDetailPage),
);
const DealsPage = lazyComponent(() =>
  import('../features/crm-deals/components/deals-page').then((m) => m.DealsPage),
);
const DealDetailPage = lazyComponent(() =>
  import('../features/crm-deals/components/deal-detail-page').then((m) => m.DealDetailPage),
);
const TasksPage = lazyComponent(() =>
  import('../features/crm-tasks/components/tasks-page').then((m) => m.TasksPage),
);
const ImportButton = lazyComponent(
  () => import('../features/crm-import/components/import-button').then((m) => m.ImportButton),
  null,
);
const LogActivityButton = lazyComponent(
  () => import('../features/crm-activities/components/log-activity-button').then((m) => m.LogActivityButton),
  null,
);
const AddTaskButton = lazyComponent(
  () => import('../features/crm-tasks/components/add-task-button').then((m) => m.AddTaskButton),
  null,
);
const InvitePortalButton = lazyComponent(
  () => import('../features/portal/components/invite-portal-button').then((m) => m.InvitePortalButton),
  null,
);
const NewJobButton = lazyComponent(
  () => import('../features/field-jobs/components/job-form').then((m) => m.NewJobButton),
  null,
);
const NewDealButton = lazyComponent(
  () => import('../features/crm-deals/components/new-deal-dialog').then((m) => m.NewDealButton),
  null,
);

/** "Me" first, then the other members (when the user may list them). */
function useAssignees() {
  const directory = usePeopleDirectory();
  const me = useSession();
  return useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
}

/**
 * The quick actions of a record page: "Log a call" (activities), "Add a task" (tasks) and, on a company or
 * contact, "New deal" for it (deals); on a company, contact or deal "New job" for it (jobs.manage, the field
 * module); on a contact "Invite to portal" (portal.manage, the customer portal).
 */
function RecordActions({ related }: { related: RelatedRef }) {
  const canLog = usePermission('activities.create');
  const canTask = usePermission('tasks.create');
  const canDeal = usePermission('deals.create');
  const canInvite = usePermission('portal.manage');
  const canJob = usePermission('jobs.manage');
  const me = useSession();
  const assignees = useAssignees();
  const dealFor =
    related.type === 'company'
      ? { companyId: related.id }
      : related.type === 'contact'
        ? { contactId: related.id }
        : null;
  const jobFor = dealFor ?? (related.type === 'deal' ? { dealId: related.id } : null);
  return (
    <>
      {canLog ? <LogActivityButton related={related} /> : null}
      {canTask ? <AddTaskButton related={related} assignees={assignees} /> : null}
      {canDeal && dealFor ? <NewDealButton preset={dealFor} owners={assignees} myId={me.user.id} /> : null}
      {canJob && jobFor ? <NewJobButton preset={jobFor} /> : null}
      {canInvite && related.type === 'contact' ? <InvitePortalButton contactId={related.id} /> : null}
    </>
  );
}

const recordActions = (related: RelatedRef) => <RecordActions related={related} />;

function LeadDetailRoute() {
  // Pipelines (from the deals area) for the convert dialog; without deals.view the server picks the default.
  const pipelines = usePipelines({ enabled: usePermission('deals.view') });
  return (
    <LeadDetailPage
      directory={usePeopleDirectory()}
      pipelines={pipelines.data}
      recordActions={recordActions}
    />
  );
}

const LeadsRoute = () => (
  <LeadsPage directory={usePeopleDirectory()} importAction={<ImportButton entity="leads" />} />
);
const ContactsRoute = () => (
  <ContactsPage directory={usePeopleDirectory()} importAction={<ImportButton entity="contacts" />} />
);
const CompaniesRoute = () => (
  <CompaniesPage directory={usePeopleDirectory()} importAction={<ImportButton entity="companies" />} />
);
const ContactDetailRoute = () => (
  <ContactDetailPage directory={usePeopleDirectory()} recordActions={recordActions} />
);
const CompanyDetailRoute = () => (
  <CompanyDetailPage directory={usePeopleDirectory()} recordActions={recordActions} />
);
const DealsRoute = () => <DealsPage directory={usePeopleDirectory()} />;
const DealDetailRoute = () => (
  <DealDetailPage directory={usePeopleDirectory()} recordActions={recordActions} />
);
const TasksRoute = () => <TasksPage assignees={useAssignees()} />;

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The CRM pages, each behind the permission of its navigation entry. */
export const crmRoutes: RouteObject[] = [
  guarded('leads', 'leads.view', <LeadsRoute />),
  guarded('leads/:id', 'leads.view', <LeadDetailRoute />),
  guarded('contacts', 'contacts.view', <ContactsRoute />),
  guarded('contacts/:id', 'contacts.view', <ContactDetailRoute />),
  guarded('companies', 'companies.view', <CompaniesRoute />),
  guarded('companies/:id', 'companies.view', <CompanyDetailRoute />),
  guarded('deals', 'deals.view', <DealsRoute />),
  guarded('deals/:id', 'deals.view', <DealDetailRoute />),
  guarded('tasks', 'tasks.view', <TasksRoute />),
];
