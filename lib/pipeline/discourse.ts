/**
 * Discourse: what a sentence means given the sentences before it. "The attack" is the attack just
 * told; "Israel responded with airstrikes" answers the rockets of the previous sentence and happened
 * after them; "four days before rockets were fired" dates a meeting from the rocket attack; a
 * sentence under "December 2023:" happened in December 2023; "declined to comment" belongs to the
 * strike before it. Attacks nobody dates are dropped with a warning rather than guessed.
 */
import type { LinkKind, Span } from "../schema";
import { actorAgreement, camp, type ActorIndex } from "./actors";
import { draftsOf, type Draft, type DraftDate, type SentenceFacts } from "./assemble";
import type { Cue } from "./cues";
import { addDays, precisionOf } from "./dates";
import { datesOverlap, familiesCompatible } from "./merge";
import type { DateFact, PipelineWarning } from "./types";

export type DraftLink = { from: number; to: number; kind: LinkKind; confidence: number; span: Span; cue: string };

type Ctx = {
  pub: string | null;
  actors: ActorIndex;
  drafts: Draft[];
  links: DraftLink[];
  warnings: PipelineWarning[];
  plans: { meeting: number; span: Span; cue: string }[];
};

/** How far back (in paragraphs) an anaphor or an answer looks for what it refers to. */
const LOOKBACK_PARAGRAPHS = 3;
/** A response told without its own date is placed within this many days after its cause. */
const RESPONSE_DAYS = 10;
/** A meeting that prepares attacks is linked to those starting within this many days. */
const PLAN_DAYS = 30;

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

function merge(into: Draft, d: Draft) {
  for (const e of d.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
  into.date ??= d.date;
  into.family ??= d.family;
  into.attacker ??= d.attacker;
  into.target ??= d.target;
  if (!into.places.length) into.places = d.places;
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
    const same = ctx.drafts.filter((c) => isLive(c) && !c.weak && c.key !== d.key && c.target === d.target && c.frame.start < d.frame.start && familiesCompatible(c.family, d.family)).at(-1);
    if (same && (!d.date || !same.date || datesOverlap(dated(same), dated(d)))) return same;
  }
  // "the assassination": the latest assassination told, even some paragraphs back.
  if (d.definite && d.family) {
    const same = ctx.drafts.filter((c) => isLive(c) && !c.weak && c.key !== d.key && c.family === d.family && c.frame.start < d.frame.start && c.paragraph >= d.paragraph - 2 * LOOKBACK_PARAGRAPHS && actorsFit(c, d, ctx.actors)).at(-1);
    if (same && (!d.date || !same.date || datesOverlap(dated(same), dated(d)))) return same;
  }
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const c = ctx.drafts[i]!;
    if (c.key === d.key || !isLive(c) || c.weak || c.frame.start >= d.frame.start) continue;
    // A definite mention with its own date ("the March attacks") may refer further back, and so
    // may an attack of the same kind at the same place.
    const far = c.paragraph < d.paragraph - LOOKBACK_PARAGRAPHS;
    if (far && !(d.definite && d.date) && !(c.family === d.family && d.places.length && c.places.length && samePlace(c, d))) continue;
    const near = c.paragraph >= d.paragraph - 1 || d.definite || !d.family;
    if (near ? !familiesCompatible(c.family, d.family) : c.family !== d.family) continue;
    if (!actorsFit(c, d, ctx.actors)) continue;
    if (d.date && c.date && !datesOverlap(dated(c), dated(d))) continue;
    // An attack told with its own place is another attack unless the place is the same one.
    if (!d.definite && d.places.length && c.places.length && !samePlace(c, d)) continue;
    return c;
  }
  return null;
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

function addLink(ctx: Ctx, from: Draft, to: Draft, kind: LinkKind, confidence: number, span: Span, cue: string) {
  if (from.key === to.key || ctx.links.some((l) => l.from === from.key && l.to === to.key)) return;
  ctx.links.push({ from: from.key, to: to.key, kind, confidence, span, cue });
}

