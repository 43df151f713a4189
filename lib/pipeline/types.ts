/**
 * Shapes passed between pipeline stages. Every fact keeps the span of the original article text it
 * came from and a confidence, so later stages and the store can show and weigh their evidence.
 */
import { z } from "zod";
import { ClaimStatus, DatePrecision, Family, IsoDate, LinkKind, Place, Range, Span } from "../schema";

export const BLOCK_ROLES = ["title", "heading", "body", "caption", "byline", "dateline", "chrome", "related", "comments", "infobox"] as const;
export const BlockRole = z.enum(BLOCK_ROLES);
export type BlockRole = z.infer<typeof BlockRole>;

/** A line or paragraph of the original text with what the cleaner decided it is. */
export const Block = z.object({ start: z.number().int(), end: z.number().int(), role: BlockRole, paragraph: z.number().int() });
export type Block = z.infer<typeof Block>;

export const ArticleMeta = z.object({
  title: z.string().optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  published: IsoDate.optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/** What a reader hands the pipeline: the text to store and analyse, plus layout hints from HTML. */
export const ArticleInput = z.object({
  text: z.string(),
  meta: ArticleMeta,
  /** Roles known from markup (nav, figcaption, comment sections…), as spans of `text`. */
  hints: z.array(z.object({ start: z.number().int(), end: z.number().int(), role: BlockRole })).default([]),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

export const Sentence = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** Captions are weak evidence: they may support an event, never create one. */
  weak: z.boolean(),
  paragraph: z.number().int(),
  /** Date given by the section heading above, e.g. "December 2023: …". */
  section: z.object({ start: IsoDate, end: IsoDate, precision: DatePrecision }).nullable(),
});
export type Sentence = z.infer<typeof Sentence>;

export const DateFact = z.object({
  start: IsoDate,
  end: IsoDate,
  precision: DatePrecision,
  span: Span,
  confidence: z.number().min(0).max(1),
  /**
   * absolute: resolved from the text and the publication date; relative: an offset from another
   * event ("days after", "the following weekend"), resolved later against that event's date.
   */
  kind: z.enum(["absolute", "relative"]),
  /** For relative dates: days after (positive) or before (negative) the anchor, as a range. */
  offset: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  /** One of the days of a list ("on 3 and 20 May, 9 June"): which list of its sentence. */
  list: z.number().int().optional(),
});
export type DateFact = z.infer<typeof DateFact>;

export const ActorMention = z.object({
  actor: z.string(),
  span: Span,
  /** How it relates to the attack in its sentence. */
  role: z.enum(["attacker", "target", "other"]),
  confidence: z.number().min(0).max(1),
});
export type ActorMention = z.infer<typeof ActorMention>;

export const PlaceMention = z.object({
  mention: z.string(),
  span: Span,
  /** site: where it happened; origin: where it was launched from ("from southern Lebanon"). */
  role: z.enum(["site", "origin"]),
  /** "into", "at", "toward": a direction more than a place ("rockets fired at Israel"). */
  toward: z.boolean().default(false),
  /** End of the attack words of the telling that names it (absolute), once assigned to an attack. */
  anchor: z.number().int().optional(),
});
export type PlaceMention = z.infer<typeof PlaceMention>;

export const Casualties = z.object({ killed: Range.optional(), injured: Range.optional(), span: Span.optional() });
export type Casualties = z.infer<typeof Casualties>;

export const ClaimFact = z.object({ status: ClaimStatus, span: Span, confidence: z.number().min(0).max(1) });
export type ClaimFact = z.infer<typeof ClaimFact>;

/** One event as one article tells it, before it meets the store. */
export const ExtractedEvent = z.object({
  /** Position in the article's event list; links refer to events by it. */
  key: z.number().int(),
  family: Family,
  dateStart: IsoDate,
  dateEnd: IsoDate,
  datePrecision: DatePrecision,
  attacker: z.string().nullable(),
  target: z.string().nullable(),
  placeMention: z.string().nullable(),
  place: Place.nullable(),
  origin: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  killed: Range.nullable(),
  injured: Range.nullable(),
  claim: ClaimStatus,
  /** Evidence: the sentences that tell it. Caption sentences are marked weak. */
  evidence: z.array(z.object({ span: Span, weak: z.boolean() })).min(1),
  /** Only caption evidence: it may add a source to a known event but never stands alone. */
  weakOnly: z.boolean(),
  confidence: z.number().min(0).max(1),
  title: z.string(),
  /** Events split from one sentence ("bases in western Iraq and western Syria") share a group. */
  group: z.number().int(),
});
export type ExtractedEvent = z.infer<typeof ExtractedEvent>;

export const ExtractedLink = z.object({
  from: z.number().int(),
  to: z.number().int(),
  kind: LinkKind,
  method: z.enum(["cue", "reversal"]),
  confidence: z.number().min(0).max(1),
  span: Span,
  cue: z.string(),
});
export type ExtractedLink = z.infer<typeof ExtractedLink>;

export const PipelineWarning = z.object({ code: z.string(), message: z.string(), span: Span.optional() });
export type PipelineWarning = z.infer<typeof PipelineWarning>;

export const PipelineResult = z.object({
  published: IsoDate.nullable(),
  publishedInferred: z.boolean(),
  /** How the publication date was found when it was not given. */
  publishedFrom: z.string().nullable(),
  title: z.string().nullable(),
  blocks: z.array(Block),
  events: z.array(ExtractedEvent),
  links: z.array(ExtractedLink),
  unresolvedPlaces: z.array(z.string()),
  warnings: z.array(PipelineWarning),
});
export type PipelineResult = z.infer<typeof PipelineResult>;
