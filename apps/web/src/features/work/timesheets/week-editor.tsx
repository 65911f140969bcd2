import { useQueries } from '@tanstack/react-query';
import type { Project, TimesheetWeek } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/form-field';
import { Spinner } from '../../../components/ui/spinner';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import { showToast } from '../../../stores/toast-store';
import { projectTasksQuery } from '../api/projects';
import { useWeekAction } from '../api/timesheets';
import { RejectDialog } from './reject-dialog';
import { addRow, type GridRow, gridProblems, rowLabel, toSaveRows } from './week-grid';
import { WeekGridTable } from './week-grid-table';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface WeekEditorProps {
  userId: string;
  week: TimesheetWeek;
  initialRows: GridRow[];
  projectName: (id: string) => string;
  projectChoices: readonly Project[];
  /** My own week with timesheets.create: rows can be added and typed into. */
  canEdit: boolean;
  empty: ReactNode;
}

/** The grid of one week with its actions: add a row (a project, or one of its tasks), save, submit; approve / reject for approvers. */
export function WeekEditor({
  userId,
  week,
  initialRows,
  projectName,
  projectChoices,
  canEdit,
  empty,
}: WeekEditorProps) {
  const [rows, setRows] = useState(initialRows);
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState('');
  const [addingTask, setAddingTask] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const action = useWeekAction(userId, week.weekStart);
  const canApprove = usePermission('timesheets.approve');
  const canTasks = usePermission('tasks.view');
  // Task titles of the rows' projects, and the tasks of the project being added (rows per project and task).
  const taskProjects = canTasks
    ? [...new Set([...rows.filter((r) => r.taskId).map((r) => r.projectId), ...(adding ? [adding] : [])])]
    : [];
  const taskLists = useQueries({ queries: taskProjects.map((id) => projectTasksQuery(id)) });
  const titles = new Map(taskLists.flatMap((q) => q.data ?? []).map((t) => [t.id, t.title]));
  const addingTasks = (taskLists[taskProjects.indexOf(adding)]?.data ?? []).filter(
    (t) => t.status === 'open' || t.status === 'in_progress',
  );
  const rowName = (row: GridRow) => rowLabel(row, projectName, (id) => titles.get(id));
  const locked = week.status === 'submitted' || week.status === 'approved';
  const editable = canEdit && !locked;
  const problems = gridProblems(rows);
  const blocked = problems.invalidCells > 0 || problems.daysOver.length > 0;

  const change = (r: number, day: number, value: string) => {
    setRows((current) =>
      current.map((row, i) =>
        i === r ? { ...row, cells: row.cells.map((cell, d) => (d === day ? value : cell)) } : row,
      ),
    );
    setDirty(true);
  };
  const remove = (r: number) => {
    setRows((current) => current.filter((_, i) => i !== r));
    setDirty(true);
  };
  const add = () => {
    const next = addRow(rows, adding, { taskId: addingTask || null });
    if (next) setRows(next);
    else showToast('That row is already in the grid', 'info');
    setAdding('');
    setAddingTask('');
  };
  const save = async () => {
    const saved = await action.mutateAsync({ kind: 'save', rows: toSaveRows(rows), version: week.version });
    setDirty(false);
    return saved;
  };
  const submit = async () => {
    const current = dirty ? await save() : week;
    await action.mutateAsync({ kind: 'submit', version: current.version });
    showToast('Week submitted for approval', 'success');
  };
  const run = (fn: () => Promise<unknown>) => () => void fn().catch(() => undefined);

  return (
    <div className="space-y-4">
      {week.status === 'rejected' ? (
        <Alert tone="danger" title="This week was sent back" data-testid="week-rejected">
          {week.reason ? `Reason: ${week.reason}. ` : ''}Correct it and submit it again.
        </Alert>
      ) : week.status === 'submitted' ? (
        <Alert tone="info" title="Waiting for approval">
          Submitted {formatDateTime(week.submittedAt)}; the entries are locked until a manager decides.
        </Alert>
      ) : week.status === 'approved' ? (
        <Alert tone="success" title="Approved">
          Approved {formatDateTime(week.decidedAt)}; the entries are locked.
        </Alert>
      ) : null}
      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Project"
            value={adding}
            onChange={(event) => {
              setAdding(event.target.value);
              setAddingTask('');
            }}
            options={[
              { value: '', label: 'Pick a project…' },
              ...projectChoices.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
            ]}
            fieldClassName="min-w-64"
          />
          {adding && addingTasks.length > 0 ? (
            <SelectField
              label="Task"
              value={addingTask}
              onChange={(event) => setAddingTask(event.target.value)}
              options={[
                { value: '', label: 'The whole project' },
                ...addingTasks.map((t) => ({ value: t.id, label: t.title })),
              ]}
              fieldClassName="min-w-48"
            />
          ) : null}
          <Button variant="secondary" disabled={!adding} onClick={add}>
            Add row
          </Button>
        </div>
      ) : null}
      {rows.length === 0 ? (
        empty
      ) : (
        <WeekGridTable
          weekStart={week.weekStart}
          rows={rows}
          rowName={rowName}
          locked={!editable}
          onChange={change}
          onRemove={remove}
        />
      )}
      {problems.invalidCells > 0 ? (
        <p className="text-sm text-red-600 dark:text-red-400">
          Hours are quarter steps between 0 and 24 (e.g. 7.5 or 7:30).
        </p>
      ) : null}
      {problems.daysOver.length > 0 ? (
        <p className="text-sm text-red-600 dark:text-red-400">
          More than 24 hours on {problems.daysOver.map((d) => DAY_NAMES[d]).join(', ')}.
        </p>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} title="This was not saved" /> : null}
      <div className="flex flex-wrap justify-end gap-2">
        {editable ? (
          <>
            <Button variant="secondary" disabled={!dirty || blocked || action.isPending} onClick={run(save)}>
              {action.isPending ? <Spinner /> : null}
              Save
            </Button>
            <Button disabled={blocked || action.isPending || rows.length === 0} onClick={run(submit)}>
              Submit week
            </Button>
          </>
        ) : null}
        {userId !== 'me' && canApprove && week.status === 'submitted' ? (
          <>
            <Button variant="secondary" onClick={() => setRejecting(true)}>
              Reject
            </Button>
            <Button
              disabled={action.isPending}
              onClick={run(async () => {
                await action.mutateAsync({ kind: 'approve', version: week.version });
                showToast('Week approved', 'success');
              })}
            >
              Approve
            </Button>
          </>
        ) : null}
      </div>
      <RejectDialog
        open={rejecting}
        what="week"
        onClose={() => setRejecting(false)}
        onReject={async (reason) => {
          await action.mutateAsync({ kind: 'reject', version: week.version, reason });
          setRejecting(false);
        }}
      />
    </div>
  );
}
