/**
 * ACLED CSV exports, both ways. In: each row becomes one event — family from the sub-event type
 * (refined by the weapon the notes name), date span from time_precision, geo_precision as is,
 * actor1 → attacker and actor2 → target through the alias table, fatalities as a one-figure range.
 * Out: an event as an ACLED row that ACLED tooling reads; what ACLED's columns cannot hold
 * (family, claim, a casualty range, an exact date span) rides in `tags` as `strikeline key=value`,
 * which the importer reads back, so a Strikeline → ACLED → Strikeline trip loses nothing.
 */
import { iso1N3Code, feature } from "@rapideditor/country-coder";
import { z } from "zod";
import type { EventFeature } from "../api";
import type { ActorIndex } from "../pipeline/actors";
import { addDays, daysBetween } from "../pipeline/dates";
import { ClaimStatus, DatePrecision, EventStatus, Family, GeoPrecision, Range, type DatePrecision as DP } from "../schema";
import { reconciler, type ActorRole } from "./actors";
import { countryAt, countryCode, familyFromText, importedTitle, monthBounds, parseDate, PLACE_KIND_OF } from "./common";
import { readCsvRecords } from "./csv";
import { firstIssue, ImportedEvent, importedEventId, type EventExtra, type ParsedImport } from "./record";

/** The columns of an ACLED export, in ACLED's order. */
export const ACLED_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
  "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
  "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
  "notes", "fatalities", "tags", "timestamp",
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** The columns an import cannot do without; the rest may be missing from a trimmed export. */
const REQUIRED = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "latitude", "longitude", "geo_precision", "fatalities"] as const;

/** sub_event_type → family, the families its notes may refine it to, and the event type it belongs to. */
export const ACLED_SUB_EVENTS: Record<string, { eventType: string; family: Family; refine: Family[] } | null> = {
  "Armed clash": { eventType: "Battles", family: "ground", refine: [] },
  "Government regains territory": { eventType: "Battles", family: "ground", refine: [] },
  "Non-state actor overtakes territory": { eventType: "Battles", family: "ground", refine: [] },
  "Air/drone strike": { eventType: "Explosions/Remote violence", family: "airstrike", refine: ["drone", "missile", "maritime"] },
  "Shelling/artillery/missile attack": { eventType: "Explosions/Remote violence", family: "artillery", refine: ["missile", "rocket", "drone", "maritime"] },
  "Remote explosive/landmine/IED": { eventType: "Explosions/Remote violence", family: "bombing", refine: ["maritime", "assassination"] },
  "Suicide bomb": { eventType: "Explosions/Remote violence", family: "bombing", refine: ["assassination"] },
  Grenade: { eventType: "Explosions/Remote violence", family: "ground", refine: [] },
  "Chemical weapon": { eventType: "Explosions/Remote violence", family: "artillery", refine: ["airstrike", "rocket", "missile"] },
  Attack: { eventType: "Violence against civilians", family: "ground", refine: ["assassination", "drone", "airstrike", "missile", "rocket", "artillery"] },
  "Abduction/forced disappearance": { eventType: "Violence against civilians", family: "ground", refine: [] },
  "Sexual violence": { eventType: "Violence against civilians", family: "ground", refine: [] },
  "Violent demonstration": { eventType: "Riots", family: "riot", refine: [] },
  "Mob violence": { eventType: "Riots", family: "riot", refine: [] },
  "Excessive force against protesters": { eventType: "Protests", family: "riot", refine: [] },
  "Protest with intervention": { eventType: "Protests", family: "riot", refine: [] },
  "Peaceful protest": { eventType: "Protests", family: "riot", refine: [] },
  "Looting/property destruction": { eventType: "Strategic developments", family: "riot", refine: [] },
  Agreement: { eventType: "Strategic developments", family: "meeting", refine: [] },
  // No blow was struck: nothing for a strike map.
  Arrests: null,
  "Change to group/activity": null,
  "Disrupted weapons use": null,
  "Headquarters or base established": null,
  "Non-violent transfer of territory": null,
  Other: null,
};

