/**
 * Claim status: who says who did it. A claim sentence may stand apart from the attack it is about
 * ("Israel … declined to comment"); the assembler attaches it to the latest event of its actor.
 */
import type { ClaimStatus } from "../schema";
import type { ClaimFact } from "./types";

const RULES: [ClaimStatus, RegExp, number][] = [
  ["declined", /\b(declined to (comment|confirm|say)|(does|did|would) not (comment|confirm)\b(?! involvement)|refused to (comment|confirm)|no comment|has never (said|confirmed|acknowledged)|did not explicitly claim|neither confirm(ed|s)? nor den(y|ied|ies))/i, 0.8],
  ["denied", /\b(denied|denies|deny|denying|rejected (the |any )?(accusations?|claims?|allegations?))\b/i, 0.8],
  [
    "claimed",
    /\b(claimed (responsibility|credit|the (attack|strike|operation|bombing|raid))|took (credit|responsibility)|take credit|(said|saying) (it|they) (had )?(carried out|launched|struck|targeted|fired|was behind)|announced (that )?(it|they) (had )?(carried out|launched|struck|killed)|acknowledged (carrying out|the strike|the attack)|confirmed (it|they) (had )?(carried out|launched|struck))/i,
    0.85,
  ],
  ["attributed", /\b(accused|accuses|blamed|blames|attributed to|ascribed|pointed the finger|held [\w\s]{1,30} responsible|hold [\w\s]{1,30} responsible|suspected|bore the hallmarks|fingerprints|widely believed|reportedly)\b/i, 0.7],
];

/** Claim facts of a sentence (spans relative to it), strongest first. */
export function findClaims(text: string): ClaimFact[] {
  const out: ClaimFact[] = [];
  for (const [status, re, confidence] of RULES) {
    const m = re.exec(text);
    if (m) out.push({ status, span: { start: m.index, end: m.index + m[0].length }, confidence });
  }
  return out;
}

/** One status for an event from all its claim facts: a denial or refusal beats an accusation. */
export function resolveClaim(facts: ClaimFact[]): ClaimStatus {
  const has = (s: ClaimStatus) => facts.some((f) => f.status === s);
  if (has("claimed")) return "claimed";
  if (has("denied")) return "denied";
  if (has("declined")) return "declined";
  if (has("attributed")) return "attributed";
  return "unknown";
}
