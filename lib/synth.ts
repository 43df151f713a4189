/**
 * ACLED-like synthetic events for scale work (`strikeline synth`, the scale benchmarks). Real
 * conflict data is lumpy, and a uniform scatter would flatter every index and aggregate, so:
 *  - space: events fall on a few dozen hubs, most of them on a handful of recurring sites per hub;
 *  - time: each hub has campaigns (weeks of intense activity) over a quieter background;
 *  - actors: each hub has its dyads (attacker → target) with their own mix of families;
 *  - casualties: half the events report none, the rest a heavy tail;
 *  - chains: a blow is answered by the target, within days, with decaying odds of a reply.
 * Deterministic for (n, seed) and produced in batches, so a million events never sit in memory.
 */
import { linkId, type ClaimStatus, type DatePrecision, type Family, type PlaceKind } from "./schema";
import { rng, type Rng } from "./testing/rng";
import { dayOf, isoOf } from "./map/time";

export type SynthEvent = {
  id: string;
  title: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: DatePrecision;
  family: Family;
  attacker: string;
  target: string;
  placeName: string;
  lon: number;
  lat: number;
  geoPrecision: 1 | 2;
  placeKind: PlaceKind;
  country: string | null;
  areaKm: number | null;
  killedLow: number | null;
  killedHigh: number | null;
  injuredLow: number | null;
  injuredHigh: number | null;
  claim: ClaimStatus;
  note: string;
};
export type SynthLink = { id: string; from: string; to: string; delayDays: number };
export type SynthBatch = { events: SynthEvent[]; links: SynthLink[] };

/** Every synthetic id starts with this, so a run can replace the previous one without touching real events. */
export const SYNTH_PREFIX = "syn-";

/** Actors the generator uses; all are canonical ids of data/seed/curated.json. */
export const SYNTH_ACTORS = [
  "united-states", "iran", "irgc", "kataib-hezbollah", "israel", "hezbollah", "hamas", "pij", "syria", "syrian-army",
  "iraqi-security-forces", "unidentified-militants", "coalition-forces",
] as const;
type Actor = (typeof SYNTH_ACTORS)[number];

type Dyad = { attacker: Actor; target: Actor; families: readonly Family[] };
type Hub = { name: string; lon: number; lat: number; spread: number; country: string | null; sea: boolean; weight: number; dyads: readonly Dyad[] };

const AIR: readonly Family[] = ["airstrike", "airstrike", "drone", "missile"];
const MILITIA: readonly Family[] = ["rocket", "rocket", "drone", "artillery"];
const GROUND: readonly Family[] = ["ground", "artillery", "riot", "assassination"];
const SEA: readonly Family[] = ["maritime", "maritime", "drone", "missile"];

const d = (attacker: Actor, target: Actor, families: readonly Family[]): Dyad => ({ attacker, target, families });
const US_KH = [d("kataib-hezbollah", "united-states", MILITIA), d("united-states", "kataib-hezbollah", AIR)];
const IL_HZ = [d("hezbollah", "israel", MILITIA), d("israel", "hezbollah", AIR)];
const IL_HA = [d("hamas", "israel", MILITIA), d("israel", "hamas", AIR), d("pij", "israel", MILITIA)];
const IL_IR = [d("israel", "irgc", AIR), d("irgc", "israel", ["missile", "drone"])];
const SY = [d("syrian-army", "unidentified-militants", GROUND), d("unidentified-militants", "syrian-army", GROUND), ...IL_IR];
const IQ = [d("unidentified-militants", "iraqi-security-forces", GROUND), d("iraqi-security-forces", "unidentified-militants", GROUND), ...US_KH];

