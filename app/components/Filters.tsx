"use client";
/** Family toggles (which double as the symbol legend) and an attacker choice. */
import type { EventFeature } from "@/lib/api";
import { FAMILY_LABEL, UNKNOWN_ATTACKER_COLOR } from "@/lib/map/event-style";
import { FAMILIES, type Family } from "@/lib/schema";
import { FamilyIcon } from "./FamilyIcon";
import type { Dispatch } from "./view-state";

type Props = {
  events: readonly EventFeature[];
  families: readonly Family[];
  attackers: readonly string[];
  dispatch: Dispatch;
};

/** Actors who attacked at least once, by how often, with their colour. */
function attackerChoices(events: readonly EventFeature[]) {
  const by = new Map<string, { id: string; name: string; color: string; n: number }>();
  for (const e of events) {
    const p = e.properties;
    if (!p.attacker) continue;
    const a = by.get(p.attacker) ?? { id: p.attacker, name: p.attackerName ?? p.attacker, color: p.attackerColor ?? UNKNOWN_ATTACKER_COLOR, n: 0 };
    a.n++;
    by.set(p.attacker, a);
  }
  return [...by.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
}

export function Filters({ events, families, attackers, dispatch }: Props) {
  const present = new Set(events.map((e) => e.properties.family));
  const choices = attackerChoices(events);
  // An empty list means every family; toggling one off from "all" keeps the others.
  const on = (f: Family) => families.length === 0 || families.includes(f);
  const toggle = (f: Family) => {
    const current = families.length === 0 ? FAMILIES.filter((x) => present.has(x)) : families;
    const next = current.includes(f) ? current.filter((x) => x !== f) : [...current, f];
    dispatch({ type: "filters", filters: { families: next.length === 0 || next.length === present.size ? [] : next } });
  };
  return (
    <div className="filters" role="group" aria-label="Filters">
      <ul className="family-toggles" aria-label="Event types">
        {FAMILIES.filter((f) => present.has(f)).map((f) => (
          <li key={f}>
            <button type="button" aria-pressed={on(f)} onClick={() => toggle(f)} title={`${FAMILY_LABEL[f]}: ${on(f) ? "shown" : "hidden"}`}>
              <FamilyIcon family={f} color={on(f) ? "#374151" : "#b8bcc4"} size={18} />
              <span className="family-name">{FAMILY_LABEL[f]}</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="attacker-filter">
        <span>Attacker</span>
        <select
          value={attackers[0] ?? ""}
          onChange={(e) => dispatch({ type: "filters", filters: { attackers: e.target.value ? [e.target.value] : [] } })}
        >
          <option value="">All attackers</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.n})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
