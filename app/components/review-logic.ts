/**
 * The review pane's decisions that are not drawing: reading typed figures, the smallest edit an
 * event form asks for, the passage of an article shown around an evidence span, and a correction
 * log entry in words. Pure, so they are tested without a browser (review-logic.test.ts).
 */
import type { EventFeature, EventProperties } from "@/lib/api";
import { FAMILY_LABEL, GEO_PRECISION_LABEL, LINK_KIND_LABEL } from "@/lib/map/event-style";
import type { EditEventPayload, LogEntry } from "@/lib/overrides";
import { splitLinkId, type ClaimStatus, type Family, type GeoPrecision, type Range } from "@/lib/schema";
import type { z } from "zod";

export type ActorChoice = { id: string; name: string };

/** "" → null (unknown), else a whole number ≥ 0; NaN marks a bad entry. */
const count = (s: string): number | null => (s.trim() === "" ? null : /^\d+$/.test(s.trim()) ? Number(s) : NaN);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A low–high figure as typed: both empty is unknown (null), one alone is a single figure. */
export function parseFigures(low: string, high: string, what: string): Parsed<Range | null> {
  const [l, h] = [count(low), count(high)];
  if (Number.isNaN(l) || Number.isNaN(h)) return { ok: false, message: `${what}: whole numbers, or empty for unknown` };
  if (l === null && h === null) return { ok: true, value: null };
  const value = { low: l ?? h!, high: h ?? l! };
  return value.low <= value.high ? { ok: true, value } : { ok: false, message: `${what}: the low figure is above the high one` };
}

const sameRange = (a: Range | null, b: Range | null) => (a === null || b === null ? a === b : a.low === b.low && a.high === b.high);

/** What the details form holds; "" for an actor or label means none. */
export type DetailsDraft = {
  family: Family;
  attacker: string;
  target: string;
  targetLabel: string;
  killed: { low: string; high: string };
  injured: { low: string; high: string };
  claim: ClaimStatus;
};

export const draftOf = (p: EventProperties): DetailsDraft => ({
  family: p.family,
  attacker: p.attacker ?? "",
  target: p.target ?? "",
  targetLabel: p.targetLabel ?? "",
  killed: { low: p.killed ? String(p.killed.low) : "", high: p.killed ? String(p.killed.high) : "" },
  injured: { low: p.injured ? String(p.injured.low) : "", high: p.injured ? String(p.injured.high) : "" },
  claim: p.claim,
});

/** The edit-event payload for what the draft changes, only that; an error when a figure is bad or nothing changed. */
export function editPayload(p: EventProperties, d: DetailsDraft): Parsed<z.input<typeof EditEventPayload>> {
  const killed = parseFigures(d.killed.low, d.killed.high, "Killed");
  if (!killed.ok) return killed;
  const injured = parseFigures(d.injured.low, d.injured.high, "Injured");
  if (!injured.ok) return injured;
  const label = d.targetLabel.trim();
  const value = {
    ...(d.family !== p.family ? { family: d.family } : {}),
    ...(d.attacker !== (p.attacker ?? "") ? { attacker: d.attacker || null } : {}),
    ...(d.target !== (p.target ?? "") ? { target: d.target || null } : {}),
    ...(label !== (p.targetLabel ?? "") ? { targetLabel: label || null } : {}),
    ...(!sameRange(killed.value, p.killed) ? { killed: killed.value } : {}),
    ...(!sameRange(injured.value, p.injured) ? { injured: injured.value } : {}),
    ...(d.claim !== p.claim ? { claim: d.claim } : {}),
  };
  return Object.keys(value).length ? { ok: true, value } : { ok: false, message: "Nothing changed" };
}

/**
 * Where to cut an article to show a span with `context` characters either side, moved to word
 * boundaries; the span is clamped to the text (a stale span must not break the page).
 */
export function passage(text: string, span: { start: number; end: number }, context: number): { start: number; end: number; from: number; to: number } {
  const start = Math.min(Math.max(0, span.start), text.length);
  const end = Math.min(Math.max(start, span.end), text.length);
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) from = Math.min(start, text.indexOf(" ", from) + 1 || start);
  if (to < text.length) to = Math.max(end, text.lastIndexOf(" ", to));
  return { start, end, from, to };
}

export const VERB: Record<LogEntry["action"], string> = {
  "confirm-event": "Confirmed",
  "reject-event": "Rejected",
  "edit-event": "Edited",
  "move-place": "Moved",
  "fix-date": "Re-dated",
  "confirm-link": "Confirmed the link",
  "reject-link": "Rejected the link",
  "add-link": "Added the link",
};

const range = (r: unknown) => {
  const v = r as { low: number; high: number } | null;
  return v ? (v.low === v.high ? String(v.low) : `${v.low}–${v.high}`) : "unknown";
};

/** What an override set, in words. */
export function changeOf(e: LogEntry): string {
  const p = e.payload;
  switch (e.action) {
    case "move-place":
      return `to ${p.name ? `${String(p.name)} ` : ""}(${Number(p.lat).toFixed(3)}, ${Number(p.lon).toFixed(3)}), ${GEO_PRECISION_LABEL[(p.precision ?? 1) as GeoPrecision]}`;
    case "fix-date":
      return `to ${String(p.dateStart)}${p.dateEnd && p.dateEnd !== p.dateStart ? `…${String(p.dateEnd)}` : ""} (to the ${String(p.datePrecision ?? "day")})`;
    case "edit-event":
      return Object.entries(p)
        .map(([k, v]) => `${k}: ${k === "killed" || k === "injured" ? range(v) : k === "family" ? FAMILY_LABEL[v as Family] : (v ?? "unknown")}`)
        .join(", ");
    case "add-link":
      return p.kind ? `(${LINK_KIND_LABEL[p.kind as keyof typeof LINK_KIND_LABEL]})` : "";
    default:
      return "";
  }
}

/** The event, or the link's two events, an entry is about, by title where the page knows it. */
export function targetName(e: LogEntry, titles: ReadonlyMap<string, string>): string {
  if (!e.action.endsWith("-link")) return titles.get(e.targetId) ?? e.targetId;
  const { from, to } = splitLinkId(e.targetId);
  return `${titles.get(from) ?? from} → ${titles.get(to) ?? to}`;
}

/** One entry in words: "Moved <event> to <place> (lat, lon), <precision>". */
export function describeEntry(e: LogEntry, titles: ReadonlyMap<string, string>): string {
  return [VERB[e.action], targetName(e, titles), changeOf(e)].filter(Boolean).join(" ");
}

/** The store's actors, with any the shown events name that the store list lacks (it may lag a write). */
export function actorsOf(stored: readonly ActorChoice[], events: readonly EventFeature[]): ActorChoice[] {
  const by = new Map<string, string>(stored.map((a) => [a.id, a.name]));
  for (const { properties: p } of events) {
    if (p.attacker && !by.has(p.attacker)) by.set(p.attacker, p.attackerName ?? p.attacker);
    if (p.target && !by.has(p.target)) by.set(p.target, p.targetName ?? p.target);
  }
  return [...by].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
