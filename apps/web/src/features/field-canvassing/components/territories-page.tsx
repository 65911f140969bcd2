import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Skeleton } from '../../../components/ui/skeleton';
import { useTerritories } from '../api/canvassing';

/** `/territories`: the door-to-door territories I may see. */
export function TerritoriesPage() {
  const list = useTerritories();
  return (
    <div className="mx-auto max-w-4xl space-y-4 p-3">
      <h1 className="text-xl font-semibold">Territories</h1>
      {list.isPending ? <Skeleton className="h-24" /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.length === 0 ? <p className="text-sm text-zinc-500">No territories yet.</p> : null}
      <ul className="divide-y rounded-md border">
        {list.data?.map((t) => (
          <li key={t.id} className="p-3">
            <Link to={`/territories/${t.id}`} className="font-medium text-sky-700 underline">
              {t.name}
            </Link>
            <p className="text-xs text-zinc-500">
              {t.geometry ? 'Map shape' : 'No shape'} · {t.postalCodes.length} postal codes ·{' '}
              {t.streets.length} streets · {t.agentIds.length} agents
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
