"use client";
/**
 * Adding a report while the map is open: a file dropped or chosen (.txt, .md, .html) or text
 * pasted, with its optional title, outlet, URL and publication date. The server runs the same
 * ingest as `strikeline ingest` in one transaction; the dialog shows how far it is, then what it
 * made (new and merged events, links, places it could not resolve, warnings) or, for a refused
 * input, the server's reason, the same the CLI gives.
 */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import type { ArticleReport } from "@/lib/review-api";
import { addReport, messageOf, type ReportProgress } from "./editor-api";
import { UploadProgress } from "./form-parts";
import { Modal } from "./Modal";

const ACCEPT = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

type Props = {
  /** The title of an event the page knows (after the data was reloaded), to name what the report made. */
  titleOf: (id: string) => string | undefined;
  /** Called once the report is stored, before its result is shown: reload the map and the list. */
  onAdded: (report: ArticleReport) => Promise<void>;
  onShowEvent: (id: string) => void;
  onReview: () => void;
  /** The server said the session is gone. */
  onUnauthorised: () => void;
  onClose: () => void;
};

type Stage = { kind: "form" } | { kind: "sending"; progress: ReportProgress } | { kind: "done"; report: ArticleReport } | { kind: "refused"; message: string };

const kb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function EventLinks({ ids, titleOf, onShow }: { ids: readonly string[]; titleOf: Props["titleOf"]; onShow: (id: string) => void }) {
  return (
    <ul className="report-events">
      {ids.map((id) => {
        const title = titleOf(id);
        return (
          <li key={id}>
            {title ? (
              <button type="button" className="link-button" onClick={() => onShow(id)}>
                {title}
              </button>
            ) : (
              <span>
                {id} <span className="muted">(not shown: rejected or filtered out)</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Result({ report, titleOf, onShow }: { report: ArticleReport; titleOf: Props["titleOf"]; onShow: (id: string) => void }) {
  if (report.status === "unchanged")
    return <p>This report is already in the store (same content): nothing changed.</p>;
  return (
    <div className="report-result">
      <p>
        Added <strong>{report.title ?? report.file}</strong>
        {report.published && (
          <>
            , published <time dateTime={report.published}>{report.published}</time>
            {report.publishedInferred && <span className="muted"> (inferred from {report.publishedFrom ?? "the text"})</span>}
          </>
        )}
        .
      </p>
      <dl className="report-counts">
        <dt>New events</dt>
        <dd>{report.eventsNew.length}</dd>
        <dt>Merged into known events</dt>
        <dd>{report.eventsMerged.length}</dd>
        <dt>Links</dt>
        <dd>{report.links}</dd>
        <dt>Unresolved places</dt>
        <dd>{report.unresolvedPlaces.length}</dd>
        <dt>Warnings</dt>
        <dd>{report.warnings.length}</dd>
      </dl>
      {report.eventsNew.length > 0 && (
        <section aria-label="New events">
          <h3>New events</h3>
          <EventLinks ids={report.eventsNew} titleOf={titleOf} onShow={onShow} />
        </section>
      )}
      {report.eventsMerged.length > 0 && (
        <section aria-label="Merged events">
          <h3>Merged into known events</h3>
          <EventLinks ids={report.eventsMerged} titleOf={titleOf} onShow={onShow} />
        </section>
      )}
      {report.unresolvedPlaces.length > 0 && (
        <section aria-label="Unresolved places">
          <h3>Places not found in the gazetteer</h3>
          <p>{report.unresolvedPlaces.join(" · ")}</p>
        </section>
      )}
      {report.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function AddReport({ titleOf, onAdded, onShowEvent, onReview, onUnauthorised, onClose }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: "form" });
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  // The outcome takes focus so a keyboard or screen reader user hears it.
  useEffect(() => {
    if (stage.kind === "done" || stage.kind === "refused") outcome.current?.focus();
  }, [stage.kind]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) setFile(f);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    data.delete("file");
    if (file) {
      data.delete("text");
      data.delete("format");
      data.set("file", file, file.name);
    } else if (!String(data.get("text") ?? "").trim()) {
      setStage({ kind: "refused", message: "Choose or drop a file, or paste the report's text." });
      return;
    }
    for (const k of ["title", "outlet", "url", "published"]) if (!String(data.get(k) ?? "").trim()) data.delete(k);
    // Closing the dialog does not cancel: the server finishes (or refuses) the report either way.
    try {
      const report = await addReport(data, (progress) => setStage({ kind: "sending", progress }));
      await onAdded(report);
      setStage({ kind: "done", report });
    } catch (err) {
      if ((err as { code?: string }).code === "unauthorized") onUnauthorised();
      setStage({ kind: "refused", message: messageOf(err) });
    }
  };

  const sending = stage.kind === "sending";
  const again = () => {
    setFile(null);
    setStage({ kind: "form" });
  };

  return (
    <Modal title="Add a report" className="report-dialog" initialFocus={chooseButton} onClose={onClose}>
      {stage.kind === "done" ? (
        <div ref={outcome} tabIndex={-1} className="report-outcome" role="status">
          <Result report={stage.report} titleOf={titleOf} onShow={onShowEvent} />
          <div className="actions">
            {stage.report.eventsNew.length + stage.report.eventsMerged.length > 0 && (
              <button type="button" className="primary" onClick={onReview}>
                Review what it made
              </button>
            )}
            <button type="button" onClick={again}>
              Add another report
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} aria-busy={sending}>
          <div
            className={`drop-zone${dragging ? " is-over" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input ref={fileInput} className="sr-only" type="file" name="file" accept={ACCEPT} tabIndex={-1} aria-label="Report file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            {file ? (
              <p>
                <strong>{file.name}</strong> <span className="muted">({kb(file.size)})</span>
              </p>
            ) : (
              <p>
                Drop a report here <span className="muted">(.txt, .md or .html, up to 5 MB)</span>, or
              </p>
            )}
            <button ref={chooseButton} type="button" onClick={() => fileInput.current?.click()}>
              {file ? "Choose another file…" : "Choose a file…"}
            </button>
          </div>
          {file && (
            <div className="actions">
              <button type="button" onClick={() => setFile(null)}>
                Remove {file.name}
              </button>
            </div>
          )}
          <label className="field">
            <span>…or paste its text</span>
            <textarea name="text" rows={6} disabled={!!file} placeholder={file ? "Using the file" : ""} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>Pasted text is</span>
              <select name="format" defaultValue="txt" disabled={!!file}>
                <option value="txt">plain text</option>
                <option value="md">Markdown</option>
                <option value="html">HTML</option>
              </select>
            </label>
            <label className="field">
              <span>Published</span>
              <input type="date" name="published" />
            </label>
          </div>
          <label className="field">
            <span>Title</span>
            <input type="text" name="title" maxLength={400} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>Outlet</span>
              <input type="text" name="outlet" maxLength={200} />
            </label>
            <label className="field">
              <span>URL</span>
              <input type="url" name="url" maxLength={2000} placeholder="https://…" />
            </label>
          </div>
          <p className="muted">Left empty, the title, outlet, URL and date come from the report&apos;s front matter or text.</p>

          <UploadProgress progress={stage.kind === "sending" ? stage.progress : null} sending="Sending the report" working="Extracting events, places and links" />
          {stage.kind === "refused" && (
            <div ref={outcome} tabIndex={-1} className="error" role="alert">
              Not added: {stage.message}
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {sending ? "Adding…" : "Add report"}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
