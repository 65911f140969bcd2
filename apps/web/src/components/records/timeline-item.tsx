import { fieldLabel, type TimelineItem } from '@tessera/contracts';
import { formatDate, formatDateTime } from '../../lib/format';
import { humanize } from '../../lib/records/labels';
import { formatMoney } from '../../lib/records/money';
import { Badge, type BadgeTone } from '../ui/badge';
import { RecordLink } from './record-link';

const ACTIVITY_LABELS: Record<string, string> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'E-mail',
  note: 'Note',
};
const VIA_WORDS: Record<string, string> = {
  lead: 'lead',
  contact: 'contact',
  company: 'company',
  deal: 'deal',
};
/** Audit actions whose field list is not news (a creation lists every field; an export its filter). */
const QUIET_ACTIONS = /\.(created|exported|archived|restored|deleted)$/;

/** The badge: what kind of thing happened ("Call", "Task", "Change"). */
export function itemBadge(item: TimelineItem): { label: string; tone: BadgeTone } {
  if (item.kind === 'activity')
    return { label: ACTIVITY_LABELS[String(item.data.type)] ?? 'Activity', tone: 'info' };
  if (item.kind === 'task') return { label: 'Task', tone: 'warning' };
  if (item.kind === 'comment') return { label: 'Comment', tone: 'info' };
  if (item.kind === 'document') return { label: 'Document', tone: 'success' };
  return { label: 'Change', tone: 'neutral' };
}

/** Audit titles come as action names (`lead.status_changed`): show them as words ("Status changed"). */
export function itemTitle(item: TimelineItem): string {
  const action = /^[a-z_]+\.([a-z_]+)$/.exec(item.title);
  if (item.kind === 'comment') return `On “${item.title}”`;
  return item.kind === 'audit' && action?.[1] ? humanize(action[1]) : item.title;
}

type Names = {
  actorName?: ((userId: string) => string) | undefined;
  /** A referenced record's name by field and id (a deal's `stageId` → "Proposal"), when the page knows it. */
  refName?: ((field: string, id: string) => string | undefined) | undefined;
};

/** One changed value in words: people by name, money in units, statuses as words, dates as dates. */
function changeValue(field: string, value: unknown, { actorName, refName }: Names): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (/Cents$/.test(field) && typeof value === 'number') return formatMoney(value);
  if (/^(ownerId|assigneeId)$/.test(field) && typeof value === 'string')
    return actorName ? actorName(value) : 'someone';
  if (/Id$/.test(field))
    return (typeof value === 'string' ? refName?.(field, value) : undefined) ?? 'another record';
  if (/(At|Date)$/.test(field) && typeof value === 'string') return formatDateTime(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'string') return /^[a-z_]+$/.test(value) ? humanize(value) : value;
  return String(value);
}

/** "Status: New → Qualified" lines of an audited change (nothing for creations and exports). */
export function changeLines(item: TimelineItem, names: Names): string[] {
  if (item.kind !== 'audit' || QUIET_ACTIONS.test(item.title)) return [];
  const changes = item.data.changes as Record<string, { from?: unknown; to?: unknown }> | null | undefined;
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes)
    .filter(([field]) => field !== 'version')
    .map(
      ([field, c]) =>
        `${fieldLabel(field)}: ${changeValue(field, c?.from, names)} → ${changeValue(field, c?.to, names)}`,
    );
}

/** When a task is due (or that it has no date), and whether it is late. */
function taskWhen(item: TimelineItem): { text: string; late: boolean } {
  const due = typeof item.data.dueAt === 'string' ? item.data.dueAt : null;
  const status = String(item.data.status ?? 'open');
  const done = status === 'done' || status === 'cancelled';
  const state = done ? ` · ${humanize(status)}` : '';
  if (!due)
    return {
      text: `No due date · added ${formatDate(String(item.data.createdAt ?? item.at))}${state}`,
      late: false,
    };
  const late = !done && Date.parse(due) < Date.now();
  return { text: `Due ${formatDateTime(due)}${state}`, late };
}

/** One entry of a record's timeline. */
export function TimelineEntry({ item, actorName, refName }: { item: TimelineItem } & Names) {
  const badge = itemBadge(item);
  const lines = changeLines(item, { actorName, refName });
  const task = item.kind === 'task' ? taskWhen(item) : null;
  const minutes = item.kind === 'activity' ? Number(item.data.durationMinutes) : Number.NaN;
  return (
    <li className="flex gap-3" data-testid="timeline-item">
      <Badge tone={badge.tone} className="h-fit shrink-0">
        {badge.label}
      </Badge>
      <div className="min-w-0 text-sm">
        <p className="font-medium text-zinc-900 dark:text-zinc-100">{itemTitle(item)}</p>
        {lines.length > 0 ? (
          <ul className="mt-0.5 text-zinc-600 dark:text-zinc-400">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {item.detail ? (
          <p className="mt-0.5 whitespace-pre-line break-words text-zinc-600 dark:text-zinc-400">
            {item.detail}
          </p>
        ) : null}
        <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {task ? (
            <span className={task.late ? 'font-medium text-red-600 dark:text-red-400' : undefined}>
              {task.late ? 'Overdue · ' : ''}
              {task.text}
            </span>
          ) : (
            <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          )}
          {Number.isFinite(minutes) && minutes > 0 ? ` · ${minutes} min` : null}
          {item.actorId && actorName ? ` · ${actorName(item.actorId)}` : null}
          {item.via ? (
            <>
              {` · on ${VIA_WORDS[item.via.type] ?? item.via.type} `}
              <RecordLink type={item.via.type} id={item.via.id} canOpen={item.via.canOpen}>
                {item.via.name ?? 'a record you cannot open'}
              </RecordLink>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}
