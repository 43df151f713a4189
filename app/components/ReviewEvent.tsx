"use client";
/**
 * Reviewing one extracted event: its evidence in the article text, then confirm or reject it, or
 * correct it: the date and its precision; the place (one of the geocoder's alternatives, a
 * gazetteer search, or a pin dropped on the map, always shown as editable coordinates so the
 * keyboard can do everything a pointer can); family, attacker, target, casualties and claim.
 * Every change is one override, sent through `act`.
 */
import type { z } from "zod";
import { useId, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { CLAIM_LABEL, FAMILY_LABEL, GEO_PRECISION_LABEL } from "@/lib/map/event-style";
import { formatDate, formatRange } from "@/lib/map/time";
import { EditEventPayload, type OverrideInput } from "@/lib/overrides";
import type { GazetteerHit, ReviewEvent as ReviewEventItem, ReviewQueue } from "@/lib/review-api";
import { CLAIM_STATUSES, DATE_PRECISIONS, FAMILIES, type DatePrecision, type GeoPrecision } from "@/lib/schema";
import { messageOf, searchGazetteer } from "./editor-api";
import { Evidence } from "./Evidence";
import { FormEnd, optionsOf, PlaceChoices, SelectField } from "./form-parts";
import { draftOf, editPayload, type ActorChoice, type DetailsDraft } from "./review-logic";

export type LatLon = { lat: number; lon: number };
export type Act = (o: OverrideInput, said: string) => Promise<boolean>;

type Props = {
  item: ReviewEventItem;
  articles: ReviewQueue["articles"];
  actors: readonly ActorChoice[];
  busy: boolean;
  act: Act;
  /** Lets the user click the map; resolves with the point, or null when cancelled. */
  requestPin: () => Promise<LatLon | null>;
  /** The place being proposed, drawn on the map as a pin (null: none). */
  onDraftPlace: (p: LatLon | null) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
};

const PRECISIONS: GeoPrecision[] = [1, 2, 3, 4];

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="rv-section" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {children}
    </section>
  );
}

function DateForm({ item, busy, act, reason }: Pick<Props, "item" | "busy" | "act"> & { reason: string }) {
  const p = item.event.properties;
  const [start, setStart] = useState(p.dateStart);
  const [end, setEnd] = useState(p.dateEnd);
  const [precision, setPrecision] = useState<DatePrecision>(p.datePrecision);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (end && end < start) return setError("The end date is before the start date");
    setError(null);
    void act(
      { action: "fix-date", targetId: item.event.id, payload: { dateStart: start, ...(end ? { dateEnd: end } : {}), datePrecision: precision }, ...(reason ? { reason } : {}) },
      `Date set to ${formatDate(start, precision)}`,
    );
  };
  return (
    <form className="form rv-form" onSubmit={submit}>
      <div className="field-row">
        <label className="field">
          <span>From</span>
          <input type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={end} min={start} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <SelectField label="Known to the" value={precision} options={optionsOf(DATE_PRECISIONS, (d) => d)} onChange={setPrecision} />
      </div>
      <FormEnd error={error} busy={busy} label="Save date" />
    </form>
  );
}

type Candidate = { name: string; lat: string; lon: string; precision: GeoPrecision };

