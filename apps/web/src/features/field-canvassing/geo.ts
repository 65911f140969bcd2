import type { TerritoryGeometry, VisitOutcome } from '@tessera/contracts';

/** A point in Web Mercator world units: x and y in 0…1, y growing southwards (the same grid as map tiles). */
export type WorldPoint = readonly [number, number];
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
/** How world units become pixels: px = (world − origin) × scale + offset. */
export interface View {
  scale: number;
  originX: number;
  originY: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

const MAX_LAT = 85.05112878;

/** Web Mercator of a longitude/latitude (latitudes beyond ±85.05° are clamped). */
export const mercator = (lng: number, lat: number): WorldPoint => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
};

/** The polygons of a territory geometry as lists of rings of [lng, lat]. */
export const polygonsOf = (geometry: TerritoryGeometry | null): number[][][][] =>
  !geometry
    ? []
    : geometry.type === 'Polygon'
      ? [geometry.coordinates as number[][][]]
      : (geometry.coordinates as number[][][][]);

/** The world bounds of the geometry and the points ([lng, lat]); null when there is nothing to draw. */
export const boundsOf = (
  geometry: TerritoryGeometry | null,
  points: readonly (readonly [number, number])[],
): Bounds | null => {
  const all = [...polygonsOf(geometry).flat(2), ...points].map(([lng, lat]) =>
    mercator(lng as number, lat as number),
  );
  if (all.length === 0) return null;
  return {
    minX: Math.min(...all.map((p) => p[0])),
    minY: Math.min(...all.map((p) => p[1])),
    maxX: Math.max(...all.map((p) => p[0])),
    maxY: Math.max(...all.map((p) => p[1])),
  };
};

/** About 300 m of world: the span shown around a single point. */
const MIN_SPAN = 1e-5;

/**
 * Fits the bounds into width × height with `padding` pixels on every side, keeping the aspect ratio (one
 * scale for x and y) and centring the shorter side.
 */
export const fitView = (bounds: Bounds, width: number, height: number, padding = 16): View => {
  const spanX = Math.max(bounds.maxX - bounds.minX, MIN_SPAN);
  const spanY = Math.max(bounds.maxY - bounds.minY, MIN_SPAN);
  const innerW = Math.max(width - 2 * padding, 1);
  const innerH = Math.max(height - 2 * padding, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { scale, originX: cx, originY: cy, offsetX: width / 2, offsetY: height / 2, width, height };
};

/** Pixel position of a longitude/latitude in a view. */
export const project = (view: View, lng: number, lat: number): WorldPoint => {
  const [x, y] = mercator(lng, lat);
  return [(x - view.originX) * view.scale + view.offsetX, (y - view.originY) * view.scale + view.offsetY];
};

/** The longitude/latitude under a pixel of a view (the inverse of `project`): where a click on the map lands. */
export const unproject = (view: View, px: number, py: number): [number, number] => {
  const x = (px - view.offsetX) / view.scale + view.originX;
  const y = (py - view.offsetY) / view.scale + view.originY;
  const lng = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
};

/** The bounds grown (factor > 1) or shrunk (< 1) around their centre: the editor's zoom out / in. */
export const scaleBounds = (b: Bounds, factor: number): Bounds => {
  const cx = (b.minX + b.maxX) / 2;
  const cy = (b.minY + b.maxY) / 2;
  const hx = (Math.max(b.maxX - b.minX, MIN_SPAN) / 2) * factor;
  const hy = (Math.max(b.maxY - b.minY, MIN_SPAN) / 2) * factor;
  return { minX: cx - hx, minY: cy - hy, maxX: cx + hx, maxY: cy + hy };
};

/** About `metres` of map around a longitude/latitude (a blank canvas centred on a place). */
export const boundsAround = (lng: number, lat: number, metres = 2000): Bounds => {
  const [x, y] = mercator(lng, lat);
  // World units per metre at this latitude: 1 / (earth's circumference × cos(latitude)).
  const half = metres / 2 / (40_075_016.686 * Math.cos((lat * Math.PI) / 180));
  return { minX: x - half, minY: y - half, maxX: x + half, maxY: y + half };
};

/** A GeoJSON polygon from the points clicked ([lng, lat]): the ring is closed on the first point. */
export const polygonFromPoints = (points: readonly (readonly [number, number])[]): TerritoryGeometry => ({
  type: 'Polygon',
  coordinates: [[...points, points[0] as readonly [number, number]].map(([lng, lat]) => [lng, lat])],
});

const r = (n: number) => Math.round(n * 10) / 10;

/** One SVG path per polygon (outer ring and holes; draw with fill-rule evenodd). */
export const polygonPaths = (geometry: TerritoryGeometry | null, view: View): string[] =>
  polygonsOf(geometry).map((rings) =>
    rings
      .map(
        (ring) =>
          `M${ring
            .map(([lng, lat]) => project(view, lng as number, lat as number))
            .map(([x, y]) => `${r(x)},${r(y)}`)
            .join('L')}Z`,
      )
      .join(''),
  );

export interface Tile {
  href: string;
  x: number;
  y: number;
  size: number;
}

/**
 * The map tiles ({z}/{x}/{y} template, 256 px) that cover a view, at the zoom closest to its scale; used only
 * when a tile server is configured — the map draws without them.
 */
export const tilesFor = (view: View, template: string, maxTiles = 64): Tile[] => {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(view.scale / 256))));
  const n = 2 ** z;
  const size = view.scale / n;
  const worldX = (px: number) => (px - view.offsetX) / view.scale + view.originX;
  const worldY = (py: number) => (py - view.offsetY) / view.scale + view.originY;
  const x0 = Math.max(0, Math.floor(worldX(0) * n));
  const x1 = Math.min(n - 1, Math.floor(worldX(view.width) * n));
  const y0 = Math.max(0, Math.floor(worldY(0) * n));
  const y1 = Math.min(n - 1, Math.floor(worldY(view.height) * n));
  const tiles: Tile[] = [];
  for (let ty = y0; ty <= y1; ty++)
    for (let tx = x0; tx <= x1; tx++) {
      if (tiles.length >= maxTiles) return tiles;
      tiles.push({
        href: template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty)),
        x: (tx / n - view.originX) * view.scale + view.offsetX,
        y: (ty / n - view.originY) * view.scale + view.offsetY,
        size,
      });
    }
  return tiles;
};

/** Marker colour and label per visit outcome (the map's legend). */
export const OUTCOME_STYLE: Record<VisitOutcome, { color: string; label: string }> = {
  not_home: { color: '#a1a1aa', label: 'Not home' },
  not_interested: { color: '#dc2626', label: 'Not interested' },
  callback: { color: '#f59e0b', label: 'Call back' },
  interested: { color: '#2563eb', label: 'Interested' },
  appointment_set: { color: '#7c3aed', label: 'Appointment set' },
  sale: { color: '#16a34a', label: 'Sale' },
};
