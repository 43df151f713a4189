/**
 * Resolution of the places the seed articles name, the ambiguity cases, unknown places and
 * qualifiers. Expected positions are independent references (Wikipedia coordinates), not read
 * back from the gazetteer. Tolerances, and why:
 *  - city / town 15 km: GeoNames puts a city at its historic centre; reference articles may use
 *    a square or a district a few km off, and a big city spans 20+ km anyway;
 *  - base / airport / embassy 5 km: a compound is a few km across, and it is the point of these;
 *  - suburb / district 8 km; curated approximate towns 10 km;
 *  - region 60 km, sea 150 km, country 400 km (or the country's own span): the pin of an area is
 *    a convention, what matters is the right area and a pin inside it.
 */
import * as turf from "@turf/turf";
import { beforeAll, describe, expect, it } from "vitest";
import { km, resolved } from "./test-support";
import { getGeocoder, type Geocoder } from "./index";

const CITY_KM = 15;
const SITE_KM = 5;
const SUBURB_KM = 8;
const APPROX_TOWN_KM = 10;
const REGION_KM = 60;
const SEA_KM = 150;
const COUNTRY_KM = 400;

let geo: Geocoder;
beforeAll(async () => {
  geo = await getGeocoder();
});



/** [mention, context, expected lat, lon, tolerance km, country] */
type Expect = [string, string | undefined, number, number, number, string | null];

