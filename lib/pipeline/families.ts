/**
 * Families: the attack words of a sentence ("drone strike", "barrage of rockets", "ransack",
 * "meetings") grouped into frames, one frame per attack the sentence tells. Words that only say
 * that something happened ("attack", "struck", "killed") are generic: they take their family from
 * a specific word nearby, from a later sentence about the same attack, or from who did it.
 * Hypothetical, planned or habitual attacks ("plans to attack", "hundreds of attacks") are no frames.
 */
import type { Family } from "../schema";

/** `hypothetical`: planned, feared or habitual ("to fire the rockets into Israel"); no attack of its own. */
export type Trigger = { family: Family | null; start: number; end: number; hypothetical?: boolean };
export type Frame = { family: Family | null; triggers: Trigger[]; start: number; end: number; confidence: number };

const SPECIFIC: [Family, RegExp][] = [
  ["drone", /\b(drone strikes?|drone attacks?|attack drones?|drones?|UAVs?|unmanned aerial vehicles?)\b/gi],
  ["missile", /\b((ballistic|cruise|anti-ship|guided|surface-to-surface|Tomahawk|hypersonic)\s+)*missiles?( strikes?| attacks?)?\b/gi],
  ["rocket", /\b(rockets?( attacks?| fire)?|Katyushas?|barrages?|salvos?|volleys?)\b/gi],
  // "artillery posts" and "mortar positions" are what got hit, not what hit.
  ["artillery", /\b(artillery( fire| shells?)?|shelling|shelled|mortars?( fire| rounds| shells)?|howitzers?|tank fire)\b(?!\s+(posts?|positions?|batter(y|ies)|units?|pieces|sites?|depots?))/gi],
  [
    "airstrike",
    /\b(air ?strikes?|air raids?|air attacks?|warplanes|fighter jets|bombers?|bombed|bombings?|bombardment|sorties|counter-?strikes?|retaliatory strikes?|(precision|defensive|precision defensive) strikes?)\b/gi,
  ],
  ["assassination", /\b(assassinat(ed|ion|ing|e)|targeted killings?)\b/gi],
  ["riot", /\b(ransack(ed|ing)?|storm(ed|ing) the|riots?|rioters|mobs?|torched|set fire to|breached the)\b/gi],
  ["ground", /\b(raids?|ground (assault|attack|offensive|incursion|operation)s?|incursions?|commandos?|gunmen|infiltrat(ed|ion)|cross-border attacks?)\b/gi],
  ["meeting", /\b(meetings?|met with|meets with|meet with|held talks|summit)\b/gi],
];
const GENERIC = /\b(attacks?|attacked|strikes?|struck|striking|hits?|explosions?|blasts?|killed|killing|fired|launched|targeted|counterattacks?)\b/gi;
/** Attacks on ships; the named group `t` is the trigger span. */
const MARITIME = [
  /\b(?<t>attack(ed|s)? on|attacked|seized|seizure of|hijack(ed|ing)?|struck|hit|boarded|targeting|targeted)\s+(the\s+|an?\s+)?([\w'-]+\s+){0,4}(tankers?|ships?|vessels?|car carriers?|freighters?|merchant vessels?)\b/gi,
  /\b(tanker|ship|vessel|carrier|freighter)\b[^.;]{0,80}\b(was|were) (?<t>attacked|seized|hijacked|struck|hit|boarded)\b/gi,
];

/** The clause before a trigger says the attack did not (yet) happen. */
const HYPOTHETICAL =
  /\b(plans? to|planning|plott?(ing|ed)?|prevented|to launch|would|could|may|might|will|threat(en(ed|s)?)?( to)?|vow(ed|s)? to|urg(ed|es) (them )?to|possible|prevent(ing)?|fears?|warn(ed|s|ing)?|to carry out|aim(ed|s)? (at|to)|deter|if|unless|capable of|need to|supposed to|designed to|intended to|in order to|ready to|seek(s|ing)? to|call(s|ed)? for|to discuss|to plan|to avoid|want(s|ed)? to|promis(ed|es) to|pledg(ed|es) to|important to|tools to|able to|against any|instead of|rather than)\b[^,;:—]*$/i;
/** Many attacks told as one: habitual or counted in bulk, or listed as examples ("including … attacks"). */
const BULK = /\b(including|hundreds of|thousands of|dozens of|a number of|multiple|numerous|a series of|countless|repeated|a (fresh )?wave of|campaign of|stepped up|more|further|other|any|such|no)\s+([\w-]+\s+){0,2}$/i;
/** A sentence about a period, not an event; it yields frames only with a date of its own. */
export const HABITUAL =
  /\b((over|in|during|for) the (past|last|previous) (\w+ )?(years?|months?|decades?|weeks?)|in recent (years|weeks|months)|in the years (following|after|since)|over the last decade|repeatedly|often|regularly|as a (general )?rule|routinely|frequently)\b/i;

function hypothetical(text: string, start: number): boolean {
  // Only the clause the trigger is in: "promised deterrence when it assassinated" did happen.
  const clause = text.slice(Math.max(0, start - 120), start).split(/[,;:—(]|\b(?:when|while|after|before|because|but|and then|since|yet)\b/i).pop()!;
  // "to fire the rockets" is an intention; "a response to an Israeli strike" is not.
  const to = clause.match(/\b(\w+)\s+to\s+(\w+\s+){0,2}$/i);
  if (to && !/^(response|retaliation|reprisal|answer|reply|due|according|next|close|attributed|ascribed|led|prior|similar|compared|addition|owing|thanks|related|linked|tied|adjacent|returned|return)$/i.test(to[1]!) && !/\bascribed\b.*\bto\s+(\w+\s+){0,2}$/i.test(clause)) {
    // "incited its supporters to ransack": the ransacking happened.
    return !/\b(incited|ordered|sent|directed|mobilized|mobilised|led|got|encouraged|rallied)\s+(\S+\s+){0,3}to\s+(\w+\s+)?$/i.test(clause);
  }
  return HYPOTHETICAL.test(clause) || BULK.test(clause) || /\b(planned|possible|potential|threatened|feared|imminent|future|would-be)\s+((?!during|in|on|at|for|by|with|from|after|before)[\w-]+\s+)?$/i.test(clause);
}

export function findTriggers(text: string): Trigger[] {
  const out: Trigger[] = [];
  const taken = (s: number, e: number) => out.some((t) => t.start < e && s < t.end);
  const push = (family: Family | null, s: number, e: number) => {
    if (!taken(s, e)) out.push({ family, start: s, end: e, ...(hypothetical(text, s) ? { hypothetical: true } : {}) });
  };
  for (const re of MARITIME) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].indexOf(m.groups!.t!);
      push("maritime", start, start + m.groups!.t!.length);
    }
  }
  for (const [family, re] of SPECIFIC) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) push(family, m.index, m.index + m[0].length);
  }
  GENERIC.lastIndex = 0;
  for (let m = GENERIC.exec(text); m; m = GENERIC.exec(text)) {
    // "17 fighters were killed" counts victims; it tells no attack of its own.
    if (/^killed$/i.test(m[0]) && /\b(were|was|been|are|is)\s+(\w+ly\s+)?$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    push(null, m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Groups triggers into frames. A specific trigger starts a frame unless it is joined to the
 * previous one by a few words without a place between ("drones and missiles"); generic triggers
 * join the nearest frame in their clause, or make a generic frame of their own.
 */
export function frames(text: string, triggers: Trigger[], placeSpans: { start: number; end: number }[]): Frame[] {
  const out: Frame[] = [];
  for (const t of triggers.filter((x) => !x.hypothetical)) {
    const last = out.at(-1);
    const gap = last ? text.slice(last.end, t.start) : "";
    const sameClause = last && gap.length <= 60 && !/[;:]|\b(and then|while|but|after|before|when|which|who|response|retaliat\w*|reprisal|revenge|aveng\w*|punishment|answer\w*|followed|to which)\b/i.test(gap);
    const placeBetween = last && placeSpans.some((p) => p.start >= last.end && p.end <= t.start);
    // A meeting is never the same thing as an attack told beside it.
    const meetingApart = last && (t.family === "meeting") !== (last.family === "meeting");
    if (last && sameClause && !meetingApart && !(t.family && last.family && t.family !== last.family && placeBetween)) {
      last.triggers.push(t);
      last.end = t.end;
      // A specific family beats a generic one; maritime beats the weapon used on the ship.
      if (!last.family || (t.family === "maritime" && last.family !== "maritime")) last.family = t.family;
      continue;
    }
    out.push({ family: t.family, triggers: [t], start: t.start, end: t.end, confidence: t.family ? 0.8 : 0.5 });
  }
  return out;
}
