/**
 * Reversal links over an imported dataset: the pipeline's own rule (lib/pipeline/links.ts: the
 * target strikes back at its attacker within the window, typed, with a confidence), run in date
 * slices so a 100k-row ACLED export costs slices × window, not all pairs.
 */
import type { ActorIndex } from "../pipeline/actors";
import { addDays, daysBetween } from "../pipeline/dates";
import { reversalLinks, REVERSAL_WINDOW_DAYS, type LinkableEvent, type ReversalLink } from "../pipeline/links";

type Existing = { from: string; to: string; kind?: string };

/** Reversal links into the `touched` events from any of `events`; `existing` links are kept and never duplicated or reversed. */
export function inferReversals(events: readonly LinkableEvent[], touched: ReadonlySet<string>, existing: readonly Existing[], actors: ActorIndex): ReversalLink[] {
  const byStart = [...events].sort((a, b) => (a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : 0));
  // A cause may start this many days before its answer: the window plus the cause's own date span.
  const reach = REVERSAL_WINDOW_DAYS + Math.max(0, ...events.map((e) => daysBetween(e.dateStart, e.dateEnd)));
  const into = new Map<string, Existing[]>();
  for (const l of existing) into.set(l.to, [...(into.get(l.to) ?? []), l]);
  const reverse = new Set(existing.map((l) => `${l.to}--${l.from}`));
  const effects = byStart.filter((e) => touched.has(e.id));
  const out: ReversalLink[] = [];
  const lowerBound = (date: string) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.dateStart < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < effects.length; ) {
    const sliceStart = effects[i]!.dateStart;
    const sliceEnd = addDays(sliceStart, REVERSAL_WINDOW_DAYS);
    let j = i;
    while (j < effects.length && effects[j]!.dateStart < sliceEnd) j++;
    const slice = effects.slice(i, j);
    const candidates = byStart.slice(lowerBound(addDays(sliceStart, -reach)), lowerBound(sliceEnd));
    const known = slice.flatMap((e) => into.get(e.id) ?? []);
    out.push(...reversalLinks(candidates, new Set(slice.map((e) => e.id)), known, actors).filter((l) => !reverse.has(`${l.from}--${l.to}`)));
    i = j;
  }
  return out;
}