const SEED_PLACES: Expect[] = [
  // The card's six.
  ["Baghdad", undefined, 33.3152, 44.3661, CITY_KM, "IQ"],
  ["Beirut", undefined, 33.8938, 35.5018, CITY_KM, "LB"],
  ["Damascus", undefined, 33.5131, 36.2919, CITY_KM, "SY"],
  ["Camp Taji", undefined, 33.5294, 44.2775, SITE_KM, "IQ"],
  ["Kirkuk", undefined, 35.4681, 44.3922, CITY_KM, "IQ"],
  ["Gulf of Oman", undefined, 24.5, 58.5, SEA_KM, null],
  // Named in the seed articles (000–004) and the seed events.
  ["near Kirkuk", "Iraq", 35.4681, 44.3922, CITY_KM, "IQ"],
  ["K-1 air base", "Iraq", 35.5125, 44.2842, SITE_KM, "IQ"],
  ["Baghdad International Airport", undefined, 33.2625, 44.2346, SITE_KM, "IQ"],
  ["U.S. Embassy in Baghdad", undefined, 33.299, 44.396, SITE_KM, "IQ"],
  ["U.S. Embassy compound in Baghdad", undefined, 33.299, 44.396, SITE_KM, "IQ"],
  ["Iranian embassy in Beirut", undefined, 33.8938, 35.5018, CITY_KM, "LB"],
  ["Dahiyeh", undefined, 33.853, 35.508, SUBURB_KM, "LB"],
  ["a suburb of Beirut", undefined, 33.8938, 35.5018, CITY_KM, "LB"],
  ["outside Damascus", undefined, 33.5131, 36.2919, CITY_KM, "SY"],
  ["Tehran", undefined, 35.6892, 51.389, CITY_KM, "IR"],
  ["Absard", "Iran", 35.62, 52.16, APPROX_TOWN_KM, "IR"],
  ["Damavand", "Iran", 35.7178, 52.0656, APPROX_TOWN_KM, "IR"],
  ["Ain al-Asad", "Iraq", 33.7856, 42.4412, SITE_KM, "IQ"],
  ["Al Asad Air Base", undefined, 33.7856, 42.4412, SITE_KM, "IQ"],
  ["Erbil", undefined, 36.1912, 44.0092, CITY_KM, "IQ"],
  ["Al-Qaim", "Iraq", 34.3686, 41.0944, CITY_KM, "IQ"],
  ["Abu Kamal", "Syria", 34.4506, 40.9186, CITY_KM, "SY"],
  ["Albu Kamal", "Syria", 34.4506, 40.9186, CITY_KM, "SY"],
  ["Karbala", undefined, 32.616, 44.0249, CITY_KM, "IQ"],
  ["Jurf al-Sakhar", "Iraq", 32.8667, 44.2139, APPROX_TOWN_KM, "IQ"],
  ["Jerusalem", undefined, 31.7683, 35.2137, CITY_KM, "IL"],
  ["Riyadh", undefined, 24.7136, 46.6753, CITY_KM, "SA"],
  ["Beijing", undefined, 39.9042, 116.4074, CITY_KM, "CN"],
  ["Benghazi", "Libya", 32.1167, 20.0667, CITY_KM, "LY"],
  ["al-Dabaa airport", "Syria", 34.555, 36.615, APPROX_TOWN_KM, "SY"],
  ["Gaza", undefined, 31.45, 34.4, 20, "PS"],
  ["Gaza Strip", undefined, 31.42, 34.37, 20, "PS"],
  ["West Bank", undefined, 31.95, 35.25, REGION_KM, "PS"],
  ["southern Lebanon", undefined, 33.27, 35.4, REGION_KM, "LB"],
  ["Golan Heights", undefined, 33.0, 35.75, REGION_KM, "SY"],
  ["northern Israel", undefined, 32.9, 35.4, REGION_KM, "IL"],
  ["Middle East", undefined, 29, 43, 1500, null],
  ["Iraq", undefined, 33.0, 44.0, COUNTRY_KM, "IQ"],
  ["Iran", undefined, 32.0, 53.0, COUNTRY_KM, "IR"],
  ["Israel", undefined, 31.4, 35.0, 150, "IL"],
  ["Lebanon", undefined, 33.85, 35.86, 60, "LB"],
  ["Syria", undefined, 35.0, 38.5, COUNTRY_KM, "SY"],
  ["Yemen", undefined, 15.5, 47.5, COUNTRY_KM, "YE"],
  ["Saudi Arabia", undefined, 24.0, 45.0, 600, "SA"],
  ["United Arab Emirates", undefined, 23.8, 54.3, COUNTRY_KM, "AE"],
  ["UAE", undefined, 23.8, 54.3, COUNTRY_KM, "AE"],
  ["Bahrain", undefined, 26.05, 50.55, 60, "BH"],
  ["Morocco", undefined, 32.0, -6.5, COUNTRY_KM, "MA"],
  ["Kuwait", undefined, 29.3, 47.6, 100, "KW"],
  ["Libya", undefined, 27.0, 17.0, 600, "LY"],
  ["Afghanistan", undefined, 33.9, 66.0, COUNTRY_KM, "AF"],
  ["China", undefined, 35.0, 103.0, 800, "CN"],
  ["Russia", undefined, 61.5, 96.0, 1500, "RU"],
  ["United States", undefined, 39.5, -98.5, 600, "US"],
  ["U.S.", undefined, 39.5, -98.5, 600, "US"],
  ["Oman", undefined, 21.0, 57.0, COUNTRY_KM, "OM"],
  ["Europe", undefined, 50, 15, 1500, null],
];

