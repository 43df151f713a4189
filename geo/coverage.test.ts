/**
 * Kinds of toponym the news names beyond towns: provinces and districts worldwide, adjectival
 * forms, AP-style and postal abbreviations of states, dependencies, buildings and streets, and
 * namesakes of villages in countries the text never names. Reference points are approximate centres (Wikipedia).
 */
import * as turf from "@turf/turf";
import { beforeAll, describe, expect, it } from "vitest";
import { km, resolved } from "./test-support";
import { getGeocoder, type Geocoder } from "./index";

let geo: Geocoder;
beforeAll(async () => {
  geo = await getGeocoder();
});



describe("provinces and districts worldwide", () => {
  it.each([
    // Natural Earth admin-1, with its polygon.
    ["Gilgit-Baltistan", "PK", 35.8, 74.98, 150],
    ["Northern Cape", "ZA", -29.05, 21.86, 200],
    ["Suffolk", "GB", 52.19, 1.0, 60],
    // A GeoNames district, placed by its towns.
    ["Kasur District", "PK", 31.12, 74.45, 60],
    // A division only the countries-states-cities database has.
    ["Chapai Nawabganj", "BD", 24.6, 88.27, 60],
  ])("%s → a province of %s", (m, iso, lat, lon, tol) => {
    const r = resolved(geo.geocode(m));
    expect([r.kind, r.country, r.precision]).toEqual(["province", iso, 3]);
    expect(km(r, lat, lon)).toBeLessThan(tol);
  });

  it("a bare compass word is no province's name: 'Western' and 'West' are directions or the West", () => {
    for (const m of ["Western", "West", "Northwestern"]) {
      const r = geo.geocode(m, { context: "Western leaders met in Lusaka and Yaounde." });
      expect(r.resolved && r.kind === "province").toBe(false);
    }
    // Nor a town's other name: GeoNames keeps "Western" for Cuba City, Wisconsin.
    const us = geo.geocode("Western", { context: "Western governments and American officials in Wisconsin said." });
    expect(us.resolved && us.kind === "town").toBe(false);
    // Two words still name one: South Africa's North West province.
    expect(resolved(geo.geocode("North West", { context: "Mines in South Africa's North West closed." })).country).toBe("ZA");
  });

  it("a curated province known only by centre and radius takes Natural Earth's polygon", () => {
    const r = resolved(geo.geocode("Bavaria"));
    expect([r.source, r.country, r.area?.type]).toEqual(["curated", "DE", "polygon"]);
    if (r.area?.type === "polygon") expect(turf.booleanPointInPolygon([r.lon, r.lat], r.area.geometry)).toBe(true);
    expect(resolved(geo.geocode("Limpopo")).area?.type).toBe("polygon");
  });
});

describe("adjectival forms", () => {
  it.each([
    ["Jamaican", "JM"],
    ["Maltese", "MT"],
    ["Salvadoran", "SV"],
    ["Spanish", "ES"],
    ["Serb", "RS"],
  ])("%s → the country %s", (m, iso) => {
    const r = resolved(geo.geocode(m));
    expect([r.kind, r.country]).toEqual(["country", iso]);
  });

  it("a demonym beats a village that shares its spelling, even in that village's country", () => {
    // Canadian, Texas (pop. ~2,000) exists; a Texan story's "Canadian" still means Canada.
    const r = resolved(geo.geocode("Canadian", { context: "Voters in Houston and Dallas, Texas officials said." }));
    expect(r.country).toBe("CA");
  });

  it.each([
    ["European", "Europe", 48.7, 9.1],
    ["African", "Africa", 7.2, 21.1],
    ["Kurdish", "Kurdistan", 37, 43.5],
    ["Scottish", "Scotland", 56.8, -4.2],
  ])("%s → the region %s", (m, name, lat, lon) => {
    const r = resolved(geo.geocode(m));
    expect(r.name).toBe(name);
    expect(km(r, lat, lon)).toBeLessThan(100);
  });
});

