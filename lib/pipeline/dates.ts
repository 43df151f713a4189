/**
 * Dates: every date expression in a sentence, resolved against the publication date (or, where
 * no text states one, against the narrative's own dates: `Anchor`) to a range with a precision. "last Thursday" is a day whose week is uncertain, "In March" a month, "three
 * years ago" a year; relative expressions ("days after …", "the following weekend") keep an offset
 * and are resolved against another event later. chrono-node parses the absolute and weekday forms
 * (it is fast, but only candidate sentences reach this stage); the rest are plain patterns.
 */
import * as chrono from "chrono-node";
import type { DatePrecision } from "../schema";
import type { DateFact } from "./types";

const DAY = 86_400_000;
export const toIso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const fromIso = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number) => toIso(fromIso(d) + n * DAY);
export const daysBetween = (a: string, b: string) => Math.round((fromIso(b) - fromIso(a)) / DAY);
const monthEnd = (y: number, m: number) => toIso(Date.UTC(y, m, 0));
const pad = (n: number) => String(n).padStart(2, "0");
const monthRange = (y: number, m: number) => ({ start: `${y}-${pad(m)}-01`, end: monthEnd(y, m) });

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  several: 3, few: 3, a_few: 3,
};
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : (NUMBERS[s.toLowerCase().replace(" ", "_")] ?? NaN));
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY_RE = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const NUM_RE = "(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)";

/**
 * What a sentence's dates are resolved against. Normally the publication date. Where no text
 * states one, two days stand in (TimeML/HeidelTime practice for narratives): a year-less day or
 * month ("on 5 March", "in January") takes its year from `date`, the nearest full date told
 * before it, since a story names its year once and then goes on; words said from the writer's
 * own day ("yesterday", "on Friday", "two years ago") are read from `latest`, the latest full
 * date the text states, which a report is not older than. Both are less certain than a stated
 * publication date.
 */
export type Anchor = { date: string; latest: string; narrative: true };

type Rule = {
  re: RegExp;
  resolve: (m: RegExpExecArray, pub: string | null, narrative: Anchor | null) => Omit<DateFact, "span"> | null;
};

const absolute = (start: string, end: string, precision: DatePrecision, confidence = 0.9): Omit<DateFact, "span"> => ({
  start,
  end,
  precision,
  confidence,
  kind: "absolute",
});
const relative = (min: number, max: number, precision: DatePrecision, confidence = 0.7): Omit<DateFact, "span"> => ({
  start: "1970-01-01",
  end: "1970-01-01",
  precision,
  confidence,
  kind: "relative",
  offset: { min, max },
});

/**
 * A day or month without a year. Against a publication date: the latest such day not after it (a
 * report tells what has happened). Against a narrative anchor: of the anchor's year and the years
 * either side, the one that puts the day nearest the anchor, stepping into the next year only
 * where the text names a date that late ("On 3 December 2023 … an attack in January" is January
 * 2023; "on 28 December 2020 … on 3 January" steps into 2021 when the text goes on to name a
 * later date).
 */
function yearForMonth(month: number, day: number, pub: string, narrative: Anchor | null = null): number {
  if (narrative) {
    const ref = fromIso(narrative.date);
    const y0 = Number(narrative.date.slice(0, 4));
    const at = (y: number) => Date.UTC(y, month - 1, Math.min(day, 28));
    const fits = [y0 - 1, y0, y0 + 1].filter((y) => y <= y0 || at(y) <= fromIso(narrative.latest) + DAY);
    return fits.reduce((best, y) => (Math.abs(at(y) - ref) < Math.abs(at(best) - ref) ? y : best));
  }
  const [py, pm, pd] = pub.split("-").map(Number) as [number, number, number];
  return month > pm || (month === pm && day > pd + 1) ? py - 1 : py;
}

