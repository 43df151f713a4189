/**
 * Publication date when none is given: a dateline near the top ("February 3, 2024 at 6:40 a.m.",
 * "Updated 12 January 2024") wins; else the latest full date in captions or body (a news report
 * is not older than the latest day it names); else the latest "Month Year" the text names, taken
 * as that month's last day. Reader comments and related links do not count.
 */
import * as chrono from "chrono-node";
import { FULL_DATE_RE } from "./clean";
import type { Block } from "./types";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function fullDates(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(FULL_DATE_RE)) {
    for (const r of chrono.parse(m[0], new Date(Date.UTC(2000, 0, 1)))) {
      if (!r.start.isCertain("year") || !r.start.isCertain("day")) continue;
      const y = r.start.get("year")!;
      const mo = r.start.get("month")!;
      const d = r.start.get("day")!;
      out.push(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    }
  }
  return out;
}

export function inferPublished(text: string, blocks: Block[]): { date: string; from: string } | null {
  const usable = blocks.filter((b) => b.role !== "comments" && b.role !== "related" && b.role !== "chrome" && b.role !== "infobox");
  for (const b of usable.slice(0, 12))
    if (b.role === "dateline") {
      const d = fullDates(text.slice(b.start, b.end))[0];
      if (d) return { date: d, from: "dateline" };
    }
  const all = usable.flatMap((b) => fullDates(text.slice(b.start, b.end)).map((d) => ({ d, role: b.role })));
  const latest = all.sort((a, b) => (a.d < b.d ? 1 : -1))[0];
  if (latest) return { date: latest.d, from: latest.role === "caption" ? "latest date in a photo caption" : "latest full date in the text" };
  let best: string | null = null;
  for (const b of usable) {
    for (const m of text.slice(b.start, b.end).matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/g)) {
      const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      const last = new Date(Date.UTC(Number(m[2]), month, 0)).toISOString().slice(0, 10);
      if (!best || last > best) best = last;
    }
  }
  return best ? { date: best, from: "latest month named in the text (its last day)" } : null;
}