const HUBS: readonly Hub[] = [
  { name: "Baghdad", lon: 44.37, lat: 33.31, spread: 0.25, country: "IQ", sea: false, weight: 8, dyads: IQ },
  { name: "Anbar", lon: 42.2, lat: 33.5, spread: 0.9, country: "IQ", sea: false, weight: 4, dyads: IQ },
  { name: "Kirkuk", lon: 44.39, lat: 35.47, spread: 0.3, country: "IQ", sea: false, weight: 3, dyads: IQ },
  { name: "Erbil", lon: 44.01, lat: 36.19, spread: 0.3, country: "IQ", sea: false, weight: 3, dyads: [...US_KH, d("irgc", "united-states", ["missile", "drone"])] },
  { name: "Mosul", lon: 43.13, lat: 36.34, spread: 0.4, country: "IQ", sea: false, weight: 3, dyads: IQ },
  { name: "Damascus", lon: 36.29, lat: 33.51, spread: 0.3, country: "SY", sea: false, weight: 5, dyads: SY },
  { name: "Aleppo", lon: 37.16, lat: 36.2, spread: 0.4, country: "SY", sea: false, weight: 5, dyads: SY },
  { name: "Idlib", lon: 36.63, lat: 35.93, spread: 0.35, country: "SY", sea: false, weight: 6, dyads: SY },
  { name: "Deir ez-Zor", lon: 40.14, lat: 35.34, spread: 0.6, country: "SY", sea: false, weight: 4, dyads: [...SY, ...US_KH] },
  { name: "Homs", lon: 36.72, lat: 34.73, spread: 0.4, country: "SY", sea: false, weight: 3, dyads: SY },
  { name: "South Lebanon", lon: 35.4, lat: 33.25, spread: 0.2, country: "LB", sea: false, weight: 7, dyads: IL_HZ },
  { name: "Beirut", lon: 35.5, lat: 33.88, spread: 0.08, country: "LB", sea: false, weight: 1, dyads: IL_HZ },
  { name: "Bekaa", lon: 36.0, lat: 33.85, spread: 0.25, country: "LB", sea: false, weight: 2, dyads: IL_HZ },
  { name: "Northern Israel", lon: 35.4, lat: 32.95, spread: 0.2, country: "IL", sea: false, weight: 4, dyads: IL_HZ },
  { name: "Gaza", lon: 34.42, lat: 31.45, spread: 0.12, country: "PS", sea: false, weight: 10, dyads: IL_HA },
  { name: "Southern Israel", lon: 34.6, lat: 31.3, spread: 0.25, country: "IL", sea: false, weight: 3, dyads: IL_HA },
  { name: "Tehran", lon: 51.42, lat: 35.69, spread: 0.3, country: "IR", sea: false, weight: 1, dyads: IL_IR },
  { name: "Isfahan", lon: 51.67, lat: 32.65, spread: 0.3, country: "IR", sea: false, weight: 1, dyads: IL_IR },
  { name: "Red Sea", lon: 40.5, lat: 16.5, spread: 1.2, country: null, sea: true, weight: 2, dyads: [d("unidentified-militants", "united-states", SEA), d("united-states", "unidentified-militants", AIR)] },
  { name: "Gulf of Oman", lon: 58.6, lat: 24.6, spread: 0.8, country: null, sea: true, weight: 1, dyads: [d("irgc", "israel", SEA), d("israel", "irgc", SEA)] },
];

const CLAIMS: readonly ClaimStatus[] = ["claimed", "claimed", "attributed", "attributed", "unknown", "unknown", "unknown", "denied", "declined"];

export const SYNTH_START = "2015-01-01";
const SPAN_DAYS = 10 * 365;
/** A blow is answered with these odds, and each answer again with a little less. */
const REPLY_ODDS = 0.35;
const REPLY_DECAY = 0.7;
const MAX_REPLY_DAYS = 10;

type HubState = { hub: Hub; sites: [number, number][]; campaigns: { day: number; days: number }[] };

function prepare(r: Rng): { hubs: HubState[]; cumulative: number[] } {
  const hubs = HUBS.map((hub) => ({
    hub,
    sites: Array.from({ length: 6 + r.int(0, 6) }, () => [hub.lon + gauss(r) * hub.spread, hub.lat + gauss(r) * hub.spread] as [number, number]),
    campaigns: Array.from({ length: 3 + r.int(0, 5) }, () => ({ day: r.int(0, SPAN_DAYS - 1), days: r.int(10, 90) })),
  }));
  let sum = 0;
  const cumulative = HUBS.map((h) => (sum += h.weight));
  return { hubs, cumulative: cumulative.map((c) => c / sum) };
}

