/**
 * The vocabulary of analyst corrections (overrides): what may be asked, with which payload, and
 * which stored fields each asks to set. The store applies them (db/overrides.ts); the CLI and the
 * HTTP API validate with the same schemas, so both write the same records.
 */
import { z } from "zod";
import { StrikelineError } from "./errors";
import { ClaimStatus, DatePrecision, Family, GeoPrecision, LinkKind, PlausibleDate, Range, Slug, splitLinkId } from "./schema";

export const OVERRIDE_ACTIONS = [
  "confirm-event",
  "reject-event",
  "edit-event",
  "move-place",
  "fix-date",
  "confirm-link",
  "reject-link",
  "add-link",
] as const;
export const OverrideAction = z.enum(OVERRIDE_ACTIONS);
export type OverrideAction = z.infer<typeof OverrideAction>;

export const LINK_ACTIONS: readonly OverrideAction[] = ["confirm-link", "reject-link", "add-link"];
export const isLinkAction = (a: OverrideAction) => LINK_ACTIONS.includes(a);

/** Caps: one override is small; a file is bounded in bytes and entries (issue 14). */
export const MAX_OVERRIDE_BODY_BYTES = 64 * 1024;
export const MAX_OVERRIDES_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_OVERRIDES_PER_FILE = 100_000;

const EventId = z.string().min(1).max(200).regex(/^[a-z0-9][a-z0-9-]*$/, "an event id: lowercase letters, digits and hyphens");
const LinkId = z
  .string()
  .max(401)
  .regex(/^[a-z0-9][a-z0-9-]*--[a-z0-9][a-z0-9-]*$/, "a link id is <from>--<to>")
  .refine((id) => splitLinkId(id).from !== splitLinkId(id).to, "a link joins two different events");
const Reason = z.string().max(500).optional();
const Empty = z.strictObject({}).default({});
const ActorRef = Slug.nullable();
/** The store keeps counts as 32-bit integers. */
const Count = Range.refine((r) => r.high <= 1_000_000, "at most 1,000,000");

export const EditEventPayload = z
  .strictObject({
    family: Family.optional(),
    attacker: ActorRef.optional(),
    target: ActorRef.optional(),
    targetLabel: z.string().min(1).max(200).nullable().optional(),
    killed: Count.nullable().optional(),
    injured: Count.nullable().optional(),
    claim: ClaimStatus.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "give at least one field to edit");

export const OverrideInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm-event"), targetId: EventId, payload: Empty, reason: Reason }),
  z.object({ action: z.literal("reject-event"), targetId: EventId, payload: Empty, reason: Reason }),
  z.object({ action: z.literal("edit-event"), targetId: EventId, payload: EditEventPayload, reason: Reason }),
  z.object({
    action: z.literal("move-place"),
    targetId: EventId,
    payload: z.strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      name: z.string().min(1).max(200).optional(),
      precision: GeoPrecision.default(1),
    }),
    reason: Reason,
  }),
  z.object({
    action: z.literal("fix-date"),
    targetId: EventId,
    payload: z
      .strictObject({ dateStart: PlausibleDate, dateEnd: PlausibleDate.optional(), datePrecision: DatePrecision.default("day") })
      .refine((p) => !p.dateEnd || p.dateStart <= p.dateEnd, "dateEnd must not be before dateStart"),
    reason: Reason,
  }),
  z.object({ action: z.literal("confirm-link"), targetId: LinkId, payload: Empty, reason: Reason }),
  z.object({ action: z.literal("reject-link"), targetId: LinkId, payload: Empty, reason: Reason }),
  z.object({
    action: z.literal("add-link"),
    targetId: LinkId,
    payload: z
      .strictObject({ kind: LinkKind.default("response"), confidence: z.number().min(0).max(1).default(1), note: z.string().max(400).optional() })
      .default({ kind: "response", confidence: 1 }),
    reason: Reason,
  }),
]);
export type OverrideInput = z.infer<typeof OverrideInput>;

export const OverridesFile = z.object({
  strikeline: z.literal("overrides"),
  version: z.literal(1),
  overrides: z.array(OverrideInput).max(MAX_OVERRIDES_PER_FILE, `at most ${MAX_OVERRIDES_PER_FILE} overrides per file`),
});
export type OverridesFile = z.infer<typeof OverridesFile>;

export const Author = z.string().trim().min(1).max(80);

/** One row of the correction log, as the API and the CLI show it. */
export const LogEntry = z.object({
  id: z.number().int(),
  time: z.string(),
  author: z.string(),
  action: OverrideAction,
  targetId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type LogEntry = z.infer<typeof LogEntry>;

/** The first zod issue as one sentence naming its field. */
function issueMessage(error: z.ZodError): { field: string; message: string } {
  const i = error.issues[0]!;
  return { field: i.path.join(".") || "(root)", message: i.message };
}

export function parseOverride(raw: unknown): OverrideInput {
  const r = OverrideInput.safeParse(raw);
  if (!r.success) {
    const { field, message } = issueMessage(r.error);
    throw new StrikelineError("bad_request", `Invalid override at ${field}: ${message}`, r.error.issues, field);
  }
  return r.data;
}

export function parseOverridesFile(raw: unknown): OverridesFile {
  const r = OverridesFile.safeParse(raw);
  if (!r.success) {
    const { field, message } = issueMessage(r.error);
    throw new StrikelineError("rejected", `Not a valid Strikeline overrides file (${field}: ${message})`, r.error.issues, field);
  }
  return r.data;
}

/** Stored fields an override sets, keyed as in db/overrides.ts's field table. */
export type Changes = Record<string, string | number | null>;

export function changesOf(o: OverrideInput): Changes {
  switch (o.action) {
    case "confirm-event":
    case "confirm-link":
      return { status: "reviewed" };
    case "reject-event":
    case "reject-link":
      return { status: "rejected" };
    case "edit-event": {
      const p = o.payload;
      const c: Changes = {};
      if (p.family !== undefined) c.family = p.family;
      if (p.attacker !== undefined) c.attacker = p.attacker;
      if (p.target !== undefined) c.target = p.target;
      if (p.targetLabel !== undefined) c.targetLabel = p.targetLabel;
      if (p.claim !== undefined) c.claim = p.claim;
      if (p.killed !== undefined) Object.assign(c, { killedLow: p.killed?.low ?? null, killedHigh: p.killed?.high ?? null });
      if (p.injured !== undefined) Object.assign(c, { injuredLow: p.injured?.low ?? null, injuredHigh: p.injured?.high ?? null });
      return c;
    }
    case "move-place":
      return { lon: o.payload.lon, lat: o.payload.lat, geoPrecision: o.payload.precision, areaKm: null, placeId: null, ...(o.payload.name ? { placeName: o.payload.name } : {}) };
    case "fix-date":
      return { dateStart: o.payload.dateStart, dateEnd: o.payload.dateEnd ?? o.payload.dateStart, datePrecision: o.payload.datePrecision };
    case "add-link":
      return { kind: o.payload.kind, confidence: o.payload.confidence, note: o.payload.note ?? o.reason ?? "added by an analyst", method: "curated", status: "reviewed" };
  }
}
