import { type TerritoryGeometry, territoryGeometry, type Visit } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { type Bounds, boundsAround, boundsOf, polygonFromPoints, scaleBounds } from '../geo';
import { TerritoryMap } from './territory-map';

type LngLat = readonly [number, number];

const located = (visits: readonly Visit[]): LngLat[] =>
  visits.filter((v) => v.lat !== null && v.lng !== null).map((v) => [v.lng as number, v.lat as number]);

/** The frame around a shape and points, with room around it to draw. */
const frameOf = (geometry: TerritoryGeometry | null, points: readonly LngLat[]): Bounds | null => {
  const b = boundsOf(geometry, points);
  return b ? scaleBounds(b, 1.4) : null;
};

/** A pasted GeoJSON geometry, checked with the contract: the geometry, or the first problem in words. */
export function parseGeometry(text: string): { geometry: TerritoryGeometry | null } | { error: string } {
  if (!text.trim()) return { geometry: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'Not valid JSON.' };
  }
  // A Feature or a one-feature FeatureCollection (what drawing tools export) is taken for its geometry.
  const obj = json as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
  const candidate =
    obj?.type === 'Feature'
      ? obj.geometry
      : obj?.type === 'FeatureCollection' && obj.features?.length === 1
        ? obj.features[0]?.geometry
        : json;
  const parsed = territoryGeometry.safeParse(candidate);
  if (parsed.success) return { geometry: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    error: `Not a GeoJSON Polygon or MultiPolygon: ${issue?.message ?? 'invalid'}${
      issue?.path.length ? ` (at ${issue.path.join('.')})` : ''
    }.`,
  };
}

/**
 * The territory's shape: click corners on the offline map (no tiles needed) and "Use this shape", or paste
 * GeoJSON (a Polygon, MultiPolygon or a Feature holding one). The map's frame stays put while drawing;
 * zoom buttons and "Fit" move it. `onInvalid` tells the form that the pasted text is not a shape yet.
 */
export function ShapeEditor({
  geometry,
  visits,
  onChange,
  onInvalid,
}: {
  geometry: TerritoryGeometry | null;
  visits: readonly Visit[];
  onChange: (geometry: TerritoryGeometry | null) => void;
  onInvalid: (invalid: boolean) => void;
}) {
  const points = useMemo(() => located(visits), [visits]);
  const [frame, setFrame] = useState<Bounds | null>(null);
  const [draft, setDraft] = useState<LngLat[]>([]);
  const [text, setText] = useState(() => (geometry ? JSON.stringify(geometry) : ''));
  const [textError, setTextError] = useState<string | null>(null);
  const [centre, setCentre] = useState({ lat: '', lng: '' });
  const [locating, setLocating] = useState<string | null>(null);
  const shown = frame ?? frameOf(geometry, points);

  const commit = (next: TerritoryGeometry | null) => {
    onChange(next);
    setText(next ? JSON.stringify(next) : '');
    setTextError(null);
    onInvalid(false);
  };
  const paste = (value: string) => {
    setText(value);
    const result = parseGeometry(value);
    if ('error' in result) {
      setTextError(result.error);
      onInvalid(true);
      return;
    }
    setTextError(null);
    onInvalid(false);
    onChange(result.geometry);
    if (result.geometry) setFrame(frameOf(result.geometry, []));
  };
  const centreOn = (lng: number, lat: number) => setFrame(boundsAround(lng, lat, 2000));
  const useMyPosition = () => {
    if (!navigator.geolocation) return setLocating('This browser cannot tell its position.');
    setLocating('Locating…');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(null);
        centreOn(p.coords.longitude, p.coords.latitude);
      },
      () => setLocating('The position is not available (allow it, or type a latitude and longitude).'),
      { timeout: 10_000 },
    );
  };
  const lat = Number(centre.lat);
  const lng = Number(centre.lng);
  const centreValid =
    centre.lat.trim() !== '' &&
    centre.lng.trim() !== '' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 85 &&
    Math.abs(lng) <= 180;

  return (
    <fieldset className="space-y-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">Shape on the map</legend>
      {shown ? (
        <>
          <TerritoryMap
            geometry={geometry}
            visits={visits}
            drawing={{ frame: shown, draft, onPick: (x, y) => setDraft((d) => [...d, [x, y]]) }}
          />
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {draft.length === 0
              ? 'Click the map to add the corners of a new shape (at least 3) — or focus it, move with the arrow keys and press Enter — or paste GeoJSON below.'
              : `${draft.length} corner${draft.length === 1 ? '' : 's'}${
                  draft.length < 3 ? ' — add at least 3' : ''
                }.`}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              disabled={draft.length < 3}
              onClick={() => {
                commit(polygonFromPoints(draft));
                setDraft([]);
              }}
            >
              Use this shape
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={draft.length === 0}
              onClick={() => setDraft((d) => d.slice(0, -1))}
            >
              Undo corner
            </Button>
            <Button size="sm" variant="secondary" disabled={draft.length === 0} onClick={() => setDraft([])}>
              Clear corners
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setFrame(scaleBounds(shown, 0.5))}>
              Zoom in
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setFrame(scaleBounds(shown, 2))}>
              Zoom out
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={!geometry && points.length === 0}
              onClick={() => setFrame(null)}
            >
              Fit
            </Button>
            {geometry ? (
              <Button size="sm" variant="danger" onClick={() => commit(null)}>
                Remove shape
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <div className="space-y-2 rounded-md border border-dashed p-3 text-sm">
          <p>No shape and no visits with a position yet: where is the territory?</p>
          <div className="flex flex-wrap items-end gap-2">
            <Button size="sm" variant="secondary" onClick={useMyPosition}>
              Use my position
            </Button>
            <TextField
              label="Latitude"
              inputMode="decimal"
              className="w-28"
              value={centre.lat}
              onChange={(e) => setCentre((c) => ({ ...c, lat: e.target.value }))}
            />
            <TextField
              label="Longitude"
              inputMode="decimal"
              className="w-28"
              value={centre.lng}
              onChange={(e) => setCentre((c) => ({ ...c, lng: e.target.value }))}
            />
            <Button size="sm" disabled={!centreValid} onClick={() => centreOn(lng, lat)}>
              Show map
            </Button>
          </div>
          {locating ? <p className="text-zinc-600">{locating}</p> : null}
        </div>
      )}
      <TextareaField
        label="GeoJSON"
        hint="A Polygon or MultiPolygon (longitude, latitude), or a Feature holding one. Empty: no shape."
        rows={3}
        className="font-mono text-xs"
        value={text}
        error={textError ?? undefined}
        onChange={(e) => paste(e.target.value)}
        spellCheck={false}
      />
    </fieldset>
  );
}