function PlaceForm({ item, busy, act, reason, requestPin, onDraftPlace }: Pick<Props, "item" | "busy" | "act" | "requestPin" | "onDraftPlace"> & { reason: string }) {
  const p = item.event.properties;
  const [lon0, lat0] = item.event.geometry.coordinates;
  const [c, setC] = useState<Candidate>({ name: p.placeName, lat: String(lat0), lon: String(lon0), precision: p.geoPrecision });
  const [q, setQ] = useState(p.placeName);
  const [hits, setHits] = useState<z.infer<typeof GazetteerHit>[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resultsId = useId();

  const use = (next: Candidate) => {
    setC(next);
    setError(null);
    onDraftPlace({ lat: Number(next.lat), lon: Number(next.lon) });
  };
  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setSearching(true);
    setError(null);
    try {
      setHits(await searchGazetteer(q.trim(), [p.placeName, p.country ?? ""].filter(Boolean).join(", ")));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSearching(false);
    }
  };
  const pin = async () => {
    setPicking(true);
    const at = await requestPin();
    setPicking(false);
    if (at) use({ ...c, name: c.name || p.placeName, lat: at.lat.toFixed(5), lon: at.lon.toFixed(5), precision: 1 });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [lat, lon] = [Number(c.lat), Number(c.lon)];
    if (!c.lat.trim() || !c.lon.trim() || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return setError("Latitude −90…90 and longitude −180…180, in degrees");
    setError(null);
    void act(
      { action: "move-place", targetId: item.event.id, payload: { lat, lon, precision: c.precision, ...(c.name.trim() ? { name: c.name.trim() } : {}) }, ...(reason ? { reason } : {}) },
      `Place set to ${c.name.trim() || `${lat}, ${lon}`}`,
    );
  };

  return (
    <>
      {item.alternatives.length > 0 && (
        <div className="rv-choices">
          <p className="muted">The geocoder also considered:</p>
          <PlaceChoices label="The geocoder's alternatives" places={item.alternatives} detail={(a) => `score ${a.score.toFixed(2)}`} onUse={(a) => use({ name: a.name, lat: String(a.lat), lon: String(a.lon), precision: c.precision })} />
        </div>
      )}
      <form className="form rv-search" role="search" onSubmit={search}>
        <label className="field">
          <span>Search the gazetteer</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} aria-controls={resultsId} />
        </label>
        <button type="submit" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      <div id={resultsId} className="rv-choices" aria-live="polite">
        {hits && hits.length === 0 && <p className="muted">No place of that name in the gazetteer.</p>}
        {hits && hits.length > 0 && (
          <PlaceChoices
            label="Gazetteer results"
            places={hits}
            detail={(h) => `${h.lat.toFixed(3)}, ${h.lon.toFixed(3)}`}
            onUse={(h) => use({ name: h.name, lat: String(h.lat), lon: String(h.lon), precision: h.precision ?? c.precision })}
          />
        )}
      </div>
      <div className="actions">
        <button type="button" aria-pressed={picking} onClick={pin} disabled={picking}>
          {picking ? "Click the map… (Esc cancels)" : "Drop a pin on the map"}
        </button>
      </div>
      <form className="form rv-form" onSubmit={submit}>
        <label className="field">
          <span>Place name</span>
          <input type="text" value={c.name} maxLength={200} onChange={(e) => setC({ ...c, name: e.target.value })} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Latitude</span>
            <input type="text" inputMode="decimal" value={c.lat} onChange={(e) => use({ ...c, lat: e.target.value })} />
          </label>
          <label className="field">
            <span>Longitude</span>
            <input type="text" inputMode="decimal" value={c.lon} onChange={(e) => use({ ...c, lon: e.target.value })} />
          </label>
          <SelectField label="Precision" value={c.precision} options={optionsOf(PRECISIONS, (n) => GEO_PRECISION_LABEL[n])} onChange={(precision) => setC({ ...c, precision })} />
        </div>
        <FormEnd error={error} busy={busy} label="Save place" />
      </form>
    </>
  );
}

