/**
 * Infoboxes: the key–value summary an encyclopedic page opens with ("- Date: 14 September 2019",
 * "Date19 July 2024" where a copy flattened the table, "Location | Barmal District, … |"). It is
 * one more telling of the page's main event, in fields rather than prose: its type gives the
 * family, its date the date (a range such as "7–8 January 2022" stays a range), its location the
 * place, its perpetrator and target the actors. The telling joins the body's telling of the same
 * event in `finalize`, like any other; it never stands for more than one event.
 */
import type { DatePrecision, Range } from "../schema";
import { findActors, type ActorIndex } from "./actors";
import type { Draft } from "./assemble";
import { findDates } from "./dates";
import { findTriggers } from "./families";
import { findPlaces } from "./places";
import type { Block, PlaceMention } from "./types";

const KEYS = {
  date: "Date",
  location: "Location",
  type: "Type|Attack type",
  attacker: "Perpetrators?|Perps|Executed by|Attackers?",
  target: "Targets?",
  killed: "Fatalities|Deaths|Killed",
  injured: "Injur(?:ies|ed)|Wounded|Non-fatal injuries",
} as const;
type Key = keyof typeof KEYS;
const ALL_KEYS = `${Object.values(KEYS).join("|")}|Title|Part ?of|Partof|Coordinates|Time|Timezone|Casualties|Victims|Outcome|Weapons?|Image(?: \\w+)?|Infobox|Motive|Result|Belligerents|Commanders|Strength`;
/** "- Key: value", "Key | value |", or a flattened "Keyvalue" whose value starts with a capital or a digit. */
const LINE = new RegExp(`^(?:[-*•|]\\s*)?(${ALL_KEYS})(?:\\s*[:|]\\s*|(?=[\\p{Lu}\\d~c]))(.*?)\\s*\\|?\\s*$`, "u");
const BARE_KEY = new RegExp(`^(?:[-*•|]\\s*)?(${ALL_KEYS})\\s*:?$`, "u");

export type InfoboxField = { value: string; start: number; end: number };
export type Infobox = { start: number; end: number; paragraph: number } & Partial<Record<Key, InfoboxField>>;

/** Whether a line of a page is an infobox line (a key and its value); the cleaner sets it apart. */
export const isInfoboxLine = (s: string) => s.length <= 220 && (LINE.test(s) || BARE_KEY.test(s)) && !/[.!?]$/.test(s.replace(/\s*\[\d+\]$/, ""));

export function readInfobox(text: string, blocks: Block[]): Infobox | null {
  const lines = blocks.filter((b) => b.role === "infobox");
  if (!lines.length) return null;
  const box: Infobox = { start: lines[0]!.start, end: lines.at(-1)!.end, paragraph: lines[0]!.paragraph };
  for (let i = 0; i < lines.length; i++) {
    const b = lines[i]!;
    const raw = text.slice(b.start, b.end);
    const m = raw.match(LINE) ?? raw.match(BARE_KEY);
    if (!m) continue;
    const key = (Object.keys(KEYS) as Key[]).find((k) => new RegExp(`^(${KEYS[k]})$`).test(m[1]!));
    if (!key || box[key]) continue;
    let value = (m[2] ?? "").trim();
    let start = b.start + raw.lastIndexOf(value, raw.length);
    // "Attack type" alone, its value on the line below.
    const next = blocks.find((x) => x.start > b.end);
    if (!value && next && next.end - next.start <= 80 && !LINE.test(text.slice(next.start, next.end))) {
      value = text.slice(next.start, next.end).trim();
      start = next.start;
    }
    value = value.replace(/\[\d+\]/g, "").replace(/\s*\|\s*$/, "").trim();
    if (value) box[key] = { value, start, end: start + value.length };
  }
  return box.date && (box.location || box.type) ? box : null;
}