/** Most recent given weekday on or before the publication day (a report on Friday about "Friday"). */
function lastWeekday(pub: string, weekday: number, strictlyBefore: boolean): string {
  const d = new Date(fromIso(pub));
  let diff = (d.getUTCDay() - weekday + 7) % 7;
  if (diff === 0 && strictlyBefore) diff = 7;
  return addDays(pub, -diff);
}
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const RULES: Rule[] = [
  // Relative to another event: resolved later, against that event's date.
  { re: /\bthe (following|next) weekend\b/gi, resolve: () => relative(3, 9, "week") },
  { re: /\b(the (following|next) day|a day later|the day after)\b/gi, resolve: () => relative(1, 1, "day") },
  { re: /\b(the (following|next) week|a week later)\b/gi, resolve: () => relative(5, 10, "week") },
  { re: /\b(that|the) same day\b/gi, resolve: () => relative(0, 0, "day", 0.8) },
  { re: /\b(around|at|about) the same time\b/gi, resolve: () => relative(-3, 3, "week", 0.6) },
  { re: /\b(a day|the day) (earlier|before)\b/gi, resolve: () => relative(-1, -1, "day") },
  { re: /\b(soon|shortly) (after|afterwards?)\b/gi, resolve: () => relative(0, 7, "week", 0.5) },
  { re: /\b(hours|a few hours) (later|after)\b/gi, resolve: () => relative(0, 1, "day", 0.6) },
  {
    re: new RegExp(`\\b${NUM_RE} (days?|weeks?|months?) (later|after|before|earlier)\\b`, "gi"),
    resolve: (m) => {
      const n = num(m[1]!);
      if (!Number.isFinite(n)) return null;
      const unit = m[2]!.toLowerCase().replace(/s?$/, "s");
      const size = unit === "days" ? 1 : unit === "weeks" ? 7 : 30;
      const sign = /later|after/i.test(m[3]!) ? 1 : -1;
      const vague = /several|few/i.test(m[1]!);
      const lo = vague ? 2 * size : n * size - (size > 1 ? size / 2 : 0);
      const hi = vague ? 7 * size : n * size + (size > 1 ? size / 2 : 0);
      const [a, b] = sign > 0 ? [lo, hi] : [-hi, -lo];
      return relative(Math.round(a), Math.round(b), unit === "days" && !vague ? "day" : unit === "months" ? "month" : "week");
    },
  },
  { re: /\bdays (later|after|afterwards?)\b/gi, resolve: () => relative(1, 10, "week", 0.6) },
  { re: /\bdays (before|earlier)\b/gi, resolve: () => relative(-10, -1, "week", 0.6) },
  { re: /\bweeks (later|after)\b/gi, resolve: () => relative(10, 45, "month", 0.5) },

  // Anchored to the publication date.
  {
    re: /\b(at the end of|late|in late|by the end of) last year\b/gi,
    resolve: (_m, pub) => (pub ? absolute(`${Number(pub.slice(0, 4)) - 1}-11-15`, `${Number(pub.slice(0, 4)) - 1}-12-31`, "month", 0.8) : null),
  },
  {
    re: /\b(early|earlier|in early|at the (start|beginning) of) last year\b/gi,
    resolve: (_m, pub) => (pub ? absolute(`${Number(pub.slice(0, 4)) - 1}-01-01`, `${Number(pub.slice(0, 4)) - 1}-03-31`, "month", 0.7) : null),
  },
  { re: /\blast year\b/gi, resolve: (_m, pub) => (pub ? yearOf(Number(pub.slice(0, 4)) - 1) : null) },
  { re: /\b(earlier )?this year\b/gi, resolve: (_m, pub) => (pub ? absolute(`${pub.slice(0, 4)}-01-01`, pub, "year", 0.7) : null) },
  {
    re: /\b(late |early |earlier )?last month\b/gi,
    resolve: (m, pub) => {
      if (!pub) return null;
      const [y, mo] = pub.split("-").map(Number) as [number, number];
      const r = monthRange(mo === 1 ? y - 1 : y, mo === 1 ? 12 : mo - 1);
      return absolute(r.start, r.end, "month", m[1] ? 0.8 : 0.75);
    },
  },
  {
    re: /\b(earlier |late |early )?this month\b/gi,
    resolve: (_m, pub) => (pub ? absolute(`${pub.slice(0, 8)}01`, pub, "month", 0.75) : null),
  },
  {
    re: new RegExp(`\\b${NUM_RE} (years|months|weeks|days) ago\\b`, "gi"),
    resolve: (m, pub) => {
      const n = num(m[1]!);
      if (!pub || !Number.isFinite(n)) return null;
      const unit = m[2]!.toLowerCase();
      if (unit === "years") return yearOf(Number(pub.slice(0, 4)) - n);
      if (unit === "months") {
        const t = new Date(fromIso(pub));
        t.setUTCMonth(t.getUTCMonth() - n);
        return absolute(addDays(toIso(t.getTime()), -20), addDays(toIso(t.getTime()), 20), "month", 0.6);
      }
      const days = unit === "weeks" ? n * 7 : n;
      const slack = unit === "weeks" ? 4 : 0;
      return absolute(addDays(pub, -days - slack), addDays(pub, -days + slack), unit === "weeks" ? "week" : "day", 0.7);
    },
  },
  {
    // "last Thursday": the most recent one when it is three or more days back (a Saturday's "last
    // Sunday" is six days before); said a day or two after, writers mean either that one or the one
    // a week before, so the range keeps both.
    re: new RegExp(`\\blast ${WEEKDAY_RE}\\b(?!\\s+of\\b)`, "gi"),
    resolve: (m, pub) => {
      if (!pub) return null;
      const d = lastWeekday(pub, WEEKDAYS.indexOf(m[1]!.toLowerCase()), true);
      return daysBetween(d, pub) >= 3 ? absolute(d, d, "day", 0.8) : absolute(addDays(d, -7), d, "week", 0.7);
    },
  },
  {
    re: new RegExp(`(?<!\\blast\\s)\\b(?:(?:on|late|early|late on|early on)\\s+)?${WEEKDAY_RE}(?!\\s+of\\b)(?:\\s+(morning|afternoon|evening|night))?(\\s+(of\\s+)?last week)?\\b`, "gi"),
    resolve: (m, pub) => {
      if (!pub) return null;
      const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      if (m[3]) {
        const monday = lastWeekday(pub, 1, true);
        return absolute(addDays(monday, -7 + ((wd + 6) % 7)), addDays(monday, -7 + ((wd + 6) % 7)), "day", 0.8);
      }
      const d = lastWeekday(pub, wd, false);
      return absolute(d, d, "day", 0.75);
    },
  },
  {
    re: /\b(last|this past) week(end)?\b/gi,
    resolve: (_m, pub) => {
      if (!pub) return null;
      // The previous calendar week, a day wider on each side: writers stretch it.
      const monday = lastWeekday(pub, 1, true);
      return absolute(addDays(monday, -8), addDays(monday, 0), "week", 0.7);
    },
  },
  { re: /\b(earlier )?this week\b/gi, resolve: (_m, pub) => (pub ? absolute(lastWeekday(pub, 1, false), pub, "week", 0.7) : null) },
  { re: /\byesterday\b/gi, resolve: (_m, pub) => (pub ? absolute(addDays(pub, -1), addDays(pub, -1), "day", 0.85) : null) },
  // A night spans two dates, and the place it happened may be ahead of the writer's time zone.
  { re: /\blast night\b/gi, resolve: (_m, pub) => (pub ? absolute(addDays(pub, -1), pub, "day", 0.8) : null) },
  { re: /\b(overnight|today|this morning|tonight|earlier today)\b/gi, resolve: (_m, pub) => (pub ? absolute(addDays(pub, -1), pub, "day", 0.7) : null) },
];

