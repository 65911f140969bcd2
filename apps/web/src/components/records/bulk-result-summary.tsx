import type { BulkResult } from '@tessera/contracts';
import { Alert } from '../ui/alert';

/** "3 leads updated, 1 failed" and, per failed id, the record's name and the reason. */
export function BulkResultSummary({
  result,
  noun,
  nameOf,
  onDismiss,
}: {
  result: BulkResult;
  noun: string;
  nameOf: (id: string) => string;
  onDismiss?: () => void;
}) {
  const failures = result.results.filter((item) => !item.ok);
  return (
    <Alert
      tone={result.failed === 0 ? 'success' : 'warning'}
      title={`${result.succeeded} ${noun} updated${result.failed ? `, ${result.failed} failed` : ''}`}
      data-testid="bulk-result"
      action={
        onDismiss ? (
          <button type="button" className="text-xs underline" onClick={onDismiss}>
            Dismiss
          </button>
        ) : undefined
      }
    >
      {failures.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {failures.slice(0, 20).map((item) => (
            <li key={item.id}>
              {nameOf(item.id)}: {item.error?.message ?? 'failed'}
            </li>
          ))}
          {failures.length > 20 ? <li>…and {failures.length - 20} more</li> : null}
        </ul>
      ) : null}
    </Alert>
  );
}
