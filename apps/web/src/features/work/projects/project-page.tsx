import { projectUpdateInput } from '@tessera/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { DetailLayout } from '../../../components/records/detail-layout';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordFormDialog } from '../../../components/records/record-form';
import { RecordLink } from '../../../components/records/record-link';
import { RecordTimeline } from '../../../components/records/record-timeline';
import { useCompanyOptions, withCurrentOption } from '../../../components/records/use-company-options';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { cn } from '../../../lib/cn';
import { formatDate } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { projectRecords } from '../api/projects';
import { InvoiceTimeDialog } from './invoice-time-dialog';
import { ProjectExpenses, ProjectTime } from './project-activity';
import { ProjectBoard } from './project-board';
import { ProjectBudget } from './project-budget';
import { projectFields, projectValues, toProjectInput } from './project-fields';
import { ProjectMilestones } from './project-milestones';
import { ProjectTeam } from './project-team';
import { projectStatusTone } from './projects-page';

const TABS = [
  { key: 'overview', label: 'Overview' },
  { key: 'tasks', label: 'Tasks' },
  { key: 'milestones', label: 'Milestones' },
  { key: 'team', label: 'Team' },
  { key: 'time', label: 'Time' },
  { key: 'expenses', label: 'Expenses' },
  { key: 'timeline', label: 'History' },
] as const;
type Tab = (typeof TABS)[number]['key'];
const day = (value: string | null) => (value ? formatDate(`${value}T00:00`) : '—');

/** `/projects/:id?tab=`: facts and edit; tabs for the budget overview, milestones, team, time, expenses and the timeline. */
export function ProjectPage({ directory }: { directory: PeopleDirectory }) {
  const { id = '' } = useParams();
  const me = useSession();
  const [search, setSearch] = useSearchParams();
  const project = projectRecords.useRecord(id);
  const update = projectRecords.useUpdate();
  const canManage = usePermission('projects.manage');
  const canSeeMoney = usePermission('fields.money.view');
  const canTime = usePermission('timesheets.view');
  const canExpenses = usePermission('expenses.view');
  const canTasks = usePermission('tasks.view');
  const canInvoice = usePermission('invoices.manage');
  const [editing, setEditing] = useState(false);
  const [invoicing, setInvoicing] = useState(false);
  const companies = useCompanyOptions(editing);
  const p = project.data;
  useDocumentTitle(p?.name ?? 'Project');
  const members = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const name = (userId: string) => ownerLabel(directory, me.user.id, userId);
  const allowed: Partial<Record<Tab, boolean>> = { time: canTime, expenses: canExpenses, tasks: canTasks };
  const tabs = TABS.filter((t) => allowed[t.key] ?? true);
  const requested = search.get('tab');
  const tab: Tab = tabs.find((t) => t.key === requested)?.key ?? 'overview';
  const fields = projectFields({
    managers: members,
    companies: companies.options && withCurrentOption(companies.options, p?.companyId, null),
    canSeeMoney,
  });
  const panels: Record<Tab, () => ReactNode> = {
    overview: () => (p ? <ProjectBudget project={p} personName={name} /> : null),
    tasks: () => <ProjectBoard projectId={id} members={members} personName={name} />,
    milestones: () => <ProjectMilestones projectId={id} currency={p?.currency ?? 'USD'} />,
    team: () => (p ? <ProjectTeam project={p} members={members} personName={name} /> : null),
    time: () => <ProjectTime projectId={id} personName={name} />,
    expenses: () => <ProjectExpenses projectId={id} personName={name} />,
    timeline: () => <RecordTimeline type="project" id={id} actorName={name} />,
  };
  return (
    <>
      <DetailLayout
        back={{ to: '/projects', label: 'Projects' }}
        noun="project"
        isLoading={project.isPending}
        error={project.error}
        onRetry={() => void project.refetch()}
        title={p?.name}
        meta={
          p ? (
            <>
              <span className="font-mono text-xs">{p.code}</span>
              <Badge tone={projectStatusTone(p.status)} data-testid="project-status">
                {humanize(p.status)}
              </Badge>
              <span>Manager: {p.managerId ? name(p.managerId) : '—'}</span>
            </>
          ) : null
        }
        actions={
          p && (canManage || canInvoice) ? (
            <>
              {canInvoice ? (
                <Button variant="secondary" onClick={() => setInvoicing(true)}>
                  Invoice billable work
                </Button>
              ) : null}
              {canManage ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
            </>
          ) : null
        }
        fields={
          p
            ? [
                {
                  label: 'Client',
                  value: p.companyId ? (
                    <RecordLink type="company" id={p.companyId}>
                      Open client
                    </RecordLink>
                  ) : (
                    '—'
                  ),
                },
                {
                  label: 'Dates',
                  value: p.startDate || p.endDate ? `${day(p.startDate)} – ${day(p.endDate)}` : '—',
                },
                { label: 'Billing', value: humanize(p.billingMode) },
                { label: 'Budget', value: p.budgetHours === null ? '—' : `${p.budgetHours} h` },
                ...(canSeeMoney
                  ? [
                      { label: 'Budget (money)', value: formatMoney(p.budgetCents, p.currency) },
                      { label: 'Hourly rate', value: formatMoney(p.defaultRateCents, p.currency) },
                    ]
                  : []),
                { label: 'Description', value: p.description ?? '—' },
              ]
            : undefined
        }
      >
        <div className="space-y-4">
          <div
            role="tablist"
            aria-label="Project"
            className="flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
          >
            {tabs.map((t) => (
              <button
                key={t.key}
                type="button"
                role="tab"
                aria-selected={tab === t.key}
                className={cn(
                  '-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium',
                  tab === t.key
                    ? 'border-indigo-600 text-indigo-700 dark:text-indigo-300'
                    : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400',
                )}
                onClick={() =>
                  setSearch(
                    (current) => {
                      const next = new URLSearchParams(current);
                      next.set('tab', t.key);
                      return next;
                    },
                    { replace: true },
                  )
                }
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={tabs.find((t) => t.key === tab)?.label}>
            {panels[tab]()}
          </div>
        </div>
      </DetailLayout>
      {p && canInvoice ? (
        <InvoiceTimeDialog project={p} open={invoicing} onClose={() => setInvoicing(false)} />
      ) : null}
      {p ? (
        <RecordFormDialog
          key={p.version}
          open={editing}
          title="Edit project"
          schema={projectUpdateInput}
          initialValues={projectValues(p)}
          fields={fields}
          toInput={(values) => ({ ...toProjectInput(values, fields), version: p.version })}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          conflict={{ what: 'This project', onReload: () => void project.refetch() }}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id });
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
