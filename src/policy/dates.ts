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

/** Today in UTC, `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