function yearOf(y: number): Omit<DateFact, "span"> {
  return absolute(`${y}-01-01`, `${y}-12-31`, "year", 0.7);
}

/** Month-and-year, month-alone and year-alone forms chrono leaves out or resolves too eagerly. */
const MONTH_RULES: Rule[] = [
  {
    re: new RegExp(`\\b(?:(early|mid|late|the end of|the start of|the beginning of)[ -])?${MONTH_RE},?\\s+(\\d{4})\\b`, "gi"),
    resolve: (m) => {
      const r = monthRange(Number(m[3]), MONTHS[m[2]!.toLowerCase().replace(".", "")]!);
      return absolute(r.start, r.end, "month", 0.9);
    },
  },
  {
    // "In March", "in late March", "during December": no day, no year.
    re: new RegExp(`\\b(?:in|during|since|by|until|through|from|of)\\s+(?:(early|mid|late)[ -])?${MONTH_RE}(?![a-z])(?![\\s.]*\\d)`, "gi"),
    resolve: (m, pub, narrative) => {
      if (!pub) return null;
      const month = MONTHS[m[2]!.toLowerCase().replace(".", "")]!;
      const r = monthRange(yearForMonth(month, 1, pub, narrative), month);
      return absolute(r.start, r.end, "month", 0.8);
    },
  },
  {
    re: /\b(?:in|during|since|of|by early|by late|early|late)\s+((?:19|20)\d{2})\b(?![-–]\d)/gi,
    resolve: (m) => yearOf(Number(m[1])),
  },
  {
    // "the March attacks": a month used as an adjective of the attack.
    re: new RegExp(`\\bthe\\s+${MONTH_RE}\\s+(?=(?:attacks?|strikes?|bombings?|raids?|assassination|killing|salvo|barrage)\\b)`, "gi"),
    resolve: (m, pub, narrative) => {
      if (!pub) return null;
      const month = MONTHS[m[1]!.toLowerCase().replace(".", "")]!;
      const r = monthRange(yearForMonth(month, 1, pub, narrative), month);
      return absolute(r.start, r.end, "month", 0.75);
    },
  },
  {
    // "the deadly 2012 attack": a year used as an adjective of the attack itself.
    re: /(?<!\b(?:since|before|after|than|until|like|of)\s+(?:the\s+)?)\b((?:19|20)\d{2})\s+(?=(?:[\w-]+\s+)?(?:attacks?|strikes?|bombings?|raids?|war|assassination|killing|invasion|uprising)\b)/gi,
    resolve: (m) => yearOf(Number(m[1])),
  },
];

