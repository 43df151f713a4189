/**
 * Discourse: what a sentence means given the sentences before it. "The attack" is the attack just
 * told; "Israel responded with airstrikes" answers the rockets of the previous sentence and happened
 * after them; "four days before rockets were fired" dates a meeting from the rocket attack; a
 * sentence under "December 2023:" happened in December 2023; "declined to comment" belongs to the
 * strike before it. Attacks nobody dates are dropped with a warning rather than guessed.
 */
import type { LinkKind, Place, Span } from "../schema";
import { actorAgreement, camp, type ActorIndex } from "./actors";
import { draftsOf, type Draft, type DraftDate, type SentenceFacts } from "./assemble";
import type { Cue } from "./cues";
import { addDays, daysBetween, precisionOf } from "./dates";
import { datesOverlap, familiesCompatible, placesAgree } from "./merge";
import { toPlace, type GeocodeFn } from "./places";
import type { DateFact, PipelineWarning, PlaceMention } from "./types";

export type DraftLink = { from: number; to: number; kind: LinkKind; confidence: number; span: Span; cue: string };

type Ctx = {
  pub: string | null;
  /** The latest day an event can have: the publication date when the text states it, else none. */
  latest: string | null;
  actors: ActorIndex;
  drafts: Draft[];
  links: DraftLink[];
  warnings: PipelineWarning[];
  plans: { meeting: number; span: Span; cue: string }[];
  /** Answers to attacks told in bulk ("in response to a string of attacks on U.S. troops"). */
  bulk: { effects: number[]; attacker: string | null; target: string | null; kind: LinkKind; span: Span; cue: string }[];
  /** Links by the draft they lead to, for quick look-up. */
  incoming: Map<number, DraftLink[]>;
  /** Drafts nobody has dated yet: a later telling may still date them. */
  undated: Set<number>;
  geocode: GeocodeFn | null;
  places: Map<string, Place | null>;
  /** The telling that made an attack named only as a cause an attack told of its own (see `counterStrike`). */
  causeUntil: Map<number, number>;
};

/** How far back (in paragraphs) an anaphor or an answer looks for what it refers to. */
const LOOKBACK_PARAGRAPHS = 3;
/** How far back (in paragraphs) any telling may refer: a long text stays linear. */
const MAX_BACK_PARAGRAPHS = 40;
/** A response told without its own date is placed within this many days after its cause. */
const RESPONSE_DAYS = 10;
/** An answer to attacks told in bulk answers those told within this many days before it. */
const BULK_DAYS = 30;
/** A meeting that prepares attacks is linked to those starting within this many days. */
const PLAN_DAYS = 30;

/** The drafts told in or after a paragraph, in order (drafts are appended in reading order). */
function since(ctx: Ctx, paragraph: number): Draft[] {
  let i = ctx.drafts.length;
  while (i > 0 && ctx.drafts[i - 1]!.paragraph >= paragraph) i--;
  return ctx.drafts.slice(i);
}

const resolve = (ctx: Ctx, key: number): Draft => {
  let d = ctx.drafts[key]!;
  while (d.mergedInto !== null) d = ctx.drafts[d.mergedInto]!;
  return d;
};
const isLive = (d: Draft) => d.mergedInto === null && d.dropped === null;
const dated = (d: Draft) => ({ dateStart: d.date!.start, dateEnd: d.date!.end, datePrecision: d.date!.precision });

function shift(date: { start: string; end: string; precision: DraftDate["precision"]; confidence: number }, min: number, max: number, pub: string | null): DraftDate {
  let start = addDays(date.start, min);
  let end = addDays(date.end, max);
  if (pub && end > pub) end = pub;
  if (start > end) start = end;
  const p = precisionOf(start, end);
  return { start, end, precision: p, confidence: Math.min(date.confidence, 0.7), how: "relative" };
}

/**
 * "… killed ten militants in North Waziristan. The attack targeted a compound in the village of
 * Dargamandi.": a place a referring-back telling names after its own attack words, which the
 * gazetteer reads finer than every place already told and inside one of them, says where exactly.
 */
function refines(ctx: Ctx, into: Draft, d: Draft, p: PlaceMention): boolean {
  if (p.role !== "site" || p.span.start < d.frame.end || p.span.start - d.frame.end > 100) return false;
  const told = into.places.filter((x) => x.role === "site").map((x) => placeOf(ctx, x.mention, into.context)).filter((x): x is Place => x !== null);
  const own = placeOf(ctx, p.mention, d.context);
  return own !== null && told.length > 0 && told.every((x) => own.precision < x.precision) && told.some((x) => placesAgree(own, x));
}

