import { describe, expect, it } from 'vitest';
import { parseGeometry } from './shape-editor';
import { splitList } from './territory-form-page';

const ring = [
  [11.5, 48.1],
  [11.6, 48.1],
  [11.6, 48.2],
  [11.5, 48.1],
];

describe('territory editor input', () => {
  it('pasted GeoJSON: a Polygon, MultiPolygon or a Feature holding one; empty is no shape', () => {
    const polygon = { type: 'Polygon', coordinates: [ring] };
    expect(parseGeometry(JSON.stringify(polygon))).toEqual({ geometry: polygon });
    expect(parseGeometry(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }))).toEqual({
      geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    });
    expect(parseGeometry(JSON.stringify({ type: 'Feature', properties: {}, geometry: polygon }))).toEqual({
      geometry: polygon,
    });
    expect(
      parseGeometry(
        JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon }] }),
      ),
    ).toEqual({ geometry: polygon });
    expect(parseGeometry('  ')).toEqual({ geometry: null });
  });

  it('refuses what the API would refuse, saying why', () => {
    expect(parseGeometry('{"type":')).toEqual({ error: 'Not valid JSON.' });
    const open = parseGeometry(
      JSON.stringify({ type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[0, 0]])] }),
    );
    expect(open).toEqual({ error: expect.stringContaining('A ring ends where it starts') });
    expect(parseGeometry(JSON.stringify({ type: 'Point', coordinates: [0, 0] }))).toHaveProperty('error');
    const lat = parseGeometry(
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [0, 95],
            [1, 0],
            [1, 1],
            [0, 95],
          ],
        ],
      }),
    );
    expect(lat).toEqual({ error: expect.stringContaining('(at coordinates.0.0.1)') });
  });

  it('postal codes and streets: one a line or comma-separated, trimmed, without blanks or repeats', () => {
    expect(splitList(' 80331\n80333, 80331 ;\n\n80335 ')).toEqual(['80331', '80333', '80335']);
    expect(splitList('')).toEqual([]);
  });
});
