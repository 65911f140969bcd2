/** Wall-clock time ↔ UTC instants: shared with the web calendar, so it lives in the contracts package. */
export {
  addDays,
  dateMs,
  dateOf,
  isoWeekday,
  offsetMinutes,
  wallClock,
  zonedToUtc,
} from '@tessera/contracts';
