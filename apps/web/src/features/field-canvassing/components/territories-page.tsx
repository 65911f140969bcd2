import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { buttonClasses } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { useTerritories } from '../api/canvassing';

/** `/territories`: the door-to-door territories I may see; managers create them and list archived ones. */
export function TerritoriesPage() {
  const manages = usePermission('territories.manage');
  const [archived, setArchived] = useState(false);
  const list = useTerritories(archived ? 'include' : 'exclude');
  return (
    <div className="mx-auto max-w-4xl space-y-4 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Territories</h1>
        {manages ? (
          <Link to="/territories/new" className={buttonClasses({})}>
            New territory
          </Link>
        ) : null}
      </div>
      {manages ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          Show archived territories
        </label>
      ) : null}
      {list.isPending ? <Skeleton className="h-24" /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.length === 0 ? (
        <p className="text-sm text-zinc-500">
          No territories yet.{manages ? ' Create one with its agents and a shape on the map.' : ''}
        </p>
      ) : null}
      {list.data?.length ? (
        <ul className="divide-y rounded-md border">
          {list.data.map((t) => (
            <li key={t.id} className="p-3">
              <Link to={`/territories/${t.id}`} className="font-medium text-sky-700 underline">
                {t.name}
              </Link>
              {t.archivedAt ? (
                <Badge tone="warning" className="ml-2">
                  Archived
                </Badge>
              ) : null}
              <p className="text-xs text-zinc-500">
                {t.geometry ? 'Map shape' : 'No shape'} · {t.postalCodes.length} postal codes ·{' '}
                {t.streets.length} streets · {t.agentIds.length} agents
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
