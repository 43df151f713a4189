/**
 * Events over time for the timeline: calendar-aligned bins (day, week, month, quarter, year),
 * the finest unit that fits the pixels available. Counting walks the sorted start days once.
 */
import { DAY_MS } from "./time";

export type BinUnit = "day" | "week" | "month" | "quarter" | "year";
export type Bin = { start: number; end: number; count: number };
export type Histogram = { unit: BinUnit; bins: Bin[]; max: number };

const UNITS: BinUnit[] = ["day", "week", "month", "quarter", "year"];

const utc = (day: number) => new Date(day * DAY_MS);
const dayOfDate = (y: number, m: number) => Math.round(Date.UTC(y, m, 1) / DAY_MS);

/** Start of the bin containing `day`. Weeks start on Monday (day 4 since 1970-01-01 was a Monday). */
export function binStart(day: number, unit: BinUnit): number {
  const d = Math.floor(day);
  const date = utc(d);
  switch (unit) {
    case "day":
      return d;
    case "week":
      return d - ((((d - 4) % 7) + 7) % 7);
    case "month":
      return dayOfDate(date.getUTCFullYear(), date.getUTCMonth());
    case "quarter":
      return dayOfDate(date.getUTCFullYear(), date.getUTCMonth() - (date.getUTCMonth() % 3));
    case "year":
      return dayOfDate(date.getUTCFullYear(), 0);
  }
}

export function nextBinStart(start: number, unit: BinUnit): number {
  const date = utc(start);
  switch (unit) {
    case "day":
      return start + 1;
    case "week":
      return start + 7;
    case "month":
      return dayOfDate(date.getUTCFullYear(), date.getUTCMonth() + 1);
    case "quarter":
      return dayOfDate(date.getUTCFullYear(), date.getUTCMonth() + 3);
    case "year":
      return dayOfDate(date.getUTCFullYear() + 1, 0);
  }
}

const APPROX_DAYS: Record<BinUnit, number> = { day: 1, week: 7, month: 30.44, quarter: 91.3, year: 365.25 };

/** The finest unit giving at most `maxBins` bins over [from, to]. */
export function chooseUnit(from: number, to: number, maxBins: number): BinUnit {
  const span = to - from + 1;
  return UNITS.find((u) => span / APPROX_DAYS[u] <= maxBins) ?? "year";
}

/**
 * Counts of `days` (sorted ascending) per bin over [from, to], both inclusive; with `weights`,
 * day i counts weights[i] times (a store too large to list sends events per day, not events).
 */
export function histogram(days: Float64Array, from: number, to: number, maxBins: number, weights?: Float64Array): Histogram {
  const unit = chooseUnit(from, to, maxBins);
  const bins: Bin[] = [];
  for (let s = binStart(from, unit); s <= to; s = nextBinStart(s, unit)) bins.push({ start: s, end: nextBinStart(s, unit), count: 0 });
  let i = 0;
  let max = 0;
  for (const bin of bins) {
    while (i < days.length && days[i]! < bin.start) i++;
    while (i < days.length && days[i]! < bin.end) {
      bin.count += weights ? weights[i]! : 1;
      i++;
    }
    max = Math.max(max, bin.count);
  }
  return { unit, bins, max };
}
