"use client";
/**
 * Every filter of the view (lib/url-state.ts) but the date window, which the timeline's brush
 * sets. Family toggles (which double as the symbol legend), the attacker and a text search stay
 * in the bar; the rest fold into "More filters", a row under it, so the phone layout keeps its
 * single scrolling bar. How many events match is always in view.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { EventFeature } from "@/lib/api";
import { CLAIM_LABEL, FAMILY_LABEL, UNKNOWN_ATTACKER_COLOR } from "@/lib/map/event-style";
import { CLAIM_STATUSES, FAMILIES, type ClaimStatus, type Family } from "@/lib/schema";
import { MAX_QUERY_CHARS, searchableText, type ViewFilters } from "@/lib/url-state";
import { FamilyIcon } from "./FamilyIcon";
import type { Dispatch } from "./view-state";

type Filterable = Omit<ViewFilters, "from" | "to">;

type Props = {
  events: readonly EventFeature[];
  filters: Filterable;
  /** Events the filters and the date window let through, of all events. */
  shown: number;
  total: number;
  dispatch: Dispatch;
};

/** A search is run once typing pauses, so a word is one history entry rather than one per letter. */
const SEARCH_DELAY_MS = 400;
const KILLED_STEPS = [1, 5, 10, 50, 100, 1000];
/** Short names for the checkboxes; CLAIM_LABEL, which explains them, is their tooltip. */
const CLAIM_SHORT: Record<ClaimStatus, string> = {
  claimed: "Claimed",
  attributed: "Attributed",
  denied: "Denied",
  declined: "No comment",
  unknown: "Unclaimed",
};
/** The select's value while a link names several values of a one-choice menu; never a valid id. */
const SEVERAL = "(several)";

type Choice = { id: string; label: string; n: number; color?: string };

/** Distinct values of one property, most frequent first, with how many events have each. */
function choices(events: readonly EventFeature[], pick: (e: EventFeature) => readonly Omit<Choice, "n">[]): Choice[] {
  const by = new Map<string, Choice>();
  for (const e of events)
    for (const c of pick(e)) {
      const seen = by.get(c.id) ?? { ...c, n: 0 };
      seen.n++;
      by.set(c.id, seen);
    }
  return [...by.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    return null;
  }
})();
const countryName = (code: string) => regionNames?.of(code) ?? code;

function useChoices(events: readonly EventFeature[]) {
  return useMemo(() => {
    const byId = new Map(events.map((e) => [e.id, e]));
    return {
      families: new Set(events.map((e) => e.properties.family)),
      claims: new Set(events.map((e) => e.properties.claim)),
      attackers: choices(events, ({ properties: p }) =>
        p.attacker ? [{ id: p.attacker, label: p.attackerName ?? p.attacker, color: p.attackerColor ?? UNKNOWN_ATTACKER_COLOR }] : [],
      ),
      targets: choices(events, ({ properties: p }) => (p.target ? [{ id: p.target, label: p.targetName ?? p.target }] : [])),
      countries: choices(events, ({ properties: p }) => (p.country ? [{ id: p.country, label: countryName(p.country) }] : [])),
      outlets: choices(events, ({ properties: p }) => p.outlets.map((o) => ({ id: o, label: o }))),
      // A chain is named by its earliest event, whose id is the chain's.
      chains: choices(events, ({ properties: p }) => (p.chainId ? [{ id: p.chainId, label: byId.get(p.chainId)?.properties.title ?? p.chainId }] : [])),
    };
  }, [events]);
}

/**
 * One choice from a list filter. A link may name several values (`atk=a,b`) or one the data lacks:
 * the menu says so rather than pretend, and picking from it sets a single value.
 */
function ListSelect({ label, all, value, options, onChange }: { label: string; all: string; value: readonly string[]; options: Choice[]; onChange: (next: string[]) => void }) {
  const unknown = value.length === 1 && !options.some((o) => o.id === value[0]) ? value[0] : undefined;
  return (
    <label className="filter-select">
      <span>{label}</span>
      <select value={value.length > 1 ? SEVERAL : (value[0] ?? "")} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
        <option value="">{all}</option>
        {value.length > 1 && (
          <option value={SEVERAL} disabled>
            {value.length} chosen by the link
          </option>
        )}
        {unknown && <option value={unknown}>{unknown} (0)</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label} ({o.n})
          </option>
        ))}
      </select>
    </label>
  );
}

/** An empty list means all; toggling one off from "all" keeps the others, and all on again is empty. */
function toggled<T extends string>(current: readonly T[], present: readonly T[], item: T): T[] {
  const from = current.length === 0 ? present : current;
  const next = from.includes(item) ? from.filter((x) => x !== item) : [...from, item];
  return next.length === 0 || present.every((x) => next.includes(x)) ? [] : next;
}