/** Standard normal by Box–Muller. */
const gauss = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function casualties(r: Rng, family: Family): { low: number | null; high: number | null } {
  if (family === "meeting" || r.chance(0.5)) return { low: null, high: null };
  // Heavy tail: most events kill a few, a few kill dozens or hundreds.
  const high = Math.floor(Math.exp(gauss(r) * 1.3 + 0.6));
  return { low: r.chance(0.3) ? Math.floor(high * r.next()) : high, high };
}

/** `n` events (their replies included) in batches of about `batchSize`, links beside the events they join. */
export function* synthesize(n: number, { seed = 1, batchSize = 10_000 }: { seed?: number; batchSize?: number } = {}): Generator<SynthBatch> {
  const r = rng(seed);
  const { hubs, cumulative } = prepare(r);
  const start = dayOf(SYNTH_START);
  let made = 0;
  let batch: SynthBatch = { events: [], links: [] };

  const makeEvent = (h: HubState, dyad: Dyad, day: number): SynthEvent => {
    const i = made++;
    const onSite = r.chance(0.75);
    const [lon, lat] = onSite
      ? r.pick(h.sites).map((c) => c + gauss(r) * 0.01)
      : [h.hub.lon + gauss(r) * h.hub.spread, h.hub.lat + gauss(r) * h.hub.spread];
    const family = r.pick(dyad.families);
    const killed = casualties(r, family);
    const injured = casualties(r, family);
    const p = r.next();
    const precision: DatePrecision = p < 0.9 ? "day" : p < 0.97 ? "week" : "month";
    const iso = isoOf(start + day);
    const dateStart = precision === "month" ? `${iso.slice(0, 7)}-01` : iso;
    const dateEnd = precision === "day" ? iso : precision === "week" ? isoOf(start + day + 6) : lastOfMonth(iso);
    return {
      id: `${SYNTH_PREFIX}${seed}-${i}`,
      title: `${family[0]!.toUpperCase()}${family.slice(1)} in ${h.hub.name}`,
      dateStart,
      dateEnd,
      datePrecision: precision,
      family,
      attacker: dyad.attacker,
      target: dyad.target,
      placeName: h.hub.name,
      lon: round5(lon!),
      lat: round5(lat!),
      geoPrecision: onSite ? 1 : 2,
      placeKind: h.hub.sea ? "sea" : onSite ? "town" : "region",
      country: h.hub.country,
      areaKm: onSite ? null : Math.round(h.hub.spread * 111),
      killedLow: killed.low,
      killedHigh: killed.high,
      injuredLow: injured.low,
      injuredHigh: injured.high,
      claim: r.pick(CLAIMS),
      note: `Synthetic event (strikeline synth, seed ${seed}).`,
    };
  };

  while (made < n) {
    const u = r.next();
    const h = hubs[cumulative.findIndex((c) => u <= c)] ?? hubs[hubs.length - 1]!;
    // Two thirds of the activity falls inside a campaign.
    const c = r.chance(0.66) ? r.pick(h.campaigns) : null;
    const day = c ? Math.min(SPAN_DAYS - 1, c.day + r.int(0, c.days)) : r.int(0, SPAN_DAYS - 1);
    let dyad = r.pick(h.hub.dyads);
    let cause = makeEvent(h, dyad, day);
    batch.events.push(cause);
    let causeDay = day;
    for (let odds = REPLY_ODDS; made < n && r.chance(odds); odds *= REPLY_DECAY) {
      const reply = h.hub.dyads.find((x) => x.attacker === dyad.target && x.target === dyad.attacker);
      if (!reply) break;
      const delay = r.int(1, MAX_REPLY_DAYS);
      if (causeDay + delay >= SPAN_DAYS) break;
      const effect = makeEvent(h, reply, causeDay + delay);
      batch.events.push(effect);
      batch.links.push({ id: linkId(cause.id, effect.id), from: cause.id, to: effect.id, delayDays: delay });
      [cause, dyad, causeDay] = [effect, reply, causeDay + delay];
    }
    if (batch.events.length >= batchSize) {
      yield batch;
      batch = { events: [], links: [] };
    }
  }
  if (batch.events.length) yield batch;
}

function lastOfMonth(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