/** Month-day forms without a year, with or without a year (chrono handles spelling variants). */
function chronoDates(text: string, pub: string | null, narrative: Anchor | null): DateFact[] {
  const out: DateFact[] = [];
  const ref = pub ? new Date(`${pub}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  for (let r of chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    // "the night of April 13": chrono reads the night; the day is the written one.
    const mw = r.text.search(DAY_MONTH_WORD);
    if (mw > 0 && !r.start.isCertain("day")) {
      const inner = chrono.parse(r.text.slice(mw), { instant: ref, timezone: 0 }, { forwardDate: false })[0];
      if (inner && inner.index === 0) r = Object.assign(inner, { index: r.index + mw });
    }
    const k = r.start;
    // Only written-out dates; chrono's own relative forms ("last week") are handled above with ranges.
    if (!MONTH_WORD.test(r.text) && !/\d{1,4}[-/.]\d{1,2}/.test(r.text)) continue;
    if (!k.isCertain("month") || !k.isCertain("day")) continue;
    let year = k.get("year")!;
    const month = k.get("month")!;
    const day = k.get("day")!;
    if (!k.isCertain("year")) {
      if (!pub) continue;
      year = yearForMonth(month, day, pub, narrative);
    }
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (Number.isNaN(fromIso(iso))) continue;
    // chrono's text may include a leading weekday ("Friday, April 14, 2023"): keep it in the span.
    const t = r.text.trimEnd();
    out.push({ ...absolute(iso, iso, "day", k.isCertain("year") ? 0.95 : 0.85), span: { start: r.index, end: r.index + t.length } });
  }
  return out;
}

/** Cheap test that lets most sentences skip the date patterns entirely. */
const MAYBE_DATE =
  /(\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|\b(ago|last|this|yesterday|night|overnight|today|tonight|following|next|later|earlier|same day|after|afterwards?|before|weekend)\b)/i;
const MONTH_WORD = new RegExp(`\\b${MONTH_RE}`, "i");
/** Where a written date starts: at its day when the day comes first ("the afternoon of 8 October 2016"). */
const DAY_MONTH_WORD = new RegExp(`\\b(\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?)?${MONTH_RE}`, "i");

/** Days of one month, day first: "3 and 20 May", "9 June", "3, 9 and 11 March 2020". */
const DAY_GROUP = `\\d{1,2}(?:(?:\\s*,\\s*|\\s+and\\s+)\\d{1,2})*\\s+${MONTH_RE}(?:\\s+(?:19|20)\\d{2})?`;
/** A list of two or more days: "on 3 and 20 May, 9 June and 1 July". */
export const DATE_LIST = new RegExp(`\\b${DAY_GROUP}(?:(?:\\s*,\\s*|\\s+and\\s+|,\\s+and\\s+)${DAY_GROUP})*`, "gi");

/**
 * "Earlier attacks came on 3 and 20 May, 9 June and 1 July": one date per day listed, each
 * marked with the list it belongs to, so that the attacks told with it become one event per day.
 */
function dateLists(text: string, pub: string | null, narrative: Anchor | null = null): DateFact[] {
  const out: DateFact[] = [];
  DATE_LIST.lastIndex = 0;
  let list = 0;
  for (let m = DATE_LIST.exec(text); m; m = DATE_LIST.exec(text)) {
    const days: { day: number; at: number; end: number }[] = [];
    const facts: DateFact[] = [];
    for (const t of m[0].matchAll(new RegExp(`(\\d{1,2})(?!\\d)|${MONTH_RE}(?:\\s+((?:19|20)\\d{2}))?`, "gi"))) {
      if (t[1]) {
        days.push({ day: Number(t[1]), at: m.index + t.index!, end: m.index + t.index! + t[1].length });
        continue;
      }
      const month = MONTHS[t[2]!.toLowerCase().replace(".", "")];
      if (!month) return [];
      for (const d of days.splice(0)) {
        const year = t[3] ? Number(t[3]) : pub ? yearForMonth(month, d.day, pub, narrative) : null;
        const iso = year && `${year}-${pad(month)}-${pad(d.day)}`;
        if (!iso || Number.isNaN(fromIso(iso)) || !toIso(fromIso(iso)).startsWith(iso)) continue;
        facts.push({ ...absolute(iso, iso, "day", t[3] ? 0.9 : 0.8), span: { start: d.at, end: d.end }, list });
      }
    }
    if (facts.length < 2) continue;
    // The last day's span runs to the end of the list, so nothing else reads its month.
    facts.at(-1)!.span.end = m.index + m[0].length;
    out.push(...facts);
    list++;
  }
  return out;
}

/** The text names two or more days in a list ("on 3 and 20 May, 9 June"). */
export const namesDayList = (text: string) => dateLists(text, "2000-12-31").length >= 2;

/** Confidence kept by a date read from a narrative anchor rather than from a stated publication date. */
const NARRATIVE_DISCOUNT = 0.8;

/**
 * All date facts in a sentence; spans are relative to the sentence. Overlaps keep the first found.
 * `anchor` is the publication date (a plain date) or an `Anchor`.
 */
export function findDates(text: string, anchor: string | Anchor | null): DateFact[] {
  if (!MAYBE_DATE.test(text)) return [];
  const narrative = typeof anchor === "object" ? anchor : null;
  // Year-less days read their year against `pub` (or the narrative anchor); words said from the writer's day read `pub`.
  const pub = typeof anchor === "string" ? anchor : (anchor?.latest ?? null);
  const found: DateFact[] = [...dateLists(text, pub, narrative)];
  // Between the days of a list nothing else is a date ("April, 12" is no April 12th).
  const lists = [...new Set(found.map((f) => f.list))].map((l) => {
    const days = found.filter((f) => f.list === l);
    return { start: days[0]!.span.start, end: days.at(-1)!.span.end };
  });
  const taken = (s: number, e: number) => found.some((f) => f.span.start < e && s < f.span.end) || lists.some((l) => l.start < e && s < l.end);
  const apply = (rules: Rule[]) => {
    for (const rule of rules) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        const s = m.index;
        const e = s + m[0].length;
        if (taken(s, e)) continue;
        const r = rule.resolve(m, pub, narrative);
        if (r) found.push({ ...r, span: { start: s, end: e } });
      }
    }
  };
  // Full dates first, so "Dec. 27" is not also read as "in December".
  for (const d of chronoDates(text, pub, narrative)) if (!taken(d.span.start, d.span.end)) found.push(d);
  apply(MONTH_RULES);
  apply(RULES);
  // "the official said today", "told reporters in March": when something was said, not done.
  const spoken = (f: DateFact) => /\b(said|says|told|added|announced|stated|wrote|briefing|reported|statement)\s+(\S+\s+){0,2}$/i.test(text.slice(Math.max(0, f.span.start - 40), f.span.start));
  // What a narrative anchor resolved (every absolute date that writes no year) is less sure.
  const fromAnchor = (f: DateFact) => narrative !== null && f.kind === "absolute" && !/\b(1[89]|20)\d{2}\b/.test(text.slice(f.span.start, f.span.end));
  return found
    .filter((f) => !spoken(f))
    .map((f) => (fromAnchor(f) ? { ...f, confidence: Math.round(f.confidence * NARRATIVE_DISCOUNT * 100) / 100 } : f))
    .sort((a, b) => a.span.start - b.span.start);
}

/**
 * The anchor for each place in a text that states no publication date: the nearest full date
 * stated before it (else the latest), with the latest as the bound; null when it states none.
 * `stated` are the text's full dates with their offsets.
 */
export function narrativeAnchor(stated: { at: number; date: string }[]): (at: number) => Anchor | null {
  const byPlace = [...stated].sort((a, b) => a.at - b.at);
  const latest = stated.reduce<string | null>((best, s) => (!best || s.date > best ? s.date : best), null);
  return (at) => (latest ? { date: byPlace.filter((s) => s.at < at).at(-1)?.date ?? latest, latest, narrative: true } : null);
}

/** Intersection of two ranges when they overlap, else null. */
export function intersect(a: { start: string; end: string }, b: { start: string; end: string }) {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

/** The precision a range deserves by its width. */
export function precisionOf(start: string, end: string): DatePrecision {
  const w = daysBetween(start, end);
  return w <= 1 ? "day" : w <= 13 ? "week" : w <= 62 ? "month" : "year";
}
