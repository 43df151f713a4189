/**
 * Families: the attack words of a sentence ("drone strike", "barrage of rockets", "ransack",
 * "meetings") grouped into frames, one frame per attack the sentence tells. Words that only say
 * that something happened ("attack", "struck", "killed") are generic: they take their family from
 * a specific word nearby, from a later sentence about the same attack, or from who did it.
 * Hypothetical, planned or habitual attacks ("plans to attack", "hundreds of attacks") are no frames.
 */
import type { Family } from "../schema";
import { namesDayList } from "./dates";

/**
 * `hypothetical`: planned, feared or habitual ("to fire the rockets into Israel"); no attack of its own.
 * `soft`: a word that names a kind only loosely ("barrage", "raid", "projectile"); a specific word
 * told with it ("a volley of ballistic missiles") or about the same attack later says what it was.
 * `counted`: a count of attacks ("85 strikes"); an event only where the sentence dates it to the day.
 */
export type Trigger = { family: Family | null; start: number; end: number; hypothetical?: boolean; soft?: boolean; counted?: boolean };
export type Frame = { family: Family | null; triggers: Trigger[]; start: number; end: number; confidence: number; soft?: boolean; counted?: boolean };

/** A weapon named as what something is for or made of ("missile production sites", "drone factory"): no attack. */
const MODIFIER =
  "(?!\\s+(?:production|factor(?:y|ies)|sites?|launch(?:ers?|ing)|bases?|depots?|facilit(?:y|ies)|program(?:me)?s?|batter(?:y|ies)|plants?|warehouses?|stockpiles?|arsenals?|units?|systems?|defen[cs]es?|shields?|parts|components|engines?|technology|experts?|fleets?|operators?|crews?|storage|industry|manufactur\\w*|workshops?|capabilit(?:y|ies)|sales?|shipments?|transfers?|deliver(?:y|ies)|suppl(?:y|ies)|makers?|developers?|research|tests?|testing|interceptors?|alerts?|sirens?|warnings?|range|ranges)\\b)";
