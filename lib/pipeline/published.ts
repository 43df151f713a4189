/**
 * Publication date when none is given: a release mark ("Press Release | Dec. 25, 2023", "Release
 * Number 20231225-01") wins; then a dateline near the top ("February 3, 2024 at 6:40 a.m.",
 * "Updated 12 January 2024") wins; else the latest full date in captions or body (a news report
 * is not older than the latest day it names); else the latest "Month Year" the text names, taken
 * as that month's last day. Reader comments and related links do not count.
 */
import * as chrono from "chrono-node";
import { FULL_DATE_RE } from "./clean";
import type { Block } from "./types";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Full dates (day, month and year written) in a string, with their offsets in it. */
function fullDatesAt(s: string): { at: number; date: string }[] {
  const out: { at: number; date: string }[] = [];
  for (const m of s.matchAll(FULL_DATE_RE)) {
    for (const r of chrono.parse(m[0], new Date(Date.UTC(2000, 0, 1)))) {
      if (!r.start.isCertain("year") || !r.start.isCertain("day")) continue;
      const y = r.start.get("year")!;
      const mo = r.start.get("month")!;
      const d = r.start.get("day")!;
      out.push({ at: m.index! + r.index, date: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` });
    }
  }
  return out;
}
const fullDates = (s: string) => fullDatesAt(s).map((x) => x.date);

/** Where the page's own text lives: not reader comments, related links, chrome or the infobox. */
const usableBlocks = (blocks: Block[]) => blocks.filter((b) => b.role !== "comments" && b.role !== "related" && b.role !== "chrome" && b.role !== "infobox");

/** The full dates the page's text states, with their offsets in the article (for narrative anchors). */
export function statedDates(text: string, blocks: Block[]): { at: number; date: string }[] {
  return usableBlocks(blocks).flatMap((b) => fullDatesAt(text.slice(b.start, b.end)).map((x) => ({ at: b.start + x.at, date: x.date })));
}

const pad = (n: number | string) => String(n).padStart(2, "0");
const valid = (y: number, m: number, d: number) => {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return m >= 1 && m <= 12 && d >= 1 && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
};

/**
 * Marks that state when a release went out, wherever the page puts them (often in its furniture):
 * "Press Release | Dec. 25, 2023", "Release Number 20231225-01", "Date Posted: 03.06.2024" (US
 * month first, as DVIDS writes it), "Published: 12 January 2024".
 */
const RELEASE_MARKS: { re: RegExp; date: (m: RegExpMatchArray) => string | null; from: string }[] = [
  // A transcript is dated by the day it was spoken ("Holds a Press Briefing Aug. 26, 2021"), which
  // its "today" means, not by the day the page was posted.
  {
    re: /\b(?:Press Briefing|News Briefing|Briefing|Press Conference|News Conference|Press Gaggle|Remarks|Testimony|Interview)\b[^\n|]{0,40}?\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(?:19|20)\d{2})/,
    date: (m) => fullDates(m[1]!)[0] ?? null,
    from: "briefing date",
  },
  { re: /\bRelease (?:Number|No\.?)\s*:?\s*((?:19|20)\d{2})(\d{2})(\d{2})\b/i, date: (m) => valid(Number(m[1]), Number(m[2]), Number(m[3])), from: "release number" },
  { re: /\bDate Posted:\s*(\d{2})\.(\d{2})\.(\d{4})\b/i, date: (m) => valid(Number(m[3]), Number(m[1]), Number(m[2])), from: "date posted" },
  {
    re: /\b(?:Press Release|News Release|Press Statement|Statement|Readout|Transcript|Published|Posted|Released)\s*[|:•·—–-]\s*([^|\n]{6,40})/i,
    date: (m) => fullDates(m[1]!)[0] ?? null,
    from: "release date",
  },
];

export function inferPublished(text: string, blocks: Block[]): { date: string; from: string } | null {
  const page = blocks.filter((b) => b.role !== "comments" && b.role !== "related").map((b) => text.slice(b.start, b.end));
  for (const mark of RELEASE_MARKS)
    for (const line of page) {
      const m = line.match(mark.re);
      const d = m && mark.date(m);
      if (d) return { date: d, from: mark.from };
    }
  const usable = usableBlocks(blocks);
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
