"use client";
/**
 * The review pane: what the pipeline extracted and nobody has checked yet, least confident first,
 * each opened with its evidence to confirm, reject or correct; links confirmed, rejected or added
 * by picking two events; and the correction log, newest first, where any entry can be undone.
 * Every action is an override (the records `strikeline overrides` writes); after each one the
 * queue, the log and the map's data are fetched again, so the map and list follow at once.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import type { EventFeature } from "@/lib/api";
import { LINK_KIND_LABEL } from "@/lib/map/event-style";
import { formatDate } from "@/lib/map/time";
import type { LogEntry, OverrideInput } from "@/lib/overrides";
import type { ReviewLink, ReviewQueue } from "@/lib/review-api";
import { LINK_KINDS, linkId, type LinkKind } from "@/lib/schema";
import { CorrectionLog } from "./CorrectionLog";
import { getActors, getLog, getReviewQueue, messageOf, postOverride, undoOverride } from "./editor-api";
import { Evidence } from "./Evidence";
import { FormEnd, optionsOf, SelectField } from "./form-parts";
import { ReviewEvent, type Act, type LatLon } from "./ReviewEvent";
import { actorsOf, describeEntry } from "./review-logic";

type Props = {
  /** The events the map shows: titles, actors to choose from, and ends for a new link. */
  events: readonly EventFeature[];
  author: string;
  /** Fetch the map's data again after a change. */
  onChanged: () => Promise<void>;
  /** Show this event on the map (null: none). */
  onFocusEvent: (id: string | null) => void;
  requestPin: () => Promise<LatLon | null>;
  onDraftPlace: (p: LatLon | null) => void;
  onUnauthorised: () => void;
  onClose: () => void;
};

type Open = { kind: "event" | "link"; id: string };
type Tab = "queue" | "log";

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const keyOf = (o: Open) => `${o.kind}:${o.id}`;

