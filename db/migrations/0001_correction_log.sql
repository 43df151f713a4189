DROP INDEX "overrides_action_target_uniq";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "overrides" ADD COLUMN "changes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "overrides" ADD COLUMN "previous" jsonb;--> statement-breakpoint
ALTER TABLE "overrides" ADD COLUMN "author" text DEFAULT 'cli' NOT NULL;--> statement-breakpoint
ALTER TABLE "overrides" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "overrides" ADD COLUMN "undone_by" text;--> statement-breakpoint
CREATE INDEX "overrides_target_idx" ON "overrides" USING btree ("target_id","id");--> statement-breakpoint
-- Rows of the one-per-target table become log entries: derive what each sets (lib/overrides.ts changesOf).
UPDATE "overrides" SET "changes" = CASE "action"
  WHEN 'reject-event' THEN '{"status": "rejected"}'::jsonb
  WHEN 'reject-link' THEN '{"status": "rejected"}'::jsonb
  WHEN 'confirm-link' THEN '{"status": "reviewed"}'::jsonb
  WHEN 'add-link' THEN jsonb_build_object('kind', coalesce("payload"->'kind', '"response"'::jsonb), 'confidence', coalesce("payload"->'confidence', '1'::jsonb), 'note', to_jsonb(coalesce("payload"->>'note', "reason", 'added by an analyst')), 'method', 'curated', 'status', 'reviewed')
  WHEN 'move-place' THEN jsonb_strip_nulls(jsonb_build_object('lon', "payload"->'lon', 'lat', "payload"->'lat', 'geoPrecision', coalesce("payload"->'precision', '1'::jsonb), 'placeName', "payload"->'name')) || '{"areaKm": null, "placeId": null}'::jsonb
  WHEN 'fix-date' THEN jsonb_build_object('dateStart', "payload"->'dateStart', 'dateEnd', coalesce("payload"->'dateEnd', "payload"->'dateStart'), 'datePrecision', coalesce("payload"->'datePrecision', '"day"'::jsonb))
  ELSE '{}'::jsonb END;--> statement-breakpoint
UPDATE "events" SET "confidence" = substring("note" from '\(confidence ([0-9.]+)\)')::real WHERE "provenance" = 'extracted';
