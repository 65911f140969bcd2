import type { AuditLog } from '@tessera/contracts';
import type { Column } from '../../../components/ui/data-table';
import { formatDateTime } from '../../../lib/format';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function Changes({ changes }: { changes: AuditLog['changes'] }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{field}</span>:{' '}
          <span className="text-red-700 line-through decoration-red-400/60 dark:text-red-300">
            {show(change.from)}
          </span>{' '}
          → <span className="text-emerald-700 dark:text-emerald-300">{show(change.to)}</span>
        </li>
      ))}
    </ul>
  );
}

export const auditColumns: Column<AuditLog>[] = [
  {
    key: 'time',
    header: 'Time',
    cell: (entry) => formatDateTime(entry.createdAt),
    className: 'whitespace-nowrap',
  },
  {
    key: 'actor',
    header: 'Actor',
    cell: (entry) => entry.actorName ?? (entry.actorApiKeyId ? 'API key' : 'System'),
  },
  {
    key: 'action',
    header: 'Action',
    cell: (entry) => <code className="font-mono text-xs">{entry.action}</code>,
  },
  {
    key: 'target',
    header: 'Target',
    cell: (entry) =>
      entry.targetType ? (
        <span className="text-xs">
          {entry.targetType}
          {entry.targetId ? (
            <span className="block font-mono text-zinc-500 dark:text-zinc-400">{entry.targetId}</span>
          ) : null}
        </span>
      ) : (
        '—'
      ),
  },
  { key: 'changes', header: 'Changes', cell: (entry) => <Changes changes={entry.changes} /> },
  { key: 'ip', header: 'IP', cell: (entry) => <span className="font-mono text-xs">{entry.ip ?? '—'}</span> },
];
