"use client";
/**
 * Everything known about one event: when (as precisely as the sources say), where (with the
 * precision and the places it might also be), who struck whom, casualties as each source gives
 * them, the claim, each source with its evidence quote, and its place in a chain of reprisals.
 */
import { useEffect, useRef, useState } from "react";
import type { EventDetail, EventFeature, LinkOut } from "@/lib/api";
import { CLAIM_LABEL, FAMILY_LABEL, GEO_PRECISION_LABEL, LINK_KIND_LABEL, UNKNOWN_ATTACKER_COLOR } from "@/lib/map/event-style";
import { formatDate, formatDelay, formatRange } from "@/lib/map/time";
import { FamilyIcon, SeaBadge } from "./FamilyIcon";

type Props = {
  id: string;
  eventsById: ReadonlyMap<string, EventFeature>;
  loadDetail: (id: string, signal: AbortSignal) => Promise<EventDetail>;
  highlight: string | null;
  /** The view's chain filter; with onChainFilter, the panel can narrow the view to this event's chain. */
  chainFilter: string;
  onSelect: (id: string) => void;
  onHighlight: (chain: string | null) => void;
  /** Absent where the page has no filters to undo it with (the embedded view). */
  onChainFilter?: (chain: string) => void;
  onClose: () => void;
};

type Load = { id: string; detail: EventDetail | null; error: string | null };

function Hop({ link, other, direction, onSelect }: { link: LinkOut; other: EventFeature | undefined; direction: "previous" | "next"; onSelect: (id: string) => void }) {
  const otherId = direction === "previous" ? link.from : link.to;
  return (
    <li>
      <button type="button" className="hop" onClick={() => onSelect(otherId)}>
        <span className="hop-dir" aria-hidden="true">
          {direction === "previous" ? "←" : "→"}
        </span>
        <span>
          <span className="hop-title">{other?.properties.title ?? otherId}</span>
          <span className="hop-meta">
            {direction === "previous" ? "led to this" : "came next"}, {formatDelay(link.delayDays)} · {LINK_KIND_LABEL[link.kind]}
            {link.method !== "curated" ? ` · ${link.method === "cue" ? "stated in a source" : "inferred from actors"}, ${Math.round(link.confidence * 100)}%` : ""}
          </span>
        </span>
      </button>
      {link.evidence?.quote && <blockquote className="hop-quote">{link.evidence.quote}</blockquote>}
    </li>
  );
}