function DetailsForm({ item, actors, busy, act, reason }: Pick<Props, "item" | "actors" | "busy" | "act"> & { reason: string }) {
  const p = item.event.properties;
  const [d, setD] = useState<DetailsDraft>(() => draftOf(p));
  const [error, setError] = useState<string | null>(null);
  // The event's own actors stay choosable even when no other event names them.
  const choices = [...actors];
  for (const [id, name] of [
    [p.attacker, p.attackerName],
    [p.target, p.targetName],
  ])
    if (id && !choices.some((a) => a.id === id)) choices.push({ id, name: name ?? id });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = editPayload(p, d);
    if (!r.ok) return setError(r.message);
    setError(null);
    void act({ action: "edit-event", targetId: item.event.id, payload: EditEventPayload.parse(r.value), ...(reason ? { reason } : {}) }, `Saved: ${Object.keys(r.value).join(", ")}`);
  };
  const actorSelect = (label: string, value: string, set: (v: string) => void, unknown: string) => (
    <SelectField label={label} value={value} options={[{ value: "", label: unknown }, ...choices.map((a) => ({ value: a.id, label: a.name }))]} onChange={set} />
  );
  const figures = (label: string, v: DetailsDraft["killed"], set: (v: DetailsDraft["killed"]) => void) => (
    <fieldset className="field figures">
      <legend>{label}</legend>
      <input type="text" inputMode="numeric" aria-label={`${label}, low`} placeholder="low" value={v.low} onChange={(e) => set({ ...v, low: e.target.value })} />
      <span aria-hidden="true">–</span>
      <input type="text" inputMode="numeric" aria-label={`${label}, high`} placeholder="high" value={v.high} onChange={(e) => set({ ...v, high: e.target.value })} />
    </fieldset>
  );

  return (
    <form className="form rv-form" onSubmit={submit}>
      <div className="field-row">
        <SelectField label="Family" value={d.family} options={optionsOf(FAMILIES, (f) => FAMILY_LABEL[f])} onChange={(family) => setD({ ...d, family })} />
        <SelectField label="Claim" value={d.claim} options={optionsOf(CLAIM_STATUSES, (c) => CLAIM_LABEL[c])} onChange={(claim) => setD({ ...d, claim })} />
      </div>
      <div className="field-row">
        {actorSelect("Attacker", d.attacker, (attacker) => setD({ ...d, attacker }), "Unknown attacker")}
        {actorSelect("Target", d.target, (target) => setD({ ...d, target }), "Unknown target")}
      </div>
      <label className="field">
        <span>What was hit</span>
        <input type="text" value={d.targetLabel} maxLength={200} onChange={(e) => setD({ ...d, targetLabel: e.target.value })} />
      </label>
      <div className="field-row">
        {figures("Killed", d.killed, (killed) => setD({ ...d, killed }))}
        {figures("Injured", d.injured, (injured) => setD({ ...d, injured }))}
      </div>
      <FormEnd error={error} busy={busy} label="Save details" />
    </form>
  );
}

export function ReviewEvent(props: Props) {
  const { item, articles, busy, act, headingRef } = props;
  const e = item.event;
  const p = e.properties;
  const [reason, setReason] = useState("");
  const why = reason.trim() ? { reason: reason.trim() } : {};
  return (
    <article className="rv-item" aria-labelledby={`rv-h-${e.id}`}>
      <h3 id={`rv-h-${e.id}`} ref={headingRef} tabIndex={-1}>
        {p.title}
      </h3>
      <p className="rv-meta">
        <span className="confidence">{Math.round(item.confidence * 100)}% confident</span> · {FAMILY_LABEL[p.family]} ·{" "}
        <time dateTime={p.dateStart}>{formatDate(p.dateStart, p.datePrecision)}</time> · {p.placeName} ({GEO_PRECISION_LABEL[p.geoPrecision]}) ·{" "}
        {p.attackerName ?? "unknown attacker"} → {p.targetName ?? p.targetLabel ?? "unknown target"} · {formatRange(p.killed)} killed · {CLAIM_LABEL[p.claim]}
      </p>

      <Section title="Evidence">
        {item.sources.length === 0 && <p className="muted">No stored source text.</p>}
        {item.sources.map((s) => {
          const a = articles[s.articleId];
          return a?.text ? (
            <Evidence key={`${s.articleId}-${s.span.start}`} text={a.text} span={s.span} weak={s.weak} source={[a.outlet, a.title, a.published].filter(Boolean).join(" · ") || s.articleId} />
          ) : (
            <p key={`${s.articleId}-${s.span.start}`} className="muted">
              The text of {s.articleId} is not stored.
            </p>
          );
        })}
      </Section>

      <div className="rv-verdict">
        <label className="field">
          <span>Reason (optional, kept in the correction log)</span>
          <input type="text" value={reason} maxLength={500} onChange={(ev) => setReason(ev.target.value)} />
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => act({ action: "confirm-event", targetId: e.id, payload: {}, ...why }, "Event confirmed")}>
            Confirm event
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => act({ action: "reject-event", targetId: e.id, payload: {}, ...why }, "Event rejected")}>
            Reject event
          </button>
        </div>
      </div>

      <Section title="Date">
        <DateForm item={item} busy={busy} act={act} reason={reason.trim()} />
      </Section>
      <Section title="Place">
        <PlaceForm item={item} busy={busy} act={act} reason={reason.trim()} requestPin={props.requestPin} onDraftPlace={props.onDraftPlace} />
      </Section>
      <Section title="What and who">
        <DetailsForm item={item} actors={props.actors} busy={busy} act={act} reason={reason.trim()} />
      </Section>
    </article>
  );
}
