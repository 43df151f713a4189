/**
 * One sentence at a time: runs the fact finders (families, dates, actors, places, casualties,
 * claims, cues) over a sentence and turns each attack frame into a draft event carrying only what
 * the sentence itself says. Spans here become absolute offsets into the article text.
 */
import type { DatePrecision, Family, Range } from "../schema";
import { assignRoles, findActors, pickActors, type ActorIndex, type Found } from "./actors";
import { findCasualties } from "./casualties";
import { findClaims } from "./claims";
import { findCues, type Cue } from "./cues";
import { findDates } from "./dates";
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
  /** Absolute span of the attack words. */
  frame: { start: number; end: number };
  family: Family | null;
  /** "the attack", "this strike": refers back to an attack already told. */
  definite: boolean;
  /** "again", "another": a new attack like one told before, never the same one. */
  repeat: boolean;
  /** Named only as what another attack answered ("in response to the rocket attack"). */
  asCause: boolean;
  weak: boolean;
  date: DraftDate | null;
  attacker: string | null;
  target: string | null;
  actorConfidence: number;
  places: PlaceMention[];
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
  /(strike|attack|drone|missile|rocket|katyusha|barrage|salvo|volley|artillery|shell|mortar|bomb|raid|assassinat|kill|explosion|blast|fired|launched|struck|hit|ransack|storm|riot|meet|met with|talks|summit|tanker|ship|vessel|seiz|hijack|injur|wound|dead|died|deaths?|declined|denied|denies|accused|blamed|ascribed|attributed|claimed|respon|retaliat|avenge|as a result|finaliz|targeted|sortie|bombard|incursion|operation)/i;

export function analyseSentence(index: number, sentence: Sentence, pub: string | null, actors: ActorIndex): SentenceFacts | null {
  const text = sentence.text;
  if (!CANDIDATE.test(text)) return null;
  const found = findActors(text, actors);
  // Country names are places as well as actors; group and person names are not places.
  const nonStateActor = (name: string) => {
    const id = actors.byAlias.get(name.replace(/[’‘]/g, "'"));
    return Boolean(id) && actors.actors.get(id!)?.kind !== "state";
  };
  const places = findPlaces(text, nonStateActor);
  const triggers = findTriggers(text);
  return {
    index,
    sentence,
    frames: groupFrames(text, triggers, places.map((p) => p.span)),
    dates: findDates(text, pub),
    actors: found,
    places,
    casualties: findCasualties(text),
    claims: findClaims(text),
    cues: findCues(text),
    habitual: HABITUAL.test(text),
    ghosts: triggers.filter((t) => t.hypothetical),
  };
}

const DEFINITE = /\b(the|this|that|these|those|its|his|their|the same)\s+([\w-]+\s+){0,2}$/i;
/** Only a noun can be definite ("the attack"); "The Pentagon launched" is not. */
const NOUN_TRIGGER = /^(attacks?|strikes?|raids?|blasts?|explosions?|bombings?|bombardment|operation|salvos?|barrages?|volleys?|assassination|killing|incident|drone|missiles?|rockets?|meetings?|air ?strikes?|counter-?strikes?|act)\b/i;

/**
 * Dates for frames. English dates an event just after telling it ("killed X in November 2021, and
 * … Y in May 2022") or at the head of its clause ("On Dec. 27, U.S. forces were attacked"): a frame
 * takes the nearest date after it and before the next frame, else the nearest after the previous
 * frame, else the nearest at all. Never across a colon or semicolon. Relative dates come later.
 */
