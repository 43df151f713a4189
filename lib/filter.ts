/**
 * Which events and links a view shows, as one pure function. The page runs it on the events it
 * holds; the API runs it after the database has narrowed the rows with the cheap conditions
 * (db/queries.ts), so both answer exactly the same for the same parameters.
 */
import type { EventFeature, EventProperties, LinkOut } from "./api";
import { cursorSpan } from "./map/playback";
import { dayOf } from "./map/time";
import type { ViewFilters, ViewSelection } from "./url-state";

export type FilterCounts = { shown: number; total: number };
export type FilterResult = { events: EventFeature[]; links: LinkOut[]; counts: FilterCounts };

/**
 * Text as search compares it: accents and case removed (Kataʼib, KATA'IB and kataib are one word),
 * apostrophes dropped because the sources spell names with and without them.
 */
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘ʻʼ`´]/g, "");
}

/** Every word of the search must occur somewhere in the event's text. */
const searchTokens = (q: string) => foldText(q).split(/\s+/).filter(Boolean);

function searchText(p: EventProperties): string {
  return foldText([p.title, p.note, p.placeName, p.attackerName, p.targetName, p.targetLabel, ...p.outlets].filter(Boolean).join("\n"));
}

/** A predicate over event properties for the given filters, with its sets and folded words prepared once. */
export function eventMatcher(f: ViewFilters): (p: EventProperties) => boolean {
  const families = new Set<string>(f.families);
  const attackers = new Set(f.attackers);
  const targets = new Set(f.targets);
  const countries = new Set(f.countries);
  const claims = new Set<string>(f.claims);
  const outlets = new Set(f.outlets.map(foldText));
  const words = searchTokens(f.q);
  return (p) =>
    // Overlap of the event's date span with the window, so a month-precision event shows in any window touching that month.
    (f.from === null || p.dateEnd >= f.from) &&
    (f.to === null || p.dateStart <= f.to) &&
    (families.size === 0 || families.has(p.family)) &&
    (attackers.size === 0 || (p.attacker !== null && attackers.has(p.attacker))) &&
    (targets.size === 0 || (p.target !== null && targets.has(p.target))) &&
    (countries.size === 0 || (p.country !== null && countries.has(p.country))) &&
    (f.chain === "all" || (f.chain === "linked" ? p.chainId !== null : p.chainId === f.chain)) &&
    (f.minKilled === 0 || (p.killed !== null && p.killed.high >= f.minKilled)) &&
    (claims.size === 0 || claims.has(p.claim)) &&
    (outlets.size === 0 || p.outlets.some((o) => outlets.has(foldText(o)))) &&
    (words.length === 0 || matchesAll(searchText(p), words));
}

const matchesAll = (text: string, words: readonly string[]) => words.every((w) => text.includes(w));

/**
 * The events the view shows (input order kept), the links between them, and "shown of total"
 * where total is every event given. A link shows only when both its ends do; with one chain
 * selected that also keeps the links to that chain, since a link joins two events of one chain.
 * With a playback cursor only the events playback has reached show (lib/map/playback.ts
 * cursorSpan, on start dates); `domain` is the first and last start day of the whole store,
 * which a cursor outside the data is clamped to, as on the page.
 */
export function filterView(
  features: readonly EventFeature[],
  links: readonly LinkOut[],
  view: ViewFilters & Partial<ViewSelection>,
  domain: readonly [number, number] | null = null,
): FilterResult {
  const match = eventMatcher(view);
  const span = view.cursor ? cursorSpan({ cursor: view.cursor, from: view.from, to: view.to, mode: view.mode ?? "cumulative", slideDays: view.slideDays ?? 30 }, domain ?? startDomain(features)) : null;
  const events = features.filter((f) => match(f.properties) && (span === null || (f.properties.dateStart >= span[0] && f.properties.dateStart <= span[1])));
  const shown = new Set(events.map((e) => e.id));
  return {
    events,
    links: links.filter((l) => shown.has(l.from) && shown.has(l.to)),
    counts: { shown: events.length, total: features.length },
  };
}

/** First and last start day of the events. */
export function startDomain(features: readonly EventFeature[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const f of features) {
    const d = dayOf(f.properties.dateStart);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return features.length ? [min, max] : [0, 0];
}
