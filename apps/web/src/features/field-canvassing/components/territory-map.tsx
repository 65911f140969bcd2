import type { TerritoryGeometry, Visit } from '@tessera/contracts';
import { type KeyboardEvent, type MouseEvent, useState } from 'react';
import {
  type Bounds,
  boundsOf,
  fitView,
  OUTCOME_STYLE,
  polygonPaths,
  project,
  tilesFor,
  unproject,
} from '../geo';

/** Optional tile server ({z}/{x}/{y}) drawn under the territory; the map works without it (no internet). */
const TILE_URL: string | undefined = (import.meta as { env?: Record<string, string | undefined> }).env
  ?.VITE_MAP_TILE_URL;

const W = 640;
const H = 420;

/** The territory editor's extras: a fixed frame, the points clicked so far, and where a click lands. */
export interface MapDrawing {
  /** The world area shown (fixed while drawing, so the map does not move under the pointer). */
  frame: Bounds;
  /** The polygon being drawn ([lng, lat]), not closed yet. */
  draft: readonly (readonly [number, number])[];
  /** A click on the map: the longitude/latitude under the pointer. */
  onPick: (lng: number, lat: number) => void;
}

/**
 * A territory drawn offline in SVG: its GeoJSON polygons and the visits as markers coloured by outcome,
 * with a legend. Visits without a position are counted below the map. With `drawing` it is the editor's
 * canvas: a click adds a corner of the polygon being drawn.
 */
export function TerritoryMap({
  geometry,
  visits,
  drawing,
}: {
  geometry: TerritoryGeometry | null;
  visits: readonly Visit[];
  drawing?: MapDrawing;
}) {
  const placed = visits.filter((v) => v.lat !== null && v.lng !== null);
  const bounds =
    drawing?.frame ??
    boundsOf(
      geometry,
      placed.map((v) => [v.lng as number, v.lat as number] as const),
    );
  const view = bounds ? fitView(bounds, W, H, 24) : null;
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!view || !drawing) return;
    const rect = event.currentTarget.getBoundingClientRect();
    // The SVG keeps the viewBox's aspect (width 100 %, height auto): one scale for both axes.
    const k = W / rect.width;
    drawing.onPick(...unproject(view, (event.clientX - rect.left) * k, (event.clientY - rect.top) * k));
  };
  const draft = view ? (drawing?.draft ?? []).map(([lng, lat]) => project(view, lng, lat)) : [];
  // Keyboard drawing: arrows move a crosshair (Shift: further), Enter or Space adds a corner there.
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const keys = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!view || !drawing) return;
    const at = cursor ?? { x: W / 2, y: H / 2 };
    const step = event.shiftKey ? 50 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor({
        x: Math.max(0, Math.min(W, at.x + move[0])),
        y: Math.max(0, Math.min(H, at.y + move[1])),
      });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      drawing.onPick(...unproject(view, at.x, at.y));
    }
  };
  return (
    <figure className="space-y-2">
      {view ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"
          role="img"
          aria-label={drawing ? 'Territory map: click to add a corner' : 'Territory map'}
          data-testid="territory-map"
          onClick={drawing ? pick : undefined}
          onKeyDown={drawing ? keys : undefined}
          onFocus={drawing ? () => setCursor((c) => c ?? { x: W / 2, y: H / 2 }) : undefined}
          onBlur={drawing ? () => setCursor(null) : undefined}
          tabIndex={drawing ? 0 : undefined}
          style={drawing ? { cursor: 'crosshair' } : undefined}
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
          {draft.length > 0 ? (
            <polyline
              points={draft.map(([x, y]) => `${x},${y}`).join(' ')}
              className="fill-amber-400/20 stroke-amber-600"
              strokeWidth={2}
              strokeDasharray="6 4"
              data-testid="draft-shape"
            />
          ) : null}
          {draft.map(([x, y], i) => (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: the corners are an ordered list
              key={i}
              cx={x}
              cy={y}
              r={5}
              className="fill-amber-500 stroke-white"
              strokeWidth={2}
              data-testid="draft-corner"
            />
          ))}
          {cursor ? (
            <g className="stroke-zinc-900 dark:stroke-zinc-100" strokeWidth={1.5} data-testid="map-cursor">
              <line x1={cursor.x - 12} y1={cursor.y} x2={cursor.x + 12} y2={cursor.y} />
              <line x1={cursor.x} y1={cursor.y - 12} x2={cursor.x} y2={cursor.y + 12} />
            </g>
          ) : null}
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