function pairDates(f: SentenceFacts): (DateFact | null)[] {
  const text = f.sentence.text;
  const absolute = f.dates.filter((d) => d.kind === "absolute");
  return f.frames.map((fr, i) => {
    const prevEnd = i > 0 ? f.frames[i - 1]!.end : 0;
    const nextStart = i + 1 < f.frames.length ? f.frames[i + 1]!.start : text.length;
    const usable = absolute.filter((d) => !/[;:]/.test(text.slice(Math.min(d.span.end, fr.end), Math.max(d.span.start, fr.start))));
    const after = usable.filter((d) => d.span.start >= fr.end && d.span.start < nextStart)[0];
    const before = usable.filter((d) => d.span.end <= fr.start && d.span.start >= prevEnd).at(-1);
    if (after || before) return after ?? before!;
    // Otherwise the nearest date, unless a cue stands between ("the barrage answered a strike on March 7").
    const dist = (d: DateFact) => (d.span.start >= fr.end ? d.span.start - fr.end : fr.start - d.span.end);
    const across = (d: DateFact) => f.cues.some((c) => c.shape !== "sequel" && c.start >= Math.min(d.span.end, fr.end) && c.end <= Math.max(d.span.start, fr.start));
    return [...usable].filter((d) => !across(d)).sort((a, b) => dist(a) - dist(b))[0] ?? null;
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
  let previous: { attacker: string | null } | null = null;
  return f.frames.map((fr, i) => {
    // Each frame sees the actors between its neighbours: "X came after a blast that killed Y".
    const lo = i > 0 ? f.frames[i - 1]!.end : 0;
    const hi = i + 1 < f.frames.length ? f.frames[i + 1]!.start : s.text.length;
    // "American forces responded to the March attacks": who responds did not make the attacks.
    const causeCue = f.cues.find((c) => c.clause && fr.start >= c.clause.start && fr.start < c.clause.end);
    const scoped = f.actors.filter((a) => a.start >= lo && a.end <= hi && (!causeCue || a.start >= causeCue.end));
    const picked = fr.family === "meeting" ? meetingActors(f, fr, actors) : pickActors(assignRoles(s.text, scoped, fr, actors, placeSpans), actors);
    // "Israel responded with airstrikes …": the one who responds is the attacker of what follows.
    const answer = f.cues.find((c) => c.shape === "answer" && c.start < fr.start);
    const responder = answer && f.actors.filter((a) => a.end <= answer.start && answer.start - a.end <= 40).at(-1);
    if (responder && fr.family !== "meeting") picked.attacker = responder.actor;
    // "Israel responded with airstrikes in Gaza and artillery fire into Lebanon": one subject, two attacks.
    if (!picked.attacker && previous?.attacker) picked.attacker = previous.attacker;
    previous = picked;
    const d = dates[i];
    const abs = (x: { start: number; end: number }) => ({ start: x.start + s.start, end: x.end + s.start });
    return {
      key: nextKey(),
      sentence: f.index,
      paragraph: s.paragraph,
      frame: abs(fr),
      family: fr.family,
      // "the raids", "the attack": any noun of the frame after a determiner.
      definite: fr.triggers.some(
        (t) =>
          (DEFINITE.test(s.text.slice(Math.max(0, t.start - 30), t.start)) && NOUN_TRIGGER.test(s.text.slice(t.start, t.end))) ||
          // A counterstrike answers something already told.
          /^(counter-?strikes?|retaliatory strikes?|reprisals?)$/i.test(s.text.slice(t.start, t.end)),
      ),
      repeat: /\b(again|another|second|new|further)\b/i.test(s.text.slice(Math.max(0, fr.start - 40), fr.end + 80)),
      asCause: Boolean(causeCue),
      weak: s.weak,
      date: d ? { start: d.start, end: d.end, precision: d.precision, confidence: d.confidence, how: "own" } : null,
      attacker: picked.attacker,
      target: picked.target,
      actorConfidence: picked.confidence,
      places: framePlaces(f, i).map((p) => ({ ...p, span: abs(p.span) })),
      context: s.text,
      killed: i === withFigures ? (f.casualties.killed ?? null) : null,
      injured: i === withFigures ? (f.casualties.injured ?? null) : null,
      claims: f.claims,
      evidence: [{ start: s.start, end: s.end, weak: s.weak }],
      group: nextGroup(),
      mergedInto: null,
      dropped: null,
    } satisfies Draft;
  });
}
