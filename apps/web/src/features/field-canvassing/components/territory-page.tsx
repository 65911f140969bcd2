import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClasses } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import { showToast } from '../../../stores/toast-store';
import { territoryRecords, useTerritory, useTerritoryVisits } from '../api/canvassing';
import { OUTCOME_STYLE } from '../geo';
import { TerritoryMap } from './territory-map';

/** `/territories/:id`: the offline map of a territory with its visits, and the visit list. */
export function TerritoryPage() {
  const { id = '' } = useParams();
  const territory = useTerritory(id);
  const visits = useTerritoryVisits(id);
  const manages = usePermission('territories.manage');
  const archive = territoryRecords.useArchive();
  if (territory.isPending) return <Skeleton className="m-4 h-96" />;
  if (territory.error) return <ErrorAlert error={territory.error} onRetry={() => void territory.refetch()} />;
  const t = territory.data;
  return (
    <div className="mx-auto max-w-4xl space-y-4 p-3">
      <p>
        <Link to="/territories" className="text-sm text-sky-700 underline">
          All territories
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">
          {t.name}
          {t.archivedAt ? (
            <Badge tone="warning" className="ml-2 align-middle">
              Archived
            </Badge>
          ) : null}
        </h1>
        {manages ? (
          <div className="flex flex-wrap gap-2">
            <Link to={`/territories/${t.id}/edit`} className={buttonClasses({ variant: 'secondary' })}>
              Edit
            </Link>
            {t.archivedAt ? (
              <Button
                variant="secondary"
                disabled={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { id: t.id, archived: false },
                    { onError: (e) => showToast(`Not restored: ${(e as Error).message}`, 'danger') },
                  )
                }
              >
                Restore
              </Button>
            ) : (
              <ConfirmButton
                label="Archive"
                title={`Archive ${t.name}?`}
                action={archive}
                onConfirm={(done) => archive.mutate({ id: t.id, archived: true }, { onSuccess: done })}
              >
                Its agents no longer see it and it leaves the lists; its visits stay. You can restore it.
              </ConfirmButton>
            )}
          </div>
        ) : null}
      </div>
      {t.description ? <p className="text-sm text-zinc-600">{t.description}</p> : null}
      {t.postalCodes.length ? <p className="text-sm">Postal codes: {t.postalCodes.join(', ')}</p> : null}
      {t.streets.length ? <p className="text-sm">Streets: {t.streets.join(', ')}</p> : null}
      {visits.error ? <ErrorAlert error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      <TerritoryMap geometry={t.geometry} visits={visits.data ?? []} />
      <h2 className="font-medium">Visits</h2>
      {visits.isPending ? <Skeleton className="h-20" /> : null}
      {visits.data?.length === 0 ? (
        <p className="text-sm text-zinc-500">No visits in this territory yet.</p>
      ) : null}
      <ul className="divide-y text-sm">
        {visits.data?.map((v) => (
          <li key={v.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>{v.address}</span>
            <span style={{ color: OUTCOME_STYLE[v.outcome].color }}>{OUTCOME_STYLE[v.outcome].label}</span>
            <span className="text-zinc-500">{formatDateTime(v.visitedAt)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