describe("seed places", () => {
  it.each(SEED_PLACES)("%s (context %s)", (mention, context, lat, lon, tol, country) => {
    const r = resolved(geo.geocode(mention, context ? { context } : {}));
    expect(km(r, lat, lon)).toBeLessThan(tol);
    expect(r.country).toBe(country);
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it("gives the kinds and precisions the card expects", () => {
    const kinds: [string, string, number][] = [
      ["Camp Taji", "base", 1],
      ["Baghdad", "city", 1],
      ["Baghdad International Airport", "airport", 1],
      ["U.S. Embassy in Baghdad", "embassy", 1],
      ["Gulf of Oman", "sea", 3],
      ["Syria", "country", 4],
      ["Golan Heights", "region", 3],
      ["near Kirkuk", "city", 2],
    ];
    for (const [mention, kind, precision] of kinds) {
      const r = resolved(geo.geocode(mention));
      expect([mention, r.kind, r.precision]).toEqual([mention, kind, precision]);
    }
  });

  it("puts western Iraq and western Syria in the west of those countries", () => {
    const iraq = resolved(geo.geocode("western Iraq"));
    expect(iraq.lon).toBeLessThan(43);
    expect(iraq.precision).toBe(3);
    const syria = resolved(geo.geocode("western Syria"));
    expect(syria.lon).toBeLessThan(37.5);
    expect(syria.country).toBe("SY");
  });
});

describe("ambiguity", () => {
  it("reads Tripoli by the story's country", () => {
    const lebanese = resolved(geo.geocode("Tripoli", { context: "Clashes erupted in Lebanon's second city on Sunday, Lebanese officials said." }));
    expect(lebanese.country).toBe("LB");
    const libyan = resolved(geo.geocode("Tripoli", { context: "Militias fought near the Libyan capital; Libya's government said." }));
    expect(libyan.country).toBe("LY");
    expect(lebanese.alternatives.some((a) => a.country === "LY")).toBe(true);
  });

  it("tells Taji town from Camp Taji", () => {
    const town = resolved(geo.geocode("Taji", { context: "Iraq" }));
    const camp = resolved(geo.geocode("Camp Taji", { context: "Iraq" }));
    expect(town.kind).toBe("town");
    expect(camp.kind).toBe("base");
    expect(town.name).not.toBe(camp.name);
    // Same district: the camp sits at the town's edge.
    expect(km(town, camp.lat, camp.lon)).toBeLessThan(10);
  });

  it("reads Georgia as the country unless the story is American", () => {
    const country = resolved(geo.geocode("Georgia", { context: "Tbilisi said Russian troops remained in the breakaway regions." }));
    expect([country.kind, country.country]).toEqual(["country", "GE"]);
    const state = resolved(geo.geocode("Georgia", { context: "Voters in Atlanta and Savannah lined up early, Georgia officials said." }));
    expect([state.kind, state.country]).toEqual(["province", "US"]);
    const bare = resolved(geo.geocode("Georgia"));
    expect(bare.country).toBe("GE");
    expect(bare.alternatives.some((a) => a.country === "US")).toBe(true);
  });

  it("a city known the world over outranks a namesake the story's country only hints at", () => {
    // Venice, Italy (~260k people, named in well over a hundred languages) against Venice,
    // Florida (~25k) in a story about Ukraine that also names the United States.
    const context = "Ukraine asked for help. Ukrainian and American envoys met; American aid was promised.";
    const r = resolved(geo.geocode("Venice", { context }));
    expect(r.country).toBe("IT");
    expect(km(r, 45.4408, 12.3155)).toBeLessThan(CITY_KM);
    // A story set in Florida still means the Florida town.
    expect(resolved(geo.geocode("Venice", { context: "Sarasota County deputies said; Florida officials agreed." })).country).toBe("US");
  });

  it("a US county is ranked by the people in its towns, and the story's state still decides", () => {
    // Suffolk County, New York (Long Island, ~1.5 million) before Suffolk County, Massachusetts.
    const bare = resolved(geo.geocode("Suffolk County"));
    expect(km(bare, 40.94, -72.68)).toBeLessThan(REGION_KM);
    expect(bare.alternatives.some((a) => a.lat > 42)).toBe(true);
    const boston = resolved(geo.geocode("Suffolk County", { context: "Boston police said; Massachusetts officials agreed." }));
    expect(km(boston, 42.34, -71.07)).toBeLessThan(REGION_KM);
    // Orange County is California's, unless the story is in Florida.
    expect(km(resolved(geo.geocode("Orange County")), 33.7, -117.8)).toBeLessThan(REGION_KM);
    expect(km(resolved(geo.geocode("Orange County", { context: "Orlando police said; Florida officials agreed." })), 28.5, -81.3)).toBeLessThan(REGION_KM);
  });

  it("many small namesakes do not make a clear answer unsure", () => {
    // Dozens of villages are called Washington; in an American story the capital is still the
    // answer, trusted enough for the pipeline (0.3), and the state remains its real rival.
    const r = resolved(geo.geocode("Washington", { context: "American officials said on Monday that the U.S. would act." }));
    expect([r.country, r.kind]).toEqual(["US", "city"]);
    expect(km(r, 38.9072, -77.0369)).toBeLessThan(CITY_KM);
    expect(r.confidence).toBeGreaterThanOrEqual(0.3);
    expect(r.alternatives[0]?.kind).toBe("province");
    expect(r.alternatives[0]?.score).toBeGreaterThan(0.1);
  });

  it("reads Lebanon as the country unless a US town is meant", () => {
    const country = resolved(geo.geocode("Lebanon", { context: "Hezbollah fired rockets from Lebanon into Israel." }));
    expect([country.kind, country.country]).toEqual(["country", "LB"]);
    const town = resolved(geo.geocode("Lebanon, Pennsylvania"));
    expect([town.country, town.kind]).toEqual(["US", "town"]);
    expect(km(town, 40.3409, -76.4114)).toBeLessThan(CITY_KM);
    const abbreviated = resolved(geo.geocode("Lebanon, Pa."));
    expect(km(abbreviated, 40.3409, -76.4114)).toBeLessThan(CITY_KM);
  });
});

describe("spelling variants", () => {
  it.each([
    ["Dahieh", "Dahiyeh"],
    ["Dahiya", "Dahiyeh"],
    ["Deir al-Zour", "Deir ez-Zor"],
    ["Deir ez Zor", "Deir ez-Zor"],
    ["al-Dabaa", "Dabaa"],
    ["Al Qaim", "Al-Qaim"],
    ["BAGHDAD", "Baghdad"],
    ["béirut", "Beirut"],
    ["Ayn al-Asad", "Ain al-Asad"],
    ["Bukamal", "Abu Kamal"],
  ])("%s = %s", (a, b) => {
    const ra = resolved(geo.geocode(a));
    const rb = resolved(geo.geocode(b));
    expect(km(ra, rb.lat, rb.lon)).toBeLessThan(1);
  });
});

describe("old and other names", () => {
  it("a town called so today beats a city that GeoNames also lists under that name", () => {
    // GeoNames files "Southold" among South Bend's alternate names; Southold is a town on Long Island.
    const r = resolved(geo.geocode("Southold", { context: "Farmers in Southold said the US harvest was late." }));
    expect(km(r, 41.0648, -72.4262)).toBeLessThan(CITY_KM);
  });

  it("an exonym or a country's common name is still the place it names", () => {
    const geneva = resolved(geo.geocode("Geneva", { context: "Talks opened in Geneva, Switzerland's second city." }));
    expect(km(geneva, 46.2044, 6.1432)).toBeLessThan(CITY_KM);
    const china = resolved(geo.geocode("China", { context: "US officials said China would respond." }));
    expect([china.kind, china.country]).toEqual(["country", "CN"]);
  });
});

describe("unknown places", () => {
  it.each(["Xyzzyville", "Qwertystan Air Base", "near Blorptown", "", "   ", "the embassy in Zzyzzgrad"])("%j is unresolved with a reason", (m) => {
    const r = geo.geocode(m);
    expect(r.resolved).toBe(false);
    if (!r.resolved) expect(r.reason.length).toBeGreaterThan(5);
  });

  it("is never confident about a loose spelling match", () => {
    const r = geo.geocode("Kirkuuk");
    if (r.resolved) expect(r.confidence).toBeLessThanOrEqual(0.6);
  });
});

describe("qualifiers", () => {
  it("near / outside X: the town's point, a wider circle, precision 2", () => {
    const r = resolved(geo.geocode("near Kirkuk", { context: "Iraq" }));
    expect(r.precision).toBe(2);
    expect(r.area?.type).toBe("radius");
    if (r.area?.type === "radius") expect(r.area.km).toBeGreaterThanOrEqual(15);
  });

  it("a suburb of X: kind suburb, precision 2", () => {
    const r = resolved(geo.geocode("a suburb of Beirut"));
    expect([r.kind, r.precision]).toEqual(["suburb", 2]);
  });

  it("southern X of a country: the southern part of its polygon, precision 3", () => {
    const syria = resolved(geo.geocode("Syria"));
    const r = resolved(geo.geocode("southern Syria"));
    expect(r.lat).toBeLessThan(syria.lat - 1);
    expect([r.kind, r.precision, r.country]).toEqual(["region", 3, "SY"]);
    expect(r.area?.type).toBe("polygon");
  });

  it("northern X of a city: part of the town, precision 2", () => {
    const city = resolved(geo.geocode("Baghdad"));
    const r = resolved(geo.geocode("northern Baghdad"));
    expect(r.lat).toBeGreaterThan(city.lat);
    expect(km(r, city.lat, city.lon)).toBeLessThan(CITY_KM);
    expect(r.precision).toBe(2);
  });

  it("N km <direction> of X: that far along the bearing", () => {
    const mosul = resolved(geo.geocode("Mosul"));
    const r = resolved(geo.geocode("20 km north of Mosul"));
    expect(km(r, mosul.lat, mosul.lon)).toBeCloseTo(20, 0);
    expect(r.lat).toBeGreaterThan(mosul.lat);
    expect(r.precision).toBe(2);
  });

  it("off the coast of X: at sea next to X, kind sea", () => {
    const r = resolved(geo.geocode("off the coast of Oman"));
    expect([r.kind, r.precision]).toEqual(["sea", 3]);
    const oman = resolved(geo.geocode("Oman"));
    const shape = oman.area?.type === "polygon" ? oman.area.geometry : undefined;
    expect(shape).toBeDefined();
    if (shape) {
      expect(turf.booleanPointInPolygon([r.lon, r.lat], shape)).toBe(false);
      expect(turf.pointToPolygonDistance([r.lon, r.lat], shape, { units: "kilometers" })).toBeLessThan(SEA_KM);
    }
    expect(geo.geocode("off the coast of Afghanistan").resolved).toBe(false);
  });

  it("X province: the province, precision 3", () => {
    const r = resolved(geo.geocode("Kirkuk province"));
    expect([r.kind, r.precision, r.country]).toEqual(["province", 3, "IQ"]);
    expect(km(r, 35.4681, 44.3922)).toBeLessThan(REGION_KM);
    const anbar = resolved(geo.geocode("Anbar province"));
    expect([anbar.kind, anbar.country]).toEqual(["province", "IQ"]);
  });

  it("the X–Y border: a band along the shared border, precision 3", () => {
    for (const m of ["the Iraq–Syria border", "the Syrian-Iraqi border", "the border between Iraq and Syria"]) {
      const r = resolved(geo.geocode(m));
      expect([r.kind, r.precision]).toEqual(["region", 3]);
      expect(r.area?.type).toBe("polygon");
      // The shared border runs roughly from 32.3°N to 37.1°N between 38.8°E and 42.4°E.
      expect(r.lon).toBeGreaterThan(38.5);
      expect(r.lon).toBeLessThan(42.5);
    }
    expect(geo.geocode("the Iraq–Japan border").resolved).toBe(false);
  });

  it("an embassy not in the supplement falls back to its city at precision 2", () => {
    const r = resolved(geo.geocode("the French embassy in Baghdad"));
    expect([r.kind, r.precision]).toEqual(["embassy", 2]);
    expect(km(r, 33.3152, 44.3661)).toBeLessThan(CITY_KM);
  });

  it("curated regions beat the generic reading of a compass word", () => {
    const r = resolved(geo.geocode("southern Lebanon"));
    expect(r.source).toBe("curated");
  });
});
