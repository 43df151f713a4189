/**
 * Head noun phrases with a located complement ("U.S. airbase in Iraq"), every curated seed
 * mention, and the map size (`radiusKm`) every answer with an area carries.
 */
import fs from "node:fs";
import path from "node:path";
import * as turf from "@turf/turf";
import { beforeAll, describe, expect, it } from "vitest";
import { km, resolved } from "./test-support";
import { getGeocoder, ResolvedGeocode, type Geocoder } from "./index";
import { splitHead } from "./qualifiers";

let geo: Geocoder;
beforeAll(async () => {
  geo = await getGeocoder();
});



describe("splitHead", () => {
  it.each([
    ["U.S. airbase in Iraq", "U.S. airbase", "in Iraq", "in"],
    ["a U.S. base in western Iraq", "a U.S. base", "in western Iraq", "in"],
    ["Israeli-owned tanker off the coast of Oman", "Israeli-owned tanker", "off the coast of Oman", "off"],
    ["militia headquarters near Al-Qaim", "militia headquarters", "near Al-Qaim", "near"],
    ["bases hosting U.S. troops in Iraq", "bases hosting U.S. troops", "in Iraq", "in"],
    ["a checkpoint 20 km north of Mosul", "a checkpoint", "20 km north of Mosul", "offset"],
  ])("%j", (mention, head, complement, relation) => {
    expect(splitHead(mention)[0]).toEqual({ head, complement, relation });
  });

  it.each(["near Kirkuk", "20 km north of Mosul", "about 20 km north of Mosul", "U.S. Embassy in Baghdad", "Baghdad"])("%j has no head", (m) => {
    expect(splitHead(m)).toEqual([]);
  });
});

describe("a head with a located complement resolves to the complement", () => {
  it("a country stays a country: precision 4, inside it", () => {
    for (const m of ["U.S. airbase in Iraq", "bases hosting U.S. troops in Iraq"]) {
      const r = resolved(geo.geocode(m, { context: "Iraq" }));
      expect([r.country, r.precision, r.kind]).toEqual(["IQ", 4, "base"]);
      expect(r.area?.type).toBe("polygon");
      expect(km(r, 33, 44)).toBeLessThan(400);
    }
  });

  it("a part of a country: precision 3, in that part", () => {
    const r = resolved(geo.geocode("a U.S. base in western Iraq"));
    expect([r.country, r.precision, r.kind]).toEqual(["IQ", 3, "base"]);
    expect(r.lon).toBeLessThan(43);
  });

  it("off the coast: at sea, precision 3", () => {
    const r = resolved(geo.geocode("Israeli-owned tanker off the coast of Oman"));
    expect([r.kind, r.precision]).toEqual(["sea", 3]);
    const oman = resolved(geo.geocode("Oman"));
    if (oman.area?.type === "polygon") expect(turf.booleanPointInPolygon([r.lon, r.lat], oman.area.geometry)).toBe(false);
  });

  it("near a town: the town's point, precision 2", () => {
    const r = resolved(geo.geocode("militia headquarters near Al-Qaim", { context: "Iraq" }));
    expect(r.precision).toBe(2);
    expect(r.country).toBe("IQ");
    expect(km(r, 34.3686, 41.0944)).toBeLessThan(20);
  });

  it("is trusted a little less than the complement alone", () => {
    const alone = resolved(geo.geocode("in Iraq"));
    const headed = resolved(geo.geocode("U.S. airbase in Iraq"));
    expect(headed.confidence).toBeLessThan(alone.confidence);
    expect(headed.confidence).toBeGreaterThan(0.5);
  });

  it("a head that is itself a place inside the complement wins", () => {
    const camp = resolved(geo.geocode("Camp Taji in Iraq"));
    expect([camp.kind, camp.precision]).toEqual(["base", 1]);
    expect(km(camp, 33.5294, 44.2775)).toBeLessThan(5);
    const tripoli = resolved(geo.geocode("Tripoli in Lebanon"));
    expect(tripoli.country).toBe("LB");
  });

  it("a head that names a place elsewhere does not", () => {
    // "U.S." is a country, but not one inside Iraq.
    const r = resolved(geo.geocode("U.S. base in Iraq"));
    expect(r.country).toBe("IQ");
  });

  it("an unknown complement stays unresolved", () => {
    expect(geo.geocode("a militia base in Blorptown").resolved).toBe(false);
  });
});

describe("curated seed events", () => {
  const file = path.join(process.cwd(), "data", "seed", "curated.json");
  const seed = JSON.parse(fs.readFileSync(file, "utf8")) as { events: { id: string; place: { mention: string; context?: string } }[] };
  it.each(seed.events.map((e) => [e.id, e.place.mention, e.place.context] as const))("%s: %j resolves", (_id, mention, context) => {
    const r = resolved(geo.geocode(mention, context ? { context } : {}));
    expect(r.confidence).toBeGreaterThan(0.5);
  });
});

describe("radiusKm", () => {
  it("a polygon answer carries the radius of the circle of equal area", () => {
    const r = resolved(geo.geocode("Iraq"));
    expect(r.area?.type).toBe("polygon");
    if (r.area?.type !== "polygon") return;
    const equal = Math.sqrt(turf.area(r.area.geometry) / Math.PI) / 1000;
    expect(r.radiusKm).toBeCloseTo(equal, 0);
    // Iraq is about 438,000 km², a circle of ~373 km.
    expect(r.radiusKm).toBeGreaterThan(330);
    expect(r.radiusKm).toBeLessThan(420);
  });

  it("a circle answer carries its own radius", () => {
    const r = resolved(geo.geocode("near Kirkuk", { context: "Iraq" }));
    expect(r.area?.type).toBe("radius");
    if (r.area?.type === "radius") expect(r.radiusKm).toBe(r.area.km);
  });

  it("a point answer has none, and every answer validates against the schema", () => {
    const point = resolved(geo.geocode("Camp Taji"));
    expect(point.area).toBeUndefined();
    expect(point.radiusKm).toBeUndefined();
    for (const m of ["Iraq", "near Kirkuk", "southern Lebanon", "Gulf of Oman", "U.S. airbase in Iraq", "Camp Taji", "the Iraq–Syria border"]) {
      const r = geo.geocode(m);
      expect(ResolvedGeocode.safeParse(r).success).toBe(true);
      if (r.resolved && r.area) expect(r.radiusKm).toBeGreaterThan(0);
    }
  });
});
