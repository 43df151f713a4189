/**
 * One sentence at a time: runs the fact finders (families, dates, actors, places, casualties,
 * claims, cues) over a sentence and turns each attack frame into a draft event carrying only what
 * the sentence itself says. Spans here become absolute offsets into the article text.
 */
import type { DatePrecision, Family, Range } from "../schema";
import { actorAgreement, assignRoles, findActors, pickActors, type ActorIndex, type Found } from "./actors";
import { findCasualties } from "./casualties";
import { findClaims } from "./claims";
import { findCues, type Cue } from "./cues";
import { addDays, findDates, type Anchor } from "./dates";
import { findTriggers, frames as groupFrames, HABITUAL, type Frame } from "./families";
import { findPlaces } from "./places";
import type { Casualties, ClaimFact, DateFact, PlaceMention, Sentence } from "./types";

export type DraftDate = {
  start: string;
  end: string;
  precision: DatePrecision;
  confidence: number;
  /** Where the date came from: the sentence, a relative phrase, the attack answered, the paragraph or the section heading. */
  how: "own" | "relative" | "cause" | "paragraph" | "section";
};

export type Draft = {
  key: number;
  sentence: number;
  paragraph: number;
  /** The attack words as written ("the strikes", "a volley of ballistic missiles"). */
  words: string;
  /** Absolute span of the attack words. */
  frame: { start: number; end: number };
  family: Family | null;
  /** The family comes only from a loose word ("barrage", "raid"): a specific one told later wins. */
  soft: boolean;
  /** Told as a count of attacks ("85 strikes"): kept only when dated to the day. */
  counted: boolean;
  /** The date is told right beside the attack words ("The attack, on the night of April 13, …"). */
  tightDate: boolean;
  /** "the attack", "this strike": refers back to an attack already told. */
  definite: boolean;
  /** "again", "another": a new attack like one told before, never the same one. */
  repeat: boolean;
  /** Named only as what another attack answered ("in response to the rocket attack"). */
  asCause: boolean;
  /** One of the attacks told by a list of days ("earlier attacks, on 3 and 20 May"). */
  listed: boolean;
  weak: boolean;
  date: DraftDate | null;
  attacker: string | null;
  target: string | null;
  actorConfidence: number;
  places: PlaceMention[];
  /** Finer places that referring-back tellings name ("… in the village of Dargamandi"): they say
   * where the attack was, but take no part in telling two attacks apart. */
  refined: PlaceMention[];
  context: string;
  killed: Range | null;
  injured: Range | null;
  claims: ClaimFact[];
  evidence: { start: number; end: number; weak: boolean }[];
  group: number;
  /** Set when the draft turned out to be another draft (coreference) or was dropped. */
  mergedInto: number | null;
  dropped: string | null;
};

export type SentenceFacts = {
  index: number;
  sentence: Sentence;
  frames: Frame[];
  dates: DateFact[];
  actors: Found[];
  places: PlaceMention[];
  casualties: Casualties;
  claims: ClaimFact[];
  cues: Cue[];
  habitual: boolean;
  /** Attack words that tell no attack ("to fire rockets into Israel"): their places are not the frames'. */
  ghosts: { start: number; end: number }[];
};

/** Cheap gate: sentences without any attack, claim or cue word skip the finders. */
const CANDIDATE =
  /(strike|attack|drone|missile|rocket|katyusha|barrage|salvo|volley|artillery|shell|mortar|bomb|raid|assassinat|kill|explosion|blast|fired|launched|struck|hit|ransack|storm|riot|meet|met with|talks|summit|tanker|ship|vessel|seiz|hijack|injur|wound|dead|died|deaths?|declined|denied|denies|accused|blamed|ascribed|attributed|claimed|respon|retaliat|avenge|as a result|finaliz|targeted|sortie|bombard|incursion|operation|answer|reply|reprisal|came|aircraft|jets|projectile|assault|exploded|hijack)/i;