const SPECIFIC: [Family, RegExp, boolean?][] = [
  ["drone", new RegExp(`\\b(drone strikes?|drone attacks?|(?:one-way |kamikaze |suicide )?attack drones?|drones?${MODIFIER}|UAVs?${MODIFIER}|unmanned aerial vehicles?|quadcopters?|loitering munitions?)\\b`, "gi")],
  ["missile", new RegExp(`\\b((ballistic|cruise|anti-ship|guided|surface-to-surface|surface-to-air|Tomahawk|hypersonic)\\s+)*(missile( strikes?| attacks?)|missiles?${MODIFIER})\\b`, "gi")],
  ["rocket", new RegExp(`\\b(rocket( attacks?| fire)|rockets?${MODIFIER}|Katyushas?)\\b`, "gi")],
  ["rocket", /\b(barrages?|salvos?|volleys?|projectiles?)\b/gi, true],
  // "artillery posts" and "mortar positions" are what got hit, not what hit.
  ["artillery", /\b(artillery( fire| shells?)?|shelling|shelled|mortars?( fire| rounds| shells)?|howitzers?|tank fire)\b(?!\s+(posts?|positions?|batter(y|ies)|units?|pieces|sites?|depots?))/gi],
  // Bombs set off on the ground: car, truck and suicide bombs, IEDs. "bombed", "bombs" and
  // "bombers" alone are aircraft (below); a bare "bombing" is soft: a state's is an air raid.
  [
    "bombing",
    /\b((?:suicide|car|truck|roadside|vehicle|nail|pipe|parcel|letter|twin|double|triple|bicycle|motorcycle)[ -]?(?:bombings?|bombers?|bombs?|attacks?|blasts?)|bomb (?:attacks?|blasts?|explosions?)|IEDs?|improvised explosive devices?|explosive devices?|explosives-laden (?:car|truck|vehicle|vest)s?|suicide vests?|blew (?:himself|herself|themselves) up|detonated (?:an? |his |her |their |two |the )?(?:explosives?|bombs?|suicide vests?|devices?)|detonated)\b/gi,
  ],
  [
    "airstrike",
    /\b(air ?strikes?|air raids?(?!\s+(?:sirens?|shelters?|warnings?|alerts?|alarms?))|air attacks?|warplanes|fighter jets|fighter planes|(?:military |combat |stealth |strike )?(?:jets|aircraft)(?!\s+(?:carriers?|factor(?:y|ies)|parts|hangars?|shelters?))|bombers?|bombed|bombs|bombardment|aerial bombings?|bombing (?:raids?|runs?|sorties|campaigns?)|carpet bombing|bombarded|sorties|counter-?strikes?|retaliatory strikes?|(precision|defensive|precision defensive|self-defen[cs]e) strikes?)\b/gi,
  ],
  ["bombing", /\b(bombings?)\b/gi, true],
  ["assassination", /\b(assassinat(ed|ion|ing|e)|targeted killings?)\b/gi],
  ["riot", /\b(ransack(ed|ing)?|storm(ed|ing) the|riots?|rioters|mobs?|torched|set fire to|breached the)\b/gi],
  ["ground", /\b(ground (assault|attack|offensive|incursion|operation)s?|incursions?|commandos?|gunmen|infiltrat(ed|ion)|cross-border attacks?)\b/gi],
  ["ground", /(?<!\bair\s)\b(raids?)\b/gi, true],
  ["meeting", /\b(meetings?|met with|meets with|meet with|held talks|summit)\b/gi],
];
const GENERIC =
  /(?<!\b(?:heart|panic|asthma|anxiety)\s)(?<!\b(?:hunger|general|labou?r|workers'?|union|lucky)\s)\b(attacks?|attacked|attacking|strikes?|struck|striking|hits?|explosions?|exploded|blasts?|killed|killing|fired|launched|targeted|counterattacks?|assaults?|seizures?)\b(?!\s+(?:a deal|an agreement|down\b|back\b(?!\s+(?:at|against))))/gi;
/** Ships and boats, as the object of an attack. */
const SHIP = "(?:super)?tankers?|ships?|vessels?|(?:car |bulk |aircraft )?carriers?|freighters?|merchant vessels?|container ships?|cargo ships?|dhows?|boats?|frigates?|destroyers?|warships?";
/** Attacks on ships; the named group `t` is the trigger span. */
const MARITIME = [
  new RegExp(`\\b(?<t>attack(ed|s)? on|attacked|attacking|seized|seize|seizing|seizure of|hijack(ed|ing)?|struck|hit|boarded|targeting|targeted|mined|damaged|set ablaze|fired on)\\s+(the\\s+|an?\\s+)?([\\w'-]+\\s+){0,4}(${SHIP})\\b`, "gi"),
  new RegExp(`\\b(${SHIP})\\b[^.;]{0,120}?\\b(was|were|had been|have been) (?<t>attacked|seized|hijacked|struck|hit|boarded|damaged|targeted|set ablaze|holed)\\b`, "gi"),
  new RegExp(`\\b(${SHIP})\\s+(?:that was |which was )?(?<t>hit|struck|attacked|targeted|damaged|seized)\\s+by\\b`, "gi"),
];
/** "… approved strikes but called them off": what was called off did not happen. */
const CANCELLED = /\b(called (it|them|the [\w-]+( [\w-]+)?) off|called off|cancell?ed|aborted|scrapped|stood down|held off|postponed|were averted|was averted)\b/i;

/** The clause before a trigger says the attack did not (yet) happen. */
const HYPOTHETICAL =
  /\b(plans? to|planning|plott?(ing|ed)?|prevented|to launch|would|could|may|might|will|threat(en(ed|s)?)?( to)?|vow(ed|s)? to|urg(ed|es) (them )?to|possible|prevent(ing)?|fears?|warn(ed|s|ing)?|to carry out|aim(ed|s)? (at|to)|deter|if|unless|capable of|need to|supposed to|designed to|intended to|in order to|ready to|seek(s|ing)? to|call(s|ed)? for|to discuss|to plan|to avoid|want(s|ed)? to|promis(ed|es) to|pledg(ed|es) to|important to|tools to|able to|against any|instead of|rather than)\b[^,;:—]*$/i;
/** Many attacks told as one: habitual or counted in bulk, or listed as examples ("including … attacks"). */
const BULK =
  /\b((the\s+)?(first|latest|deadliest|most serious|worst|biggest|largest|last|most recent) of (the|these|those)|including|hundreds of|thousands of|dozens of|scores of|a number of|multiple|numerous|several|many|a series of|a string of|a spate of|a flurry of|a succession of|a slew of|countless|repeated|a (fresh )?wave of|campaign of|(days|weeks|months|years) of|(most|many|some|all|one|each|none|any|several|both|two|three) of (the|these|those)|stepped up|more|further|other|any|such|no|earlier|previous|past|prior|recent|repeated)\s+(([\w-]+\s+){0,2}|[\w-]+\s+and\s+[\w-]+\s+)$/i;
/** The same words before a weapon ("dozens of rockets") count munitions in one attack, not attacks. */
const BULK_MUNITION = /\b(other|any|such|no|further|more)\s+$|\b(thousands|tens of thousands) of\s+([\w-]+\s+){0,2}$/i;
const MUNITION = /^(drones?|UAVs?|missiles?|rockets?|bombs|projectiles?|katyushas?|shells?|mortars?|quadcopters?|(?:[\w-]+\s+)*(missiles?|drones?|rockets?))$/i;
/** A count of attacks ("more than 100 attacks", "85 strikes"). */
const COUNTED = /\b(more than |over |at least |nearly |almost |some |about |around |roughly |up to )?(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred|dozens|hundreds)\s+([\w-]+\s+){0,2}$/i;
/** A sentence about a period, not an event; it yields frames only with a date of its own. */
export const HABITUAL =
  /\b((over|in|during|for) the (past|last|previous) (\w+ )?(years?|months?|decades?|weeks?)|in recent (years|weeks|months)|in the years (following|after|since)|over the last decade|repeatedly|often|regularly|as a (general )?rule|routinely|frequently)\b/i;

function hypothetical(text: string, start: number, end = start): boolean {
  // Only the clause the trigger is in: "promised deterrence when it assassinated" did happen.
  const clause = text
    .slice(Math.max(0, start - 120), start)
    .split(/[,;:—(]|\b(?:when|while|after|before|because|but|and then|since|yet)\b/i)
    .pop()!
    // "in May" is a month, not a "may".
    .replace(/\b(in|of|early|late|mid|since|by|until|during|from|through|last|next|this)(\s+|-)May\b/gi, "$1$2month")
    .replace(/\bMay(?=\s+\d)/g, "month");
  // "to fire the rockets" is an intention; "a response to an Israeli strike" is not.
  const to = clause.match(/\b(\w+)\s+to\s+(\w+\s+){0,2}$/i);
  if (to && !/^(response|retaliation|reprisal|answer|reply|due|according|next|close|attributed|ascribed|led|prior|similar|compared|addition|owing|thanks|related|linked|tied|adjacent|returned|return|responding|responded|reacting|reacted|replying|replied)$/i.test(to[1]!) && !/\bascribed\b.*\bto\s+(\w+\s+){0,2}$/i.test(clause)) {
    // "incited its supporters to ransack": the ransacking happened.
    return !/\b(incited|ordered|sent|directed|mobilized|mobilised|led|got|encouraged|rallied)\s+(\S+\s+){0,3}to\s+(\w+\s+)?$/i.test(clause);
  }
  const word = text.slice(start, end);
  // "a string of drone and rocket attacks": the weapon names the kind of the attacks counted.
  const eventNoun = /^[\w\s-]{0,25}?\b(attacks?|strikes?|raids?|bombings?|assaults?)\b/i.test(text.slice(end));
  // "Earlier attacks came on 3 and 20 May": attacks counted by their days are told one by one.
  const listed = namesDayList(text.slice(end).split(/[.;]/)[0]!);
  const bulk = MUNITION.test(word) && !eventNoun ? BULK_MUNITION.test(clause) && !/\bthan\b/i.test(text.slice(end, end + 8)) : BULK.test(clause) && !listed;
  // "since the group began attacking ships": a campaign, not one attack.
  // "Two hours after the downing, Israel began attacking targets": timed to the hour, it is one attack.
  const timed = /\b(\d+|an?|one|two|three|four|five|six|several|a few)\s+(hours?|minutes?)\s+(after|later|before)\b/i.test(text.slice(0, start));
  if (!timed && /\b(began|begun|started|starting|continued|continues|continuing|kept|keep|resumed|have been|has been|had been)\s+(\w+\s+)?$/i.test(clause) && /ing$/i.test(word.split(/\s/)[0]!)) return true;
  // "a group that has attacked border guards": what it does, not an attack told here.
  const habit = /\b(that|which|who)\s+(has|have|had|routinely|regularly|often|frequently)\s+(\w+ly\s+|long\s+|also\s+)*$/i.test(clause);
  return HYPOTHETICAL.test(clause) || bulk || habit || /\b(planned|possible|potential|threatened|feared|imminent|future|would-be)\s+((?!during|in|on|at|for|by|with|from|after|before)[\w-]+\s+)?$/i.test(clause);
}

/** "Ismail Haniyeh was killed", "Osama bin Laden, who was killed by …": a named person killed is an attack on them. */
const NAMED_KILLED = /(?:\p{Lu}[\p{L}'’-]+\s+)(?:(?:\p{Lu}[\p{L}'’-]+|bin|ibn)\s+){0,2}\p{Lu}[\p{L}'’-]+(?:,[^,.;]{1,80},|,\s*who)?\s+(?:was|had been|has been)\s+(?:\w+ly\s+)?(?<t>killed|assassinated|slain)\b/gu;

export function findTriggers(text: string): Trigger[] {
  const out: Trigger[] = [];
  const taken = (s: number, e: number) => out.some((t) => t.start < e && s < t.end);
  const cancelAt = text.search(CANCELLED);
  const push = (family: Family | null, s: number, e: number, soft = false) => {
    if (taken(s, e)) return;
    // "The group has also fired missiles at Eilat since the war began": a campaign, not an attack.
    const since = /\b(has|have)\s+(also\s+|repeatedly\s+|regularly\s+|often\s+|been\s+)?\w*\s*$/i.test(text.slice(Math.max(0, s - 40), s)) && /^[^.;]*\b(since|for (days|weeks|months|years))\b/i.test(text.slice(e));
    const counted = family === null || /^(air ?strikes?|raids?|bombings?|sorties)$/i.test(text.slice(s, e)) ? /s$/i.test(text.slice(s, e)) && COUNTED.test(text.slice(Math.max(0, s - 40), s)) : false;
    const off = cancelAt > s && !/[.;]/.test(text.slice(e, cancelAt));
    // "rocket attacks and strikes will bring us closer to war": attacks in general, what they will do.
    const general = /s$/i.test(text.slice(s, e)) && !/\b(the|these|those|its|their|his|her|\w+['’]s)\s+([\w-]+\s+)?$/i.test(text.slice(Math.max(0, s - 30), s)) && /^[^.;:]{0,45}?\b(will|would|could|can|may|might|must)\s+(not\s+)?(\w+\s+)?(bring|lead|cause|spark|trigger|escalate|be|become|continue|keep|make|drag|push)\b/i.test(text.slice(e, e + 80));
    out.push({ family, start: s, end: e, ...(hypothetical(text, s, e) || off || since || general ? { hypothetical: true } : {}), ...(soft ? { soft: true } : {}), ...(counted ? { counted: true } : {}) });
  };
  for (const re of MARITIME) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].indexOf(m.groups!.t!, m[0].length - m[0].trimStart().length);
      push("maritime", start, start + m.groups!.t!.length);
    }
  }
  NAMED_KILLED.lastIndex = 0;
  for (let m = NAMED_KILLED.exec(text); m; m = NAMED_KILLED.exec(text)) {
    const start = m.index + m[0].lastIndexOf(m.groups!.t!);
    // A count is no name ("Two Iranian Soldiers were killed").
    if (/^(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|The|A|An|No|Several|Many|Dozens|Hundreds)\b/.test(m[0])) continue;
    // "X, who was killed by Y": an aside tells a killing when it names who did it; without, it is
    // background ("…, who was killed three years ago").
    if (/,\s*who\s/.test(m[0]) && !/^\s+by\b/.test(text.slice(m.index + m[0].length))) continue;
    push("assassination", start, start + m.groups!.t!.length);
  }
  for (const [family, re, soft] of SPECIFIC) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) push(family, m.index, m.index + m[0].length, soft === true);
  }
  GENERIC.lastIndex = 0;
  for (let m = GENERIC.exec(text); m; m = GENERIC.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // "17 fighters were killed" counts victims; it tells no attack of its own.
    // "… were killed by U.S. forces" names who did it: that is an attack told in the passive.
    if (/^killed$/i.test(m[0]) && /\b(were|was|been|are|is)\s+(\w+ly\s+|also\s+|all\s+|both\s+|later\s+)*$/i.test(before) && !/^\s+by\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "the targeted sites": an adjective.
    if (/^targeted$/i.test(m[0]) && /\b(the|its|their|a)\s+$/i.test(before)) continue;
    push(null, m.index, m.index + m[0].length);
  }
  out.sort((a, b) => a.start - b.start);
  // "… has fired ballistic missiles and drones since …": words joined to an attack that did not happen.
  for (let i = 1; i < out.length; i++)
    if (out[i - 1]!.hypothetical && !out[i]!.hypothetical && /^\s*(and|or|,)\s*([\w-]+\s+){0,2}$/i.test(text.slice(out[i - 1]!.end, out[i]!.start))) out[i]!.hypothetical = true;
  return out;
}

/**
 * Groups triggers into frames. A specific trigger starts a frame unless it is joined to the
 * previous one by a few words without a place between ("drones and missiles"); generic triggers
 * join the nearest frame in their clause, or make a generic frame of their own.
 */
export function frames(text: string, triggers: Trigger[], placeSpans: { start: number; end: number }[], barriers: number[] = []): Frame[] {
  const out: Frame[] = [];
  for (const t of triggers.filter((x) => !x.hypothetical)) {
    const last = out.at(-1);
    const gap = last ? text.slice(last.end, t.start) : "";
    const sameClause =
      last &&
      // The end of "In retaliation for X," parts the cause from the answer.
      !barriers.some((b) => b >= last.end && b <= t.start) &&
      gap.length <= 60 &&
      !/[;:]|\b(and then|while|but|after|before|when|which|who|response|retaliat\w*|reprisal|revenge|aveng\w*|punishment|answer\w*|followed|to which)\b/i.test(gap) &&
      // "the attack on Christmas morning, ordered strikes": a new predicate starts another attack.
      !/,\s*(\w+\s+){0,2}(ordered|approved|authori[sz]ed|launched|carried out|conducted|responded|retaliated|struck|hit back)\b/i.test(gap);
    // "the drone attack on Tower 22 last Sunday that killed three soldiers": a relative clause or a
    // participle says what the attack did; it tells no attack of its own, whatever date stands between.
    const whatItDid =
      last && !t.family && /^(killed|killing|wounded|wounding|injured|injuring)$/i.test(text.slice(t.start, t.end)) && /(\b(that|which)\s+(also\s+)?|,\s*)$/i.test(gap) && gap.length <= 80 && !/[;:.]/.test(gap);
    if (whatItDid) {
      last.triggers.push(t);
      last.end = t.end;
      continue;
    }
    const placeBetween = last && placeSpans.some((p) => p.start >= last.end && p.end <= t.start);
    // A meeting is never the same thing as an attack told beside it.
    const meetingApart = last && (t.family === "meeting") !== (last.family === "meeting");
    if (last && sameClause && !meetingApart && !(t.family && last.family && t.family !== last.family && placeBetween)) {
      last.triggers.push(t);
      last.end = t.end;
      // A specific family beats a generic one, a named weapon a loose word ("a volley of ballistic
      // missiles"); maritime beats the weapon used on the ship.
      if (!last.family || (t.family && last.soft && !t.soft) || (t.family === "maritime" && last.family !== "maritime")) {
        last.family = t.family;
        last.soft = Boolean(t.soft);
      }
      if (!t.counted) delete last.counted;
      continue;
    }
    out.push({ family: t.family, triggers: [t], start: t.start, end: t.end, confidence: t.family ? 0.8 : 0.5, ...(t.soft ? { soft: true } : {}), ...(t.counted ? { counted: true } : {}) });
  }
  // "the aircraft had violated Iranian airspace": aircraft alone tell no attack; "Israeli aircraft struck" does.
  return out.filter((f) => !f.triggers.every((t) => /^(?:(?:military|combat|stealth|strike)\s+)?(?:jets|aircraft)$/i.test(text.slice(t.start, t.end))));
}