describe("abbreviations of states and provinces", () => {
  it.each([
    ["Calif.", "California", "US"],
    ["N.J.", "New Jersey", "US"],
    ["Wash.", "Washington", "US"],
    ["B.C.", "British Columbia", "CA"],
    ["NSW", "New South Wales", "AU"],
  ])("%s → %s", (m, name, iso) => {
    const r = resolved(geo.geocode(m));
    expect([r.name, r.kind, r.country, r.precision]).toEqual([name, "province", iso, 3]);
  });

  it("a two-letter code leans on context", () => {
    const r = resolved(geo.geocode("WA", { context: "Bushfires near Perth, Western Australia; Australian officials said." }));
    expect(r.name).toBe("Western Australia");
  });

  it("Brazilian states have names", () => {
    const r = resolved(geo.geocode("Roraima"));
    expect([r.kind, r.country]).toEqual(["province", "BR"]);
    expect(km(r, 2.0, -61.4)).toBeLessThan(150);
  });
});

describe("airports by their own short name", () => {
  it("Heathrow is London's airport, not the Florida village of that name, unless the story is in Florida", () => {
    const r = resolved(geo.geocode("Heathrow"));
    expect([r.kind, r.country]).toEqual(["airport", "GB"]);
    expect(km(r, 51.47, -0.4543)).toBeLessThan(5);
    expect(r.alternatives.some((a) => a.country === "US")).toBe(true);
    const village = resolved(geo.geocode("Heathrow", { context: "Seminole County deputies said; Florida officials agreed." }));
    expect([village.kind, village.country]).toEqual(["town", "US"]);
  });

  it("an airport named after the town beside it leaves the town its name", () => {
    // Baghdad International Airport: a bare "Baghdad" is the city.
    expect(resolved(geo.geocode("Baghdad")).kind).not.toBe("airport");
  });
});

describe("country points", () => {
  it("an archipelago keeps its conventional point in its inner waters: the Philippines at 13°N 122°E, not Luzon", () => {
    const r = resolved(geo.geocode("Philippines"));
    expect(r.country).toBe("PH");
    expect(km(r, 13, 122)).toBeLessThan(50);
  });
});

describe("dependencies", () => {
  it.each([
    ["Guam", "GU", 13.44, 144.79],
    ["Greenland", "GL", 72, -40],
    ["Puerto Rico", "PR", 18.22, -66.59],
    // Natural Earth labels these "U.S. Virgin Is." and "N. Mariana Is.": written out, they are names too.
    ["U.S. Virgin Islands", "VI", 18.34, -64.9],
    ["Northern Mariana Islands", "MP", 15.19, 145.75],
  ])("%s is an area of its own", (m, iso, lat, lon) => {
    const r = resolved(geo.geocode(m));
    expect(r.country).toBe(iso);
    expect(r.area?.type).toBe("polygon");
    expect(km(r, lat, lon)).toBeLessThan(400);
  });

  it("a formal state name finds its country", () => {
    expect(resolved(geo.geocode("Democratic People's Republic of Korea")).country).toBe("KP");
  });
});