function merge(ctx: Ctx, into: Draft, d: Draft) {
  for (const e of d.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
  // "last weekend's attack" then "The Iranian attack, on the night of April 13": the narrower day told.
  if (into.date && d.date && d.date.how === "own" && d.tightDate && d.date.start >= into.date.start && d.date.end <= into.date.end) into.date = { ...d.date };
  into.date ??= d.date;
  if (!into.family || (into.soft && d.family && !d.soft)) {
    into.family = d.family ?? into.family;
    into.soft = d.family ? d.soft : into.soft;
  }
  into.attacker ??= d.attacker;
  into.target ??= d.target;
  // Named first only as a cause, then told as an attack of its own: no longer only a cause.
  if (into.asCause && !d.asCause) ctx.causeUntil.set(into.key, d.key);
  into.asCause = into.asCause && d.asCause;
  // A later telling may name the place more exactly ("… hit Ain al-Asad air base"); a mere mention
  // ("Speaking in Beirut, he called the retaliatory strikes a lie") adds a place only where none was
  // told; a referring-back telling's finer place goes apart, to `refined`, as `refines` allows.
  const known = (p: PlaceMention) => [...into.places, ...into.refined].some((x) => x.mention === p.mention);
  for (const p of d.places) {
    if (known(p)) continue;
    if (!d.definite || !into.places.length) into.places.push(p);
    else if (refines(ctx, into, d, p)) into.refined.push(p);
  }
  for (const p of d.refined) if (!known(p)) into.refined.push(p);
  into.killed ??= d.killed;
  into.injured ??= d.injured;
  into.claims.push(...d.claims);
  into.weak = into.weak && d.weak;
  d.mergedInto = into.key;
}

/**
 * Two drafts name the same place: one of the nearest mentions of each contains the other's
 * ("southern Lebanon", "Lebanon"). Directions ("fired at Israel") say where to, not where.
 */
function samePlace(a: Draft, b: Draft): boolean {
  const core = (m: string) => m.replace(/^(near|outside|off|in|at|from|into)\s+/i, "").replace(/^the\s+/i, "").toLowerCase();
  const named = (d: Draft) => d.places.filter((p) => !(p.toward && !/\s/.test(core(p.mention)))).slice(0, 3).map((p) => core(p.mention));
  const ys = named(b);
  return named(a).some((x) => ys.some((y) => x.includes(y) || y.includes(x)));
}

/** Both drafts name where they happened, and not the same place. */
function placeConflict(ctx: Ctx, a: Draft, b: Draft): boolean {
  // Where it landed against where it landed, where it came from against where it came from: two
  // attacks whose places cannot be the same place ("Syria" and "Gaza") are two. A country and a
  // town in it ("in Iraq", "near Hillah") are not in conflict. Without a gazetteer reading, the
  // words must share a name.
  const core = (m: string) => m.replace(/^(near|outside|off|in|at|from|into)\s+/i, "").replace(/^the\s+/i, "").toLowerCase();
  const of = (d: Draft, role: "site" | "origin") => d.places.filter((p) => p.role === role).slice(0, 3);
  const differ = (role: "site" | "origin") => {
    const xs = of(a, role);
    const ys = of(b, role);
    if (!xs.length || !ys.length) return false;
    if (xs.some((x) => ys.some((y) => core(x.mention).includes(core(y.mention)) || core(y.mention).includes(core(x.mention))))) return false;
    // The most exact place each names: "Ain al-Asad air base" and "eastern Syria" are two places,
    // though western Iraq borders eastern Syria.
    const exact = (ps: PlaceMention[], context: string) =>
      ps.map((p) => placeOf(ctx, p.mention, context)).filter((p): p is Place => p !== null).sort((p, q) => p.precision - q.precision)[0];
    const [px, py] = [exact(xs, a.context), exact(ys, b.context)];
    // "The attack targeted a compound in the village of Dargamandi": a referring-back telling whose
    // place the gazetteer cannot read says nothing against the place already told.
    if (ctx.geocode && b.definite && px && !py) return false;
    return !(px && py && placesAgree(px, py));
  };
  return differ("site") || differ("origin");
}

/** A place phrase read by the gazetteer, if the pipeline has one (memoised per run). */
function placeOf(ctx: Ctx, mention: string, context: string): Place | null {
  if (!ctx.geocode) return null;
  const key = `${mention}|${context}`;
  if (!ctx.places.has(key)) {
    const r = ctx.geocode(mention, { context });
    ctx.places.set(key, r.resolved && r.confidence >= 0.3 ? toPlace(r) : null);
  }
  return ctx.places.get(key)!;
}

/** The head word of a telling, for telling which earlier attack "the strikes" names. */
function lemma(words: string): string | null {
  const w = words.toLowerCase();
  for (const [re, l] of [
    [/strik|struck/, "strike"],
    [/attack/, "attack"],
    [/raid/, "raid"],
    [/bomb/, "bomb"],
    [/barrage|salvo|volley/, "barrage"],
    [/missile/, "missile"],
    [/rocket|katyusha/, "rocket"],
    [/drone|uav/, "drone"],
    [/kill|assassinat/, "killing"],
    [/explosion|blast/, "blast"],
    [/seiz|hijack|board/, "seizure"],
  ] as [RegExp, string][])
    if (re.test(w)) return l;
  return null;
}
const loose = (d: Draft) => (d.soft ? null : d.family);

/**
 * Actors of two drafts do not say they are different events. A definite mention ("the raids")
 * may name the victims differently ("Iraqi soldiers" for strikes on a militia); its attacker counts.
 */
function actorsFit(a: Draft, b: Draft, actors: ActorIndex): boolean {
  if (actorAgreement(a.attacker, b.attacker, actors) === 0) return false;
  if (!b.definite && b.family && actorAgreement(a.target, b.target, actors) === 0) return false;
  if (a.attacker && b.target && actorAgreement(a.attacker, b.target, actors) === 1) return false;
  return !(b.attacker && a.target && actorAgreement(b.attacker, a.target, actors) === 1);
}

/**
 * The latest earlier attack a draft can refer back to. A named kind of attack ("drones") may
 * refer to an attack of a compatible kind in the same or the previous paragraph; further back
 * only to one of the same kind.
 */
function antecedent(ctx: Ctx, d: Draft): Draft | null {
  // A named victim is the same killing however far back it was told.
  if (d.target && ctx.actors.actors.get(d.target)?.kind === "person") {
    const same = since(ctx, d.paragraph - MAX_BACK_PARAGRAPHS).filter((c) => isLive(c) && !c.weak && c.key !== d.key && c.target === d.target && c.frame.start < d.frame.start && familiesCompatible(c.family, d.family)).at(-1);
    if (same && (!d.date || !same.date || datesOverlap(dated(same), dated(d)))) return same;
  }
  // "the assassination": the latest assassination told, even some paragraphs back.
  if (d.definite && d.family) {
    const same = since(ctx, d.paragraph - 2 * LOOKBACK_PARAGRAPHS)
      .filter((c) => isLive(c) && !c.weak && c.key !== d.key && c.family === d.family && c.frame.start < d.frame.start && c.paragraph >= d.paragraph - 2 * LOOKBACK_PARAGRAPHS && actorsFit(c, d, ctx.actors) && !placeConflict(ctx, c, d))
      .at(-1);
    if (same && (!d.date || !same.date || datesOverlap(dated(same), dated(d)))) return same;
  }
  const fits: Draft[] = [];
  const tellingOf = new Map<Draft, Draft>();
  // Tellings from the latest back; each stands for the attack it was joined to, and how far back
  // it was told decides whether the attack is still in view.
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const t = ctx.drafts[i]!;
    // Nothing refers back further than this (it also keeps a very long text linear).
    if (t.paragraph < d.paragraph - MAX_BACK_PARAGRAPHS) break;
    if (t.key === d.key || t.weak || t.frame.start >= d.frame.start) continue;
    const c = resolve(ctx, t.key);
    // An attack named only by its day in a list is not what the next sentences go on to tell.
    if (c.key === d.key || !isLive(c) || c.weak || c.listed || fits.includes(c)) continue;
    // Two attacks told apart in one sentence are two, unless the second refers back ("… and the attack killed two").
    if (t.sentence === d.sentence && !d.definite) continue;
    // An attack nobody has dated yet is open only to the tellings just after it.
    if (!c.date && t.paragraph < d.paragraph - 1) continue;
    // A definite mention with its own date ("the March attacks") may refer further back, and so
    // may an attack of the same kind at the same place.
    const far = t.paragraph < d.paragraph - LOOKBACK_PARAGRAPHS;
    if (far && !(d.definite && d.date) && !(c.family === d.family && d.places.length && c.places.length && samePlace(c, d))) continue;
    const near = t.paragraph >= d.paragraph - 1 || d.definite || !d.family;
    if (near ? !familiesCompatible(loose(c), loose(d)) : c.family !== d.family) continue;
    if (!actorsFit(c, d, ctx.actors)) continue;
    if (d.date && c.date && !datesOverlap(dated(c), dated(d))) continue;
    // "… the strikes that we have taken … in response to the August 15 attacks": a mention with a
    // date of its own refers back only to an attack that is dated, of its kind, or named with its word.
    if (d.definite && d.date?.how === "own" && !c.date && !(c.family && c.family === d.family) && lemma(c.words) !== lemma(d.words)) continue;
    // An attack told with its own place is another attack unless the place is the same one.
    if (placeConflict(ctx, c, d)) continue;
    fits.push(c);
    tellingOf.set(c, t);
  }
  if (!fits.length) return null;
  // Among those that fit, one told at the same place, then one named with the same word
  // ("the strikes" → "struck"), then the latest; only within the nearest few tellings.
  const close = fits.slice(0, 4);
  const sameRole = (c: Draft, role: "site" | "origin", primary: boolean) => {
    const mine = d.places.filter((p) => p.role === role);
    const theirs = c.places.filter((p) => p.role === role).slice(0, primary ? 1 : undefined);
    return mine.length > 0 && theirs.length > 0 && samePlace({ ...c, places: theirs }, { ...d, places: mine });
  };
  // The attack first told at that place, then one told there among others.
  const byPlace =
    close.find((c) => sameRole(c, "site", true) || sameRole(c, "origin", true)) ?? close.find((c) => sameRole(c, "site", false) || sameRole(c, "origin", false));
  // "the attack" says nothing of which; "the strikes", "the barrage" do.
  const l = d.definite ? lemma(d.words) : null;
  if (l === "attack") {
    // Of the attacks told in the latest sentence, the one its main clause tells ("Iran launched
    // missiles, its second attack after the barrage of April": the missiles).
    const last = tellingOf.get(fits[0]!)!.sentence;
    const main = fits.filter((c) => tellingOf.get(c)!.sentence === last).sort((a, b) => tellingOf.get(a)!.frame.start - tellingOf.get(b)!.frame.start)[0];
    return byPlace ?? main ?? fits[0]!;
  }
  const byWord = l ? close.find((c) => lemma(c.words) === l) : undefined;
  return byPlace ?? byWord ?? fits[0]!;
}

