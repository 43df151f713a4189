/**
 * Time on the map is counted in UTC days since 1970-01-01 (a plain number, fractional while
 * playback moves between days), so sorting, binary search and arithmetic need no Date objects.
 */
import type { DatePrecision } from "../schema";

export const DAY_MS = 86_400_000;

/** "2020-01-03" → 18264 */
export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** 18264.7 → "2020-01-03" (the day the fraction lies in) */
export const isoOf = (day: number): string => new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "3 Jan 2020"; formatted by hand so server and browser render the same text whatever their locale. */
export function formatDay(day: number): string {
  const d = new Date(Math.floor(day) * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A date as precisely as the sources give it: "27 Dec 2019", "week of 28 Dec 2019",
 * "March 2020", "2021".
 */
export function formatDate(dateStart: string, precision: DatePrecision): string {
  const d = new Date(dayOf(dateStart) * DAY_MS);
  switch (precision) {
    case "day":
      return formatDay(dayOf(dateStart));
    case "week":
      return `week of ${formatDay(dayOf(dateStart))}`;
    case "month":
      return `${LONG_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case "year":
      return `${d.getUTCFullYear()}`;
  }
}

/** "+2 days", "same day", "+1 day" — the delay on a retaliation hop. */
export function formatDelay(days: number): string {
  if (days === 0) return "same day";
  const sign = days > 0 ? "+" : "−";
  const n = Math.abs(days);
  return `${sign}${n} day${n === 1 ? "" : "s"}`;
}

export function formatRange(r: { low: number; high: number } | null): string {
  if (!r) return "not reported";
  return r.low === r.high ? String(r.low) : `${r.low}–${r.high}`;
}