function LinkReview({ item, queue, busy, act, onFocusEvent, headingRef }: { item: ReviewLink; queue: ReviewQueue; busy: boolean; act: Act; onFocusEvent: (id: string) => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const l = item.link;
  const ev = l.evidence;
  const article = ev ? queue.articles[ev.articleId] : undefined;
  return (
    <article className="rv-item" aria-labelledby={`rv-h-${l.id}`}>
      <h3 id={`rv-h-${l.id}`} ref={headingRef} tabIndex={-1}>
        {item.from.title} → {item.to.title}
      </h3>
      <p className="rv-meta">
        <span className="confidence">{Math.round(l.confidence * 100)}% confident</span> · {LINK_KIND_LABEL[l.kind]} · {l.method === "cue" ? "stated in a source" : l.method === "reversal" ? "inferred from the actors" : "curated"} ·{" "}
        {l.delayDays} days later
      </p>
      <div className="actions">
        <button type="button" onClick={() => onFocusEvent(item.from.id)}>
          Show the cause ({formatDate(item.from.dateStart, "day")})
        </button>
        <button type="button" onClick={() => onFocusEvent(item.to.id)}>
          Show the response ({formatDate(item.to.dateStart, "day")})
        </button>
      </div>
      {ev && article?.text ? (
        <Evidence text={article.text} span={ev.span} source={[article.outlet, article.title, article.published].filter(Boolean).join(" · ") || ev.articleId} />
      ) : ev?.quote ? (
        <blockquote>{ev.quote}</blockquote>
      ) : (
        <p className="muted">No evidence span: the link was inferred from who struck whom.</p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => act({ action: "confirm-link", targetId: l.id, payload: {} }, "Link confirmed")}>
          Confirm link
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => act({ action: "reject-link", targetId: l.id, payload: {} }, "Link rejected")}>
          Reject link
        </button>
      </div>
    </article>
  );
}

type QueueEntry = { open: Open; confidence: number; title: string; meta: string };

function QueueList({ title, empty, entries, onOpen }: { title: string; empty: string; entries: readonly QueueEntry[]; onOpen: (o: Open) => void }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="rv-queue">
          {entries.map((e) => (
            <li key={keyOf(e.open)}>
              <button type="button" data-review-key={keyOf(e.open)} onClick={() => onOpen(e.open)}>
                <span className="confidence">{Math.round(e.confidence * 100)}%</span>
                <span className="rv-q-title">{e.title}</span>
                <span className="muted">{e.meta}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddLink({ events, busy, act }: { events: readonly EventFeature[]; busy: boolean; act: Act }) {
  const sorted = useMemo(() => [...events].sort((a, b) => a.properties.dateStart.localeCompare(b.properties.dateStart) || a.id.localeCompare(b.id)), [events]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [kind, setKind] = useState<LinkKind>("retaliation");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return setError("Pick both events");
    if (from === to) return setError("A link joins two different events");
    setError(null);
    void act({ action: "add-link", targetId: linkId(from, to), payload: { kind, confidence: 1 } }, "Link added");
  };
  const options = [{ value: "", label: "Pick an event…" }, ...sorted.map((e) => ({ value: e.id, label: `${e.properties.dateStart} — ${e.properties.title}` }))];
  const picker = (label: string, value: string, set: (v: string) => void) => <SelectField label={label} value={value} options={options} onChange={set} />;
  return (
    <form className="form rv-form" onSubmit={submit} aria-label="Add a link">
      {picker("Cause (the earlier event)", from, setFrom)}
      {picker("Response", to, setTo)}
      <SelectField label="Kind" value={kind} options={optionsOf(LINK_KINDS, (k) => LINK_KIND_LABEL[k])} onChange={setKind} />
      <FormEnd error={error} busy={busy} label="Add link" />
    </form>
  );
}

export function ReviewView({ events, author, onChanged, onFocusEvent, requestPin, onDraftPlace, onUnauthorised, onClose }: Props) {
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [log, setLog] = useState<LogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("queue");
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const paneHeading = useRef<HTMLHeadingElement>(null);
  const pane = useRef<HTMLElement>(null);
  // The queue item to give focus back to when an item closes.
  const returnTo = useRef<string | null>(null);
  const [stored, setStored] = useState<{ id: string; name: string }[]>([]);
  const actors = useMemo(() => actorsOf(stored, events), [stored, events]);
  // Every title seen, so the log still names an event once it is rejected and off the map.
  const seen = useRef(new Map<string, string>());
  const titles = useMemo(() => {
    for (const e of events) seen.current.set(e.id, e.properties.title);
    for (const e of queue?.events ?? []) seen.current.set(e.event.id, e.event.properties.title);
    for (const l of queue?.links ?? []) for (const end of [l.from, l.to]) seen.current.set(end.id, end.title);
    return new Map(seen.current);
  }, [events, queue]);

  const fail = useCallback(
    (e: unknown) => {
      if ((e as { code?: string }).code === "unauthorized") onUnauthorised();
      setError(messageOf(e));
    },
    [onUnauthorised],
  );
  const refresh = useCallback(async () => {
    const [q, l, a] = await Promise.all([getReviewQueue(), getLog(), getActors()]);
    setQueue(q);
    setLog(l);
    setStored(a);
    return q;
  }, []);
  useEffect(() => {
    refresh().catch(fail);
  }, [refresh, fail]);
  // Opened, the pane takes focus at its heading, so the keyboard goes on from there.
  useEffect(() => paneHeading.current?.focus(), []);

  const list = (q: ReviewQueue | null, kind: Open["kind"]): string[] => (!q ? [] : kind === "event" ? q.events.map((e) => e.event.id) : q.links.map((l) => l.link.id));

  const show = useCallback(
    (o: Open | null) => {
      setOpen(o);
      onDraftPlace(null);
      if (o?.kind === "event") onFocusEvent(o.id);
    },
    [onFocusEvent, onDraftPlace],
  );
  /** An item the user opens: what the last action said is old news then. */
  const choose = (o: Open) => {
    setSaid("");
    show(o);
  };
  // A newly opened item takes focus at its heading; closing one gives it back to its queue entry.
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (returnTo.current) pane.current?.querySelector<HTMLElement>(`[data-review-key="${CSS.escape(returnTo.current)}"]`)?.focus();
  }, [open]);

  const act: Act = async (o: OverrideInput, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await postOverride(o, author);
      const before = open ? list(queue, open.kind).indexOf(open.id) : -1;
      const [q] = await Promise.all([refresh(), onChanged()]);
      setSaid(r.applied ? message : `${message} (recorded; it applies when its event or link is in the store)`);
      // Confirmed or rejected, the item leaves the queue: the next one opens in its place.
      if (open && !list(q, open.kind).includes(open.id)) {
        const next = list(q, open.kind)[Math.max(0, before)];
        returnTo.current = null;
        show(next ? { kind: open.kind, id: next } : null);
        if (!next) setSaid(`${message}. Nothing left to review here.`);
      }
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const undo = async (entry: LogEntry) => {
    setBusy(true);
    setError(null);
    try {
      await undoOverride(entry.id, author);
      await Promise.all([refresh(), onChanged()]);
      setSaid(`Undone: ${describeEntry(entry, titles)}`);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const openEvent = open?.kind === "event" ? queue?.events.find((e) => e.event.id === open.id) : undefined;
  const openLink = open?.kind === "link" ? queue?.links.find((l) => l.link.id === open.id) : undefined;
  const close = () => {
    returnTo.current = open ? keyOf(open) : null;
    show(null);
  };

  return (
    <section ref={pane} className="review" aria-labelledby="review-heading" onKeyDown={(e) => e.key === "Escape" && open && (e.stopPropagation(), close())}>
      <header className="review-head">
        <h2 id="review-heading" className="pane-heading" ref={paneHeading} tabIndex={-1}>
          Review
          {queue && (
            <span className="count">
              {plural(queue.counts.events, "event")}, {plural(queue.counts.links, "link")} to check
            </span>
          )}
        </h2>
        <button type="button" className="ep-close" aria-label="Close review" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="review-tabs" role="group" aria-label="Review">
        <button type="button" aria-pressed={tab === "queue"} onClick={() => setTab("queue")}>
          To review
        </button>
        <button type="button" aria-pressed={tab === "log"} onClick={() => setTab("log")}>
          Correction log
        </button>
      </div>
      <p className="status-line review-said" role="status">
        {said}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <div className="review-body">
        {tab === "log" ? (
          <CorrectionLog entries={log} titles={titles} busy={busy} onUndo={undo} />
        ) : !queue ? (
          !error && <p className="muted">Loading what needs review…</p>
        ) : open ? (
          <>
            <button type="button" className="link-button rv-back" onClick={close}>
              ← Back to the list
            </button>
            {openEvent && (
              <ReviewEvent key={openEvent.event.id} item={openEvent} articles={queue.articles} actors={actors} busy={busy} act={act} requestPin={requestPin} onDraftPlace={onDraftPlace} headingRef={heading} />
            )}
            {openLink && <LinkReview key={openLink.link.id} item={openLink} queue={queue} busy={busy} act={act} onFocusEvent={onFocusEvent} headingRef={heading} />}
            {!openEvent && !openLink && <p className="muted">This item has been reviewed meanwhile.</p>}
          </>
        ) : (
          <>
            <QueueList
              title="Events, least confident first"
              empty="No extracted event waits for review."
              entries={queue.events.map((e) => ({
                open: { kind: "event", id: e.event.id },
                confidence: e.confidence,
                title: e.event.properties.title,
                meta: `${formatDate(e.event.properties.dateStart, e.event.properties.datePrecision)} · ${e.event.properties.placeName}`,
              }))}
              onOpen={choose}
            />
            <QueueList
              title="Links, least confident first"
              empty="No extracted link waits for review."
              entries={queue.links.map((l) => ({ open: { kind: "link", id: l.link.id }, confidence: l.link.confidence, title: `${l.from.title} → ${l.to.title}`, meta: LINK_KIND_LABEL[l.link.kind] }))}
              onOpen={choose}
            />
            <section aria-labelledby="rv-add-h">
              <h3 id="rv-add-h">Link two events</h3>
              <AddLink events={events} busy={busy} act={act} />
            </section>
          </>
        )}
      </div>
    </section>
  );
}
