import type { TerritoryGeometry, Visit } from '@tessera/contracts';
import { boundsOf, fitView, OUTCOME_STYLE, polygonPaths, project, tilesFor } from '../geo';

/** Optional tile server ({z}/{x}/{y}) drawn under the territory; the map works without it (no internet). */
const TILE_URL: string | undefined = (import.meta as { env?: Record<string, string | undefined> }).env
  ?.VITE_MAP_TILE_URL;

const W = 640;
const H = 420;

/**
 * A territory drawn offline in SVG: its GeoJSON polygons and the visits as markers coloured by outcome,
 * with a legend. Visits without a position are counted below the map.
 */
export function TerritoryMap({
  geometry,
  visits,
}: {
  geometry: TerritoryGeometry | null;
  visits: readonly Visit[];
}) {
  const placed = visits.filter((v) => v.lat !== null && v.lng !== null);
  const bounds = boundsOf(
    geometry,
    placed.map((v) => [v.lng as number, v.lat as number] as const),
  );
  const view = bounds ? fitView(bounds, W, H, 24) : null;
  return (
    <figure className="space-y-2">
      {view ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"
          role="img"
          aria-label="Territory map"
          data-testid="territory-map"
        >
          {TILE_URL
            ? tilesFor(view, TILE_URL).map((t) => (
                <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} />
              ))
            : null}
          {polygonPaths(geometry, view).map((d) => (
            <path
              key={d}
              d={d}
              fillRule="evenodd"
              className="fill-sky-500/15 stroke-sky-700"
              strokeWidth={2}
            />
          ))}
          {placed.map((v) => {
            const [x, y] = project(view, v.lng as number, v.lat as number);
            const style = OUTCOME_STYLE[v.outcome];
            return (
              <circle
                key={v.id}
                cx={x}
                cy={y}
                r={7}
                fill={style.color}
                stroke="white"
                strokeWidth={2}
                data-testid="visit-marker"
                data-outcome={v.outcome}
              >
                <title>
                  {v.address} — {style.label}
                </title>
              </circle>
            );
          })}
        </svg>
      ) : (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-zinc-500">
          No shape and no located visits yet: the map appears once the territory has a GeoJSON polygon or a
          visit with a position.
        </p>
      )}
      <figcaption>
        <ul className="flex flex-wrap gap-3 text-sm" aria-label="Legend">
          {Object.entries(OUTCOME_STYLE).map(([key, s]) => (
            <li key={key} className="flex items-center gap-1">
              <span
                className="inline-block size-3 rounded-full"
                style={{ background: s.color }}
                aria-hidden
              />
              {s.label}
            </li>
          ))}
        </ul>
        {visits.length > placed.length ? (
          <p className="mt-1 text-xs text-zinc-500">
            {visits.length - placed.length} visit(s) without a position are not on the map.
          </p>
        ) : null}
      </figcaption>
    </figure>
  );
}
