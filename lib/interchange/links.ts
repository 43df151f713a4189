/**
 * Reversal links over an imported dataset: the pipeline's own rule (lib/pipeline/links.ts: the
 * target strikes back at its attacker within the window, typed, with a confidence), run so that a
 * million-row ACLED export does not cost all pairs, nor a scan of each answer's window.
 *
 * The candidates are bucketed by their exact (attacker, target) pair and their own date span.
 * Within one bucket every candidate passes the actor part of the rule or none does, and the date
 * part is one interval of start days (window + that span before the answer, up to its start), so
 * the bucket's best cause is found by binary search: the latest start day in the interval, and
 * on that day the first id that is neither the answer nor already linked to it. An answer looks
 * at the buckets of the actor pairs it can reverse (worked out once per answer pair) and takes
 * the nearest of their best causes, as the all-pairs rule does (a test holds the two equal). Its
 * cost grows with the buckets it looks at, not with how many attacks share its window.
 */
import { actorAgreement, lineage, type ActorIndex } from "../pipeline/actors";
import { PLACEHOLDER_ACTORS } from "../pipeline/actor-aliases";
import { fromIso } from "../pipeline/dates";
import { MAX_CAUSES, reversalLinks, REVERSAL_WINDOW_DAYS, withoutMutual, type LinkableEvent, type ReversalLink } from "../pipeline/links";
import { linkId } from "../schema";

type Existing = { from: string; to: string; kind?: string };
/** Candidates of one exact actor pair and one date span, in date order (then id), with their start days. */
type Bucket = { span: number; events: LinkableEvent[]; starts: Int32Array };

/** No actor or a placeholder: actorAgreement gives it 0.5 with everyone, as it does for null. */
const actorKey = (id: string | null) => (!id || PLACEHOLDER_ACTORS.has(id) ? null : id);
const dayNumber = (d: string) => Math.round(fromIso(d) / 86_400_000);
const byDate = (a: LinkableEvent, b: LinkableEvent) => (a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first index of a sorted array whose value is above `v` (`above`), or at least `v`. */
function bound(xs: Int32Array, v: number, above: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (above ? xs[mid]! <= v : xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reversal links into the `touched` events from any of `events`; `existing` links are kept and never duplicated or reversed. */
export function inferReversals(events: readonly LinkableEvent[], touched: ReadonlySet<string>, existing: readonly Existing[], actors: ActorIndex): ReversalLink[] {
  // A meeting neither answers nor is answered, and without an attacker an event is neither.
  const linkable = events.filter((e) => e.attacker && e.family !== "meeting");
  const pairs = new Map<string, Map<number, LinkableEvent[]>>();
  const targetsOf = new Map<string | null, Set<string | null>>();
  const attackersOf = new Map<string | null, Set<string | null>>();
  const seen = (m: Map<string | null, Set<string | null>>, k: string | null, v: string | null) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  const pairKey = (p: string | null, q: string | null) => `${p ?? ""}\u0000${q ?? ""}`;
  for (const e of linkable) {
    const [p, q] = [actorKey(e.attacker), actorKey(e.target)];
    const span = dayNumber(e.dateEnd) - dayNumber(e.dateStart);
    const spans = pairs.get(pairKey(p, q)) ?? pairs.set(pairKey(p, q), new Map()).get(pairKey(p, q))!;
    (spans.get(span) ?? spans.set(span, []).get(span)!).push(e);
    seen(targetsOf, p, q);
    seen(attackersOf, q, p);
  }
  const buckets = new Map<string, Bucket[]>();
  for (const [k, spans] of pairs)
    buckets.set(
      k,
      [...spans].map(([span, list]) => {
        list.sort(byDate);
        return { span, events: list, starts: Int32Array.from(list, (e) => dayNumber(e.dateStart)) };
      }),
    );

  // Actors that agree fully (1) with an actor: its lineage and the actors whose lineage holds it.
  const below = new Map<string, Set<string>>();
  for (const id of new Set([...targetsOf.keys(), ...attackersOf.keys()]))
    if (id) for (const up of lineage(id, actors)) (below.get(up) ?? below.set(up, new Set()).get(up)!).add(id);
  const related = (id: string | null) => (id ? new Set([...lineage(id, actors), ...(below.get(id) ?? [])]) : new Set<string>());

  /** The buckets whose actors an answer by `x` on `y` reverses: back + at >= 1.5 needs one of them at 1. */
  const reversible = new Map<string, Bucket[]>();
  const bucketsFor = (x: string | null, y: string | null): Bucket[] => {
    const k = pairKey(x, y);
    let out = reversible.get(k);
    if (out) return out;
    const keys = new Set<string>();
    const consider = (p: string | null, q: string | null) => {
      const back = actorAgreement(x, q, actors);
      const at = actorAgreement(y, p, actors);
      if (back > 0 && at > 0 && back + at >= 1.5) keys.add(pairKey(p, q));
    };
    // The cause's target agrees fully with the answer's attacker, or its attacker with the answer's target.
    for (const q of related(x)) for (const p of attackersOf.get(q) ?? []) consider(p, q);
    for (const p of related(y)) for (const q of targetsOf.get(p) ?? []) consider(p, q);
    reversible.set(k, (out = [...keys].flatMap((key) => buckets.get(key) ?? [])));
    return out;
  };

  const into = new Map<string, Existing[]>();
  for (const l of existing) (into.get(l.to) ?? into.set(l.to, []).get(l.to)!).push(l);
  const reverse = new Set(existing.map((l) => linkId(l.to, l.from)));

  const out: ReversalLink[] = [];
  for (const b of [...linkable].sort(byDate)) {
    if (!touched.has(b.id)) continue;
    const before = into.get(b.id) ?? [];
    // A stated cause wins (a meeting that prepared the attack does not say what it answered).
    if (before.some((l) => l.kind !== "escalation")) continue;
    const linked = new Set(before.map((l) => l.from));
    const [start, end] = [dayNumber(b.dateStart), dayNumber(b.dateEnd)];
    let best: LinkableEvent | null = null;
    let bestDay = -Infinity;
    for (const bucket of bucketsFor(actorKey(b.attacker), actorKey(b.target))) {
      // Delay at most the window plus the cause's span; on the answer's own day the cause must not end after it.
      const lowest = start - REVERSAL_WINDOW_DAYS - bucket.span;
      let i = bound(bucket.starts, start + bucket.span <= end ? start : start - 1, true) - 1;
      while (i >= 0 && bucket.starts[i]! >= Math.max(lowest, bestDay)) {
        const day = bucket.starts[i]!;
        const first = bound(bucket.starts, day, false);
        let found: LinkableEvent | null = null;
        for (let j = first; j <= i && !found; j++) {
          const a = bucket.events[j]!;
          if (a !== b && !linked.has(a.id)) found = a;
        }
        if (found) {
          if (day > bestDay || (best && found.id < best.id)) [best, bestDay] = [found, day];
          break;
        }
        i = first - 1;
      }
    }
    if (best) out.push(...reversalLinks([best, b], new Set([b.id]), before, actors).slice(0, MAX_CAUSES));
  }
  return withoutMutual(out).filter((l) => !reverse.has(linkId(l.from, l.to)));
}
