/**
 * The vocabulary of Strikeline: every shape that crosses a boundary (file, database, HTTP, URL)
 * is declared here once as a zod schema; TypeScript types are inferred from it, never written twice.
 */
import { z } from "zod";

/** ACLED-like event families; one symbol each on the map. */
export const FAMILIES = [
  "airstrike",
  "drone",
  "missile",
  "rocket",
  "artillery",
  "bombing",
  "assassination",
  "maritime",
  "riot",
  "ground",
  "meeting",
] as const;
export const Family = z.enum(FAMILIES);
export type Family = z.infer<typeof Family>;

/** How exactly the sources date an event. `dateStart..dateEnd` spans the uncertainty. */
export const DATE_PRECISIONS = ["day", "week", "month", "year"] as const;
export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** 1 site or town, 2 near a town or part of a region, 3 region or province, 4 country. */
export const GeoPrecision = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type GeoPrecision = z.infer<typeof GeoPrecision>;

export const PLACE_KINDS = [
  "city",
  "town",
  "suburb",
  "base",
  "airport",
  "embassy",
  "site",
  "sea",
  "region",
  "province",
  "country",
] as const;
export const PlaceKind = z.enum(PLACE_KINDS);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** Who says who did it. `declined` = the presumed attacker declined to comment. */
export const CLAIM_STATUSES = ["claimed", "attributed", "denied", "declined", "unknown"] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const EVENT_STATUSES = ["extracted", "reviewed", "rejected"] as const;
export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

export const LINK_KINDS = ["retaliation", "response", "escalation"] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

/** cue: an explicit phrase ("in response"); reversal: target strikes back inside the window; curated: reviewed by hand. */
export const LINK_METHODS = ["cue", "reversal", "curated"] as const;
export const LinkMethod = z.enum(LINK_METHODS);
export type LinkMethod = z.infer<typeof LinkMethod>;

export const IsoDate = z.iso.date();
/** A date a person enters for a news event or report: also one the store's date type can hold. */
export const PlausibleDate = IsoDate.refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "must be a date between 1900 and 2100");
/** A link's id: its cause's and its effect's event ids joined by "--" (the one place this is spelt out in code). */
export const linkId = (from: string, to: string): string => `${from}--${to}`;

export function splitLinkId(id: string): { from: string; to: string } {
  const i = id.indexOf("--");
  return { from: id.slice(0, i), to: id.slice(i + 2) };
}

export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and hyphens");

/** A low–high estimate (UCDP style). A single reported figure has low === high. */
export const Range = z
  .object({ low: z.number().int().min(0), high: z.number().int().min(0) })
  .refine((r) => r.low <= r.high, "low must not exceed high");
export type Range = z.infer<typeof Range>;

export const Actor = z.object({
  id: Slug,
  name: z.string().min(1),
  /** state, state force, armed group, person… kept free-form but short. */
  kind: z.enum(["state", "force", "group", "person", "company", "other"]),
  /** ISO 3166-1 alpha-2 of the state the actor belongs to or is backed by, when one is clear. */
  country: z.string().length(2).optional(),
  /** A larger actor this one belongs to (Quds Force ⊂ IRGC ⊂ Iran). */
  parent: Slug.optional(),
  aliases: z.array(z.string().min(1)).default([]),
  /** Colour on the map, #rrggbb. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
});
export type Actor = z.infer<typeof Actor>;

/** Character span [start, end) into an article's stored text. */
export const Span = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start < s.end, "span must not be empty");
export type Span = z.infer<typeof Span>;

/** A resolved place as stored on an event. */
export const Place = z.object({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: GeoPrecision,
  kind: PlaceKind,
  country: z.string().length(2).nullable(),
  /** Radius of the uncertainty area in km, when the place is imprecise. */
  areaKm: z.number().positive().optional(),
  confidence: z.number().min(0).max(1),
  source: z.string().min(1),
});
export type Place = z.infer<typeof Place>;