/** `anchor`: what the sentence's relative and year-less dates are read from (see `findDates`). */
export function analyseSentence(index: number, sentence: Sentence, anchor: string | Anchor | null, actors: ActorIndex): SentenceFacts | null {
  const text = sentence.text;
  if (!CANDIDATE.test(text)) return null;
  const found = findActors(text, actors);
  // Country names are places as well as actors; group and person names are not places.
  const nonStateActor = (name: string) => {
    const id = actors.byAlias.get(name.replace(/[’‘]/g, "'"));
    if (!id) return false;
    // A state's institutions and leaders are no places ("the Pentagon said"); its name is.
    return actors.actors.get(id)?.kind !== "state" || /Pentagon|Department|Command|CENTCOM|military|forces|troops|Army|Navy|Air Force|administration|government|ministry|IDF|Guards?\b|Trump|Biden|Congress|White House|Marines|Defense/i.test(name);
  };
  // "the Islamic Resistance in Iraq": a place inside a group's name is part of the name.
  const inName = (p: { span: { start: number; end: number } }) =>
    found.some((a) => a.start < p.span.end && p.span.start < a.end && actors.actors.get(a.actor)?.kind !== "state");
  const places = findPlaces(text, nonStateActor).filter((p) => !inName(p));
  const triggers = findTriggers(text);
  const cues = findCues(text);
  const dates = findDates(text, anchor);
  // Attack words apart from each other by the end of a cause ("In retaliation for X, Y") or by a
  // date of their own ("drones hit X, and in May the group attacked Y") tell two attacks.
  const barriers = [...cues.filter((c) => c.clause).flatMap((c) => [c.start, c.clause!.end]), ...dates.filter((d) => d.kind === "absolute").map((d) => d.span.start)];
  return {
    index,
    sentence,
    frames: groupFrames(text, triggers, places.map((p) => p.span), barriers),
    dates,
    actors: found,
    places,
    casualties: findCasualties(text),
    claims: findClaims(text),
    cues,
    habitual: HABITUAL.test(text),
    ghosts: triggers.filter((t) => t.hypothetical),
  };
}

