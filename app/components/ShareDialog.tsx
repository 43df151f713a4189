"use client";
/**
 * Sharing the view: its link (copied, or handed to the system's share sheet where the browser has
 * one), the same view as an embeddable frame, and the filtered events as GeoJSON, CSV, ACLED CSV, KML or link lines.
 * Everything here is made from the view's canonical query, so equal views share equal links.
 */
import { useEffect, useRef, useState } from "react";
import type { ExportFormat } from "@/lib/api";
import { Modal } from "./Modal";
import { viewHref } from "./url-sync";

/** What the downloads offer. Labels stay distinct words: tests and screen readers find a link by its name. */
const DOWNLOADS: [ExportFormat, string][] = [
  ["geojson", "GeoJSON"],
  ["csv", "CSV"],
  ["acled-csv", "ACLED"],
  ["kml", "KML (Google Earth)"],
  ["links-geojson", "Links as lines"],
];

type Props = {
  /** serializeView of the view. */
  query: string;
  /** viewToApiQuery of the view: the filters the downloads apply. */
  apiQuery: string;
  /** Events the downloads hold. */
  shown: number;
  onClose: () => void;
};

/** The text of an HTML attribute value in double quotes. */
const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Copies through the Clipboard API; where that is missing or refused (an insecure origin, a denied
 * permission) the text is selected in its field instead, for the user to copy.
 */
async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

export function ShareDialog({ query, apiQuery, shown, onClose }: Props) {
  const linkField = useRef<HTMLInputElement>(null);
  const embedField = useRef<HTMLTextAreaElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState("");
  const [canShare, setCanShare] = useState(false);

  useEffect(() => setCanShare(typeof navigator.share === "function"), []);

  const origin = window.location.origin;
  const link = origin + viewHref("/", query);
  const snippet = `<iframe src="${attr(origin + viewHref("/embed", query))}" title="Strikeline map" width="800" height="520" style="border:0" loading="lazy"></iframe>`;
  const download = (format: ExportFormat) => `/api/export?${[`format=${format}`, apiQuery].filter(Boolean).join("&")}`;

  const selected = (what: string) => `The ${what} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
  const copyInto = async (what: string, text: string, field: HTMLInputElement | HTMLTextAreaElement | null) =>
    setStatus((await copy(text, field)) ? `Copied the ${what}.` : `Could not copy. ${selected(what)}`);
  const share = async () => {
    try {
      await navigator.share({ title: document.title, url: link });
    } catch (e) {
      // Closing the share sheet is not a failure.
      if (e instanceof DOMException && e.name === "AbortError") return;
      linkField.current?.select();
      setStatus(`Could not share. ${selected("link")}`);
    }
  };

  return (
    <Modal title="Share this view" className="share-dialog" initialFocus={copyButton} onClose={onClose}>
      <p className="muted">The link opens these filters, this date, the selected event and this part of the map.</p>

      <label className="field">
        <span>Link</span>
        <input ref={linkField} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="actions">
        <button ref={copyButton} type="button" onClick={() => copyInto("link", link, linkField.current)}>
          Copy link
        </button>
        {canShare && (
          <button type="button" onClick={share}>
            Share…
          </button>
        )}
      </div>

      <label className="field">
        <span>Embed on a web page</span>
        <textarea ref={embedField} readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="actions">
        <button type="button" onClick={() => copyInto("embed code", snippet, embedField.current)}>
          Copy embed code
        </button>
      </div>

      <p className="share-downloads">
        Download the {shown.toLocaleString("en")} filtered event{shown === 1 ? "" : "s"}:{" "}
        {DOWNLOADS.map(([format, label], i) => (
          <span key={format}>
            {i > 0 && " · "}
            <a href={download(format)} download>
              {label}
            </a>
          </span>
        ))}
      </p>

      <p className="status-line" role="status">
        {status}
      </p>
    </Modal>
  );
}
