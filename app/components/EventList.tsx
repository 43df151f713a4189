"use client";
/**
 * The events on the map, newest first, as an accessible list: the way to the data without a
 * pointer or without sight of the map, and the main view on a phone. It follows the filters and
 * the playback cursor; activating an item selects its event.
 */
import { memo, useEffect, useRef } from "react";
import type { EventFeature } from "@/lib/api";
import { FAMILY_LABEL, UNKNOWN_ATTACKER_COLOR } from "@/lib/map/event-style";
import { formatDate } from "@/lib/map/time";
import { FamilyIcon, SeaBadge } from "./FamilyIcon";

/** Beyond this many, the list shows the newest and says how many it leaves out. */
export const LIST_LIMIT = 500;

type Props = {
  /** The newest visible events (at most LIST_LIMIT), oldest first as in the index. */
  events: readonly EventFeature[];
  /** How many events are visible, and how many the data holds. */
  shown: number;
  total: number;
  selected: string | null;
  reducedMotion: boolean;
  onSelect: (id: string) => void;
};

const Item = memo(function Item({ e, selected, onSelect }: { e: EventFeature; selected: boolean; onSelect: (id: string) => void }) {
  const p = e.properties;
  return (
    <li aria-current={selected ? "true" : undefined} className={selected ? "ev-item selected" : "ev-item"} data-event-id={e.id}>
      <button type="button" onClick={() => onSelect(e.id)}>
        <FamilyIcon family={p.family} color={p.attackerColor ?? UNKNOWN_ATTACKER_COLOR} />
        <span className="ev-text">
          <span className="ev-title">{p.title}</span>
          <span className="ev-meta">
            <time dateTime={p.dateStart}>{formatDate(p.dateStart, p.datePrecision)}</time>
            {" · "}
            {p.placeName}
            {p.placeKind === "sea" && (
              <>
                {" "}
                <SeaBadge /> <span className="sr-only">(at sea)</span>
              </>
            )}
          </span>
          <span className="ev-meta">
            {FAMILY_LABEL[p.family]}
            {p.attackerName ? ` · ${p.attackerName}` : ""}
            {p.killed ? ` · ${p.killed.high} killed` : ""}
          </span>
        </span>
      </button>
    </li>
  );
});

export function EventList({ events, shown, total, selected, reducedMotion, onSelect }: Props) {
  const newestFirst = [...events].reverse();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!selected) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selected)}"]`);
    el?.scrollIntoView({ block: "nearest", behavior: reducedMotion ? "auto" : "smooth" });
  }, [selected, reducedMotion]);
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <h2 id="event-list-heading" className="pane-heading">
        Events <span className="count">{shown.toLocaleString("en")} of {total.toLocaleString("en")}</span>
      </h2>
      <ol ref={listRef} role="list" aria-label="Events">
        {newestFirst.map((e) => (
          <Item key={e.id} e={e} selected={e.id === selected} onSelect={onSelect} />
        ))}
      </ol>
      {shown === 0 && <p className="empty">No events up to this date with these filters.</p>}
      {shown > events.length && (
        <p className="note">
          Showing the newest {LIST_LIMIT.toLocaleString("en")}; narrow the window or filters to see the rest.
        </p>
      )}
    </section>
  );
}
