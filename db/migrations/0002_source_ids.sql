ALTER TABLE "events" ADD COLUMN "source_system" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "source_label" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "import_run" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "events_source_uniq" ON "events" USING btree ("source_system","source_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_source_system_ck" CHECK ("events"."source_system" in ('acled', 'ucdp', 'geojson', 'csv', 'strikeline'));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_source_ck" CHECK (("events"."source_system" is null) = ("events"."source_id" is null));