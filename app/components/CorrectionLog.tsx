"use client";
/**
 * The correction log: every override, newest first, with when, who, what and why; each can be
 * undone (the data goes back to what it was without it), and an undone one says when and by whom.
 */
import type { LogEntry } from "@/lib/overrides";
import { changeOf, describeEntry, targetName, VERB } from "./review-logic";

type Props = {
  entries: readonly LogEntry[] | null;
  titles: ReadonlyMap<string, string>;
  busy: boolean;
  onUndo: (entry: LogEntry) => void;
};

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function CorrectionLog({ entries, titles, busy, onUndo }: Props) {
  if (!entries) return <p className="muted">Loading the correction log…</p>;
  if (entries.length === 0) return <p className="muted">No corrections yet.</p>;
  return (
    <ol className="log" aria-label="Correction log">
      {entries.map((e) => (
        <li key={e.id} className={e.undoneAt ? "log-entry undone" : "log-entry"}>
          <p className="log-what">
            <strong>{VERB[e.action]}</strong> {targetName(e, titles)} {changeOf(e)}
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