/** "the attack", "Wednesday's barrage", "Iran's attack": a determiner or a possessive before the noun. */
const DEFINITE = /(\b(the|this|that|these|those|its|his|their|the same)|\b(\w+day|weekend|week|month|year|night|morning|evening|yesterday|today)['’]s)\s+([\w-]+\s+){0,2}$/i;
/** Only a noun can be definite ("the attack"); "The Pentagon launched" is not. */
const NOUN_TRIGGER =
  /^(attacks?|strikes?|raids?|blasts?|explosions?|bombings?|bombardment|operation|salvos?|barrages?|volleys?|projectiles?|assassination|killing|incident|drones?|missiles?|rockets?|meetings?|air ?strikes?|counter-?strikes?|act|assaults?|seizures?|counterattacks?)\b/i;

/** "WASHINGTON, Oct. 27 (Reuters) —": the date of the report, not of what it tells. */
function isDateline(text: string, d: DateFact): boolean {
  return /^\p{Lu}[\p{Lu}\s.'’-]{1,40},\s*$/u.test(text.slice(0, d.span.start)) && /^\s*(\([^)]{1,40}\))?\s*[—–-]/.test(text.slice(d.span.end));
}

/**
 * A date at the head of its clause ("In May, drones hit …", "and in August the group targeted …")
 * or in the possessive ("Wednesday's barrage") belongs to the attack told right after it.
 */
function forwardFrame(f: SentenceFacts, d: DateFact): number {
  const text = f.sentence.text;
  const next = f.frames.findIndex((fr) => fr.start >= d.span.end);
  if (next < 0) return -1;
  const gap = text.slice(d.span.end, f.frames[next]!.start);
  if (/^['’]s\s/.test(gap) && gap.length <= 30 && !/[,;:]/.test(gap)) return next;
  const before = text.slice(0, d.span.start);
  const lead = /^\s*((on|in|at|during|by|early|late|earlier|later)\s+)?(the\s+)?$/i.test(before);
  const conj = /(\b(and|but|then|while|when)|[;—–])\s+((on|in|at|during|by|early|late|earlier|later)\s+)?(the\s+)?$/i.test(before);
  // "In May, drones hit …" (at the head of the sentence), "… and in August the group targeted …".
  const ok = (lead && /^,?[^,;:]*$/.test(gap)) || (conj && !/[,;:]/.test(gap));
  return ok && gap.length <= 80 && !/\b(and|but|after|before|when|response|retaliat\w*|revenge|following)\b/i.test(gap) ? next : -1;
}

/**
 * Dates for frames. English dates an event just after telling it ("killed X in November 2021, and
 * … Y in May 2022") or at the head of its clause ("On Dec. 27, U.S. forces were attacked"): a frame
 * takes the nearest date after it and before the next frame, else the nearest after the previous
 * frame, else the nearest at all. Never across a colon or semicolon. Relative dates come later.
 */
function pairDates(f: SentenceFacts): (DateFact | null)[] {
  const text = f.sentence.text;
  const all = f.dates.filter((d) => d.kind === "absolute");
  const dateline = all.find((d) => isDateline(text, d));
  const absolute = all.filter((d) => d !== dateline);
  const forward = new Map(absolute.map((d) => [d, forwardFrame(f, d)]));
  // A date inside "in response to …" dates what is told there, and only that.
  const clauses = f.cues.filter((c) => c.clause).map((c) => c.clause!);
  const clauseOf = (x: number) => clauses.findIndex((c) => x >= c.start && x < c.end);
  const usableFor = (i: number) => {
    const fr = f.frames[i]!;
    return absolute.filter(
      (d) =>
        !/[;:]/.test(text.slice(Math.min(d.span.end, fr.end), Math.max(d.span.start, fr.start))) &&
        // "… inside the UAE, which withdrew its troops in 2019": a date in a clause about something else.
        !(d.span.start >= fr.end && /,\s*(which|who|whose|where)\b/i.test(text.slice(fr.end, d.span.start))) &&
        (forward.get(d)! < 0 || forward.get(d) === i) &&
        clauseOf(d.span.start) === clauseOf(fr.start),
    );
  };
  // The date told right after an attack is that attack's; one told right before it, if no attack
  // before has it and no relative phrase stands between ("… on Sunday, a week after …").
  const relatives = f.dates.filter((d) => d.kind === "relative");
  const between = (a: number, b: number) => relatives.some((r) => r.span.start >= a && r.span.end <= b);
  const afterOf = f.frames.map((fr, i) => {
    const own = absolute.find((d) => forward.get(d) === i);
    if (own) return own;
    const nextStart = i + 1 < f.frames.length ? f.frames[i + 1]!.start : text.length;
    return usableFor(i).filter((d) => d.span.start >= fr.end && d.span.start < nextStart && !between(fr.end, d.span.start))[0];
  });
  const owned = f.frames.map((fr, i) => {
    if (afterOf[i]) return afterOf[i];
    const prevEnd = i > 0 ? f.frames[i - 1]!.end : 0;
    return usableFor(i).filter((d) => d.span.end <= fr.start && d.span.start >= prevEnd && !afterOf.includes(d) && !between(d.span.end, fr.start)).at(-1);
  });
  return f.frames.map((fr, i) => {
    if (owned[i]) return owned[i]!;
    // Dates that another attack of the sentence owns are not this one's ("… its second attack after the barrage of April").
    // A date is shared only across "X began after Y on Oct. 7", which says X followed Y closely.
    // So is one across "… on Saturday, to which Israel responded with an airstrike": the answer came then.
    const sequel = (d: DateFact) => f.cues.some((c) => (c.shape === "sequel" || c.shape === "answer") && c.start >= Math.min(d.span.end, fr.end) && c.end <= Math.max(d.span.start, fr.start));
    const usable = usableFor(i).filter((d) => (!owned.some((o, j) => j !== i && o === d) || sequel(d)) && !between(Math.min(d.span.end, fr.end), Math.max(d.span.start, fr.start)));
    // Otherwise the nearest date, unless a cue stands between ("the barrage answered a strike on March 7")
    // or another attack of the sentence is dated by it right beside it.
    const dist = (d: DateFact) => (d.span.start >= fr.end ? d.span.start - fr.end : fr.start - d.span.end);
    const across = (d: DateFact) => f.cues.some((c) => c.shape === "cause-follows" && c.start >= Math.min(d.span.end, fr.end) && c.end <= Math.max(d.span.start, fr.start));
    const nearest = [...usable].filter((d) => !across(d)).sort((a, b) => dist(a) - dist(b))[0];
    if (nearest) return nearest;
    // A wire dateline as a last resort: the attack happened that day or the day before.
    return dateline && i === 0 ? { ...dateline, start: addDays(dateline.start, -1), precision: "day" as const, confidence: 0.5 } : null;
  });
}

/** Distance from a span to a frame, a little shorter after it ("strikes in Gaza"). */
function gapTo(fr: { start: number; end: number }, s: { start: number; end: number }): number {
  return s.start >= fr.end ? (s.start - fr.end) * 0.8 : Math.max(0, fr.start - s.end);
}

/** Which frame of the sentence a span belongs to: the nearest one. */
function nearestFrame(f: SentenceFacts, s: { start: number; end: number }): number {
  let best = 0;
  f.frames.forEach((fr, i) => {
    if (gapTo(fr, s) < gapTo(f.frames[best]!, s)) best = i;
  });
  return best;
}

/** Places of a frame, nearest first: the ones no other frame, real or hypothetical, is nearer to. */
function framePlaces(f: SentenceFacts, i: number): PlaceMention[] {
  const fr = f.frames[i]!;
  const ghostNearer = (p: PlaceMention) => f.ghosts.some((g) => g.start > fr.end && gapTo(g, p.span) < gapTo(fr, p.span));
  return f.places.filter((p) => nearestFrame(f, p.span) === i && !ghostNearer(p)).sort((a, b) => gapTo(fr, a.span) - gapTo(fr, b.span));
}

/** A meeting: who convened it (the sentence's subject) and who was met ("with …"). */
function meetingActors(f: SentenceFacts, fr: Frame, actors: ActorIndex): { attacker: string | null; target: string | null; confidence: number } {
  const before = f.actors.filter((a) => a.end <= fr.start);
  const RANK: Record<string, number> = { person: 0, force: 1, state: 2 };
  const kindRank = (id: string) => RANK[actors.actors.get(id)?.kind ?? ""] ?? 3;
  const host = [...before].sort((a, b) => kindRank(a.actor) - kindRank(b.actor) || a.start - b.start)[0];
  const guest = f.actors.find((a) => a.start >= fr.end && a.actor !== host?.actor);
  return { attacker: host?.actor ?? null, target: guest?.actor ?? null, confidence: host ? 0.6 : 0.3 };
}

/** The frame a casualty figure belongs to: the last one that starts before the figure. */
function casualtyFrame(f: SentenceFacts): number {
  const at = f.casualties.span?.start;
  if (at === undefined) return -1;
  let best = 0;
  f.frames.forEach((fr, i) => {
    if (fr.start <= at) best = i;
  });
  return best;
}

export function draftsOf(f: SentenceFacts, nextKey: () => number, nextGroup: () => number, actors: ActorIndex): Draft[] {
  const s = f.sentence;
  const dates = pairDates(f);
  const withFigures = casualtyFrame(f);
  const placeSpans = f.places.map((p) => p.span);
  let previous: { attacker: string | null; cause: Cue | undefined } | null = null;
  return f.frames.flatMap((fr, i) => {
    // Each frame sees the actors between its neighbours: "X came after a blast that killed Y".
    const lo = i > 0 ? f.frames[i - 1]!.end : 0;
    const hi = i + 1 < f.frames.length ? f.frames[i + 1]!.start : s.text.length;
    // "American forces responded to the March attacks": who responds did not make the attacks.
    const causeCue = f.cues.find((c) => c.clause && fr.start >= c.clause.start && fr.start < c.clause.end);
    // "Biden, who was told of the attack, ordered strikes": the subject before an aside is the attacker's.
    const subject = (a: Found) => {
      const m = s.text.slice(a.end, fr.end).match(/^(,[^,]{0,90},\s*)(\w+ly\s+)?(ordered|launched|fired|carried out|conducted|authori[sz]ed|approved)\b/i);
      return Boolean(m) && a.end + m![1]!.length >= lo;
    };
    // Actors named in "a response to months of attacks by Iran" are the cause's, not the answer's.
    const inOtherClause = (a: Found) => f.cues.some((c) => c.clause && c !== causeCue && a.start >= c.clause.start && a.end <= c.clause.end);
    const scoped = f.actors.filter((a) => ((a.start >= lo && a.end <= hi) || (a.end <= lo && subject(a))) && (!causeCue || a.start >= causeCue.end) && !inOtherClause(a));
    const picked = fr.family === "meeting" ? meetingActors(f, fr, actors) : pickActors(assignRoles(s.text, scoped, fr, actors, placeSpans), actors);
    // "… targeting al-Shabaab terrorists after they attacked partner forces": a pronoun subject is
    // the armed group named last before it in the sentence.
    const pronoun = s.text.slice(Math.max(0, fr.start - 40), fr.start).match(/\b(they|the (group|militants|terrorists|fighters|rebels))\s+(had\s+)?$/i);
    if (pronoun && fr.family !== "meeting") {
      const at = fr.start - pronoun[0].length;
      const named = f.actors.filter((a) => a.end <= at && actors.actors.get(a.actor)?.kind === "group").at(-1);
      if (named) {
        picked.attacker = named.actor;
        if (picked.target === named.actor) picked.target = null;
      }
    }
    // "Israel responded with airstrikes …": the one who responds is the attacker of what follows.
    const answer = f.cues.find((c) => c.shape === "answer" && c.start < fr.start);
    const responder = answer && f.actors.filter((a) => a.end <= answer.start && answer.start - a.end <= 40).at(-1);
    if (responder && fr.family !== "meeting") picked.attacker = responder.actor;
    // "Israel responded with airstrikes in Gaza and artillery fire into Lebanon": one subject, two attacks.
    // Not across a cause ("X struck … in response to the attack that killed X's soldiers"), and
    // never the attacker of its own victims.
    if (!picked.attacker && previous?.attacker && previous.cause === causeCue && actorAgreement(previous.attacker, picked.target, actors) !== 1) picked.attacker = previous.attacker;
    previous = { attacker: picked.attacker, cause: causeCue };
    const d = dates[i];
    const abs = (x: { start: number; end: number }) => ({ start: x.start + s.start, end: x.end + s.start });
    const draft: Draft = {
      key: nextKey(),
      sentence: f.index,
      paragraph: s.paragraph,
      frame: abs(fr),
      words: s.text.slice(fr.start, fr.end),
      family: fr.family,
      soft: Boolean(fr.soft),
      tightDate: Boolean(d && ((d.span.start >= fr.triggers[0]!.end && /^[\s,]*((on|in|during)\s+)?(the\s+)?((night|morning|evening|afternoon)\s+of\s+)?$/i.test(s.text.slice(fr.triggers[0]!.end, d.span.start))) || (d.span.end <= fr.start && /^['’]s\s+([\w-]+\s+){0,2}$/.test(s.text.slice(d.span.end, fr.start))))),
      counted: Boolean(fr.counted),
      // "the raids", "the attack": any noun of the frame after a determiner.
      definite: d?.list === undefined && fr.triggers.some(
        (t) =>
          (DEFINITE.test(s.text.slice(Math.max(0, t.start - 30), t.start)) && NOUN_TRIGGER.test(s.text.slice(t.start, t.end))) ||
          // A counterstrike answers something already told.
          /^(counter-?strikes?|retaliatory strikes?|reprisals?)$/i.test(s.text.slice(t.start, t.end)),
      ),
      // "another rocket attack", "a second strike", "… hit the camp again": a new attack like one told before.
      repeat:
        /\b(another|a second|a third|a new|a fresh|fresh|renewed|yet another|further|a similar|similar)\s+([\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, fr.start - 40), fr.start)) ||
        /^[^.;]{0,60}\bagain\b/i.test(s.text.slice(fr.end, fr.end + 80)) ||
        // "… began attacking additional targets": more targets are another attack.
        /^\s+(\w+\s+)?(additional|more|further|new|other) (targets|sites|positions|locations|facilities)\b/i.test(s.text.slice(fr.end, fr.end + 60)),
      asCause: Boolean(causeCue),
      listed: d?.list !== undefined,
      weak: s.weak,
      date: d ? { start: d.start, end: d.end, precision: d.precision, confidence: d.confidence, how: "own" } : null,
      attacker: picked.attacker,
      target: picked.target,
      actorConfidence: picked.confidence,
      places: framePlaces(f, i).map((p) => ({ ...p, span: abs(p.span), anchor: abs(fr).end })),
      context: s.text,
      killed: i === withFigures ? (f.casualties.killed ?? null) : null,
      injured: i === withFigures ? (f.casualties.injured ?? null) : null,
      claims: f.claims,
      evidence: [{ start: s.start, end: s.end, weak: s.weak }],
      group: nextGroup(),
      refined: [],
      mergedInto: null,
      dropped: null,
    } satisfies Draft;
    // "Earlier attacks came on 3 and 20 May, 9 June and 1 July": one attack per day listed,
    // each new, none the telling of another.
    const listed = d?.list === undefined ? [] : f.dates.filter((x) => x.list === d.list && x !== d);
    const copy = (x: DateFact): Draft => ({
      ...draft,
      key: nextKey(),
      group: nextGroup(),
      definite: false,
      date: { start: x.start, end: x.end, precision: x.precision, confidence: x.confidence, how: "own" },
      killed: null,
      injured: null,
      places: draft.places.map((p) => ({ ...p })),
      claims: [...draft.claims],
      evidence: draft.evidence.map((e) => ({ ...e })),
    });
    // "rocket attacks against Patrol Base Amber and Outpost Cedar in the east of the province":
    // attacks in the plural on places named one after the other are one attack on each. Told
    // together, they keep one group (they answer and are answered together, and never merge).
    const each = targetsListed(s.text, fr, framePlaces(f, i));
    if (each.length > 1) {
      // Each keeps the places told around the list ("… in northeast Syria") and one of the list.
      const only = (start: number) => draft.places.filter((x) => !each.includes(x.span.start - s.start) || x.span.start - s.start === start).map((x) => ({ ...x }));
      const apart = (start: number): Draft => ({ ...draft, key: nextKey(), places: only(start), date: draft.date && { ...draft.date }, killed: null, injured: null, claims: [...draft.claims], evidence: draft.evidence.map((e) => ({ ...e })) });
      const [first, ...rest] = each;
      const twins = rest.map(apart);
      draft.places = only(first!);
      return [draft, ...twins, ...listed.map(copy)];
    }
    return [draft, ...listed.map(copy)];
  });
}

/** Plural attack words, not munitions ("two rockets hit X" is one attack). */
const PLURAL_ATTACKS = /\b(attacks|strikes|air ?strikes|raids|bombings|assaults)$/i;

/**
 * Where plural attack words name their targets one after another ("attacks on X and Y",
 * "strikes against X, Y and Z"): the starts (in the sentence) of those places, else none.
 */
function targetsListed(text: string, fr: Frame, places: PlaceMention[]): number[] {
  if (!PLURAL_ATTACKS.test(text.slice(fr.start, fr.end))) return [];
  const after = places.filter((p) => p.role === "site" && p.span.start >= fr.end).sort((a, b) => a.span.start - b.span.start);
  const first = after[0];
  if (!first || !/^\s+(on|against|targeting)\s+(the\s+)?$/i.test(text.slice(fr.end, first.span.start))) return [];
  const chain = [first];
  for (const p of after.slice(1)) {
    if (!/^\s*(,|and|,\s*and)\s+(the\s+)?$/i.test(text.slice(chain.at(-1)!.span.end, p.span.start))) break;
    chain.push(p);
  }
  return chain.length > 1 ? chain.map((p) => p.span.start) : [];
}
