import { UsageError } from '../errors.js';

/** The date `duration` (`30d`, `6w`, `12m`, `1y`) after `date`, both `YYYY-MM-DD`. */
export function addDuration(date: string, duration: string): string {
  const amount = Number(duration.slice(0, -1));
  const unit = duration.at(-1);
  const day = new Date(`${date}T00:00:00Z`);
  if (unit === 'd') day.setUTCDate(day.getUTCDate() + amount);
  else if (unit === 'w') day.setUTCDate(day.getUTCDate() + 7 * amount);
  else if (unit === 'm') day.setUTCMonth(day.getUTCMonth() + amount);
  else day.setUTCFullYear(day.getUTCFullYear() + amount);
  return day.toISOString().slice(0, 10);
}

/**
 * The day a run judges by: `given` (YYYY-MM-DD, checked), else today; a bad date is a usage error.
 * A day the calendar lacks (`2025-02-30`) is refused too: `Date.parse` would roll it over to
 * 2 March, and the run would judge by a day nobody asked for.
 */
export function asOfDay(given: string | undefined): string {
  const day = given ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    throw new UsageError(`Cannot use --as-of \`${day}\`: expected a date such as 2025-06-30`);
  }
  if (!isCalendarDay(day)) throw new UsageError(`Cannot use --as-of \`${day}\`: no such day in the calendar`);
  return day;
}

/** Whether `day` (`YYYY-MM-DD`) names a day that exists: its month has that many days. */
export function isCalendarDay(day: string): boolean {
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/** Today in UTC, `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
