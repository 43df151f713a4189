/**
 * Shape of the curated (hand-reviewed) dataset in data/seed/: facts written in our own words,
 * pointing at the seed articles by file name and character span, never copying their text.
 */
import { z } from "zod";
import { Actor, ClaimStatus, DatePrecision, Family, IsoDate, LinkKind, Range, Slug, Span } from "./schema";

export const CuratedSource = z.object({
  /** File name of the article in the seeds folder, e.g. "004_bea0a350ea7accdb.txt". */
  seed: z.string().regex(/^[\w.-]+\.(txt|md|html)$/),
  outlet: z.string().min(1),
  published: IsoDate,
  /** Spans of the sentences that support the event, offsets into the seed file's UTF-8 decoded text. */
  evidence: z.array(Span).min(1),
  /** Figures as this source gives them, when it gives any. */
  killed: Range.optional(),
  injured: Range.optional(),
});
export type CuratedSource = z.infer<typeof CuratedSource>;

/** A hand-set coordinate is allowed only as a reviewed override with its reason. */
export const PlaceOverride = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  reason: z.string().min(10),
});

export const CuratedEvent = z.object({
  id: Slug,
  /** Short headline in our own words. */
  title: z.string().min(3).max(120),
  dateStart: IsoDate,
  dateEnd: IsoDate.optional(),
  datePrecision: DatePrecision,
  family: Family,
  attacker: Slug,
  target: Slug,
  /** What was hit, in our words ("K-1 air base", "oil tanker Mercer Street"). */
  targetLabel: z.string().min(1).optional(),
  place: z.object({
    /** The place as the sources name it ("near Kirkuk", "off the coast of Oman"). */
    mention: z.string().min(1),
    /** Words that disambiguate it for the geocoder (country, nearby places). */
    context: z.string().optional(),
    override: PlaceOverride.optional(),
  }),
  claim: ClaimStatus,
  note: z.string().min(10).max(600),
  sources: z.array(CuratedSource).min(1),
});
export type CuratedEvent = z.infer<typeof CuratedEvent>;

export const CuratedLink = z
  .object({
    from: Slug,
    to: Slug,
    kind: LinkKind,
    confidence: z.number().min(0).max(1),
    /** Where a source states the link. */
    evidence: z.object({ seed: z.string(), span: Span }).optional(),
    note: z.string().min(5).max(400),
  })
  .refine((l) => l.from !== l.to, "a link must join two different events");
export type CuratedLink = z.infer<typeof CuratedLink>;

export const CuratedDataset = z.object({
  actors: z.array(Actor).min(1),
  events: z.array(CuratedEvent).min(1),
  links: z.array(CuratedLink),
});
export type CuratedDataset = z.infer<typeof CuratedDataset>;
