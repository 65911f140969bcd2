import { describe, expect, it } from 'vitest';
import {
  blockPlacement,
  clock,
  layoutOverlaps,
  minutesAt,
  movedTo,
  resizedEnd,
  shiftAnchor,
  viewDates,
  windowOf,
} from './calendar-time';

const item = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });

describe('days and windows', () => {
  it('shows Monday to Sunday of the anchor’s week and moves by a week or a day', () => {
    expect(viewDates('week', '2026-12-10')).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(viewDates('day', '2026-12-10')).toEqual(['2026-12-10']);
    expect(shiftAnchor('week', '2026-12-10', 1)).toBe('2026-12-17');
    expect(shiftAnchor('team', '2026-12-10', -1)).toBe('2026-12-09');
  });

  it('takes the window from local midnights of the zone, across a DST change', () => {
    // Berlin switches to summer time on 29 March 2026: that week is 7 days minus one hour long.
    const w = windowOf('Europe/Berlin', viewDates('week', '2026-03-25'));
    expect(w).toEqual({ from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    expect(windowOf('America/Chicago', ['2026-12-07'])).toEqual({
      from: '2026-12-07T06:00:00.000Z',
      to: '2026-12-08T06:00:00.000Z',
    });
  });
});

describe('positions in the zone', () => {
  it('places a block by its local time in the shown zone, not the browser’s', () => {
    // 15:00 UTC is 09:00 in Chicago (winter) and 16:00 in Berlin; visible hours 07:00–20:00 (13 h).
    const a = item('a', '2026-12-07T15:00:00.000Z', '2026-12-07T16:00:00.000Z');
    const chicago = blockPlacement(a, 'America/Chicago', '2026-12-07');
    expect(chicago?.top).toBeCloseTo((2 / 13) * 100);
    expect(chicago?.height).toBeCloseTo((1 / 13) * 100);
    expect(blockPlacement(a, 'Europe/Berlin', '2026-12-07')?.top).toBeCloseTo((9 / 13) * 100);
    expect(blockPlacement(a, 'America/Chicago', '2026-12-08')).toBeNull();
    expect(clock(a.startsAt, 'Asia/Kolkata')).toBe('20:30');
  });

  it('clips a block that runs past the visible hours', () => {
    const late = item('l', '2026-12-08T01:00:00.000Z', '2026-12-08T03:00:00.000Z'); // 19:00–21:00 Chicago
    const p = blockPlacement(late, 'America/Chicago', '2026-12-07');
    expect(p?.top).toBeCloseTo((12 / 13) * 100);
    expect((p?.top ?? 0) + (p?.height ?? 0)).toBeCloseTo(100);
  });
});

describe('overlapping blocks', () => {
  it('puts overlapping blocks side by side and lets the next free column be reused', () => {
    const layout = layoutOverlaps([
      item('a', '2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z'),
      item('b', '2026-12-07T09:30:00Z', '2026-12-07T10:30:00Z'),
      item('c', '2026-12-07T10:00:00Z', '2026-12-07T11:00:00Z'),
      item('d', '2026-12-07T12:00:00Z', '2026-12-07T13:00:00Z'),
    ]);
    expect(layout.get('a')).toEqual({ column: 0, columns: 2 });
    expect(layout.get('b')).toEqual({ column: 1, columns: 2 });
    expect(layout.get('c')).toEqual({ column: 0, columns: 2 }); // a ended at 10:00: its column is free
    expect(layout.get('d')).toEqual({ column: 0, columns: 1 }); // a cluster of its own
  });

  it('gives three mutually overlapping blocks three columns; touching blocks do not overlap', () => {
    const layout = layoutOverlaps([
      item('x', '2026-12-07T09:00:00Z', '2026-12-07T12:00:00Z'),
      item('y', '2026-12-07T10:00:00Z', '2026-12-07T11:00:00Z'),
      item('z', '2026-12-07T10:30:00Z', '2026-12-07T11:30:00Z'),
      item('t', '2026-12-07T12:00:00Z', '2026-12-07T12:30:00Z'),
    ]);
    expect([...['x', 'y', 'z'].map((id) => layout.get(id)?.column)]).toEqual([0, 1, 2]);
    expect(layout.get('z')?.columns).toBe(3);
    expect(layout.get('t')).toEqual({ column: 0, columns: 1 });
  });
});

describe('drag and resize', () => {
  it('turns a drop position into a snapped local time', () => {
    expect(minutesAt(0)).toBe(7 * 60);
    expect(minutesAt(0.5)).toBe(13 * 60 + 30); // 07:00 + 6.5 h
    expect(minutesAt(0.51)).toBe(13 * 60 + 45); // 13:37.8 → 13:45
    expect(minutesAt(1.4)).toBe(20 * 60);
  });

  it('moves a block to a local time of another day, keeping its length, in the zone', () => {
    const a = item('a', '2026-12-07T15:00:00.000Z', '2026-12-07T16:30:00.000Z');
    expect(movedTo(a, 'America/Chicago', '2026-12-09', 14 * 60)).toEqual({
      startsAt: '2026-12-09T20:00:00.000Z',
      endsAt: '2026-12-09T21:30:00.000Z',
    });
    // Across the spring change in Berlin 10:00 local stays 10:00 local (08:00 UTC after, 09:00 before).
    const b = item('b', '2026-03-27T09:00:00.000Z', '2026-03-27T10:00:00.000Z');
    expect(movedTo(b, 'Europe/Berlin', '2026-03-30', 10 * 60).startsAt).toBe('2026-03-30T08:00:00.000Z');
  });

  it('resizes by whole snaps and never below one snap', () => {
    const a = item('a', '2026-12-07T15:00:00.000Z', '2026-12-07T16:00:00.000Z');
    expect(resizedEnd(a, 29)).toBe('2026-12-07T16:30:00.000Z');
    expect(resizedEnd(a, -7)).toBe('2026-12-07T16:00:00.000Z');
    expect(resizedEnd(a, -600)).toBe('2026-12-07T15:15:00.000Z');
  });
});
