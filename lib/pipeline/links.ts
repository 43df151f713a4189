/**
 * Reversal links: when the target of an attack strikes back at its attacker soon after, the second
 * is taken as the answer to the first even if no text says so. The window is 10 days: in the
 * curated chains every answer came within a week (two days from the K-1 rockets to the strikes on
 * Kataib Hezbollah, three from the embassy riot to the Soleimani strike, five from that to the
 * missiles on Ain al-Asad, the same day for Israel's answers to the April 2023 rockets); beyond
 * ten days a reversal is as likely to be a new round as an answer, so it needs a textual cue.
 */
import type { Family, LinkKind } from "../schema";
import { actorAgreement, type ActorIndex } from "./actors";
import { daysBetween } from "./dates";

export const REVERSAL_WINDOW_DAYS = 10;
/** One reversal answers one earlier attack: the nearest in time. */
export const MAX_CAUSES = 1;

export type LinkableEvent = { id: string; dateStart: string; dateEnd: string; family: Family; attacker: string | null; target: string | null };
export type ReversalLink = { from: string; to: string; kind: LinkKind; confidence: number; delayDays: number };

/**
 * Reversal links into `effects` (ids) from any of `events`. An effect that already has a cause
 * (a cue, a curated link) gets none: the text has said what it answers.
 */
export function reversalLinks(events: LinkableEvent[], effects: Set<string>, existing: { from: string; to: string; kind?: string }[], actors: ActorIndex): ReversalLink[] {
  // A meeting that prepared an attack ("escalation") does not say what the attack answered.
  const hasCause = new Set(existing.filter((l) => l.kind !== "escalation").map((l) => l.to));
  const out: ReversalLink[] = [];
  for (const b of events) {
    if (!effects.has(b.id) || hasCause.has(b.id) || b.family === "meeting" || !b.attacker) continue;
    const causes = events
      // A cause whose target the text does not name still counts when the answer strikes its attacker.
      .filter((a) => a.id !== b.id && a.family !== "meeting" && a.attacker && (a.target || actorAgreement(b.target, a.attacker, actors) === 1))
      .map((a) => {
        const back = actorAgreement(b.attacker, a.target, actors);
        const at = actorAgreement(b.target, a.attacker, actors);
        const delay = daysBetween(a.dateStart, b.dateStart);
        const slack = daysBetween(a.dateStart, a.dateEnd);
        // On the same day, the cause must not end after its answer.
        return { a, back, at, delay, ok: back > 0 && at > 0 && back + at >= 1.5 && delay >= 0 && delay <= REVERSAL_WINDOW_DAYS + slack && a.dateStart <= b.dateStart && (delay > 0 || a.dateEnd <= b.dateEnd) };
      })
      .filter((c) => c.ok && !existing.some((l) => l.from === c.a.id && l.to === b.id))
      .sort((x, y) => x.delay - y.delay)
      .slice(0, MAX_CAUSES);
    for (const c of causes) {
      const confidence = Math.round((0.25 + 0.15 * (c.back + c.at - 1) + 0.1 * (1 - Math.min(c.delay, REVERSAL_WINDOW_DAYS) / REVERSAL_WINDOW_DAYS)) * 100) / 100;
      out.push({ from: c.a.id, to: b.id, kind: "retaliation", confidence, delayDays: c.delay });
    }
  }
  return withoutMutual(out);
}

/** Two attacks that could each be the other's answer (same days, sides reversed) say nothing of which came first. */
export function withoutMutual<L extends { from: string; to: string }>(links: L[]): L[] {
  const pairs = new Set(links.map((l) => `${l.from}\u0000${l.to}`));
  return links.filter((l) => !pairs.has(`${l.to}\u0000${l.from}`));
}
