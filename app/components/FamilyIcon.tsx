/** The map's pictograms (lib/map/icons.ts) as inline SVG, so the legend, list and panel match the map. */
import { FAMILY_ICONS, UI_ICONS } from "@/lib/map/icons";
import type { Family } from "@/lib/schema";

function Ops({ ops }: { ops: (typeof FAMILY_ICONS)[Family]["ops"] }) {
  return (
    <>
      {ops.map((op, i) =>
        op.op === "fill" ? (
          <path key={i} d={op.d} fill={op.color} />
        ) : (
          <path key={i} d={op.d} fill="none" stroke={op.color} strokeWidth={op.width ?? 2} strokeLinecap="round" strokeLinejoin="round" />
        ),
      )}
    </>
  );
}

/** A family pictogram on a disc of the attacker's colour, as events are drawn on the map. */
export function FamilyIcon({ family, color, size = 20 }: { family: Family; color: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="-6 -6 36 36" aria-hidden="true" className="family-icon">
      <circle cx={12} cy={12} r={17} fill={color} stroke="#fff" strokeWidth={1.5} />
      <Ops ops={FAMILY_ICONS[family].ops} />
    </svg>
  );
}

export function SeaBadge({ size = 14 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <Ops ops={UI_ICONS["at-sea"].ops} />
    </svg>
  );
}
