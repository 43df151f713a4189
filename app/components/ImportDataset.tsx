"use client";
/**
 * Importing another dataset's file while the map is open: an ACLED or UCDP GED export, a GeoJSON
 * FeatureCollection or a CSV with a field map. The server runs the same import as
 * `strikeline import` in one transaction; the dialog shows how far it is, then what it did (rows
 * added, updated, retired, links) and every skipped row with its line and reason.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/interchange/record";
import type { ImportOutcome } from "@/lib/review-api";
import { importDataset, messageOf, type ReportProgress } from "./editor-api";
import { UploadProgress } from "./form-parts";
import { Modal } from "./Modal";

const FORMAT_LABELS: Record<ImportFormat, string> = {
  acled: "ACLED export (CSV)",
  ucdp: "UCDP GED (CSV)",
  geojson: "GeoJSON FeatureCollection",
  csv: "CSV with a field map",
};
/** Shown in the result: a long list of skipped rows is cut, the CLI prints them all. */
const SKIPPED_SHOWN = 50;

type Props = {
  /** Called once the import is stored, before its result is shown: reload the map and the list. */
  onImported: (outcome: ImportOutcome) => Promise<void>;
  /** The server said the session is gone. */
  onUnauthorised: () => void;
  onClose: () => void;
};

type Stage = { kind: "form" } | { kind: "sending"; progress: ReportProgress } | { kind: "done"; outcome: ImportOutcome } | { kind: "refused"; message: string };

function Result({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div className="report-result">
      <p>
        Imported <strong>{outcome.file}</strong> ({FORMAT_LABELS[outcome.format]}).
      </p>
      <dl className="report-counts">
        <dt>Rows</dt>
        <dd>{outcome.rows}</dd>
        <dt>Added</dt>
        <dd>{outcome.added}</dd>
        <dt>Updated</dt>
        <dd>{outcome.updated}</dd>
        <dt>Retired</dt>
        <dd>{outcome.retired}</dd>
        <dt>Links stated / inferred</dt>
        <dd>
          {outcome.linksStated} / {outcome.linksInferred}
        </dd>
        <dt>Skipped rows</dt>
        <dd>{outcome.skipped.length}</dd>
      </dl>
      {outcome.skipped.length > 0 && (
        <section aria-label="Skipped rows">
          <h3>Skipped rows</h3>
          <ul>
            {outcome.skipped.slice(0, SKIPPED_SHOWN).map((s) => (
              <li key={`${s.unit ?? "line"}-${s.line}`}>
                {s.unit ?? "line"} {s.line}: {s.reason}
              </li>
            ))}
          </ul>
          {outcome.skipped.length > SKIPPED_SHOWN && <p className="muted">…and {outcome.skipped.length - SKIPPED_SHOWN} more (the CLI lists them all).</p>}
        </section>
      )}
    </div>
  );
}

export function ImportDataset({ onImported, onUnauthorised, onClose }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: "form" });
  const [format, setFormat] = useState<ImportFormat>("acled");
  const fileInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stage.kind === "done" || stage.kind === "refused") outcome.current?.focus();
  }, [stage.kind]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || !file.name) {
      setStage({ kind: "refused", message: "Choose the dataset file to import." });
      return;
    }
    if (!String(data.get("map") ?? "").trim()) data.delete("map");
    try {
      const result = await importDataset(data, (progress) => setStage({ kind: "sending", progress }));
      await onImported(result);
      setStage({ kind: "done", outcome: result });
    } catch (err) {
      if ((err as { code?: string }).code === "unauthorized") onUnauthorised();
      setStage({ kind: "refused", message: messageOf(err) });
    }
  };
  const sending = stage.kind === "sending";

  return (
    <Modal title="Import a dataset" className="report-dialog" initialFocus={fileInput} onClose={onClose}>
      {stage.kind === "done" ? (
        <div ref={outcome} tabIndex={-1} className="report-outcome" role="status">
          <Result outcome={stage.outcome} />
          <div className="actions">
            <button type="button" onClick={() => setStage({ kind: "form" })}>
              Import another file
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} aria-busy={sending}>
          <label className="field">
            <span>File</span>
            <input ref={fileInput} type="file" name="file" accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" />
          </label>
          <label className="field">
            <span>It is</span>
            <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          {(format === "csv" || format === "geojson") && (
            <label className="field">
              <span>Field map (optional)</span>
              <input type="text" name="map" maxLength={2000} placeholder="lat=y,lon=x,dateStart=day" />
            </label>
          )}
          <label className="field-inline">
            <input type="checkbox" name="retireMissing" value="on" /> Retire events of this source that the file no longer holds
          </label>
          <p className="muted">Re-importing an updated export updates its events instead of adding them again. The mapping is in the README (Import and export).</p>
          <UploadProgress progress={stage.kind === "sending" ? stage.progress : null} sending="Sending the file" working="Importing rows and inferring links" />
          {stage.kind === "refused" && (
            <div ref={outcome} tabIndex={-1} className="error" role="alert">
              Not imported: {stage.message}
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {sending ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
