"use client";
/**
 * The correction log: every override, newest first, with when, who, what and why; each can be
 * undone (the data goes back to what it was without it), and an undone one says when and by whom.
 */
import { FAMILY_LABEL, GEO_PRECISION_LABEL, LINK_KIND_LABEL } from "@/lib/map/event-style";
import { splitLinkId, type LogEntry } from "@/lib/overrides";
import type { GeoPrecision } from "@/lib/schema";

type Props = {
  entries: readonly LogEntry[] | null;
  titles: ReadonlyMap<string, string>;
  busy: boolean;
  onUndo: (entry: LogEntry) => void;
};

const VERB: Record<LogEntry["action"], string> = {
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
function change(e: LogEntry): string {
  const p = e.payload;
  switch (e.action) {
    case "move-place":
      return `to ${p.name ? `${String(p.name)} ` : ""}(${Number(p.lat).toFixed(3)}, ${Number(p.lon).toFixed(3)}), ${GEO_PRECISION_LABEL[(p.precision ?? 1) as GeoPrecision]}`;
    case "fix-date":
      return `to ${String(p.dateStart)}${p.dateEnd && p.dateEnd !== p.dateStart ? `…${String(p.dateEnd)}` : ""} (to the ${String(p.datePrecision ?? "day")})`;
    case "edit-event":
      return Object.entries(p)
        .map(([k, v]) => `${k}: ${k === "killed" || k === "injured" ? range(v) : k === "family" ? FAMILY_LABEL[v as keyof typeof FAMILY_LABEL] : (v ?? "unknown")}`)
        .join(", ");
    case "add-link":
      return p.kind ? `(${LINK_KIND_LABEL[p.kind as keyof typeof LINK_KIND_LABEL]})` : "";
    default:
      return "";
  }
}

/** One entry in words: "Moved <event> to <place>". */
export function describeEntry(e: LogEntry, titles: ReadonlyMap<string, string>): string {
  return [VERB[e.action], target(e, titles), change(e)].filter(Boolean).join(" ");
}

function target(e: LogEntry, titles: ReadonlyMap<string, string>): string {
  if (!e.action.endsWith("-link")) return titles.get(e.targetId) ?? e.targetId;
  const { from, to } = splitLinkId(e.targetId);
  return `${titles.get(from) ?? from} → ${titles.get(to) ?? to}`;
}

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function CorrectionLog({ entries, titles, busy, onUndo }: Props) {
  if (!entries) return <p className="muted">Loading the correction log…</p>;
  if (entries.length === 0) return <p className="muted">No corrections yet.</p>;
  return (
    <ol className="log" aria-label="Correction log">
      {entries.map((e) => (
        <li key={e.id} className={e.undoneAt ? "log-entry undone" : "log-entry"}>
          <p className="log-what">
            <strong>{VERB[e.action]}</strong> {target(e, titles)} {change(e)}
          </p>
          <p className="muted">
            <time dateTime={e.time}>{when(e.time)}</time> · {e.author}
            {e.reason && <> · “{e.reason}”</>}
          </p>
          {e.undoneAt ? (
            <p className="muted">
              Undone <time dateTime={e.undoneAt}>{when(e.undoneAt)}</time>
              {e.undoneBy ? ` by ${e.undoneBy}` : ""}
            </p>
          ) : (
            <button type="button" disabled={busy} onClick={() => onUndo(e)} aria-label={`Undo: ${describeEntry(e, titles)}`}>
              Undo
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
