-- Chain membership kept in the store (db/chains.ts): the chain of every linked event, rebuilt when
-- data_version has moved past chain_state. A server used to hold it in memory, built from every
-- link and linked event it read per data version: at two million events that read alone took
-- 0.6 GB of the server's memory for a moment and left 90 MB behind. Written only by the rebuild,
-- and no trigger: writing it does not move the data version.
CREATE TABLE IF NOT EXISTS "chain_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "chain_state" ("id", "version") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "event_chains" (
	"event_id" text PRIMARY KEY NOT NULL,
	"chain_id" text NOT NULL
);
