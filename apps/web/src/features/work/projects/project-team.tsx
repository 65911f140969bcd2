import { type Assignment, assignmentCreateInput, type Project } from '@tessera/contracts';
import { useState } from 'react';
import { type RecordFieldSpec, RecordFormDialog } from '../../../components/records/record-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { DataTable } from '../../../components/ui/data-table';
import type { SelectOption } from '../../../components/ui/form-field';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { type FormValues, optional } from '../../../lib/records/form-values';
import { assignmentRecords, useAssignments } from '../api/projects';

const day = (value: string) => formatDate(`${value}T00:00`);
const number = (value: unknown) => {
  const text = optional(value);
  return text === undefined ? undefined : Number(text.replace(',', '.'));
};
const today = () => new Date().toISOString().slice(0, 10);

/** The project's team: members with role, allocation and period; over-allocation warnings from the API. */
export function ProjectTeam({
  project,
  members,
  personName,
}: {
  project: Project;
  members: readonly SelectOption[];
  personName: (id: string) => string;
}) {
  const team = useAssignments(project.id);
  const canManage = usePermission('projects.manage');
  const create = assignmentRecords.useCreate();
  const archive = assignmentRecords.useArchive();
  const [adding, setAdding] = useState(false);
  const [warnings, setWarnings] = useState<Assignment['warnings']>([]);
  const fields: RecordFieldSpec[] = [
    {
      name: 'userId',
      label: 'Member',
      kind: 'select',
      options: [{ value: '', label: 'Pick a member…' }, ...members],
      autoFocus: true,
    },
    { name: 'role', label: 'Role', placeholder: 'Site manager' },
    { name: 'allocationPercent', label: 'Allocation (%)', kind: 'number', hint: 'Or hours per week below' },
    { name: 'hoursPerWeek', label: 'Hours per week', kind: 'number' },
    { name: 'startDate', label: 'From', kind: 'date' },
    { name: 'endDate', label: 'To', kind: 'date' },
  ];
  const shown = [...(team.data ?? []).flatMap((a) => a.warnings), ...warnings];
  const unique = [...new Map(shown.map((w) => [w.userId, w])).values()];
  return (
    <Card>
      <CardHeader
        title="Team"
        description="Allocation is a share of the member’s working week, or hours per week."
        actions={
          canManage ? (
            <Button size="sm" onClick={() => setAdding(true)}>
              Add member
            </Button>
          ) : null
        }
      />
      {unique.length > 0 ? (
        <div className="px-4 pb-3">
          <Alert tone="warning" title="Over-allocated" data-testid="team-warning">
            {unique.map((w) => `${personName(w.userId)}: ${w.percent} % from ${day(w.from)}`).join('; ')}.
            This is a warning: the assignment is saved.
          </Alert>
        </div>
      ) : null}
      <DataTable<Assignment>
        label="Team"
        rows={team.data}
        isLoading={team.isPending}
        error={team.error}
        onRetry={() => void team.refetch()}
        rowKey={(a) => a.id}
        empty="Nobody is assigned yet."
        data-testid="team"
        columns={[
          {
            key: 'member',
            header: 'Member',
            cell: (a) => <span className="font-medium">{personName(a.userId)}</span>,
          },
          { key: 'role', header: 'Role', cell: (a) => a.role ?? '—' },
          {
            key: 'allocation',
            header: 'Allocation',
            className: 'tabular-nums',
            cell: (a) =>
              a.allocationPercent !== null ? `${a.allocationPercent} %` : `${a.hoursPerWeek} h / week`,
          },
          { key: 'period', header: 'Period', cell: (a) => `${day(a.startDate)} – ${day(a.endDate)}` },
          ...(canManage
            ? [
                {
                  key: 'remove',
                  header: <span className="sr-only">Remove</span>,
                  cell: (a: Assignment) => (
                    <ConfirmButton
                      label="Remove"
                      title={`Remove ${personName(a.userId)} from the project?`}
                      action={{ isPending: archive.isPending, error: archive.error, reset: archive.reset }}
                      onConfirm={(done) => archive.mutate({ id: a.id, archived: true }, { onSuccess: done })}
                    >
                      Their booked time stays on the project.
                    </ConfirmButton>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RecordFormDialog
        open={adding}
        title="Add member"
        schema={assignmentCreateInput}
        initialValues={{
          userId: '',
          role: '',
          allocationPercent: '50',
          hoursPerWeek: '',
          startDate: project.startDate && project.startDate > today() ? project.startDate : today(),
          endDate: project.endDate ?? '',
        }}
        fields={fields}
        toInput={(v: FormValues) => {
          const hoursPerWeek = number(v.hoursPerWeek);
          return {
            projectId: project.id,
            userId: v.userId,
            role: optional(v.role),
            ...(hoursPerWeek !== undefined
              ? { hoursPerWeek }
              : { allocationPercent: number(v.allocationPercent) }),
            startDate: v.startDate,
            endDate: v.endDate,
          };
        }}
        submitLabel="Add to team"
        onCancel={() => setAdding(false)}
        onSubmit={async (input) => {
          const added = await create.mutateAsync(input);
          setWarnings(added.warnings);
          setAdding(false);
        }}
      />
    </Card>
  );
}
