/**
 * Reversal links over an imported dataset: the pipeline's own rule (lib/pipeline/links.ts: the
 * target strikes back at its attacker within the window, typed, with a confidence), run so that a
 * 100k-row ACLED export does not cost all pairs. actorAgreement is 0 between actors that share
 * neither a camp nor a lineage, so the only events that can be the cause of an answer X → Y are
 * attacks Y → X (or with one side unnamed) that start at most window + their own date span
 * before it. Each answer is handed to reversalLinks with just those; the result is the same as
 * over all pairs (causes in the same order), at a cost that grows with the rows, not their square.
 */
import { camp, lineage, type ActorIndex } from "../pipeline/actors";
import { PLACEHOLDER_ACTORS } from "../pipeline/actor-aliases";
import { addDays, daysBetween } from "../pipeline/dates";
import { MAX_CAUSES, reversalLinks, REVERSAL_WINDOW_DAYS, withoutMutual, type LinkableEvent, type ReversalLink } from "../pipeline/links";
import { linkId } from "../schema";

type Existing = { from: string; to: string; kind?: string };
/** No actor, or a placeholder: agrees with every camp. */
const ANY = "*";

const byDate = (a: LinkableEvent, b: LinkableEvent) => (a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reversal links into the `touched` events from any of `events`; `existing` links are kept and never duplicated or reversed. */
export function inferReversals(events: readonly LinkableEvent[], touched: ReadonlySet<string>, existing: readonly Existing[], actors: ActorIndex): ReversalLink[] {
  // Actors joined by a camp or a lineage, transitively: the coarsest grouping actorAgreement respects.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    const p = parent.get(x)!;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  for (const e of events)
    for (const id of [e.attacker, e.target])
      if (id && !PLACEHOLDER_ACTORS.has(id) && !parent.has(id)) {
        join(id, camp(id, actors));
        join(id, lineage(id, actors).at(-1)!);
      }
  const group = (id: string | null) => (!id || PLACEHOLDER_ACTORS.has(id) ? ANY : find(id));

  // Without an attacker an event neither answers nor is answered.
  const sorted = events.filter((e) => e.attacker).sort(byDate);
  // A loop, not Math.max(...spans): a million arguments overflow the call stack.
  let longest = 0;
  for (const e of sorted) longest = Math.max(longest, daysBetween(e.dateStart, e.dateEnd));
  const reach = REVERSAL_WINDOW_DAYS + longest;
  /** Events by "attacker group|target group", by attacker group ("A|") and by target group ("|T"), each in date order. */
  const lists = new Map<string, LinkableEvent[]>();
  const add = (k: string, e: LinkableEvent) => (lists.get(k) ?? lists.set(k, []).get(k)!).push(e);
  for (const e of sorted) {
    const [a, t] = [group(e.attacker), group(e.target)];
    add(`${a}|${t}`, e);
    add(`${a}|`, e);
    add(`|${t}`, e);
  }
  /** How many events of a date-ordered list start on or before `d`. */
  const upTo = (list: LinkableEvent[], d: string) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.dateStart <= d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const into = new Map<string, Existing[]>();
  for (const l of existing) (into.get(l.to) ?? into.set(l.to, []).get(l.to)!).push(l);
  const reverse = new Set(existing.map((l) => linkId(l.to, l.from)));

  const out: ReversalLink[] = [];
  for (const b of sorted) {
    if (!touched.has(b.id)) continue;
    const [x, y] = [group(b.attacker), group(b.target)];
    // The cause's target must agree with the answer's attacker and its attacker with the answer's target;
    // with one side of the answer unnamed, the other must match exactly (agreement 1), whatever the cause's other side.
    const keys = x !== ANY && y !== ANY ? [`${y}|${x}`, `${ANY}|${x}`, `${y}|${ANY}`] : x !== ANY ? [`|${x}`] : y !== ANY ? [`${y}|`] : [];
    const from = addDays(b.dateStart, -reach);
    const candidateLists = keys.map((k) => lists.get(k)).filter((l): l is LinkableEvent[] => l !== undefined);
    // Walked back from the answer's start day, one candidate at a time: the rule keeps the
    // MAX_CAUSES causes with the shortest delay (on a tie, the first in date order), so the first
    // candidates that qualify decide, and a dense store does not hand every answer its whole window.
    const ends = candidateLists.map((l) => upTo(l, b.dateStart));
    const effect = new Set([b.id]);
    const before = into.get(b.id) ?? [];
    const found: ReversalLink[] = [];
    while (found.length < MAX_CAUSES) {
      let day = "";
      candidateLists.forEach((l, i) => {
        const d = ends[i]! > 0 ? l[ends[i]! - 1]!.dateStart : "";
        if (d > day) day = d;
      });
      if (!day || day < from) break;
      const sameDay = new Set<LinkableEvent>();
      candidateLists.forEach((l, i) => {
        while (ends[i]! > 0 && l[ends[i]! - 1]!.dateStart === day) sameDay.add(l[--ends[i]!]!);
      });
      sameDay.delete(b);
      for (const a of [...sameDay].sort(byDate)) {
        found.push(...reversalLinks([a, b], effect, before, actors));
        if (found.length >= MAX_CAUSES) break;
      }
    }
    out.push(...found.slice(0, MAX_CAUSES));
  }
  return withoutMutual(out).filter((l) => !reverse.has(linkId(l.from, l.to)));
}
