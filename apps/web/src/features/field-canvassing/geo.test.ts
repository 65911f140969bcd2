import { type TerritoryGeometry, territoryGeometry } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import {
  boundsAround,
  boundsOf,
  fitView,
  mercator,
  polygonFromPoints,
  polygonPaths,
  project,
  scaleBounds,
  tilesFor,
  unproject,
} from './geo';

const square: TerritoryGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [11.5, 48.1],
      [11.6, 48.1],
      [11.6, 48.2],
      [11.5, 48.2],
      [11.5, 48.1],
    ],
  ],
};

describe('territory map projection', () => {
  it('Web Mercator: the world is 0…1, north up, latitudes clamped', () => {
    expect(mercator(-180, 0)).toEqual([0, 0.5]);
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
    expect(mercator(180, 0)[0]).toBe(1);
    expect(mercator(0, 60)[1]).toBeLessThan(0.5);
    expect(mercator(0, 90)[1]).toBeCloseTo(0, 6);
  });

  it('bounds cover the polygon and the visit points; nothing to draw is null', () => {
    const b = boundsOf(square, [[11.7, 48.15]]);
    expect(b).not.toBeNull();
    expect(b?.minX).toBeCloseTo(mercator(11.5, 48.1)[0], 12);
    expect(b?.maxX).toBeCloseTo(mercator(11.7, 48.1)[0], 12);
    expect(b?.minY).toBeCloseTo(mercator(11.5, 48.2)[1], 12); // north is the smaller y
    expect(b?.maxY).toBeCloseTo(mercator(11.5, 48.1)[1], 12);
    expect(boundsOf(null, [])).toBeNull();
  });

  it('fit: keeps the aspect ratio, pads, centres; the corners land inside the padded frame', () => {
    const b = boundsOf(square, []);
    if (!b) throw new Error('no bounds');
    const view = fitView(b, 400, 200, 10);
    const [x0, y0] = project(view, 11.5, 48.2); // north-west
    const [x1, y1] = project(view, 11.6, 48.1); // south-east
    // The square is taller than wide in Mercator at 48°: height fills 180 px, width is centred.
    expect(y0).toBeCloseTo(10, 6);
    expect(y1).toBeCloseTo(190, 6);
    expect((x0 + x1) / 2).toBeCloseTo(200, 6);
    expect(x1 - x0).toBeCloseTo(((b.maxX - b.minX) / (b.maxY - b.minY)) * 180, 6);
    expect(x0).toBeGreaterThanOrEqual(10);
    expect(x1).toBeLessThanOrEqual(390);
  });

  it('markers: a visit at the centre is at the centre; a single point gets a small area around it', () => {
    const b = boundsOf(square, []);
    if (!b) throw new Error('no bounds');
    const view = fitView(b, 300, 300, 0);
    const [cx, cy] = project(view, 11.55, mercatorLat((b.minY + b.maxY) / 2));
    expect(cx).toBeCloseTo(150, 6);
    expect(cy).toBeCloseTo(150, 4);
    const one = boundsOf(null, [[2.35, 48.85]]);
    if (!one) throw new Error('no bounds');
    const v = fitView(one, 300, 300, 20);
    expect(Number.isFinite(v.scale)).toBe(true);
    expect(project(v, 2.35, 48.85)).toEqual([150, 150]);
  });

  it('paths: one closed path per polygon, holes in the same path', () => {
    const b = boundsOf(square, []);
    if (!b) throw new Error('no bounds');
    const view = fitView(b, 100, 100, 0);
    const [path] = polygonPaths(square, view);
    expect(path).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}Z$/);
    const multi: TerritoryGeometry = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates as never, square.coordinates as never],
    };
    expect(polygonPaths(multi, view)).toHaveLength(2);
  });

  it('tiles: the z/x/y tiles covering the view at the scale’s zoom', () => {
    const b = boundsOf(square, []);
    if (!b) throw new Error('no bounds');
    const view = fitView(b, 512, 512, 0);
    const tiles = tilesFor(view, 'https://tiles.test/{z}/{x}/{y}.png');
    expect(tiles.length).toBeGreaterThan(0);
    const z = Number(/tiles\.test\/(\d+)\//.exec(tiles[0]?.href ?? '')?.[1]);
    expect(tiles[0]?.size).toBeCloseTo(view.scale / 2 ** z, 6);
    expect(tiles[0]?.x).toBeLessThanOrEqual(0);
    expect(tiles[0]?.y).toBeLessThanOrEqual(0);
  });

  it('unproject is the inverse of project: a click lands on the longitude/latitude drawn there', () => {
    const view = fitView(boundsOf(square, []) as NonNullable<ReturnType<typeof boundsOf>>, 640, 420, 24);
    for (const [lng, lat] of [
      [11.5, 48.1],
      [11.55, 48.17],
      [11.6, 48.2],
    ] as const) {
      const [x, y] = project(view, lng, lat);
      const [lng2, lat2] = unproject(view, x, y);
      expect(lng2).toBeCloseTo(lng, 5);
      expect(lat2).toBeCloseTo(lat, 5);
    }
    const [cLng, cLat] = unproject(view, 320, 210);
    expect(cLng).toBeCloseTo(11.55, 5);
    expect(cLat).toBeGreaterThan(48.1);
    expect(cLat).toBeLessThan(48.2);
  });

  it('zoom and a blank canvas around a place', () => {
    const b = boundsAround(11.55, 48.15, 2000);
    const [x, y] = mercator(11.55, 48.15);
    expect((b.minX + b.maxX) / 2).toBeCloseTo(x, 12);
    expect((b.minY + b.maxY) / 2).toBeCloseTo(y, 12);
    // 2 km at 48° N is about 2000 / (40075 km × cos 48°) of the world.
    expect(b.maxX - b.minX).toBeCloseTo(2000 / (40_075_016.686 * Math.cos((48.15 * Math.PI) / 180)), 12);
    const out = scaleBounds(b, 2);
    expect(out.maxX - out.minX).toBeCloseTo(2 * (b.maxX - b.minX), 12);
    expect((out.minX + out.maxX) / 2).toBeCloseTo(x, 12);
  });

  it('the clicked points make a closed GeoJSON polygon the contract accepts', () => {
    const g = polygonFromPoints([
      [11.5, 48.1],
      [11.6, 48.1],
      [11.6, 48.2],
    ]);
    expect(g).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [11.5, 48.1],
          [11.6, 48.1],
          [11.6, 48.2],
          [11.5, 48.1],
        ],
      ],
    });
    expect(territoryGeometry.safeParse(g).success).toBe(true);
  });
});

/** The latitude of a Mercator y (inverse), for placing a point at the bounds' centre. */
const mercatorLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
