import type { EventFeature } from "@/lib/api";
import { FAMILY_LABEL } from "@/lib/map/event-style";
import { formatDate } from "@/lib/map/time";

export type Hover = { x: number; y: number; id: string | null; count: number };

/** What is under the pointer: one event's essentials, or how many a cluster holds. */
export function Tooltip({ hover, event }: { hover: Hover; event: EventFeature | undefined }) {
  const p = event?.properties;
  return (
    <div className="map-tooltip" style={{ left: hover.x, top: hover.y }} aria-hidden="true">
      {p ? (
        <>
          <strong>{p.title}</strong>
          <span>
            {formatDate(p.dateStart, p.datePrecision)} · {FAMILY_LABEL[p.family]}
          </span>
          <span>{p.placeName}</span>
          {(p.attackerName || p.targetName) && (
            <span>
              {p.attackerName ?? "unknown"} → {p.targetLabel ?? p.targetName ?? "unknown"}
            </span>
          )}
        </>
      ) : (
        <span>{hover.count.toLocaleString("en")} events — click to zoom in</span>
      )}
    </div>
  );
}