const figure = (f: InfoboxField | undefined): Range | null => {
  const m = f?.value.match(/^(?:at least\s+)?(\d[\d,]*)(?:\s*[–-]\s*(\d[\d,]*))?\+?(?!\s*(missing))/i);
  if (!m) return null;
  const low = Number(m[1]!.replace(/,/g, ""));
  const high = m[2] ? Number(m[2].replace(/,/g, "")) : low;
  return low <= high ? { low, high } : null;
};

/** "7–8 January 2022": the day range a date field gives. */
const DAY_RANGE = /^(\d{1,2})\s*[–-]\s*(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u;

/** The infobox as a draft for the page's main event, or null when it lacks a date, a kind or a place. */
export function infoboxDraft(box: Infobox, text: string, pub: string | null, actors: ActorIndex, key: number, group: number): Draft | null {
  const d = box.date!;
  const dates = findDates(d.value, pub).filter((x) => x.kind === "absolute" && x.precision !== "year");
  if (!dates.length) return null;
  let { start, end, precision } = dates[0]! as { start: string; end: string; precision: DatePrecision };
  const range = d.value.match(DAY_RANGE);
  if (range && dates[0]!.precision === "day") {
    const last = findDates(`${range[2]} ${range[3]} ${range[4]}`, pub)[0];
    if (last && last.start >= start) end = last.start;
  }
  if (precision === "day" && end !== start) precision = "week";
  const typeText = box.type?.value ?? text.slice(0, box.start).split("\n").find((l) => l.trim())?.trim() ?? "";
  const family = findTriggers(typeText).find((t) => t.family && !t.hypothetical)?.family ?? null;
  if (!family || family === "meeting") return null;
  // "Abqaiq and Khurais, Saudi Arabia", "Tudun Biri, Kaduna State, Nigeria": every named part, read
  // with the whole field as context; the geocoder's most precise reading wins. Without a location,
  // the place the target field names ("Apartment building in Tel Aviv").
  const loc = box.location ?? box.target;
  if (!loc) return null;
  const places: PlaceMention[] = [];
  if (box.location) {
    for (const m of loc.value.matchAll(/[^,;()]+/g)) {
      for (const part of m[0].split(/\s+and\s+/)) {
        const name = part.trim();
        if (!/^\p{Lu}/u.test(name)) continue;
        const s = loc.start + m.index + m[0].indexOf(name);
        // Anchored past the field: its parts name one place at several scales, never a list to split.
        places.push({ mention: name, span: { start: s, end: s + name.length }, role: "site", toward: false, anchor: loc.end + 1 });
      }
    }
  } else for (const p of findPlaces(loc.value, () => false)) places.push({ ...p, span: { start: p.span.start + loc.start, end: p.span.end + loc.start }, anchor: loc.end + 1 });
  if (!places.length) return null;
  const actorOf = (f: InfoboxField | undefined) => (f ? (findActors(f.value, actors)[0]?.actor ?? null) : null);
  const attacker = actorOf(box.attacker);
  const frame = box.type ? { start: box.type.start, end: box.type.end } : { start: d.start, end: d.end };
  return {
    key,
    sentence: -1 - key,
    paragraph: box.paragraph,
    words: text.slice(frame.start, frame.end),
    frame,
    family,
    soft: false,
    counted: false,
    tightDate: true,
    definite: false,
    repeat: false,
    asCause: false,
    listed: false,
    weak: false,
    // A field is a summary: as sure of the day as prose, less sure that it is the one event told.
    date: { start, end, precision, confidence: 0.85, how: "own" },
    attacker,
    target: actorOf(box.target),
    actorConfidence: attacker ? 0.6 : 0.2,
    places,
    context: loc.value,
    killed: figure(box.killed),
    injured: figure(box.injured),
    claims: [],
    evidence: [{ start: box.start, end: box.end, weak: false }],
    group,
    refined: [],
    mergedInto: null,
    dropped: null,
  };
}