/** family → the ACLED sub-event type an export writes when the event has no ACLED subtype of its own. */
const SUB_EVENT_OF: Record<Family, string> = {
  airstrike: "Air/drone strike",
  drone: "Air/drone strike",
  missile: "Shelling/artillery/missile attack",
  rocket: "Shelling/artillery/missile attack",
  artillery: "Shelling/artillery/missile attack",
  bombing: "Remote explosive/landmine/IED",
  maritime: "Shelling/artillery/missile attack",
  assassination: "Attack",
  riot: "Violent demonstration",
  ground: "Armed clash",
  meeting: "Agreement",
};

const DISORDER: Record<string, string> = {
  Battles: "Political violence",
  "Explosions/Remote violence": "Political violence",
  "Violence against civilians": "Political violence",
  Riots: "Demonstrations",
  Protests: "Demonstrations",
  "Strategic developments": "Strategic developments",
};

/** inter1/inter2: ACLED's actor types, as the codes of older files or the words of newer ones. */
const INTER: [string, string, ActorRole | "civilians"][] = [
  ["1", "State forces", "force"],
  ["2", "Rebel group", "group"],
  ["3", "Political militia", "group"],
  ["4", "Identity militia", "group"],
  ["5", "Rioters", "crowd"],
  ["6", "Protesters", "crowd"],
  ["7", "Civilians", "civilians"],
  ["8", "External/Other forces", "force"],
];
const interRole = (v: string | undefined) => INTER.find(([code, words]) => v?.trim() === code || v?.trim().toLowerCase() === words.toLowerCase())?.[2] ?? "group";

const TIME_PRECISION: Record<string, DP> = { "1": "day", "2": "week", "3": "month" };

/** `strikeline key=value` entries of the tags cell; ACLED's own tags ("crowd size=no report") are left alone. */
function ourTags(tags: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of (tags ?? "").split(";")) {
    const m = /^\s*strikeline ([a-z]+)=(.*?)\s*$/.exec(t);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

const TagValues = z.object({
  family: Family.optional(),
  claim: ClaimStatus.optional(),
  status: EventStatus.optional(),
  geo: z.coerce.number().pipe(GeoPrecision).optional(),
  killed: z.string().transform((s, ctx) => rangeOf(s, ctx)).optional(),
  injured: z.string().transform((s, ctx) => rangeOf(s, ctx)).optional(),
  dates: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}\/[a-z]+$/, "dates must be start/end/precision")
    .transform((s) => s.split("/") as [string, string, string])
    .pipe(z.tuple([z.iso.date(), z.iso.date(), DatePrecision]))
    .optional(),
});

