/** Rule fixtures are judged as of this day, so retention cases do not drift with the calendar. */
export const FIXTURE_DAY = '2026-01-15';
