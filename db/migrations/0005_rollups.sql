-- Counts of the events kept per data version (db/rollup.ts), so a zoomed-out view sums a few
-- thousand rollup rows instead of scanning the millions of events it covers. Written only by the
-- refresh, which replaces all three tables when data_version has moved past rollup_state.
CREATE TABLE IF NOT EXISTS "rollup_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "rollup_state" ("id", "version") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Events per fine grid cell and family, rejected apart: the map's counts per cell at any coarser zoom.
CREATE TABLE IF NOT EXISTS "rollup_cells" (
	"cx" integer NOT NULL,
	"cy" integer NOT NULL,
	"family" text NOT NULL,
	"rejected" boolean NOT NULL,
	"n" integer NOT NULL,
	"sum_lon" double precision NOT NULL,
	"sum_lat" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rollup_cells_cell_idx" ON "rollup_cells" ("cx", "cy");
--> statement-breakpoint
-- Events per date span and family, rejected apart: the timeline's histogram under a window and
-- families. Actors, countries and claims would multiply its rows by ten at a million events.
-- Rows with no family and no end date count every family per start day: a view with neither a
-- family filter nor a window reads those, a few thousand rows whatever the number of events.
CREATE TABLE IF NOT EXISTS "rollup_days" (
	"date_start" date NOT NULL,
	"date_end" date,
	"family" text,
	"rejected" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- Links per pair of fine cells and pair of families; "hidden" when the link or an end is rejected.
-- Rows with no families count every pair of families, for views without a family filter.
CREATE TABLE IF NOT EXISTS "rollup_arcs" (
	"from_cx" integer NOT NULL,
	"from_cy" integer NOT NULL,
	"to_cx" integer NOT NULL,
	"to_cy" integer NOT NULL,
	"from_family" text,
	"to_family" text,
	"hidden" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rollup_arcs_from_idx" ON "rollup_arcs" ("from_cx", "from_cy");
