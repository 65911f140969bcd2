import { TASK_COMMENT_MAX, type Task, type TaskComment } from '@tessera/contracts';
import { useState } from 'react';
import { useMe } from '../../hooks/use-me';
import { usePermission } from '../../hooks/use-permission';
import { formatDate, formatDateTime } from '../../lib/format';
import { humanize } from '../../lib/records/labels';
import { ErrorAlert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Textarea } from '../ui/input';
import { Skeleton } from '../ui/skeleton';
import { Spinner } from '../ui/spinner';
import { type SaveChecklist, TaskChecklist } from './task-checklist';
import { useTaskCommentMutations, useTaskComments } from './task-comments-api';

type PersonName = (userId: string) => string;

/**
 * A task in detail, opened from a project's board card or the CRM task list: its facts, description,
 * checklist (editable when the caller passes `onSaveChecklist`: add, tick, rename, remove, each saved with the
 * task's version) and the comment thread (ADR 0021) with an add box. Comments are written with tasks.update; the
 * author changes and deletes their own, tasks.delete deletes anyone's.
 */
export function TaskDetailDialog({
  task,
  onClose,
  personName,
  onSaveChecklist,
}: {
  task: Task | null;
  onClose: () => void;
  personName: PersonName;
  onSaveChecklist?: SaveChecklist;
}) {
  return (
    <Dialog
      open={task !== null}
      onClose={onClose}
      title={task?.title ?? 'Task'}
      size="lg"
      data-testid="task-detail"
    >
      {task ? <TaskDetail task={task} personName={personName} onSaveChecklist={onSaveChecklist} /> : null}
    </Dialog>
  );
}

function TaskDetail({
  task,
  personName,
  onSaveChecklist,
}: {
  task: Task;
  personName: PersonName;
  onSaveChecklist?: SaveChecklist;
}) {
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Fact label="Status">{task.status === 'open' ? 'To do' : humanize(task.status)}</Fact>
        <Fact label="Priority">{humanize(task.priority)}</Fact>
        <Fact label="Assignee">{task.assigneeId ? personName(task.assigneeId) : 'Unassigned'}</Fact>
        <Fact label="Due">{task.dueAt ? formatDate(task.dueAt) : 'No date'}</Fact>
        {task.estimateHours !== null ? <Fact label="Estimate">{task.estimateHours} h</Fact> : null}
      </dl>
      <section aria-label="Description">
        <h3 className="mb-1 text-sm font-semibold">Description</h3>
        {task.description ? (
          <p className="text-sm whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300">
            {task.description}
          </p>
        ) : (
          <p className="text-sm text-zinc-500">No description.</p>
        )}
      </section>
      <TaskChecklist task={task} onSave={onSaveChecklist} />
      <CommentThread taskId={task.id} personName={personName} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="truncate font-medium">{children}</dd>
    </div>
  );
}

function CommentThread({ taskId, personName }: { taskId: string; personName: PersonName }) {
  const comments = useTaskComments(taskId);
  const { add } = useTaskCommentMutations(taskId);
  const canWrite = usePermission('tasks.update');
  const [body, setBody] = useState('');
  const tooLong = body.length > TASK_COMMENT_MAX;
  return (
    <section aria-label="Comments" className="space-y-3">
      <h3 className="text-sm font-semibold">
        Comments{' '}
        {comments.data?.length ? (
          <span className="font-normal text-zinc-500 tabular-nums">{comments.data.length}</span>
        ) : null}
      </h3>
      {comments.error ? (
        <ErrorAlert
          error={comments.error}
          title="Comments not loaded"
          onRetry={() => void comments.refetch()}
        />
      ) : comments.isPending ? (
        <div className="space-y-2" aria-busy="true">
          <Skeleton className="w-2/3" />
          <Skeleton className="w-1/2" />
        </div>
      ) : comments.data.length === 0 ? (
        <p className="text-sm text-zinc-500">No comments yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="task-comments">
          {comments.data.map((comment) => (
            <CommentItem key={comment.id} taskId={taskId} comment={comment} personName={personName} />
          ))}
        </ol>
      )}
      {canWrite ? (
        <form
          noValidate
          aria-label="Add a comment"
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim() || tooLong) return;
            add.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
          }}
        >
          <Textarea
            aria-label="New comment"
            placeholder="Write a comment…"
            rows={3}
            value={body}
            invalid={tooLong}
            onChange={(event) => setBody(event.target.value)}
          />
          <div className="flex items-center justify-between gap-2">
            <span className={`text-xs tabular-nums ${tooLong ? 'text-red-600' : 'text-zinc-500'}`}>
              {body.length > TASK_COMMENT_MAX - 500 ? `${body.length} / ${TASK_COMMENT_MAX}` : ''}
            </span>
            <Button type="submit" size="sm" disabled={!body.trim() || tooLong || add.isPending}>
              {add.isPending ? <Spinner /> : null}
              Comment
            </Button>
          </div>
          {add.error ? <ErrorAlert error={add.error} title="Comment not added" /> : null}
        </form>
      ) : null}
    </section>
  );
}

function CommentItem({
  taskId,
  comment,
  personName,
}: {
  taskId: string;
  comment: TaskComment;
  personName: PersonName;
}) {
  const me = useMe().data?.user.id;
  const canWrite = usePermission('tasks.update');
  const canDeleteAny = usePermission('tasks.delete');
  const { edit, remove } = useTaskCommentMutations(taskId);
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mine = comment.authorId !== null && comment.authorId === me;
  const tooLong = (draft ?? '').length > TASK_COMMENT_MAX;
  return (
    <li className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="task-comment">
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-500">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">
          {comment.authorId ? personName(comment.authorId) : 'Former member'}
        </span>
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt ? <Badge>edited</Badge> : null}
      </p>
      {draft === null ? (
        <p className="mt-1 text-sm whitespace-pre-wrap break-words">{comment.body}</p>
      ) : (
        <form
          noValidate
          aria-label="Edit the comment"
          className="mt-2 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!draft.trim() || tooLong) return;
            edit.mutate(
              { id: comment.id, body: draft.trim(), version: comment.version },
              { onSuccess: () => setDraft(null) },
            );
          }}
        >
          <Textarea
            aria-label="Comment text"
            rows={3}
            value={draft}
            invalid={tooLong}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={!draft.trim() || tooLong || edit.isPending}>
              {edit.isPending ? <Spinner /> : null}
              Save
            </Button>
          </div>
          {edit.error ? <ErrorAlert error={edit.error} title="Comment not changed" /> : null}
        </form>
      )}
      {canWrite && draft === null && (mine || canDeleteAny) ? (
        <div className="mt-2 flex flex-wrap items-center justify-end gap-2">
          {confirming ? (
            <>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">Delete this comment?</span>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
              <Button
                size="sm"
                variant="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(comment.id, { onSuccess: () => setConfirming(false) })}
              >
                {remove.isPending ? <Spinner /> : null}
                Delete
              </Button>
            </>
          ) : (
            <>
              {mine ? (
                <Button size="sm" variant="ghost" onClick={() => setDraft(comment.body)}>
                  Edit
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
                Delete
              </Button>
            </>
          )}
        </div>
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} title="Comment not deleted" /> : null}
    </li>
  );
}