/**
 * Earlier attacks that a response by `effect` can answer: its attacker was their target. Those
 * whose target is the answering side itself come first, then those on its allies; latest first.
 */
function answerable(ctx: Ctx, effect: Draft, before: number): Draft[] {
  const out: Draft[] = [];
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const told = ctx.drafts[i]!;
    if (told.frame.start >= before) continue;
    if (told.paragraph < effect.paragraph - LOOKBACK_PARAGRAPHS + 1) break;
    const c = resolve(ctx, told.key);
    if (!isLive(c) || c.weak || out.includes(c) || c.family === "meeting" || c.key === effect.key) continue;
    // An answer comes within weeks: a cause told in passing from years before is background.
    if (c.date && effect.date && c.date.end < addDays(effect.date.start, -60)) continue;
    if (effect.attacker && c.attacker && actorAgreement(effect.attacker, c.attacker, ctx.actors) === 1) continue;
    if (effect.attacker && c.target && actorAgreement(effect.attacker, c.target, ctx.actors) === 0) continue;
    out.push(c);
  }
  const fit = (c: Draft) => (effect.attacker && c.target ? actorAgreement(effect.attacker, c.target, ctx.actors) : 0.5);
  return out.map((c, i) => ({ c, i })).sort((a, b) => fit(b.c) - fit(a.c) || a.i - b.i).map((x) => x.c);
}

/** The attack, or a later telling joined to it, was told in or after this paragraph. */
function toldSince(ctx: Ctx, d: Draft, paragraph: number): boolean {
  return d.paragraph >= paragraph || since(ctx, paragraph).some((y) => y.mergedInto !== null && y.paragraph >= paragraph && resolve(ctx, y.key) === d);
}

const hasLink = (ctx: Ctx, from: number, to: number) => (ctx.incoming.get(to) ?? []).some((l) => l.from === from);

function addLink(ctx: Ctx, from: Draft, to: Draft, kind: LinkKind, confidence: number, span: Span, cue: string) {
  if (from.key === to.key || hasLink(ctx, from.key, to.key)) return;
  const link = { from: from.key, to: to.key, kind, confidence, span, cue };
  ctx.links.push(link);
  ctx.incoming.set(to.key, [...(ctx.incoming.get(to.key) ?? []), link]);
}

