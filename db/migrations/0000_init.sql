CREATE EXTENSION IF NOT EXISTS postgis;
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country" text,
	"parent" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"color" text
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" text PRIMARY KEY NOT NULL,
	"content_hash" text,
	"title" text,
	"outlet" text,
	"url" text,
	"published" date,
	"published_inferred" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"text" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_content_hash_unique" UNIQUE("content_hash")
);
--> statement-breakpoint
CREATE TABLE "event_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"article_id" text NOT NULL,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"killed_low" integer,
	"killed_high" integer,
	"injured_low" integer,
	"injured_high" integer,
	"weak" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_sources_span_ck" CHECK ("event_sources"."span_start" < "event_sources"."span_end")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"date_start" date NOT NULL,
	"date_end" date NOT NULL,
	"date_precision" text NOT NULL,
	"family" text NOT NULL,
	"subtype" text,
	"attacker" text,
	"target" text,
	"target_label" text,
	"place_name" text NOT NULL,
	"place_id" integer,
	"geom" geometry(Point, 4326) NOT NULL,
	"origin" geometry(Point, 4326),
	"geo_precision" smallint NOT NULL,
	"place_kind" text NOT NULL,
	"country" text,
	"area_km" real,
	"killed_low" integer,
	"killed_high" integer,
	"injured_low" integer,
	"injured_high" integer,
	"claim" text NOT NULL,
	"note" text NOT NULL,
	"status" text DEFAULT 'extracted' NOT NULL,
	"provenance" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_dates_ck" CHECK ("events"."date_start" <= "events"."date_end"),
	CONSTRAINT "events_family_ck" CHECK ("events"."family" in ('airstrike', 'drone', 'missile', 'rocket', 'artillery', 'assassination', 'maritime', 'riot', 'ground', 'meeting')),
	CONSTRAINT "events_date_precision_ck" CHECK ("events"."date_precision" in ('day', 'week', 'month', 'year')),
	CONSTRAINT "events_claim_ck" CHECK ("events"."claim" in ('claimed', 'attributed', 'denied', 'declined', 'unknown')),
	CONSTRAINT "events_status_ck" CHECK ("events"."status" in ('extracted', 'reviewed', 'rejected')),
	CONSTRAINT "events_geo_precision_ck" CHECK ("events"."geo_precision" between 1 and 4),
	CONSTRAINT "events_killed_ck" CHECK ("events"."killed_low" <= "events"."killed_high"),
	CONSTRAINT "events_injured_ck" CHECK ("events"."injured_low" <= "events"."injured_high")
);
--> statement-breakpoint
CREATE TABLE "links" (
	"id" text PRIMARY KEY NOT NULL,
	"from_event" text NOT NULL,
	"to_event" text NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"confidence" real NOT NULL,
	"article_id" text,
	"span_start" integer,
	"span_end" integer,
	"note" text,
	"status" text DEFAULT 'extracted' NOT NULL,
	CONSTRAINT "links_kind_ck" CHECK ("links"."kind" in ('retaliation', 'response', 'escalation')),
	CONSTRAINT "links_method_ck" CHECK ("links"."method" in ('cue', 'reversal', 'curated')),
	CONSTRAINT "links_status_ck" CHECK ("links"."status" in ('extracted', 'reviewed', 'rejected')),
	CONSTRAINT "links_distinct_ck" CHECK ("links"."from_event" <> "links"."to_event"),
	CONSTRAINT "links_confidence_ck" CHECK ("links"."confidence" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"target_id" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country" text,
	"precision" smallint NOT NULL,
	"geom" geometry(Point, 4326) NOT NULL,
	"area_km" real,
	"confidence" real NOT NULL,
	"source" text NOT NULL,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "places_key_unique" UNIQUE("key"),
	CONSTRAINT "places_kind_ck" CHECK ("places"."kind" in ('city', 'town', 'suburb', 'base', 'airport', 'embassy', 'site', 'sea', 'region', 'province', 'country'))
);
--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_attacker_actors_id_fk" FOREIGN KEY ("attacker") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_target_actors_id_fk" FOREIGN KEY ("target") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_from_event_events_id_fk" FOREIGN KEY ("from_event") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_to_event_events_id_fk" FOREIGN KEY ("to_event") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_sources_uniq" ON "event_sources" USING btree ("event_id","article_id","span_start");--> statement-breakpoint
CREATE INDEX "event_sources_article_idx" ON "event_sources" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "events_geom_gist" ON "events" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "events_date_start_idx" ON "events" USING btree ("date_start");--> statement-breakpoint
CREATE INDEX "events_date_end_idx" ON "events" USING btree ("date_end");--> statement-breakpoint
CREATE UNIQUE INDEX "links_pair_uniq" ON "links" USING btree ("from_event","to_event");--> statement-breakpoint
CREATE INDEX "links_to_idx" ON "links" USING btree ("to_event");--> statement-breakpoint
CREATE UNIQUE INDEX "overrides_action_target_uniq" ON "overrides" USING btree ("action","target_id");