/**
 * What golden files pin of the pipeline's output: facts and character spans, never article text
 * (the articles are not the project's to copy), so a fixture can be stored and diffed.
 */
import type { PipelineResult } from "../types";

const round = (x: number) => Math.round(x * 1000) / 1000;

export function goldenSummary(r: PipelineResult) {
  return {
    published: r.published,
    events: r.events.map((e) => ({
      family: e.family,
      date: [e.dateStart, e.dateEnd, e.datePrecision],
      attacker: e.attacker,
      target: e.target,
      place: e.place ? [e.place.name, round(e.place.lat), round(e.place.lon), e.place.precision] : null,
      killed: e.killed,
      injured: e.injured,
      claim: e.claim,
      evidence: e.evidence.map((x) => [x.span.start, x.span.end, x.weak]),
    })),
    links: r.links.map((l) => [l.from, l.to, l.kind, l.span.start, l.span.end]),
  };
}
