-- One counter that every write to the viewed tables moves: the key of values derived from the
-- whole store (chain membership, counts), and a ready validator for HTTP caching. Statement-level
-- triggers, so a bulk load of a million rows costs one update, not a million.
CREATE TABLE IF NOT EXISTS "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (true, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_version" SET "version" = "version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "links_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "links" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "event_sources_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_sources" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "actors_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actors" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "articles_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "articles" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
-- A view is a place and a time: one index over both, so "this box in this month" reads only its
-- rows, where the GiST on the point alone reads every event ever in the box.
CREATE INDEX IF NOT EXISTS "events_geom_days_gist" ON "events" USING gist ("geom", daterange("date_start", "date_end", '[]'));
