/**
 * Mentions at sea: "off the coast of X" lands in the named water off that coast, with the pin at
 * sea (outside the coastal place) and the coastal band as the area; "in the Red Sea" is the sea.
 * One offshore case per listed water, and the text's own sea wins where the band reaches it.
 */
import * as turf from "@turf/turf";
import { beforeAll, describe, expect, it } from "vitest";
import { resolved } from "./test-support";
import { getGeocoder, type Geocoder, type ResolvedGeocode } from "./index";

let geo: Geocoder;
beforeAll(async () => {
  geo = await getGeocoder();
});

/** The pin is at sea: outside the coastal place's own polygon, inside the answer's area. */
function expectAtSea(r: ResolvedGeocode, context = ""): void {
  const coast = resolved(geo.geocode(r.mention.replace(/^off (?:the coast of )?/, ""), { context }));
  expect(r.area?.type).toBe("polygon");
  if (r.area?.type === "polygon") expect(turf.booleanPointInPolygon([r.lon, r.lat], r.area.geometry)).toBe(true);
  if (coast.area?.type === "polygon") expect(turf.booleanPointInPolygon([r.lon, r.lat], coast.area.geometry)).toBe(false);
}

describe("off the coast of X: the named water off that coast", () => {
  it.each([
    ["off the coast of Yemen", "", "Gulf of Aden"],
    ["off the coast of Oman", "", "Arabian Sea"],
    ["off Libya", "", "Mediterranean Sea"],
    ["off the coast of Lebanon", "", "eastern Mediterranean"],
    ["off the coast of Bahrain", "", "Persian Gulf"],
    ["off the coast of Eritrea", "", "Red Sea"],
    ["off Fujairah", "", "Gulf of Oman"],
    ["off the coast of Eilat", "", "Gulf of Aqaba"],
    ["off the coast of Azerbaijan", "", "Caspian Sea"],
    ["off the coast of Georgia", "Tbilisi said", "Black Sea"],
    ["off the coast of Greece", "", "Aegean Sea"],
    ["off the coast of Japan", "", "Sea of Japan"],
    ["off the coast of Florida", "", "Gulf of Mexico"],
  ])("%s (%s) → %s", (mention, context, sea) => {
    const r = resolved(geo.geocode(mention, { context }));
    expect([r.name, r.kind]).toEqual([sea, "sea"]);
    expectAtSea(r, context);
  });

  it("the sea the text names wins where the coastal band reaches it", () => {
    const plain = resolved(geo.geocode("off the coast of Iran"));
    expect(plain.name).toBe("Persian Gulf");
    const r = resolved(geo.geocode("off the coast of Iran", { context: "A tanker was seized in the Gulf of Oman on Tuesday." }));
    expect(r.name).toBe("Gulf of Oman");
    expect(r.country).toBe("IR");
    expect(r.lon).toBeGreaterThan(56.5);
    expectAtSea(r, "A tanker was seized in the Gulf of Oman on Tuesday.");
  });

  it("a coast with no listed water off it stays 'off the coast of X', still at sea", () => {
    const r = resolved(geo.geocode("off the coast of Norway"));
    expect([r.name, r.kind]).toEqual(["off the coast of Norway", "sea"]);
    expectAtSea(r);
  });
});

describe("in the X: the water itself", () => {
  it.each([
    "Persian Gulf", "Gulf of Oman", "Strait of Hormuz", "Arabian Sea", "Gulf of Aden", "Bab el-Mandeb", "Red Sea",
    "eastern Mediterranean", "Mediterranean Sea", "Gulf of Aqaba", "Suez Canal", "Caspian Sea", "Black Sea", "Caribbean",
    "Atlantic Ocean", "Pacific Ocean", "Indian Ocean", "South China Sea", "East China Sea", "Sea of Japan", "Baltic Sea",
    "North Sea", "Aegean Sea", "Gulf of Mexico", "Taiwan Strait", "English Channel",
  ])("in the %s", (sea) => {
    const r = resolved(geo.geocode(`in the ${sea}`));
    expect([r.name, r.kind]).toEqual([sea, "sea"]);
  });
});