export function EventPanel({ id, eventsById, loadDetail, highlight, chainFilter, onSelect, onHighlight, onChainFilter, onClose }: Props) {
  const [load, setLoad] = useState<Load>({ id, detail: null, error: null });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoad({ id, detail: null, error: null });
    loadDetail(id, ctrl.signal).then(
      (detail) => setLoad({ id, detail, error: null }),
      (e: unknown) => ctrl.signal.aborted || setLoad({ id, detail: null, error: e instanceof Error ? e.message : "could not load the sources" }),
    );
    return () => ctrl.abort();
  }, [id, loadDetail]);

  // Move focus to the panel when it opens on a new event, so keyboard and screen reader users land in it.
  useEffect(() => {
    heading.current?.focus();
  }, [id]);

  const summary = load.detail?.event ?? eventsById.get(id);
  if (!summary) return null;
  const p = summary.properties;
  const detail = load.id === id ? load.detail : null;
  const chain = p.chainId;

  return (
    <aside className="event-panel" aria-labelledby="event-panel-title" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <header className="ep-head">
        <FamilyIcon family={p.family} color={p.attackerColor ?? UNKNOWN_ATTACKER_COLOR} size={28} />
        <h2 id="event-panel-title" ref={heading} tabIndex={-1}>
          {p.title}
        </h2>
        <button type="button" className="ep-close" onClick={onClose} aria-label="Close event panel">
          ✕
        </button>
      </header>

      <dl className="ep-facts">
        <dt>Date</dt>
        <dd>
          <time dateTime={p.dateStart}>{formatDate(p.dateStart, p.datePrecision)}</time>
          <span className="muted"> · known to the {p.datePrecision}</span>
          {p.dateEnd !== p.dateStart && <span className="muted"> (between {p.dateStart} and {p.dateEnd})</span>}
        </dd>
        <dt>Place</dt>
        <dd>
          {p.placeName}
          {p.placeKind === "sea" && (
            <span className="tag sea">
              <SeaBadge /> at sea
            </span>
          )}
          <span className="muted">
            {" "}
            · {GEO_PRECISION_LABEL[p.geoPrecision]}
            {p.areaKm ? `, within about ${Math.round(p.areaKm)} km` : ""}
          </span>
          {detail && detail.alternatives.length > 0 && (
            <details className="ep-alts">
              <summary>Could also be ({detail.alternatives.length})</summary>
              <ul>
                {detail.alternatives.map((a) => (
                  <li key={`${a.name}-${a.lat}-${a.lon}`}>
                    {a.name} <span className="muted">({a.kind}{a.country ? `, ${a.country}` : ""}, score {a.score.toFixed(2)})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </dd>
        <dt>Who</dt>
        <dd>
          <span className="swatch" style={{ background: p.attackerColor ?? UNKNOWN_ATTACKER_COLOR }} aria-hidden="true" />
          {p.attackerName ?? "Unknown attacker"} → {p.targetName ?? "unknown target"}
          {p.targetLabel && <span className="muted"> ({p.targetLabel})</span>}
        </dd>
        <dt>What</dt>
        <dd>{FAMILY_LABEL[p.family]}</dd>
        <dt>Casualties</dt>
        <dd>
          {formatRange(p.killed)} killed, {formatRange(p.injured)} injured
          {p.sourceCount > 1 && <span className="muted"> (range over {p.sourceCount} sources)</span>}
        </dd>
        <dt>Claim</dt>
        <dd>{CLAIM_LABEL[p.claim]}</dd>
      </dl>
      {p.note && <p className="ep-note">{p.note}</p>}

      {chain && (
        <section className="ep-chain" aria-labelledby="ep-chain-h">
          <h3 id="ep-chain-h">Chain of reprisals</h3>
          {detail && (detail.previous.length > 0 || detail.next.length > 0) ? (
            <ol className="hops">
              {detail.previous.map((l) => (
                <Hop key={l.id} link={l} other={eventsById.get(l.from)} direction="previous" onSelect={onSelect} />
              ))}
              {detail.next.map((l) => (
                <Hop key={l.id} link={l} other={eventsById.get(l.to)} direction="next" onSelect={onSelect} />
              ))}
            </ol>
          ) : (
            !detail && !load.error && <p className="muted">Loading links…</p>
          )}
          <div className="ep-chain-actions">
            <button type="button" aria-pressed={highlight === chain} onClick={() => onHighlight(highlight === chain ? null : chain)}>
              {highlight === chain ? "Show all events" : "Highlight this chain"}
            </button>
            {onChainFilter && (
              <button type="button" aria-pressed={chainFilter === chain} onClick={() => onChainFilter(chainFilter === chain ? "all" : chain)}>
                Only this chain
              </button>
            )}
          </div>
        </section>
      )}

      <section className="ep-sources" aria-labelledby="ep-sources-h">
        <h3 id="ep-sources-h">Sources</h3>
        {load.error && <p className="error">Could not load the sources: {load.error}</p>}
        {!detail && !load.error && <p className="muted">Loading sources…</p>}
        {detail && detail.sources.length === 0 && <p className="muted">No stored source.</p>}
        {detail && detail.sources.length > 0 && (
          <ul>
            {detail.sources.map((s) => (
              <li key={`${s.articleId}-${s.span.start}`} className="source">
                <p className="source-head">
                  <strong>{s.outlet ?? "Unknown outlet"}</strong>
                  {s.published && <time dateTime={s.published}> · {s.published}</time>}
                  {s.weak && <span className="tag">weak evidence</span>}
                </p>
                {s.title && <p className="source-title">{s.title}</p>}
                {s.quote && <blockquote>{s.quote}</blockquote>}
                <p className="muted">
                  Figures here: {formatRange(s.killed)} killed, {formatRange(s.injured)} injured
                </p>
                {s.url && (
                  <a href={s.url} rel="noopener noreferrer nofollow" target="_blank">
                    Read the article
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
