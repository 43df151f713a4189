/**
 * Sentence splitting over the body and caption blocks, with offsets into the original text.
 * News copy is full of abbreviations that end in a period ("U.S.", "Gen.", "Dec. 27"), so a
 * period ends a sentence only when the word before it is not one of them.
 */
import type { DatePrecision } from "../schema";
import type { Block, Sentence } from "./types";

const ABBREVIATIONS = new Set(
  [
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "rep",
    "sen", "gov", "pres", "st", "sr", "jr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "est", "approx", "fig", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "i.e", "e.g", "al", "mt",
  ].map((s) => s.toLowerCase()),
);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const pad = (n: number) => String(n).padStart(2, "0");
const MONTH_ABBR = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)";

/** A heading that is a day ("May 12, 2019", "12 May 2019", "September 27", "Oct. 1"); a day without a year is the latest not after publication. */
function headingDay(text: string, pub: string | null): Sentence["section"] {
  const t = text.replace(/^[*_\s]+|[*_\s]+$/g, "").replace(/^(\w+day),?\s+/i, "");
  const md = t.match(new RegExp(`^(${MONTHS.join("|")}|${MONTH_ABBR})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d:])`, "i"));
  const dm = t.match(new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS.join("|")}|${MONTH_ABBR})\\.?(?:,?\\s+(\\d{4}))?(?![\\d:])`, "i"));
  const parts = md ? { month: md[1]!, day: Number(md[2]), year: md[3] } : dm ? { month: dm[2]!, day: Number(dm[1]), year: dm[3] } : null;
  if (!parts) return null;
  const month = MONTHS.findIndex((m) => m.startsWith(parts.month.toLowerCase().slice(0, 3))) + 1;
  if (month < 1 || parts.day < 1 || parts.day > 31) return null;
  let year = parts.year ? Number(parts.year) : NaN;
  if (!parts.year) {
    if (!pub) return null;
    const [py, pm, pd] = pub.split("-").map(Number) as [number, number, number];
    year = month > pm || (month === pm && parts.day > pd + 1) ? py - 1 : py;
  }
  const iso = `${year}-${pad(month)}-${pad(parts.day)}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : { start: iso, end: iso, precision: "day" };
}

/** A section heading that starts with a month and year ("December 2023: …") or a day dates what follows. */
function headingDate(text: string, pub: string | null = null): Sentence["section"] {
  const day = headingDay(text, pub);
  if (day) return day;
  const m = text.match(/^(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b/i);
  if (!m) {
    const y = text.match(/^(\d{4})\s*[:–—-]/);
    return y ? { start: `${y[1]}-01-01`, end: `${y[1]}-12-31`, precision: "year" as DatePrecision } : null;
  }
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  const year = Number(m[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(last).padStart(2, "0")}`, precision: "month" };
}

/** Offsets [start, end) of the sentences in text[from, to). */
export function splitSentences(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = from;
  const re = /[.!?]+["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\d])/gu;
  re.lastIndex = from;
  const slice = text.slice(0, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const dot = m.index;
    // The word the period closes, e.g. "U.S" or "Gen".
    const word = slice.slice(Math.max(0, dot - 40), dot).match(/([\p{L}.]+)$/u)?.[1]?.toLowerCase() ?? "";
    const isAbbrev = m[0].startsWith(".") && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word));
    if (isAbbrev) continue;
    const end = dot + m[0].length;
    if (end > start) out.push(trim(text, start, end));
    start = end;
  }
  if (start < to) out.push(trim(text, start, to));
  return out.filter((s) => s.end > s.start);
}

function trim(text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Sentences of the body and caption blocks; headings only set the section date. */
export function sentences(text: string, blocks: Block[], pub: string | null = null): Sentence[] {
  const out: Sentence[] = [];
  let section: Sentence["section"] = null;
  for (const b of blocks) {
    if (b.role === "heading") {
      section = headingDate(text.slice(b.start, b.end).replace(/^#+\s*/, ""), pub);
      continue;
    }
    if (b.role !== "body" && b.role !== "caption") continue;
    for (const s of splitSentences(text, b.start, b.end))
      out.push({ ...s, text: text.slice(s.start, s.end), weak: b.role === "caption", paragraph: b.paragraph, section });
  }
  return out;
}