/** The search box: typed text is local until typing pauses (or Enter), then it becomes the filter. */
function Search({ q, dispatch }: { q: string; dispatch: Dispatch }) {
  const [text, setText] = useState(q);
  const committed = useRef(q);
  // A view restored from the URL (Back) brings its own search.
  useEffect(() => {
    if (q === committed.current) return;
    committed.current = q;
    setText(q);
  }, [q]);
  const commit = (value: string) => {
    committed.current = value;
    dispatch({ type: "filters", filters: { q: value } });
  };
  useEffect(() => {
    if (text === committed.current) return;
    const t = setTimeout(() => commit(text), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [text, dispatch]);
  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text !== committed.current) commit(text);
      }}
    >
      <input
        type="search"
        aria-label="Search events"
        placeholder="Search…"
        maxLength={MAX_QUERY_CHARS}
        value={text}
        onChange={(e) => setText(searchableText(e.target.value))}
      />
    </form>
  );
}

export function Filters({ events, filters, shown, total, dispatch }: Props) {
  const c = useChoices(events);
  const [more, setMore] = useState(false);
  const panelId = useId();
  const set = (f: Partial<Filterable>) => dispatch({ type: "filters", filters: f });

  const families = FAMILIES.filter((f) => c.families.has(f));
  const claims = CLAIM_STATUSES.filter((s) => c.claims.has(s));
  const familyOn = (f: Family) => filters.families.length === 0 || filters.families.includes(f);
  const claimOn = (s: ClaimStatus) => filters.claims.length === 0 || filters.claims.includes(s);
  // Filters set inside "More filters", counted on its button so a closed panel still says it filters.
  const hidden =
    Number(filters.targets.length > 0) +
    Number(filters.countries.length > 0) +
    Number(filters.chain !== "all") +
    Number(filters.minKilled > 0) +
    Number(filters.claims.length > 0) +
    Number(filters.outlets.length > 0);
  const any = hidden > 0 || filters.families.length > 0 || filters.attackers.length > 0 || filters.q !== "";
  const killedSteps = [...new Set([...KILLED_STEPS, filters.minKilled])].filter((n) => n > 0).sort((a, b) => a - b);

  return (
    <>
      <div className="filters" role="group" aria-label="Filters">
        <ul className="family-toggles" aria-label="Event types">
          {families.map((f) => (
            <li key={f}>
              <button
                type="button"
                aria-pressed={familyOn(f)}
                onClick={() => set({ families: toggled(filters.families, families, f) })}
                title={`${FAMILY_LABEL[f]}: ${familyOn(f) ? "shown" : "hidden"}`}
              >
                <FamilyIcon family={f} color={familyOn(f) ? "#374151" : "#b8bcc4"} size={18} />
                <span className="family-name">{FAMILY_LABEL[f]}</span>
              </button>
            </li>
          ))}
        </ul>
        <ListSelect label="Attacker" all="All attackers" value={filters.attackers} options={c.attackers} onChange={(attackers) => set({ attackers })} />
        <Search q={filters.q} dispatch={dispatch} />
        <button type="button" className="more-toggle" aria-expanded={more} aria-controls={panelId} onClick={() => setMore(!more)}>
          More filters{hidden > 0 ? ` (${hidden})` : ""}
        </button>
        <output className="filter-count" aria-live="polite">
          {shown.toLocaleString("en")} of {total.toLocaleString("en")} events
        </output>
        {any && (
          <button
            type="button"
            className="clear-filters"
            onClick={() => set({ families: [], attackers: [], targets: [], countries: [], chain: "all", minKilled: 0, claims: [], outlets: [], q: "" })}
          >
            Clear filters
          </button>
        )}
      </div>
      <div id={panelId} className="more-filters" role="group" aria-label="More filters" hidden={!more}>
        <ListSelect label="Target" all="All targets" value={filters.targets} options={c.targets} onChange={(targets) => set({ targets })} />
        <ListSelect label="Country" all="All countries" value={filters.countries} options={c.countries} onChange={(countries) => set({ countries })} />
        <label className="filter-select">
          <span>Chain</span>
          <select value={filters.chain} onChange={(e) => set({ chain: e.target.value })}>
            <option value="all">All events</option>
            <option value="linked">Only events in a chain</option>
            {filters.chain !== "all" && filters.chain !== "linked" && !c.chains.some((o) => o.id === filters.chain) && (
              <option value={filters.chain}>{filters.chain} (0)</option>
            )}
            {c.chains.map((o) => (
              <option key={o.id} value={o.id}>
                Chain from: {o.label} ({o.n})
              </option>
            ))}
          </select>
        </label>
        <label className="filter-select">
          <span>Killed</span>
          <select value={filters.minKilled} onChange={(e) => set({ minKilled: Number(e.target.value) })}>
            <option value={0}>Any number</option>
            {killedSteps.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString("en")} or more
              </option>
            ))}
          </select>
        </label>
        <ListSelect label="Source" all="All outlets" value={filters.outlets} options={c.outlets} onChange={(outlets) => set({ outlets })} />
        <fieldset className="claim-filter">
          <legend>Claim</legend>
          {claims.map((s) => (
            <label key={s} title={CLAIM_LABEL[s]}>
              <input type="checkbox" checked={claimOn(s)} onChange={() => set({ claims: toggled(filters.claims, claims, s) })} />
              {CLAIM_SHORT[s]}
            </label>
          ))}
        </fieldset>
      </div>
    </>
  );
}
