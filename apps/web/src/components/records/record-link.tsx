import type { RelatedType } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePermission } from '../../hooks/use-permission';
import { cn } from '../../lib/cn';
import { recordPath, recordType } from '../../lib/records/record-types';

const LINK = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';

/**
 * A link to a record the viewer may open; otherwise just its name (no link into "You don't have access" or a
 * 404). The type's view permission decides, and `canOpen` (the API's answer for record scope, e.g. a deal's
 * `parties.company.canOpen`) can say no as well.
 */
export function RecordLink({
  type,
  id,
  canOpen = true,
  className,
  children,
}: {
  type: RelatedType;
  id: string;
  canOpen?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const allowed = usePermission(recordType(type).viewPermission) && canOpen;
  if (!allowed) return <span className={cn('text-zinc-700 dark:text-zinc-300', className)}>{children}</span>;
  return (
    <Link className={cn(LINK, className)} to={recordPath(type, id)}>
      {children}
    </Link>
  );
}

/** Whether the viewer may open records of `type` at all (its view permission). */
export function useCanOpen(type: RelatedType): boolean {
  return usePermission(recordType(type).viewPermission);
}
