import { tenantFormatting } from './tenant-format';

const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

/**
 * Human readable duration with (at most) the two most significant units:
 * `93784` → `"1d 2h"`, `125` → `"2m 5s"`, `3600` → `"1h"`, `42.7` → `"42s"`.
 */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  const seconds = Math.floor(totalSeconds);
  const index = UNITS.findIndex(([, size]) => seconds >= size);
  const major = UNITS[index];
  if (!major) return '0s';
  const text = `${Math.floor(seconds / major[1])}${major[0]}`;
  const minor = UNITS[index + 1];
  const minorValue = minor ? Math.floor((seconds % major[1]) / minor[1]) : 0;
  return minor && minorValue > 0 ? `${text} ${minorValue}${minor[0]}` : text;
}

/** Local time of day, e.g. `"14:05:09"` (the company's locale and time zone). */
export function formatTime(date: Date | number): string {
  return new Intl.DateTimeFormat(tenantFormatting().locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: tenantFormatting().timeZone,
  }).format(date);
}

/** Local date and time, e.g. `"5 Jan 2026, 14:05"` (the company's locale and time zone); `—` for null. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(tenantFormatting().locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: tenantFormatting().timeZone,
  }).format(date);
}

/** Local date, e.g. `"5 Jan 2026"`; `—` for null. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(tenantFormatting().locale, {
    dateStyle: 'medium',
    timeZone: tenantFormatting().timeZone,
  }).format(date);
}
