/**
 * Calibration table for `npm run eval`: of the extracted tellings in each confidence bin, the
 * share that are right.
 */
/** Confidence bins of the table. */
export const CONFIDENCE_BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

export type CalibrationRow = { from: number; to: number; events: number; right: number };

export function calibration(items: { confidence: number; right: boolean }[]): { rows: CalibrationRow[]; atLeast08: { events: number; right: number } } {
  const rows = CONFIDENCE_BINS.map((from, i): CalibrationRow => {
    const to = CONFIDENCE_BINS[i + 1] ?? 1.0001;
    const inBin = items.filter((x) => x.confidence >= from && x.confidence < to);
    return { from, to: Math.min(1, to), events: inBin.length, right: inBin.filter((x) => x.right).length };
  });
  const high = items.filter((x) => x.confidence >= 0.8);
  return { rows, atLeast08: { events: high.length, right: high.filter((x) => x.right).length } };
}
