/**
 * The article pipeline, composed here and nowhere else. Each stage is a pure function in its own
 * file; the geocoder is passed in, so the whole pipeline is pure given it.
 *
 *   clean → published → sentences → facts per sentence → discourse (+ infobox) → locate → finalize
 */
import { analyseSentence, type SentenceFacts } from "./assemble";
import { buildActorIndex, type ActorIndex } from "./actors";
import { clean } from "./clean";
import { discourse } from "./discourse";
import { finalize } from "./events";
import { infoboxDraft, readInfobox } from "./infobox";
import { locate } from "./locate";
import { cachedGeocoder, type GeocodeFn } from "./places";
import { narrativeAnchor, type Anchor } from "./dates";
import { inferPublished, statedDates } from "./published";
import { sentences } from "./sentences";
import type { ArticleInput, PipelineResult } from "./types";

export type PipelineDeps = { geocode: GeocodeFn; actors: ActorIndex };

export { buildActorIndex, cachedGeocoder };
export type { ActorIndex, GeocodeFn };

export function runPipeline(input: ArticleInput, deps: PipelineDeps): PipelineResult {
  const { text, meta } = input;
  const blocks = clean(text, input.hints);
  const inferred = meta.published ? null : inferPublished(text, blocks);
  const published = meta.published ?? inferred?.date ?? null;
  // "The latest full date in the text" only bounds the publication from below: it is no day the
  // text was written. Without a stated publication date, each sentence reads its relative and
  // year-less dates from the narrative instead (the full date told before it).
  const stated = meta.published ?? (inferred && !inferred.from.startsWith("latest") ? inferred.date : null);
  const fromNarrative = stated ? null : narrativeAnchor(statedDates(text, blocks));
  const anchorAt = (at: number): Anchor | string | null => stated ?? fromNarrative!(at) ?? (published ? { date: published, latest: published, narrative: true } : null);
  const facts = sentences(text, blocks, published)
    .map((s, i) => analyseSentence(i, s, anchorAt(s.start), deps.actors))
    .filter((f): f is SentenceFacts => f !== null);
  // "The latest full date in the text" bounds the publication from below; it is no day to clamp to.
  const told = discourse(facts, published, deps.actors, deps.geocode, inferred !== null && inferred.from.startsWith("latest"));
  // The infobox is one more telling of the page's main event; it is placed and merged like the others.
  const box = readInfobox(text, blocks);
  const boxDraft = box && infoboxDraft(box, text, published, deps.actors, told.drafts.length, told.drafts.length + 100_000);
  const placed = locate(boxDraft ? [...told.drafts, boxDraft] : told.drafts, told.links, text, deps.geocode, deps.actors);
  const done = finalize(placed.located, placed.links, deps.actors, blocks);
  const warnings = [...told.warnings, ...done.warnings];
  if (!published) warnings.unshift({ code: "no-date", message: "no publication date given or found, and no full date in the text: relative and year-less dates stay unresolved" });
  else if (!stated)
    warnings.unshift({
      code: "no-date",
      message: `no publication date given or found: relative and year-less dates read from the nearest full date told before them, else from the latest the text states (${published}), and held less certain`,
    });
  const title = meta.title ?? titleLine(text, blocks);
  return {
    published,
    publishedInferred: inferred !== null,
    publishedFrom: inferred?.from ?? null,
    title,
    blocks,
    events: done.events,
    links: done.links,
    unresolvedPlaces: placed.unresolved,
    warnings,
  };
}

function titleLine(text: string, blocks: PipelineResult["blocks"]): string | null {
  const b = blocks.find((x) => x.role === "title");
  return b ? text.slice(b.start, b.end).replace(/^#+\s*/, "").trim() : null;
}
