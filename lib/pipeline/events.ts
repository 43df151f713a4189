/**
 * Final shape of an article's events: located drafts become ExtractedEvents (with a title in our
 * own words, never the article's), then tellings of one event within the article are merged, and
 * links are renumbered onto the merged events. Events without a date or place are dropped here.
 */
import type { Family } from "../schema";
import type { ActorIndex } from "./actors";
import { resolveClaim } from "./claims";
import type { DraftLink } from "./discourse";
import type { Located } from "./locate";
import { daysBetween } from "./dates";
import { betterPlace, combineDates, FAMILY_RANK, firmerClaim, MERGE_THRESHOLD, placesAgree, sameEventScore, spanRanges } from "./merge";
import type { Block, ExtractedEvent, ExtractedLink, PipelineWarning } from "./types";

const FAMILY_LABEL: Record<Family, string> = {
  airstrike: "Airstrike",
  drone: "Drone strike",
  missile: "Missile attack",
  rocket: "Rocket attack",
  artillery: "Shelling",
  bombing: "Bombing",
  assassination: "Killing",
  maritime: "Attack at sea",
  riot: "Storming",
  ground: "Ground attack",
  meeting: "Meeting",
};

export function titleOf(e: Pick<ExtractedEvent, "family" | "attacker" | "target" | "place" | "placeMention">, actors: ActorIndex): string {
  const name = (id: string | null) => (id ? (actors.actors.get(id)?.name ?? id) : null);
  const by = name(e.attacker);
  const on = name(e.target);
  const where = e.place?.name ?? e.placeMention;
  const who = e.family === "meeting" ? [by, on && `with ${on}`] : [by && `by ${by}`, on && `on ${on}`];
  const t = [FAMILY_LABEL[e.family], ...who].filter(Boolean).join(" ") + (where ? `, ${where}` : "");
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

function toEvent(d: Located, key: number, actors: ActorIndex): ExtractedEvent | null {
  if (!d.family || !d.date) return null;
  const evidence = [...d.evidence].sort((a, b) => a.start - b.start).map((e) => ({ span: { start: e.start, end: e.end }, weak: e.weak }));
  const base = {
    key,
    family: d.family,
    dateStart: d.date.start,
    dateEnd: d.date.end,
    datePrecision: d.date.precision,
    attacker: d.attacker,
    target: d.target,
    placeMention: d.placeMention,
    place: d.place,
    origin: d.origin,
    killed: d.killed,
    injured: d.injured,
    claim: resolveClaim(d.claims),
    evidence,
    weakOnly: evidence.every((e) => e.weak),
    confidence: Math.round(Math.min(1, 0.35 + 0.25 * d.date.confidence + 0.2 * (d.place?.confidence ?? 0) + 0.2 * d.actorConfidence) * 100) / 100,
    group: d.group,
  };
  return { ...base, title: titleOf(base, actors) };
}

/** Merges tellings of one event inside an article; returns events renumbered 0..n-1 and their links. */
export function finalize(
  located: Located[],
  draftLinks: DraftLink[],
  actors: ActorIndex,
  blocks: Block[],
): { events: ExtractedEvent[]; links: ExtractedLink[]; warnings: PipelineWarning[] } {
  const warnings: PipelineWarning[] = [];
  const paragraphs = new Map<number, number>();
  const paragraphOf = (offset: number) => {
    if (!paragraphs.has(offset)) paragraphs.set(offset, blocks.find((b) => b.start <= offset && offset < b.end)?.paragraph ?? -1);
    return paragraphs.get(offset)!;
  };
  const byDraft = new Map<number, ExtractedEvent>();
  const finer = new Map<ExtractedEvent, NonNullable<Located["finer"]>[]>();
  const list: ExtractedEvent[] = [];
  for (const d of located) {
    if (!d.place) {
      warnings.push({ code: "unlocated", message: "an attack is mentioned without a place the geocoder resolves", span: d.evidence[0] });
      continue;
    }
    const e = toEvent(d, list.length, actors);
    if (!e) continue;
    byDraft.set(d.key, e);
    list.push(e);
    if (d.finer) finer.set(e, [d.finer]);
  }
  // Greedy merge, strongest pairs first; siblings split from one sentence stay apart.
  const alias = new Map<ExtractedEvent, ExtractedEvent>();
  const root = (e: ExtractedEvent): ExtractedEvent => {
    let r = e;
    while (alias.has(r)) r = alias.get(r)!;
    return r;
  };
  // Discourse has already joined the mentions that refer back; what is left merges only when it
  // is told in one sentence ("killing X in a missile strike"), is a caption of a told event, or
  // agrees to the day. Cause and effect of a link never merge.
  const linked = new Set(draftLinks.flatMap((l) => [`${l.from}:${l.to}`, `${l.to}:${l.from}`]));
  const keyOf = new Map<ExtractedEvent, number>();
  for (const [k, e] of byDraft) keyOf.set(e, k);
  // Told in one sentence: the sentences their attack words are in, not the later tellings joined to them.
  const sentenceOf = new Map(located.map((d) => [d.key, d.sentence]));
  // A page that repeats its lead ("… conducted one airstrike …" as summary and again as first
  // paragraph) tells one attack twice in the same words: the two sentences count as one.
  const wordsOf = new Map(located.map((d) => [d.key, `${d.context.replace(/\s+/g, " ").trim()}|${d.words}`]));
  const sameSentence = (a: ExtractedEvent, b: ExtractedEvent) =>
    sentenceOf.get(keyOf.get(a)!) === sentenceOf.get(keyOf.get(b)!) || wordsOf.get(keyOf.get(a)!) === wordsOf.get(keyOf.get(b)!);
  const narrow = (e: ExtractedEvent) => daysBetween(e.dateStart, e.dateEnd) <= 2;
  const precise = (e: ExtractedEvent) => (e.place?.precision ?? 4) <= 2;
  const repeated = new Set(located.filter((d) => d.repeat).map((d) => d.key));
  const paragraphsOf = new Map(list.map((e) => [e, new Set(e.evidence.map((x) => paragraphOf(x.span.start)))]));
  // An infobox (told in no sentence) summarises the page's main event: it joins the body's telling
  // it agrees with, whatever paragraph that is in.
  const fromInfobox = (e: ExtractedEvent) => sentenceOf.get(keyOf.get(e)!)! < 0;
  const mergeable = (a: ExtractedEvent, b: ExtractedEvent) => {
    if (a.group === b.group || linked.has(`${keyOf.get(a)}:${keyOf.get(b)}`)) return 0;
    if (sameSentence(a, b) || a.weakOnly || b.weakOnly || fromInfobox(a) || fromInfobox(b)) {
      const s = sameEventScore(a, b, actors);
      return s >= MERGE_THRESHOLD ? s : 0;
    }
    // "Rockets hit the camp again": a repeat is never the attack it repeats.
    if (repeated.has(keyOf.get(a)!) || repeated.has(keyOf.get(b)!)) return 0;
    // Across paragraphs only: within one, discourse already joined what refers back, and two
    // strikes told side by side ("… also carried out a drone strike") are two.
    const pb = paragraphsOf.get(b)!;
    if ([...paragraphsOf.get(a)!].some((p) => pb.has(p))) return 0;
    // A background mention ("the rocket attack on Erbil earlier this month") and the account that
    // follows agree on the kind of attack and a precise place, if not to the day.
    const toTheDay = narrow(a) && narrow(b);
    const samePlace = a.family === b.family && precise(a) && precise(b);
    if (!toTheDay && !samePlace) return 0;
    const s = sameEventScore(a, b, actors);
    return (toTheDay && s >= 0.8) || (samePlace && s >= 0.6) ? s : 0;
  };
  // Tellings of one event lie within a few dozen events of each other; the window keeps a very
  // long text (5 MB) from costing a comparison of every pair.
  const pairs: { a: ExtractedEvent; b: ExtractedEvent; s: number }[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < Math.min(list.length, i + MERGE_WINDOW); j++) {
      const s = mergeable(list[i]!, list[j]!);
      if (s > 0) pairs.push({ a: list[i]!, b: list[j]!, s });
    }
  pairs.sort((x, y) => y.s - x.s);
  for (const { a, b } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb || ra.group === rb.group || sameEventScore(ra, rb, actors) < MERGE_THRESHOLD) continue;
    // A caption's date is the photo's, not the event's, when the body dates the event.
    const d = ra.weakOnly !== rb.weakOnly ? (ra.weakOnly ? rb : ra) : combineDates(ra, rb);
    ra.dateStart = d.dateStart;
    ra.dateEnd = d.dateEnd;
    ra.datePrecision = d.datePrecision;
    // The weapon says more than "killing"; a ship attacked says more than the weapon.
    if (FAMILY_RANK[rb.family] > FAMILY_RANK[ra.family] || (ra.weakOnly && !rb.weakOnly)) ra.family = rb.family;
    ra.attacker ??= rb.attacker;
    ra.target ??= rb.target;
    const place = betterPlace(ra.place, rb.place);
    if (place !== ra.place) {
      ra.place = place;
      ra.placeMention = rb.placeMention;
    }
    ra.origin ??= rb.origin;
    // Within one article two figures for one event are two tellings; keep the range.
    ra.killed = spanRanges([ra.killed, rb.killed]);
    ra.injured = spanRanges([ra.injured, rb.injured]);
    for (const ev of rb.evidence) if (!ra.evidence.some((x) => x.span.start === ev.span.start)) ra.evidence.push(ev);
    ra.evidence.sort((x, y) => x.span.start - y.span.start);
    ra.weakOnly = ra.evidence.every((x) => x.weak);
    ra.claim = firmerClaim(ra.claim, rb.claim);
    ra.confidence = Math.max(ra.confidence, rb.confidence);
    finer.set(ra, [...(finer.get(ra) ?? []), ...(finer.get(rb) ?? [])]);
    alias.set(rb, ra);
  }
  const events = list.filter((e) => !alias.has(e));
  // Merged, an event takes the finest place a referring-back telling names inside its own.
  for (const e of events) {
    const inside = (finer.get(e) ?? []).filter((f) => e.place && f.place.precision < e.place.precision && placesAgree(f.place, e.place));
    const f = inside.sort((a, b) => a.place.precision - b.place.precision || b.place.confidence - a.place.confidence)[0];
    if (f) {
      e.place = f.place;
      e.placeMention = f.mention;
    }
  }
  events.forEach((e, i) => {
    e.key = i;
    e.title = titleOf(e, actors);
    e.confidence = calibrated(e.confidence, e.place);
    if (e.confidence < UNSURE && !e.weakOnly)
      warnings.push({ code: "unsure", message: `unsure of ${e.title} (confidence ${e.confidence}): ${e.place && e.place.confidence < 0.5 ? "its place is borrowed from nearby text" : "its place is only a region or a country"}`, span: e.evidence[0]!.span });
  });
  const links: ExtractedLink[] = [];
  for (const l of draftLinks) {
    const from = byDraft.get(l.from);
    const to = byDraft.get(l.to);
    if (!from || !to) continue;
    const f = root(from);
    const t = root(to);
    if (f === t || links.some((x) => x.from === f.key && x.to === t.key)) continue;
    links.push({ from: f.key, to: t.key, kind: l.kind, method: "cue", confidence: l.confidence, span: l.span, cue: l.cue });
  }
  return { events, links, warnings };
}

/**
 * Confidence calibrated on the tune half of the news corpus (`npm run eval` prints the table): the
 * raw score (date, place and actor certainty) ranks tellings only within a band; what tells right
 * from wrong is the place. A named town or site is right nine times in ten; a region or a country
 * (the truth is usually a town inside it) and a place borrowed from nearby text far less often.
 */
export function calibrated(raw: number, place: ExtractedEvent["place"]): number {
  const within = (lo: number, hi: number) => Math.round((lo + (hi - lo) * Math.max(0, Math.min(1, (raw - 0.6) / 0.35))) * 100) / 100;
  if (!place || place.confidence < 0.5) return within(0.35, 0.55);
  return place.precision <= 2 ? within(0.8, 0.95) : within(0.55, 0.7);
}
/** Below this an event is reported as one the pipeline is unsure of. */
export const UNSURE = 0.6;

const MERGE_WINDOW = 60;