function handleCue(ctx: Ctx, f: SentenceFacts, cue: Cue, ds: Draft[], handled: Set<number>) {
  const s = f.sentence;
  const span = { start: s.start, end: s.end };
  const at = (d: Draft) => d.frame.start - s.start;
  const live = ds.map((d) => resolve(ctx, d.key)).filter(isLive);
  if (cue.shape === "cause-follows") {
    const inClause = (d: Draft) => at(d) >= cue.clause!.start && at(d) < cue.clause!.end;
    const causes = ds.filter(inClause).map((d) => resolve(ctx, d.key)).filter(isLive);
    let effects = ds.filter((d) => !inClause(d)).map((d) => resolve(ctx, d.key)).filter((d) => isLive(d) && !causes.includes(d));
    // "In response to X, …" with no attack of its own answers the attack just told; a cue in the
    // middle of a sentence without an attack ("how forces responded to the attacks") links nothing.
    if (!effects.length && cue.start < 20) {
      const prev = ctx.drafts.filter((d) => isLive(d) && d.sentence < f.index && !d.weak).at(-1);
      effects = prev ? [prev] : [];
    }
    for (const e of effects) {
      for (const c of causes) {
        // A cause nobody dates happened before its answer.
        if (!c.date && e.date) c.date = { ...shift(e.date, -30, 0, ctx.pub), how: "cause" };
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
    // "The details of the rocket attack were finalized in … meetings": the attacks told before the cue.
    const attacks = ds.filter((d) => d.frame.start - s.start < cue.start).map((d) => resolve(ctx, d.key)).filter((d) => isLive(d) && d.family !== "meeting");
    const meeting = meetings[0] ?? ctx.drafts.filter((d) => isLive(d) && d.family === "meeting" && d.frame.start < s.end).at(-1);
    if (!meeting) return;
    if (!attacks.length) {
      ctx.plans.push({ meeting: meeting.key, span, cue: cue.text });
      return;
    }
    for (const a of attacks) {
      addLink(ctx, meeting, a, "escalation", 0.6, span, cue.text);
      // "these attacks": every attack just told by the same side on the same side was prepared there.
      if (/\b(these|those) attacks\b/i.test(s.text))
        for (const other of ctx.drafts.filter((x) => isLive(x) && !x.weak && x.key !== a.key && x.family !== "meeting" && x.frame.start < s.start && x.paragraph >= s.paragraph - LOOKBACK_PARAGRAPHS))
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
  const groupOf = (d: Draft) => ctx.drafts.filter((x) => x.group === d.group && isLive(x));
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
    if (!e.date && causes[0]!.date) e.date = { ...shift(causes[0]!.date, 0, RESPONSE_DAYS, ctx.pub), how: "cause" };
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
    if (bDate) for (const a of A) if (!a.date) a.date = shift(bDate, min, max, ctx.pub);
    if (aDate) for (const b of B) if (!b.date) b.date = shift(aDate, -max, -min, ctx.pub);
    return;
  }
  if (stage !== "before-coref") return;
  const absolute = f.dates.find((d) => d.kind === "absolute");
  if (absolute) {
    // "… on April 2, shows damage after an airstrike a day earlier": the date in the sentence is the anchor.
    for (const d of ds) d.date = shift({ ...absolute, precision: absolute.precision }, min, max, ctx.pub);
    return;
  }
  const prev = ctx.drafts.filter((d) => isLive(d) && d.sentence < f.index && !d.weak && d.date).at(-1);
  if (prev) for (const d of ds) if (!d.date) d.date = shift(prev.date!, min, max, ctx.pub);
}

export function discourse(facts: SentenceFacts[], pub: string | null, actors: ActorIndex): { drafts: Draft[]; links: DraftLink[]; warnings: PipelineWarning[] } {
  const ctx: Ctx = { pub, actors, drafts: [], links: [], warnings: [], plans: [] };
  let group = 0;
  for (const f of facts) {
    let pending = 0;
    const ds = draftsOf(f, () => ctx.drafts.length + pending++, () => group++, actors);
    ctx.drafts.push(...ds);
    const s = f.sentence;
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
      if (ante) merge(ante, d);
    }
    for (const r of relatives) applyRelative(ctx, f, ds, r, "after-coref");

    const handled = new Set<number>();
    for (const cue of f.cues) handleCue(ctx, f, cue, ds, handled);
    continueAnswer(ctx, f, ds);

    for (const d of ds) {
      if (!isLive(d) || d.date) continue;
      const at = d.frame.start - s.start;
      // "Rockets were also fired from Gaza": another attack at the time of the one just told.
      const also = /\balso\b/i.test(s.text.slice(Math.max(0, at - 40), at + 40));
      const prev = ctx.drafts
        .filter((x) => isLive(x) && (x.paragraph === d.paragraph || (also && x.paragraph >= d.paragraph - LOOKBACK_PARAGRAPHS)) && x.frame.start < d.frame.start && x.date && !x.weak)
        .at(-1);
      if (prev) d.date = { ...prev.date!, how: "paragraph" };
      else if (s.section) d.date = { ...s.section, confidence: 0.6, how: "section" };
      else if (!d.weak) {
        d.dropped = "undated";
        ctx.warnings.push({ code: "undated", message: "an attack is mentioned without a date the text allows to resolve", span: { start: s.start, end: s.end } });
      } else d.dropped = "undated";
    }

    if (!ds.length) attachOrphans(ctx, f);
  }
  resolvePlans(ctx);
  for (const d of ctx.drafts) if (isLive(d) && !d.family) resolveFamily(ctx, d);
  return { drafts: ctx.drafts, links: ctx.links.map((l) => ({ ...l, from: resolve(ctx, l.from).key, to: resolve(ctx, l.to).key })), warnings: ctx.warnings };
}

/**
 * "Israel responded with an airstrike … Israel also carried out a drone strike": a second attack by
 * the side that just answered, told with "also" in the next sentence, answers the same attack.
 */
function continueAnswer(ctx: Ctx, f: SentenceFacts, ds: Draft[]) {
  for (const d of ds) {
    if (!isLive(d) || !d.attacker || ctx.links.some((l) => l.to === d.key)) continue;
    const at = d.frame.start - f.sentence.start;
    if (!/\balso\b/i.test(f.sentence.text.slice(Math.max(0, at - 40), at))) continue;
    const before = ctx.drafts.filter((x) => isLive(x) && x.sentence === f.index - 1 && x.paragraph === d.paragraph && x.attacker === d.attacker);
    for (const b of before)
      for (const l of ctx.links.filter((x) => x.to === b.key && x.kind !== "escalation"))
        addLink(ctx, ctx.drafts[l.from]!, d, l.kind, Math.round(l.confidence * 0.8 * 100) / 100, { start: f.sentence.start, end: f.sentence.end }, "also");
  }
}

/** Claim and casualty sentences that name no attack belong to the latest one. */
function attachOrphans(ctx: Ctx, f: SentenceFacts) {
  const s = f.sentence;
  if (s.weak) return;
  // Attacks named only as causes ("a response to the rocket attack") get no new details here.
  const recent = ctx.drafts.filter((d) => isLive(d) && !d.weak && !d.asCause && d.paragraph >= s.paragraph - 1);
  if (!recent.length) return;
  if (f.claims.length) {
    const named = new Set(f.actors.map((a) => a.actor));
    const target = [...recent].reverse().find((d) => d.attacker && named.has(d.attacker)) ?? recent.at(-1)!;
    target.claims.push(...f.claims);
    target.evidence.push({ start: s.start, end: s.end, weak: false });
  }
  const { killed, injured } = f.casualties;
  if (killed || injured) {
    // The latest attack of this paragraph, or else of the one before, as told (then as merged).
    const told = ctx.drafts.filter((d) => !d.weak && !d.asCause && d.dropped === null && d.frame.start < s.start && d.paragraph >= s.paragraph - 1);
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
      // The attack the article tells most about, then the earliest.
      .sort((a, b) => b.evidence.length - a.evidence.length || (a.date!.start < b.date!.start ? -1 : 1))[0];
    if (next) addLink(ctx, m, next, "escalation", 0.5, p.span, p.cue);
  }
}

/**
 * A generic "attack" takes its family from who did it: a state's or its forces' strike is an
 * airstrike unless said otherwise, an armed group's attack is a ground attack, a killing of a named
 * person is an assassination. Without any of these it is too vague to keep.
 */
function resolveFamily(ctx: Ctx, d: Draft) {
  const kind = (id: string | null) => (id ? ctx.actors.actors.get(id)?.kind : undefined);
  if (kind(d.target) === "person") d.family = "assassination";
  else if (kind(d.attacker) === "state" || kind(d.attacker) === "force") d.family = "airstrike";
  else if (kind(d.attacker) === "group") d.family = "ground";
  else {
    d.dropped = "vague";
    ctx.warnings.push({ code: "vague", message: "an attack is mentioned without its kind or who carried it out", span: d.evidence[0] });
  }
}