function handleCue(ctx: Ctx, f: SentenceFacts, cue: Cue, ds: Draft[], handled: Set<number>) {
  // What an attack "demanded" is answered in a later sentence (see discourse).
  if (cue.shape === "demand") return;
  const s = f.sentence;
  const span = { start: s.start, end: s.end };
  const at = (d: Draft) => d.frame.start - s.start;
  const live = ds.map((d) => resolve(ctx, d.key)).filter(isLive);
  if (cue.shape === "cause-follows") {
    const inClause = (d: Draft) => at(d) >= cue.clause!.start && at(d) < cue.clause!.end;
    const causes = ds.filter(inClause).map((d) => resolve(ctx, d.key)).filter(isLive);
    let effects = ds.filter((d) => !inClause(d)).map((d) => resolve(ctx, d.key)).filter((d) => isLive(d) && !causes.includes(d));
    // "In response to X, …" with no attack of its own answers the attack just told, and so does
    // "Tehran called the operation revenge for X"; a cue in the middle of a sentence without an
    // attack or a word for it ("how forces responded to the attacks") links nothing.
    const head = s.text.slice(0, cue.start);
    const anaphor = /\b(the|this|that|its|their|his)\s+([\w-]+\s+)?(operation|attacks?|strikes?|barrage|assault|raids?|salvo|response|reply|retaliation|action|move|bombing|killing|seizure)\b|\b(it|they|this)\s+(was|were|had been|has been|is|are)?\s*(\w+ing\s+|\w+ly\s+)?$/i.test(head);
    if (!effects.length && (cue.start < 20 || anaphor)) {
      const prev = since(ctx, s.paragraph - LOOKBACK_PARAGRAPHS).filter((d) => isLive(d) && d.sentence < f.index && !d.weak && !d.asCause).at(-1);
      effects = prev ? [prev] : [];
      const told = counterStrike(ctx, f, causes);
      if (told) effects = [told];
    }
    const clauseText = s.text.slice(cue.clause!.start, cue.clause!.end);
    const clauseActors = f.actors.filter((a) => a.start >= cue.clause!.start && a.end <= cue.clause!.end);
    // "avenged Nasrallah, Nilforoushan and Ismail Haniyeh": the killings of those named, told before.
    for (const a of clauseActors) {
      const lead = s.text.slice(cue.clause!.start, a.start);
      if (lead.length > 90 || ds.some((d) => at(d) >= cue.clause!.start && at(d) < a.start)) continue;
      if (!/^\s*(the\s+)?((killing|death|assassination|murder|slaying)s?\s+of\s+)?([\p{Lu}][^,;]*,\s*|and\s+|[\w.'’-]+\s+){0,6}$/u.test(lead)) continue;
      const victim = since(ctx, s.paragraph - MAX_BACK_PARAGRAPHS).filter((d) => isLive(d) && !d.weak && d.sentence < f.index && d.target && actorAgreement(d.target, a.actor, ctx.actors) === 1 && d.family !== "meeting").at(-1);
      if (victim && !causes.includes(victim)) causes.push(victim);
    }
    // "in response to a string of attacks on U.S. troops": the attacks of that kind told here.
    // So does "in response to attacks earlier in the day", the attacks named a few sentences on:
    // a cause told only by a plural generic word is a description, not yet an attack.
    // One with a day of its own ("the August 15 attacks") names attacks, not a kind of them.
    const described = causes.length > 0 && causes.every((c) => !c.family && /s$/i.test(c.words.trim()) && c.date?.how !== "own");
    if ((!causes.length || described) && /\b(attacks?|strikes?|raids?|rockets?|drones?|missiles?|assaults?|aggression)\b/i.test(clauseText) && effects.length) {
      // "attacks by Iran", "Iranian strikes": who made them.
      const by =
        clauseActors.find((a) => /\bby\s+(the\s+)?$/i.test(s.text.slice(Math.max(0, a.start - 12), a.start))) ??
        clauseActors.find((a) => /^(['’]s)?(\s+[\w-]+){0,2}?\s+(attacks?|strikes?|raids?|rockets?|drones?|missiles?|assaults?|aggression)\b/i.test(s.text.slice(a.end, a.end + 40)));
      const on = clauseActors.find((a) => /\b(on|against|targeting|at)\s+(the\s+)?$/i.test(s.text.slice(Math.max(0, a.start - 14), a.start)));
      ctx.bulk.push({ effects: effects.map((e) => e.key), attacker: by?.actor ?? null, target: on?.actor ?? null, kind: cue.kind, span, cue: cue.text });
    }
    for (const e of effects) {
      for (const c of causes) {
        // A cause nobody dates happened before its answer.
        if (!c.date && e.date) c.date = { ...shift(e.date, -30, 0, ctx.latest), how: "cause" };
        addLink(ctx, c, e, cue.kind, 0.8, span, cue.text);
      }
      handled.add(e.key);
    }
    return;
  }
  if (cue.shape === "sequel") {
    // "Israel's bombardment began after the Hamas-led attacks": an answer only when the later
    // attacker is not the earlier one and was, or may have been, its target.
    const later = live.filter((d) => at(d) < cue.start);
    const earlier = live.filter((d) => at(d) >= cue.end);
    for (const b of later)
      for (const a of earlier) {
        if (!b.attacker || !a.attacker || actorAgreement(a.attacker, b.attacker, ctx.actors) > 0) continue;
        if (a.target && actorAgreement(a.target, b.attacker, ctx.actors) === 0) continue;
        addLink(ctx, a, b, cue.kind, 0.5, span, cue.text);
      }
    return;
  }
  if (cue.shape === "plan") {
    const meetings = live.filter((d) => d.family === "meeting");
    // "The rocket attack had been planned at … meetings": the attacks told before the cue.
    const attacks = ds.filter((d) => d.frame.start - s.start < cue.start).map((d) => resolve(ctx, d.key)).filter((d) => isLive(d) && d.family !== "meeting");
    const meeting = meetings[0] ?? since(ctx, s.paragraph - MAX_BACK_PARAGRAPHS).filter((d) => isLive(d) && d.family === "meeting" && d.frame.start < s.end).at(-1);
    if (!meeting) return;
    if (!attacks.length) {
      ctx.plans.push({ meeting: meeting.key, span, cue: cue.text });
      return;
    }
    for (const a of attacks) {
      addLink(ctx, meeting, a, "escalation", 0.6, span, cue.text);
      // "these attacks": every attack just told by the same side on the same side was prepared there.
      if (/\b(these|those) attacks\b/i.test(s.text))
        for (const other of since(ctx, s.paragraph - MAX_BACK_PARAGRAPHS).filter((x) => isLive(x) && !x.weak && x.key !== a.key && x.family !== "meeting" && x.frame.start < s.start && toldSince(ctx, x, s.paragraph - LOOKBACK_PARAGRAPHS)))
          if (other.attacker && a.attacker && actorAgreement(other.attacker, a.attacker, ctx.actors) > 0 && actorAgreement(other.target, a.target, ctx.actors) > 0)
            addLink(ctx, meeting, other, "escalation", 0.5, span, cue.text);
    }
    return;
  }
  // An answer: the attacks told after the cue answer the one told first in this sentence, or else
  // the latest ones before it whose target is the answering side.
  const effects = live.filter((d) => at(d) > cue.start || cue.start < 20).filter((d) => !handled.has(d.key));
  if (!effects.length) return;
  const firstHere = live.filter((d) => !effects.includes(d))[0];
  const groupOf = (d: Draft) => since(ctx, d.paragraph).filter((x) => x.group === d.group && isLive(x));
  for (const e of effects) {
    handled.add(e.key);
    let causes: Draft[] = firstHere ? groupOf(firstHere) : [];
    if (!causes.length) {
      const options = answerable(ctx, e, s.start);
      // Answers on several fronts answer the main attack too: the one the article told most about.
      const main = effects.length > 1 ? [...options].sort((a, b) => b.evidence.length - a.evidence.length)[0] : undefined;
      if (main && main.evidence.length > 1) addLink(ctx, main, e, cue.kind, 0.5, span, cue.text);
      // Several answers in one sentence pair with their causes by place ("airstrikes in Gaza and
      // artillery fire into Lebanon"); a single answer answers the latest attack.
      const sameCountry = effects.length > 1 ? options.filter((c) => c.places.length && e.places.length && samePlace(c, e)) : [];
      const primary = options[0];
      causes = sameCountry.length ? [sameCountry[0]!] : primary ? groupOf(primary) : [];
    }
    if (!causes.length) continue;
    // "… and pointed the finger at Hamas": whom the answering side blames did the first attack.
    const blamed = blamedActor(f);
    if (blamed) for (const c of causes) c.attacker ??= blamed;
    if (!e.date && causes[0]!.date) e.date = { ...shift(causes[0]!.date, 0, RESPONSE_DAYS, ctx.latest), how: "cause" };
    // "in those areas": an answer without a place of its own is where its causes were.
    if (!e.places.length && causes.some((c) => c.places.some((p) => p.role === "origin"))) {
      // An answer strikes where the attack came from, if the text says where that was; where it
      // landed (a base of the answering side) is no place to put the answer.
      const whence = (c: Draft) => c.places.filter((p) => p.role === "origin");
      const located = causes.filter((c) => whence(c).length);
      e.places = whence(located[0]!);
      for (const c of located.slice(1)) {
        const twin: Draft = { ...e, key: ctx.drafts.length, places: whence(c), evidence: [...e.evidence], claims: [...e.claims] };
        ctx.drafts.push(twin);
        addLink(ctx, c, twin, cue.kind, 0.75, span, cue.text);
      }
      addLink(ctx, located[0]!, e, cue.kind, 0.75, span, cue.text);
      continue;
    }
    for (const c of causes) addLink(ctx, c, e, cue.kind, 0.75, span, cue.text);
  }
}

/**
 * "Jets struck depots on Tuesday in response to last week's attacks. … 'Our forces struck at the
 * militants in the area,' he said. 'That answered today's rocket attacks.'": the telling "that"
 * points to answers attacks of another day than the event it was joined to answers (or attacks
 * later than that event), so it is an answer of its own (the counter-strike on the crews), not a
 * retelling. Only a telling joined by reference alone (no date, place or figures of its own) is
 * taken back out.
 */
function counterStrike(ctx: Ctx, f: SentenceFacts, causes: Draft[]): Draft | null {
  const t = since(ctx, f.sentence.paragraph - 1).filter((d) => d.sentence < f.index && !d.weak && !d.asCause && d.dropped === null).at(-1);
  if (!t || t.mergedInto === null || t.definite || t.date || t.places.length || t.killed || t.injured || t.sentence === ctx.drafts[t.mergedInto]!.sentence) return null;
  const into = resolve(ctx, t.key);
  const dated = causes.filter((c) => c.date);
  const answered = (ctx.incoming.get(into.key) ?? []).map((l) => resolve(ctx, l.from)).filter((c) => c.date && !causes.includes(c));
  if (!isLive(into) || !dated.length) return null;
  // An answer comes after what it answers: an event over before those attacks began is not it.
  const before = into.date !== null && dated.every((c) => into.date!.end < c.date!.start);
  const otherDay = answered.length > 0 && dated.every((c) => answered.every((a) => c.date!.end < a.date!.start || c.date!.start > a.date!.end));
  if (!before && !otherDay) return null;
  into.evidence = into.evidence.filter((e) => !t.evidence.some((x) => x.start === e.start) || ctx.drafts.some((o) => o !== t && o.mergedInto !== null && resolve(ctx, o.key) === into && o.evidence.some((x) => x.start === e.start)) || into.evidence[0] === e);
  t.mergedInto = null;
  // What is left may again be told only as a cause.
  if (ctx.causeUntil.get(into.key) === t.key && ctx.drafts.every((o) => o.mergedInto === null || resolve(ctx, o.key) !== into || o.asCause)) into.asCause = true;
  // Its date comes from what it answers (see the end of discourse).
  ctx.undated.add(t.key);
  return t;
}

/** The frames inside a relative phrase's clause ("after an explosion that…") and those outside it. */
function relativeSides(f: SentenceFacts, ds: Draft[], rel: DateFact): { inside: Draft[]; outside: Draft[] } | null {
  const tail = f.sentence.text.slice(rel.span.end);
  const stop = tail.search(/[,;:—]/);
  const clauseEnd = rel.span.end + (stop < 0 ? tail.length : stop);
  const at = (d: Draft) => d.frame.start - f.sentence.start;
  const inside = ds.filter((d) => at(d) >= rel.span.end && at(d) < clauseEnd);
  const outside = ds.filter((d) => !inside.includes(d));
  return inside.length && outside.length ? { inside, outside } : null;
}

/** The actor a sentence blames ("blamed X", "pointed the finger at X", "accused X of"), if any. */
function blamedActor(f: SentenceFacts): string | null {
  const t = f.sentence.text;
  for (const a of f.actors)
    if (/\b(blamed|blames|pointed the finger at|accused|accuses|held)\s+(the\s+)?$/i.test(t.slice(Math.max(0, a.start - 40), a.start))) return a.actor;
  return null;
}

/** Relative date phrases: which drafts they date, from which anchor. */
function applyRelative(ctx: Ctx, f: SentenceFacts, ds: Draft[], rel: DateFact, stage: "before-coref" | "after-coref") {
  const sides = relativeSides(f, ds, rel);
  const { min, max } = rel.offset!;
  if (sides) {
    const { inside, outside } = sides;
    if (stage !== "after-coref") return;
    const A = outside.map((d) => resolve(ctx, d.key));
    const B = inside.map((d) => resolve(ctx, d.key));
    const bDate = B.find((d) => d.date)?.date;
    const aDate = A.find((d) => d.date)?.date;
    if (bDate) for (const a of A) if (!a.date) a.date = shift(bDate, min, max, ctx.latest);
    if (aDate) for (const b of B) if (!b.date) b.date = shift(aDate, -max, -min, ctx.latest);
    return;
  }
  if (stage !== "before-coref") return;
  // "Hours later, before dawn on Wednesday, …": the day named stands.
  if (rel.span.start <= 2 && f.dates.some((d) => d.kind === "absolute" && d.span.start > rel.span.end)) return;
  // "… on April 2, shows damage after an airstrike a day earlier": a date told before the phrase is its anchor.
  const absolute = f.dates.find((d) => d.kind === "absolute" && d.span.end <= rel.span.start);
  if (absolute) {
    // "… on April 2, shows damage after an airstrike a day earlier": the date in the sentence is the anchor.
    for (const d of ds) d.date = shift({ ...absolute, precision: absolute.precision }, min, max, ctx.latest);
    return;
  }
  const prev = since(ctx, f.sentence.paragraph - MAX_BACK_PARAGRAPHS).filter((d) => isLive(d) && d.sentence < f.index && !d.weak && d.date).at(-1);
  if (prev) for (const d of ds) if (!d.date) d.date = shift(prev.date!, min, max, ctx.latest);
}

export function discourse(
  facts: SentenceFacts[],
  pub: string | null,
  actors: ActorIndex,
  geocode: GeocodeFn | null = null,
  /** The publication date is only a lower bound (the latest date the text names), not the day it appeared. */
  pubIsBound = false,
): { drafts: Draft[]; links: DraftLink[]; warnings: PipelineWarning[] } {
  const ctx: Ctx = { pub, latest: pubIsBound ? null : pub, actors, drafts: [], links: [], warnings: [], plans: [], bulk: [], undated: new Set(), geocode, places: new Map(), incoming: new Map(), causeUntil: new Map() };
  let group = 0;
  let lastGroup: string | null = null;
  let responseNamed = false;
  let pendingAnswer: Cue | null = null;
  let demanded: { cause: number; paragraph: number; span: Span; cue: string } | null = null;
  for (const f of facts) {
    let pending = 0;
    const ds = draftsOf(f, () => ctx.drafts.length + pending++, () => group++, actors);
    ctx.drafts.push(...ds);
    const s = f.sentence;
    // Under a dated heading ("## June 13, 2019"), an attack told without a date of its own happened then.
    for (const d of ds) if (!d.date && !d.asCause && s.section?.precision === "day") d.date = { ...s.section, confidence: 0.6, how: "section" };
    // "85 strikes" is an event only where the text dates it to the day.
    for (const d of ds) if (d.counted && !(d.date && d.date.precision === "day")) d.dropped = "bulk";
    // "the group targeted …": the armed group told of last.
    for (const d of ds) {
      const at = d.frame.start - s.start;
      if (!d.attacker && lastGroup && /\b(the|this) (group|militia|movement|rebels|militants|organi[sz]ation)\b[^,;]{0,30}$/i.test(s.text.slice(Math.max(0, at - 50), at))) d.attacker = lastGroup;
    }
    for (const a of f.actors) if (actors.actors.get(a.actor)?.kind === "group") lastGroup = a.actor;
    // "a rocket slammed into …, killing twelve", "Three tankers exploded …, killing three, after the
    // Houthis launched drones …": the killing, the blast, is what the one named attack of the sentence did.
    for (const d of ds) {
      if (d.family || d.definite || !isLive(d) || !/^(killing|killed|wounding|injuring|explosions?|exploded|blasts?)\b/i.test(d.words)) continue;
      const named = ds.filter((x) => x !== d && isLive(x) && x.family && x.family !== "meeting" && x.asCause === d.asCause);
      const host = named.filter((x) => x.frame.start < d.frame.start).at(-1) ?? (named.length === 1 ? named[0] : undefined);
      if (!host) continue;
      const [from, to] = host.frame.start < d.frame.start ? [host.frame.end - s.start, d.frame.start - s.start] : [d.frame.end - s.start, host.frame.start - s.start];
      // "… exploded, killing three, after the Houthis launched drones": the blast is what the drones did.
      if (/[;:]/.test(s.text.slice(from, to)) || f.cues.some((c) => c.start >= from && c.end <= to && !(c.shape === "sequel" && /^after$/i.test(c.text))) || !actorsFit(host, d, actors)) continue;
      if (d.date && host.date && !datesOverlap(dated(host), dated(d))) continue;
      if (placeConflict(ctx, host, d)) continue;
      merge(ctx, host, d);
    }
    const relatives = f.dates.filter((d) => d.kind === "relative");
    if (f.habitual) for (const d of ds) if (!d.date && !d.definite) d.dropped = "habitual";
    for (const r of relatives) applyRelative(ctx, f, ds.filter(isLive), r, "before-coref");

    const answerCue = f.cues.find((c) => c.shape === "answer");
    const causeClauses = f.cues.filter((c) => c.clause).map((c) => c.clause!);
    for (const d of ds) {
      if (!isLive(d)) continue;
      const at = d.frame.start - s.start;
      const knownVictim = d.target !== null && actors.actors.get(d.target)?.kind === "person";
      const isAnswer = answerCue !== undefined && at > answerCue.start && !d.definite && !knownVictim;
      // "in response to an Israeli strike": a cause named in passing is a new event unless definite.
      const isCause = causeClauses.some((c) => at >= c.start && at < c.end) && !d.definite;
      // "Rockets slammed into Camp Taji again" is another attack; "rockets were also fired" may be.
      const also = /\balso\b/i.test(s.text.slice(Math.max(0, at - 40), at + 80));
      const ownDate = d.date !== null && d.date.how === "own";
      // Either side of "four days before …" may be an attack told already; the other is dated from it.
      if (isAnswer || isCause || d.repeat || (ownDate && !d.definite)) continue;
      const ante = antecedent(ctx, d);
      // "Rockets were also fired from Gaza": another attack, unless told before at the same place.
      if (also && ante && !(d.places.length && samePlace(ante, d))) continue;
      if (ante) merge(ctx, ante, d);
    }
    for (const r of relatives) applyRelative(ctx, f, ds, r, "after-coref");

    const handled = new Set<number>();
    // "Israeli leaders promised a severe response. It came on Tuesday, when …": the answer told.
    let cues = /^(it|this|that) came\b/i.test(s.text) && !responseNamed ? f.cues.filter((c) => !/^(it|this|that) came/i.test(c.text)) : f.cues;
    // "The answer came the next day. On Saturday, Israeli warplanes struck …": the cue of a sentence
    // that tells no attack is the next one's.
    if (pendingAnswer && ds.length && !cues.length) cues = [{ ...pendingAnswer, start: 0, end: 0 }];
    pendingAnswer = !ds.length ? (f.cues.find((c) => c.shape === "answer") ?? null) : null;
    // "The regime's attack on Douma … demanded an immediate response. Yesterday, U.S. forces struck
    // …": the next attack told, by another side, within the next two paragraphs, is that response.
    if (demanded && ds.length && !cues.some((c) => c.shape === "cause-follows")) {
      const cause = resolve(ctx, demanded.cause);
      const answers = ds.map((d) => resolve(ctx, d.key)).filter((d) => isLive(d) && !d.asCause && d.key !== cause.key && d.family !== "meeting");
      const other = answers.filter((d) => isLive(cause) && d.attacker && (!cause.attacker || actorAgreement(d.attacker, cause.attacker, actors) === 0));
      for (const e of other) addLink(ctx, cause, e, "response", 0.7, demanded.span, demanded.cue);
      if (answers.length) demanded = null;
    }
    if (demanded && s.paragraph > demanded.paragraph + 2) demanded = null;
    const demand = f.cues.find((c) => c.shape === "demand");
    const demander = demand && ds.filter((d) => isLive(d) && d.frame.start - s.start < demand.start && d.family !== "meeting").at(-1);
    if (demand && demander) demanded = { cause: demander.key, paragraph: s.paragraph, span: { start: s.start, end: s.end }, cue: demand.text };
    for (const cue of cues) handleCue(ctx, f, cue, ds, handled);
    responseNamed = /\b(response|answer|retaliation|reply|reprisal|revenge)\b/i.test(s.text);
    continueAnswer(ctx, f, ds);

    for (const d of ds) {
      if (!isLive(d) || d.date) continue;
      const at = d.frame.start - s.start;
      // "Rockets were also fired from Gaza": another attack at the time of the one just told.
      const also = /\balso\b/i.test(s.text.slice(Math.max(0, at - 40), at + 40));
      const prev = since(ctx, d.paragraph - LOOKBACK_PARAGRAPHS)
        .filter((x) => isLive(x) && (x.paragraph === d.paragraph || (also && x.paragraph >= d.paragraph - LOOKBACK_PARAGRAPHS)) && x.frame.start < d.frame.start && x.date && !x.weak && !x.listed)
        .at(-1);
      if (prev) d.date = { ...prev.date!, how: "paragraph" };
      else if (s.section) d.date = { ...s.section, confidence: 0.6, how: "section" };
      // Not dropped yet: a later telling ("Those strikes, on Feb. 25, …") may date it.
      else ctx.undated.add(d.key);
    }

    if (!ds.length) attachOrphans(ctx, f);
  }
  for (const key of ctx.undated) {
    const d = ctx.drafts[key]!;
    if (!isLive(d) || d.date) continue;
    // An answer told without a date came within days after the dated attack it answers.
    const link = ctx.links.find((l) => resolve(ctx, l.to).key === d.key && resolve(ctx, l.from).date && isLive(resolve(ctx, l.from)));
    if (link) {
      // "… struck the gunmen after they had attacked allied troops on 3 May":
      // an answer told with "after" in its cause's sentence came that day or the next.
      const cause = resolve(ctx, link.from);
      const prompt = /^after\b/i.test(link.cue) && cause.sentence === d.sentence;
      d.date = { ...shift(cause.date!, 0, prompt ? 1 : RESPONSE_DAYS, ctx.latest), how: "cause" };
      continue;
    }
    d.dropped = "undated";
    if (!d.weak) ctx.warnings.push({ code: "undated", message: "an attack is mentioned without a date the text allows to resolve", span: d.evidence[0] });
  }
  resolvePlans(ctx);
  resolveBulk(ctx);
  answersInSentence(ctx);
  for (const d of ctx.drafts) if (isLive(d) && (!d.family || (d.soft && (d.family === "ground" || d.family === "bombing")))) resolveFamily(ctx, d);
  return { drafts: ctx.drafts, links: ctx.links.map((l) => ({ ...l, from: resolve(ctx, l.from).key, to: resolve(ctx, l.to).key })), warnings: ctx.warnings };
}

/**
 * "Israel responded with an airstrike … Israel also carried out a drone strike": a second attack by
 * the side that just answered, told with "also" in the next sentence, answers the same attack.
 */
function continueAnswer(ctx: Ctx, f: SentenceFacts, ds: Draft[]) {
  for (const d of ds) {
    if (!isLive(d) || !d.attacker || ctx.incoming.has(d.key)) continue;
    const at = d.frame.start - f.sentence.start;
    if (!/\balso\b/i.test(f.sentence.text.slice(Math.max(0, at - 40), at))) continue;
    const before = since(ctx, d.paragraph).filter((x) => isLive(x) && x.sentence === f.index - 1 && x.paragraph === d.paragraph && x.attacker === d.attacker);
    for (const b of before)
      for (const l of (ctx.incoming.get(b.key) ?? []).filter((x) => x.kind !== "escalation"))
        addLink(ctx, ctx.drafts[l.from]!, d, l.kind, Math.round(l.confidence * 0.8 * 100) / 100, { start: f.sentence.start, end: f.sentence.end }, "also");
  }
}

/** Claim and casualty sentences that name no attack belong to the latest one. */
function attachOrphans(ctx: Ctx, f: SentenceFacts) {
  const s = f.sentence;
  if (s.weak) return;
  // Attacks named only as causes ("a response to the rocket attack") get no new details here.
  const recent = since(ctx, s.paragraph - 1).filter((d) => isLive(d) && !d.weak && !d.asCause);
  if (!recent.length) return;
  if (f.claims.length) {
    const named = new Set(f.actors.map((a) => a.actor));
    const target = [...recent].reverse().find((d) => d.attacker && named.has(d.attacker)) ?? recent.at(-1)!;
    target.claims.push(...f.claims);
    target.evidence.push({ start: s.start, end: s.end, weak: false });
    // "Israeli officials blamed Iran.": whom they blame is who did it, until the text says otherwise.
    const blamed = blamedActor(f);
    if (blamed && !target.attacker && actorAgreement(blamed, target.target, ctx.actors) !== 1) target.attacker = blamed;
  }
  const { killed, injured } = f.casualties;
  if (killed || injured) {
    // The latest attack of this paragraph, or else of the one before, as told (then as merged).
    const told = since(ctx, s.paragraph - 1).filter((d) => !d.weak && !d.asCause && d.dropped === null && d.frame.start < s.start);
    const last = told.filter((d) => d.paragraph === s.paragraph).at(-1) ?? told.at(-1);
    const target = last ? resolve(ctx, last.key) : undefined;
    if (!target || !isLive(target)) return;
    target.killed ??= killed ?? null;
    target.injured ??= injured ?? null;
    if (!target.evidence.some((e) => e.start === s.start)) target.evidence.push({ start: s.start, end: s.end, weak: false });
  }
}

/** A meeting held "to discuss a possible attack" prepared the next attack by its side. */
function resolvePlans(ctx: Ctx) {
  for (const p of ctx.plans) {
    const m = resolve(ctx, p.meeting);
    if (!isLive(m) || !m.date) continue;
    const side = m.attacker ? camp(m.attacker, ctx.actors) : null;
    const next = ctx.drafts
      .filter((d) => isLive(d) && d.family !== "meeting" && d.date && d.date.start >= m.date!.start && d.date.start <= addDays(m.date!.end, PLAN_DAYS))
      .filter((d) => !d.weak && (!side || !d.attacker || camp(d.attacker, ctx.actors) === side))
      // The attack the article tells most about, then the one it dates most closely, then the earliest.
      .sort((a, b) => b.evidence.length - a.evidence.length || daysBetween(a.date!.start, a.date!.end) - daysBetween(b.date!.start, b.date!.end) || (a.date!.start < b.date!.start ? -1 : 1))[0];
    if (next) addLink(ctx, m, next, "escalation", 0.5, p.span, p.cue);
  }
}

/**
 * "Biden, who was told of the attack, ordered strikes against facilities used by Kataib
 * Hezbollah": an attack referred back to and a new attack by its target on its attacker, told in
 * one sentence, are an attack and its answer.
 */
function answersInSentence(ctx: Ctx) {
  const bySentence = new Map<number, Draft[]>();
  for (const d of ctx.drafts) bySentence.set(d.sentence, [...(bySentence.get(d.sentence) ?? []), d]);
  for (const ref of ctx.drafts) {
    if (!ref.definite || ref.mergedInto === null) continue;
    const a = resolve(ctx, ref.key);
    if (!isLive(a) || !a.attacker || !a.target) continue;
    for (const b of bySentence.get(ref.sentence)!) {
      if (b.frame.start <= ref.frame.start || !isLive(b) || b.definite || b.key === a.key || b.family === "meeting") continue;
      if (!b.attacker || actorAgreement(b.attacker, a.target, ctx.actors) < 1 || actorAgreement(b.target, a.attacker, ctx.actors) === 0) continue;
      if (b.asCause || (a.date && b.date && b.date.end < a.date.start)) continue;
      if (ctx.incoming.has(b.key) || hasLink(ctx, b.key, a.key)) continue;
      addLink(ctx, a, b, "retaliation", 0.6, { start: ref.evidence[0]!.start, end: ref.evidence[0]!.end }, ref.words);
    }
  }
}

/** Answers to attacks told in bulk: the attacks of that description told in the article, shortly before. */
function resolveBulk(ctx: Ctx) {
  for (const b of ctx.bulk) {
    for (const key of b.effects) {
      const e = resolve(ctx, key);
      if (!isLive(e) || !e.date) continue;
      const lo = addDays(e.date.start, -BULK_DAYS);
      const fit = since(ctx, e.paragraph - LOOKBACK_PARAGRAPHS * 2).filter((c) => {
        if (!isLive(c) || c.weak || c.key === e.key || !c.date || c.family === "meeting") return false;
        if (c.date.start > e.date!.end || c.date.end < lo) return false;
        if (hasLink(ctx, e.key, c.key)) return false;
        // Not the answering side's own attacks, and of the description where the text gives one.
        if (e.attacker && c.attacker && actorAgreement(e.attacker, c.attacker, ctx.actors) > 0) return false;
        if (e.attacker && c.target && actorAgreement(e.attacker, c.target, ctx.actors) === 0) return false;
        if (b.attacker && actorAgreement(b.attacker, c.attacker, ctx.actors) === 0) return false;
        if (b.target && actorAgreement(b.target, c.target, ctx.actors) === 0) return false;
        // Something must say it is one of them: the attacker or target named, or an attacker from the other side.
        const otherSide = Boolean(e.attacker && c.attacker && actorAgreement(e.attacker, c.attacker, ctx.actors) === 0);
        return Boolean((b.attacker && c.attacker) || (b.target && c.target) || (!c.attacker && !c.target) || (!b.attacker && !b.target) || otherSide);
      });
      for (const c of fit.slice(-3)) addLink(ctx, c, e, b.kind, 0.5, b.span, b.cue);
    }
  }
}

/**
 * A generic "attack" takes its family from who did it: a state's or its forces' strike is an
 * airstrike unless said otherwise, an armed group's attack is a ground attack, a killing of a named
 * person is an assassination. Without any of these it is too vague to keep.
 */
/** Armed men named by what they are, not by a group's name. */
const UNNAMED_ARMED = /\b(militants?|gunmen|terrorists?|insurgents?|rebels?|jihadists?|bandits|attackers|assailants|separatists?)\b/i;

function resolveFamily(ctx: Ctx, d: Draft) {
  const kind = (id: string | null) => (id ? ctx.actors.actors.get(id)?.kind : undefined);
  // "the raids", "the bombing" by a state's forces are air raids unless the text says otherwise.
  if (d.soft && (d.family === "ground" || d.family === "bombing")) {
    if (kind(d.attacker) === "state" || kind(d.attacker) === "force") d.family = "airstrike";
    return;
  }
  // An armed group's attack is of the kind its other attacks in the article are ("drones hit …, and in August the group targeted …").
  const usual = kind(d.attacker) === "group" ? [...new Set(since(ctx, d.paragraph - MAX_BACK_PARAGRAPHS).filter((x) => isLive(x) && x.key !== d.key && x.family && !x.soft && x.family !== "meeting" && actorAgreement(x.attacker, d.attacker, ctx.actors) === 1 && x.attacker).map((x) => x.family))] : [];
  // "The town has been hit four times before, on 3 and 20 May and 9 June": attacks
  // listed by their days are of the kind, by the side and at the place of the attack they are listed
  // against; so is a "similar attack".
  // "… following a similar attack on a school": like the attack just told, by the same side.
  const at = d.frame.start - d.evidence[0]!.start;
  const similar = /\bsimilar\s+([\w-]+\s+)?$/i.test(d.context.slice(Math.max(0, at - 30), at));
  const before = d.listed || similar ? since(ctx, d.paragraph - MAX_BACK_PARAGRAPHS).filter((x) => !x.listed && x.family !== "meeting" && x.frame.start < d.frame.start) : [];
  const like = before.filter((x) => isLive(x) && x.family).at(-1);
  if (like) {
    d.family = like.family;
    d.attacker ??= like.attacker;
    const at = before.filter((x) => x.places.length).at(-1);
    if (!d.places.length && at) d.places = at.places.map((p) => ({ ...p }));
    return;
  }
  if (kind(d.target) === "person") d.family = "assassination";
  else if (usual.length === 1) d.family = usual[0]!;
  else if (kind(d.attacker) === "state" || kind(d.attacker) === "force") d.family = "airstrike";
  else if (kind(d.attacker) === "group") d.family = "ground";
  // "an attack by militants on a barracks", "answering the 9 March attacks on allied
  // troops": an attack by armed men, or one on a named side that another answered, with no weapon
  // named is a ground attack.
  else if (UNNAMED_ARMED.test(d.context.slice(Math.max(0, d.frame.start - d.evidence[0]!.start - 40), d.frame.end - d.evidence[0]!.start + 40)) || (d.asCause && d.target && kind(d.target) !== "person" && !d.attacker && d.date?.precision === "day"))
    d.family = "ground";
  else {
    d.dropped = "vague";
    ctx.warnings.push({ code: "vague", message: "an attack is mentioned without its kind or who carried it out", span: d.evidence[0] });
  }
}