describe("buildings and streets", () => {
  it("a building named after a town: that town, precision 2, trusted at most 0.5", () => {
    const r = resolved(geo.geocode("Colchester General Hospital", { context: "Patients in Colchester, Essex, England" }));
    expect(km(r, 51.8959, 0.8919)).toBeLessThan(15);
    expect([r.kind, r.precision]).toEqual(["site", 2]);
    expect(r.confidence).toBeLessThanOrEqual(0.5);
  });

  it("an institution of a place: that place, never finer than it", () => {
    const r = resolved(geo.geocode("University of California"));
    expect([r.country, r.precision]).toEqual(["US", 3]);
    expect(r.confidence).toBeLessThanOrEqual(0.5);
  });

  it("a street: the town the text is about, as a guess", () => {
    const text = "A shop on the street was robbed, New Orleans police said. New Orleans officials asked for witnesses.";
    const r = resolved(geo.geocode("Royal Street", { context: text }));
    expect(km(r, 29.95, -90.07)).toBeLessThan(20);
    expect(r.precision).toBe(2);
    expect(r.confidence).toBeLessThanOrEqual(0.25);
  });

  it("a compass word that begins an unknown name is part of it: 'North State Street' is a street in the story's town", () => {
    const text = "Chicago police closed the block. Chicago officials said the parade would go ahead.";
    const r = resolved(geo.geocode("North State Street", { context: text }));
    expect(km(r, 41.8781, -87.6298)).toBeLessThan(25);
    expect(r.confidence).toBeLessThanOrEqual(0.25);
    // A compass word before a known place still reads as a part of it.
    expect(resolved(geo.geocode("northern Chicago", { context: text })).name).toBe("northern Chicago");
  });

  it("a compass word that also names a village places no building: 'Northwest Cancer Centre' is in the story's town", () => {
    const text = "Doctors in Boston said on Monday. Boston hospitals were busy, American officials said.";
    const r = resolved(geo.geocode("Northwest Cancer Centre", { context: text }));
    expect(km(r, 42.3601, -71.0589)).toBeLessThan(25);
  });

  it("a division named like a town is not in that town: 'Washington Township' in a story set in Paterson", () => {
    const text = "Paterson police said; Paterson officials and American agencies agreed.";
    const r = resolved(geo.geocode("Washington Township", { context: text }));
    expect(km(r, 40.9168, -74.1718)).toBeLessThan(25);
    expect(r.confidence).toBeLessThan(0.3);
    // A county's council is still in that county.
    const council = resolved(geo.geocode("Cavan County Council", { context: "Cavan officials in Ireland said." }));
    expect(council.country).toBe("IE");
    expect(km(council, 53.99, -7.36)).toBeLessThan(60);
  });

  it("a compass word before a mere village of another country is part of a name: 'West Wing' in a story set in Washington", () => {
    const text = "White House aides in Washington said on Monday; Washington officials and American agencies agreed.";
    const r = resolved(geo.geocode("West Wing", { context: text }));
    expect(km(r, 38.8977, -77.0365)).toBeLessThan(30);
    expect(r.confidence).toBeLessThan(0.3);
  });

  it("a street with no town in the text stays unresolved", () => {
    expect(geo.geocode("Royal Street").resolved).toBe(false);
  });
});

describe("namesakes", () => {
  it("a village in a country the text never names is given, but never confidently", () => {
    // Cirencester (England, ~20k people) in a story that names only Japan and the Philippines.
    const r = resolved(geo.geocode("Cirencester", { context: "Officials in Japan and the Philippines said on Monday." }));
    expect(r.country).toBe("GB");
    expect(r.confidence).toBeLessThanOrEqual(0.4);
    // Without a competing country in the text it is trusted as usual.
    expect(resolved(geo.geocode("Cirencester")).confidence).toBeGreaterThan(0.5);
  });

  it("a name no source has stays unresolved when the text names no town", () => {
    for (const context of [undefined, "Iraqi officials said on Monday."]) {
      expect(geo.geocode("Xyzzyville", context ? { context } : {}).resolved).toBe(false);
    }
  });

  it("in a story set in a town, a name no source has is a guess at that town, below what the pipeline takes", () => {
    const context = "Rockets struck Baghdad, Iraqi officials said. Baghdad police closed the roads.";
    const r = resolved(geo.geocode("Xyzzyville", { context }));
    expect(km(r, 33.3152, 44.3661)).toBeLessThan(15);
    expect([r.name, r.kind, r.precision]).toEqual(["Xyzzyville", "site", 3]);
    expect(r.confidence).toBeLessThan(0.3);
    // A qualified mention says what it is: an unknown base is not guessed at.
    expect(geo.geocode("Qwertystan Air Base", { context }).resolved).toBe(false);
    expect(geo.geocode("near Xyzzyville", { context }).resolved).toBe(false);
  });
});