function rangeOf(s: string, ctx: z.RefinementCtx) {
  const m = /^(\d+)-(\d+)$/.exec(s);
  const r = m ? Range.safeParse({ low: Number(m[1]), high: Number(m[2]) }) : null;
  if (!r?.success) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a low-high range` });
    return z.NEVER;
  }
  return r.data;
}

export function parseAcled(text: string, actors: ActorIndex): ParsedImport {
  const { records, issues } = readCsvRecords(text, REQUIRED);
  const rows = records.length + issues.length;
  const resolve = reconciler(actors);
  const events: ImportedEvent[] = [];
  const bad = (line: number, reason: string) => issues.push({ line, reason });
  for (const { line, values: v } of records) {
    const id = v.event_id_cnty!.trim();
    if (!id) {
      bad(line, "event_id_cnty is empty");
      continue;
    }
    const sub = ACLED_SUB_EVENTS[v.sub_event_type!.trim()];
    if (sub === undefined) {
      bad(line, `unknown sub_event_type "${v.sub_event_type}"`);
      continue;
    }
    if (sub === null) {
      bad(line, `sub_event_type "${v.sub_event_type}" is no attack (nothing to map)`);
      continue;
    }
    const tags = TagValues.safeParse(Object.fromEntries(ourTags(v.tags)));
    if (!tags.success) {
      bad(line, `tags: ${firstIssue(tags.error)}`);
      continue;
    }
    const t = tags.data;
    const date = parseDate(v.event_date!);
    if (!date) {
      bad(line, `event_date "${v.event_date}" is not a date`);
      continue;
    }
    const precision = TIME_PRECISION[v.time_precision!.trim()];
    if (!precision) {
      bad(line, `time_precision "${v.time_precision}" is not 1, 2 or 3`);
      continue;
    }
    const [dateStart, dateEnd] = t.dates ?? (precision === "day" ? [date, date] : precision === "week" ? [addDays(date, -3), addDays(date, 3)] : monthBounds(date));
    const geo = Number(v.geo_precision);
    if (![1, 2, 3].includes(geo)) {
      bad(line, `geo_precision "${v.geo_precision}" is not 1, 2 or 3`);
      continue;
    }
    const fatalities = v.fatalities!.trim();
    if (fatalities && !/^\d+$/.test(fatalities)) {
      bad(line, `fatalities "${v.fatalities}" is not a whole number`);
      continue;
    }
    const lat = Number(v.latitude);
    const lon = Number(v.longitude);
    const notNumber = (["latitude", "longitude"] as const).find((c) => !v[c]!.trim() || !Number.isFinite(Number(v[c])));
    if (notNumber) {
      bad(line, `${notNumber} "${v[notNumber]}" is not a number`);
      continue;
    }
    const role1 = interRole(v.inter1);
    const role2 = interRole(v.inter2);
    const attacker = role1 === "civilians" ? null : resolve.resolve(v.actor1!, role1);
    const target = role2 === "civilians" ? null : resolve.resolve(v.actor2!, role2);
    const family = t.family ?? familyFromText(v.notes ?? "", sub.refine, sub.family);
    const placeName = (v.location ?? "").trim() || [v.admin1, v.country].filter(Boolean).join(", ");
    const candidate = {
      id: importedEventId("acled", id),
      sourceSystem: "acled",
      sourceId: id,
      title: importedTitle(family, attacker, target, placeName, resolve.view),
      dateStart,
      dateEnd,
      datePrecision: t.dates?.[2] ?? precision,
      family,
      subtype: v.sub_event_type!.trim(),
      attacker,
      target,
      targetLabel: role2 === "civilians" && v.actor2!.trim() ? v.actor2!.trim() : null,
      placeName,
      lon,
      lat,
      geoPrecision: t.geo ?? geo,
      placeKind: PLACE_KIND_OF[(t.geo ?? geo) as GeoPrecision],
      country: countryCode(v.iso ?? "") ?? countryCode(v.country ?? "") ?? countryAt(lon, lat),
      areaKm: null,
      killed: t.killed ?? (fatalities ? { low: Number(fatalities), high: Number(fatalities) } : null),
      injured: t.injured ?? null,
      claim: t.claim ?? (attacker ? "attributed" : "unknown"),
      note: (v.notes ?? "").trim(),
      status: t.status ?? "extracted",
      provenance: "imported",
      sourceLabel: (v.source ?? "").trim() || null,
      line,
    };
    const ok = ImportedEvent.safeParse(candidate);
    if (ok.success) events.push(ok.data);
    else bad(line, acledField(firstIssue(ok.error)));
  }
  return { events, links: [], newActors: resolve.created(), issues: issues.sort((a, b) => a.line - b.line), rows };
}

/** zod names our fields; a user of an ACLED file knows ACLED's. */
const acledField = (reason: string) => reason.replace(/^lat:/, "latitude:").replace(/^lon:/, "longitude:");

/** One event as an ACLED row; `x` holds what the API's event shape leaves out (source id, subtype, actor kinds). */
export function toAcledRow(e: EventFeature, x: EventExtra | undefined): Record<AcledColumn, string | number | null> {
  const p = e.properties;
  const ref = x?.source;
  const [lon, lat] = e.geometry.coordinates;
  const subtype = x?.subtype && ACLED_SUB_EVENTS[x.subtype] ? x.subtype : SUB_EVENT_OF[p.family];
  const sub = ACLED_SUB_EVENTS[subtype]!;
  const { eventDate, timePrecision } = acledDate(p.dateStart, p.dateEnd, p.datePrecision);
  const tags = new Map<string, string>([
    ["family", p.family],
    ["claim", p.claim],
  ]);
  const back = (timePrecision === 1 ? [eventDate, eventDate, "day"] : timePrecision === 2 ? [addDays(eventDate, -3), addDays(eventDate, 3), "week"] : [...monthBounds(eventDate), "month"]).join("/");
  if (back !== `${p.dateStart}/${p.dateEnd}/${p.datePrecision}`) tags.set("dates", `${p.dateStart}/${p.dateEnd}/${p.datePrecision}`);
  if (p.geoPrecision === 4) tags.set("geo", "4");
  if (p.killed && p.killed.low !== p.killed.high) tags.set("killed", `${p.killed.low}-${p.killed.high}`);
  if (p.injured) tags.set("injured", `${p.injured.low}-${p.injured.high}`);
  if (p.status !== "extracted") tags.set("status", p.status);
  // A crowd (kind other) is who protests or riots; any other "other" actor is ACLED's catch-all.
  const crowd = sub.eventType === "Protests" ? "Protesters" : sub.eventType === "Riots" ? "Rioters" : "External/Other forces";
  const inter = (kind: string | null, civilians: boolean) => (civilians ? "Civilians" : kind === "state" || kind === "force" ? "State forces" : kind === "other" ? crowd : "Political militia");
  const inter1 = inter(x?.attackerKind ?? null, false);
  const civilians = !p.target && /civilian/i.test(p.targetLabel ?? "");
  const inter2 = p.target || civilians ? inter(x?.targetKind ?? null, civilians) : "";
  const country = p.country ? feature(p.country) : null;
  return {
    event_id_cnty: ref?.system === "acled" ? ref.sourceId : p.id,
    event_date: eventDate,
    year: Number(eventDate.slice(0, 4)),
    time_precision: timePrecision,
    disorder_type: DISORDER[sub.eventType]!,
    event_type: sub.eventType,
    sub_event_type: subtype,
    actor1: p.attackerName ?? p.attacker ?? "",
    assoc_actor_1: "",
    inter1: p.attacker ? inter1 : "",
    actor2: p.targetName ?? p.target ?? (civilians ? p.targetLabel : ""),
    assoc_actor_2: "",
    inter2,
    interaction: [p.attacker ? inter1 : "", inter2].filter(Boolean).join("-"),
    civilian_targeting: civilians ? "Civilian targeting" : "",
    iso: p.country ? Number(iso1N3Code(p.country) ?? 0) || "" : "",
    region: "",
    country: country?.properties.nameEn ?? "",
    admin1: "",
    admin2: "",
    admin3: "",
    location: p.placeName,
    latitude: lat,
    longitude: lon,
    geo_precision: Math.min(p.geoPrecision, 3),
    source: ref?.label ?? p.outlets.join("; "),
    source_scale: "",
    notes: p.note,
    fatalities: p.killed ? p.killed.low : 0,
    tags: [...tags].map(([k, v]) => `strikeline ${k}=${v}`).join("; "),
    // ACLED's upload time; the event's own date keeps an export of the same view byte-identical.
    timestamp: Math.floor(Date.parse(`${p.dateStart}T00:00:00Z`) / 1000),
  };
}

/** ACLED dates one day, the middle of a week (precision 2) or the middle of a month (precision 3). */
function acledDate(start: string, end: string, precision: DP): { eventDate: string; timePrecision: 1 | 2 | 3 } {
  if (precision === "day" || start === end) return { eventDate: start, timePrecision: 1 };
  if (precision === "week" || daysBetween(start, end) <= 7) return { eventDate: addDays(start, Math.floor(daysBetween(start, end) / 2)), timePrecision: 2 };
  return { eventDate: `${start.slice(0, 7)}-15`, timePrecision: 3 };
}
