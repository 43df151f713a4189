/**
 * Link cues: the words that say one attack answered another. Two shapes: the cause follows the
 * cue ("in response to X", "punishment for X", "… targeting the group after they attacked …":
 * the attack answered is the target's own), or the cue marks its sentence's attack as the
 * answer to something told before ("Israel responded with …", "As a result, …"). A third, "plan",
 * ties a meeting to the attacks it prepared ("finalized in … meetings", "to plan the attack"); a
 * fourth, "demand", says the attack just told called for an answer, which the next attack told is.
 */
import type { LinkKind } from "../schema";

export type Cue = {
  kind: LinkKind;
  shape: "cause-follows" | "answer" | "plan" | "sequel" | "demand";
  start: number;
  end: number;
  /** For cause-follows: where the cause is told (relative to the sentence). */
  clause?: { start: number; end: number };
  text: string;
};

const CAUSE_FOLLOWS =
  /\b(in response to|responded to|answered(?!\s+(with|by)\b)|answering(?!\s+(with|by)\b)|avenged|as a response to|a response to|in retaliation for|retaliation for|in reprisal for|punishment for|to punish|to avenge|avenging|revenge for|in revenge for|responding to|in answer to|an answer to|in reply to|a reply to|payback for|in retribution for|retribution for|retaliat(ed|ing|e) for|after (?=(?:they|it|the (?:group|militants|terrorists|fighters|rebels)|its fighters)\s+(?:had\s+)?(?:attacked|fired|launched|struck|shelled|bombed|ambushed|killed)\b))/gi;
const ANSWER =
  /(^and then\b|^(it|this|that) came\b|\b(in response|responded|respond(s|ing)? (with|by)|answered (with|by)|retaliated|retaliating|as a result|in retaliation|in reprisal|hit back|struck back|fired back|counter-?attacked|(the|its|their|a)\s+([\w-]+\s+)?(response|answer|retaliation|reply|reprisal)\s+came)\b)/gi;
/** "X began after Y", "X followed Y", "X struck … after Y fired …": a sequel, an answer only if the actors say so. */
const SEQUEL =
  /\b(began after|began in the wake of|came (\w+ ){0,3}after|followed|in the wake of|shortly after|soon after|after(?=\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,4}\s+(?:had\s+)?(?:attacked|fired|launched|struck|shelled|bombed|hit|targeted)\b))\b/gi;
/** "… in Douma, and it demanded an immediate response": the attack just told is answered by the next one told. */
const DEMAND = /\b(demanded|demands|required|requires|warranted|warrants|deserved|merited|called for|calls for|cried out for)\s+(a|an)\s+([\w-]+\s+){0,2}(response|answer|reply|retaliation)\b/gi;
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
    // "whether they saw it as a reply to …": a link nobody asserts.
    if (/\b(whether|if|unclear|not clear|unknown|speculat\w*|no evidence|not (yet )?known|rul(ed|ing) out)\b[^.;]*$/i.test(text.slice(Math.max(0, start - 70), start))) continue;
    // "In response to X, Y …", "In what was widely seen as retaliation for X, Y …": at the head of
    // the sentence the cause ends at the first comma.
    const initial = start < 5 || /^(in|as|in what|what|seen|widely|apparently|possibly|presumably|partly|largely|perhaps|probably|reportedly|allegedly)\b[^,;]*$/i.test(text.slice(0, start));
    const stop = initial ? rest.search(/[,;:—–]|\.\s|$/) : rest.search(/[;:]|,\s+(and|but|while|which|who|saying|according)\b|,\s+([\w.'’-]+\s+){0,3}(said|says|told|added|reported)\b|\.\s|$/);
    out.push({ kind: kindOf(m[0]), shape: "cause-follows", start, end, clause: { start: end, end: end + (stop < 0 ? rest.length : stop) }, text: m[0] });
  }
  ANSWER.lastIndex = 0;
  for (let m = ANSWER.exec(text); m; m = ANSWER.exec(text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    if (/\b(whether|if|unclear|not clear|unknown|no evidence)\b[^.;]*$/i.test(text.slice(Math.max(0, m.index - 70), m.index))) continue;
    out.push({ kind: kindOf(m[0]), shape: "answer", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  SEQUEL.lastIndex = 0;
  for (let m = SEQUEL.exec(text); m; m = SEQUEL.exec(text))
    if (!overlaps(m.index, m.index + m[0].length)) out.push({ kind: "response", shape: "sequel", start: m.index, end: m.index + m[0].length, text: m[0] });
  DEMAND.lastIndex = 0;
  for (let m = DEMAND.exec(text); m; m = DEMAND.exec(text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    // "whether it demanded a response": nobody says it did.
    if (/\b(whether|if|unclear|not clear|unknown)\b[^.;]*$/i.test(text.slice(Math.max(0, m.index - 70), m.index))) continue;
    out.push({ kind: "response", shape: "demand", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  PLAN.lastIndex = 0;
  for (let m = PLAN.exec(text); m; m = PLAN.exec(text)) out.push({ kind: "escalation", shape: "plan", start: m.index, end: m.index + m[0].length, text: m[0] });
  return out.sort((a, b) => a.start - b.start);
}
