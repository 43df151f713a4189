/** What the marks on the map mean. Colours are the attackers'; families are in the filter bar. */
import type { EventFeature } from "@/lib/api";
import { ARC_COLOR } from "@/lib/map/icons";
import { SeaBadge } from "./FamilyIcon";

function attackerColours(events: readonly EventFeature[]) {
  const seen = new Map<string, string>();
  for (const e of events) if (e.properties.attackerName && e.properties.attackerColor) seen.set(e.properties.attackerName, e.properties.attackerColor);
  return [...seen].slice(0, 12);
}

const Line = ({ dash }: { dash?: string }) => (
  <svg width="28" height="10" aria-hidden="true">
    <line x1="2" y1="5" x2="26" y2="5" stroke={ARC_COLOR} strokeWidth="2.5" strokeDasharray={dash} strokeLinecap="round" />
  </svg>
);

export function Legend({ events }: { events: readonly EventFeature[] }) {
  return (
    <details className="legend">
      <summary>Legend</summary>
      <ul>
        <li>
          <svg width="28" height="16" aria-hidden="true">
            <circle cx="6" cy="8" r="4" fill="#6b7280" />
            <circle cx="19" cy="8" r="7" fill="#6b7280" />
          </svg>
          Size: casualties
        </li>
        <li>
          <svg width="28" height="16" aria-hidden="true">
            <circle cx="14" cy="8" r="7" fill="rgba(107,114,128,0.15)" stroke="#6b7280" strokeDasharray="3 2" />
            <circle cx="14" cy="8" r="3" fill="#6b7280" />
          </svg>
          Place known only roughly
        </li>
        <li>
          <SeaBadge size={16} /> At sea (ringed)
        </li>
        <li>
          <svg width="28" height="16" aria-hidden="true">
            <circle cx="14" cy="8" r="7" fill="#1f2937" />
          </svg>
          Several events (click to zoom)
        </li>
        <li>
          <Line /> Retaliation
        </li>
        <li>
          <Line dash="6 4" /> Response
        </li>
        <li>
          <Line dash="1 4" /> Escalation
        </li>
      </ul>
      <p className="legend-sub">Colour: attacker</p>
      <ul className="legend-attackers">
        {attackerColours(events).map(([name, color]) => (
          <li key={name}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {name}
          </li>
        ))}
      </ul>
    </details>
  );
}
