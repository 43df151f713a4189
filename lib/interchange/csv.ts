/**
 * CSV files in: the rows of a file with a header, each with the line it starts on, through
 * csv-parse (quotes, embedded line breaks, a byte-order mark, CRLF or LF). A row with the wrong
 * number of cells is reported, not guessed at. CSV cells out too, with the formula guard that
 * every export applies and reading undoes.
 */
import { parse } from "csv-parse/sync";
import { StrikelineError } from "../errors";
import type { RowIssue } from "./record";

export type CsvRecord = { line: number; values: Record<string, string> };

export function readCsvRecords(text: string, required: readonly string[] = []): { header: string[]; records: CsvRecord[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  let rows: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    rows = parse(text, {
      info: true,
      raw: true,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as typeof rows; // with info and raw, each record comes wrapped; the types do not say so
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new StrikelineError("rejected", `not a readable CSV file${err.lines ? ` (line ${err.lines})` : ""}: ${err.message}`);
  }
  if (!rows.length) throw new StrikelineError("rejected", "the file is empty: a CSV import needs a header line and rows");
  const header = rows[0]!.record.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new StrikelineError("rejected", `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  const records: CsvRecord[] = [];
  for (const r of rows.slice(1)) {
    // info.lines is the line the record ends on; a quoted cell may span several.
    const line = r.info.lines - (r.raw.replace(/\r?\n$|\r$/, "").match(/\r\n|\n|\r/g)?.length ?? 0);
    if (r.record.length !== header.length) {
      issues.push({ line, reason: `${r.record.length} cells where the header has ${header.length}` });
      continue;
    }
    records.push({ line, values: Object.fromEntries(header.map((h, i) => [h, unguardCell(r.record[i]!)])) });
  }
  return { header, records, issues };
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, separator or line break. Text that a
 * spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a
 * leading apostrophe; numbers are written as they are, so negative coordinates stay numbers.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The inverse of csvCell's formula guard, for reading back a file Strikeline wrote. */
export const unguardCell = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
