/**
 * Words for a shared link: the title and description a chat app or social site shows under the
 * preview image, made from the view's filters, e.g.
 *   "Rockets and drones, Dec 2019–Jan 2020 · Strikeline"
 *   "12 of 28 events · rockets, drones · Dec 2019–Jan 2020 · by Kata'ib Hezbollah"
 * Pure and locale-free so the server always writes the same text for the same view.
 */
import type { EventFeature } from "./api";
import type { Family } from "./schema";
import type { FilterCounts } from "./filter";
import type { View } from "./url-state";

export const SITE_NAME = "Strikeline";
const MAX_TITLE = 90;
const MAX_DESCRIPTION = 300;
const MAX_LISTED = 3;

const PLURAL: Record<Family, string> = {
  airstrike: "air strikes",
  drone: "drone strikes",
  missile: "missile attacks",
  rocket: "rocket attacks",
  artillery: "artillery fire",
  bombing: "bombings",
  assassination: "assassinations",
  maritime: "maritime attacks",
  riot: "riots",
  ground: "ground assaults",
  meeting: "meetings",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Names the view's ids stand for, where the caller knows them; ids are shown otherwise. */
export type ShareLabels = {
  actors?: ReadonlyMap<string, string>;
  /** Title of the selected event. */
  selected?: string;
};

export type ShareText = { title: string; description: string };

const parts = (iso: string) => iso.split("-").map(Number) as [number, number, number];
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isMonthStart = (iso: string) => parts(iso)[2] === 1;
const isMonthEnd = (iso: string) => {
  const [y, m, d] = parts(iso);
  return d === lastDayOfMonth(y, m);
};
const month = (iso: string) => {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
};
const day = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** "Dec 2019–Jan 2020", "Mar 2020", "2020", "27 Dec 2019–5 Jan 2020", "since Jan 2020", "until 5 Jan 2020". */
export function formatWindow(from: string | null, to: string | null): string | null {
  if (from && to) {
    if (from.endsWith("-01-01") && to.endsWith("-12-31")) {
      const [a, b] = [from.slice(0, 4), to.slice(0, 4)];
      return a === b ? a : `${a}–${b}`;
    }
    if (isMonthStart(from) && isMonthEnd(to)) return month(from) === month(to) ? month(from) : `${month(from)}–${month(to)}`;
    return from === to ? day(from) : `${day(from)}–${day(to)}`;
  }
  if (from) return `since ${isMonthStart(from) ? month(from) : day(from)}`;
  if (to) return `until ${isMonthEnd(to) ? month(to) : day(to)}`;
  return null;
}

/** "a, b, c" or "a, b, c and 2 more". */
function listed(items: readonly string[]): string {
  const head = items.slice(0, MAX_LISTED).join(", ");
  return items.length > MAX_LISTED ? `${head} and ${items.length - MAX_LISTED} more` : head;
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    return null; // a runtime without ICU region names shows the codes
  }
})();
const countryName = (code: string) => regionNames?.of(code) ?? code;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Actor id → name, from the events' own attacker and target names. */
export function actorNames(events: readonly EventFeature[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { properties: p } of events) {
    if (p.attacker && p.attackerName) names.set(p.attacker, p.attackerName);
    if (p.target && p.targetName) names.set(p.target, p.targetName);
  }
  return names;
}

/** Title and description of a shared view with the given counts. */
export function shareMetadata(view: View, counts: FilterCounts, labels: ShareLabels = {}): ShareText {
  const actor = (id: string) => labels.actors?.get(id) ?? id;
  const families = view.families.map((f) => PLURAL[f]);
  const window = formatWindow(view.from, view.to);

  const facets = [
    families.length ? listed(families) : null,
    window,
    view.attackers.length ? `by ${listed(view.attackers.map(actor))}` : null,
    view.targets.length ? `against ${listed(view.targets.map(actor))}` : null,
    view.countries.length ? `in ${listed(view.countries.map(countryName))}` : null,
    view.chain === "linked" ? "linked events only" : view.chain !== "all" ? "one retaliation chain" : null,
    view.minKilled ? `at least ${view.minKilled} killed` : null,
    view.claims.length ? `claim: ${listed(view.claims)}` : null,
    view.outlets.length ? `reported by ${listed(view.outlets)}` : null,
    view.q ? `matching “${clip(view.q, 40)}”` : null,
  ].filter((f): f is string => f !== null);

  const noun = counts.total === 1 ? "event" : "events";
  const count = counts.shown === counts.total ? `${counts.total} ${noun}` : `${counts.shown} of ${counts.total} ${noun}`;

  const headline = labels.selected
    ? labels.selected
    : families.length || window
      ? capitalise([families.length ? joinAnd(families) : "Events", window].filter(Boolean).join(", "))
      : "Strikes and retaliation, mapped";

  return {
    title: `${clip(headline, MAX_TITLE - SITE_NAME.length - 3)} · ${SITE_NAME}`,
    description: clip([count, ...facets].join(" · "), MAX_DESCRIPTION),
  };
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function joinAnd(items: readonly string[]): string {
  if (items.length > MAX_LISTED) return listed(items);
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
