/**
 * Link cues: the words that say one attack answered another. Two shapes: the cause follows the
 * cue ("in response to X", "punishment for X"), or the cue marks its sentence's attack as the
 * answer to something told before ("Israel responded with …", "As a result, …"). A third, "plan",
 * ties a meeting to the attacks it prepared ("finalized in … meetings", "to plan the attack").
 */
import type { LinkKind } from "../schema";

export type Cue = {
  kind: LinkKind;
  shape: "cause-follows" | "answer" | "plan" | "sequel";
  start: number;
  end: number;
  /** For cause-follows: where the cause is told (relative to the sentence). */
  clause?: { start: number; end: number };
  text: string;
};

const CAUSE_FOLLOWS =
  /\b(in response to|responded to|answered|answering|avenged|as a response to|a response to|in retaliation for|retaliation for|in reprisal for|punishment for|to punish|to avenge|avenging|revenge for|in revenge for|responding to|in answer to|in reply to|retaliat(ed|ing) for)\b/gi;
const ANSWER =
  /(^and then\b|\b(in response|responded|respond(s|ing)? (with|by)|retaliated|retaliating|as a result|in retaliation|in reprisal|hit back|struck back|fired back|counter-?attacked)\b)/gi;
/** "X began after Y", "X followed Y": a sequel, an answer only if the actors say so. */
const SEQUEL = /\b(began after|began in the wake of|came (\w+ )?after|followed|in the wake of|shortly after|soon after)\b/gi;
const PLAN = /\b(finaliz(ed|ing)|to plan|planned|to coordinate|coordinated|to discuss (a |an )?(possible )?(coordinated )?attacks?)\b/gi;

const kindOf = (s: string): LinkKind =>
  /retaliat|reprisal|aveng|revenge|punish|hit back|struck back|fired back/i.test(s) ? "retaliation" : /^and then/i.test(s) ? "escalation" : "response";

export function findCues(text: string): Cue[] {
  const out: Cue[] = [];
  const overlaps = (s: number, e: number) => out.some((c) => c.start < e && s < c.end);
  CAUSE_FOLLOWS.lastIndex = 0;
  for (let m = CAUSE_FOLLOWS.exec(text); m; m = CAUSE_FOLLOWS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const rest = text.slice(end);
    const stop = rest.search(/[;:]|,\s+(and|but|while|which|who|saying|according)\b|,\s+([\w.'’-]+\s+){0,3}(said|says|told|added|reported)\b|\.\s|$/);
    out.push({ kind: kindOf(m[0]), shape: "cause-follows", start, end, clause: { start: end, end: end + (stop < 0 ? rest.length : stop) }, text: m[0] });
  }
  ANSWER.lastIndex = 0;
  for (let m = ANSWER.exec(text); m; m = ANSWER.exec(text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    out.push({ kind: kindOf(m[0]), shape: "answer", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  SEQUEL.lastIndex = 0;
  for (let m = SEQUEL.exec(text); m; m = SEQUEL.exec(text))
    if (!overlaps(m.index, m.index + m[0].length)) out.push({ kind: "response", shape: "sequel", start: m.index, end: m.index + m[0].length, text: m[0] });
  PLAN.lastIndex = 0;
  for (let m = PLAN.exec(text); m; m = PLAN.exec(text)) out.push({ kind: "escalation", shape: "plan", start: m.index, end: m.index + m[0].length, text: m[0] });
  return out.sort((a, b) => a.start - b.start);
}
