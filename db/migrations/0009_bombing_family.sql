-- Bombings (car, truck and suicide bombs, IEDs) are a family of their own: they were filed as
-- airstrikes or ground attacks, which is neither how analysts code them nor how the map should show them.
ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_family_ck";
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_family_ck" CHECK ("events"."family" in ('airstrike', 'drone', 'missile', 'rocket', 'artillery', 'bombing', 'assassination', 'maritime', 'riot', 'ground', 'meeting'));
