"use client";
/** Pieces the editing forms share: a labelled menu, a form's error line with its submit button, an upload's progress, a list of places to take. */
import type { GeoPrecision } from "@/lib/schema";
import type { ReportProgress } from "./editor-api";

type Option<T> = { value: T; label: string };

export function SelectField<T extends string | number>({ label, value, options, onChange }: { label: string; value: T; options: readonly Option<T>[]; onChange: (v: T) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)!.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every value of an enumeration with its label. */
export const optionsOf = <T extends string | number>(values: readonly T[], label: (v: T) => string): Option<T>[] => values.map((value) => ({ value, label: label(value) }));

type FormEndProps = { error: string | null; busy: boolean; label: string; busyLabel?: string; primary?: boolean };

export function FormEnd({ error, busy, label, busyLabel = label, primary = false }: FormEndProps) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className={primary ? "primary" : undefined} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}

/** A place the user may take: a button "Use <name>" and what tells it apart. */
export function PlaceChoices({ label, places, detail, onUse }: { label: string; places: readonly PlaceChoice[]; detail: (p: PlaceChoice) => string; onUse: (p: PlaceChoice) => void }) {
  return (
    <ul aria-label={label}>
      {places.map((p) => (
        <li key={`${p.name}-${p.lat}-${p.lon}`}>
          <button type="button" onClick={() => onUse(p)}>
            Use {p.name}
          </button>{" "}
          <span className="muted">
            {p.kind}
            {p.country ? `, ${p.country}` : ""}, {detail(p)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export type PlaceChoice = { name: string; lat: number; lon: number; kind: string; country: string | null; score: number; precision?: GeoPrecision };

type UploadProgressProps = { progress: ReportProgress | null; sending: string; working: string };

/** An upload's live status: how much of the file has gone, then what the server is doing with it. */
export function UploadProgress({ progress, sending, working }: UploadProgressProps) {
  return (
    <div className="report-progress" role="status">
      {progress &&
        (progress.phase === "upload" ? (
          <>
            <progress max={1} value={progress.fraction} aria-label={sending} /> Sending… {Math.round(progress.fraction * 100)}%
          </>
        ) : (
          <>
            <progress aria-label={working} /> {working}…
          </>
        ))}
    </div>
  );
}
