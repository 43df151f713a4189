/**
 * Context decides between same-named places: the story's other places and countries, its
 * dateline and "X, Parent" in its text; what the text calls a place (town or region); and an
 * ambiguous answer keeps its other readings with their scores. Reference positions are
 * Wikipedia's, not read back from the gazetteer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext, datelineSpan, kindCue, parentCue } from "./context";
import { loadGazetteer, type Gazetteer } from "./gazetteer";
import { km, resolved } from "./test-support";
import { getGeocoder, type Geocoder } from "./index";

const CITY_KM = 15;
const REGION_KM = 150;

let geo: Geocoder;
let gaz: Gazetteer;
beforeAll(async () => {
  geo = await getGeocoder();
  gaz = await loadGazetteer();
});

describe("text cues", () => {
  it("finds a dateline at the start of the text or its second line", () => {
    const span = (t: string) => {
      const s = datelineSpan(t);
      return s && t.slice(s[0], s[1]).trim();
    };
    expect(span("BEIRUT (AP) — A militia spokesman said")).toBe("BEIRUT");
    expect(span("LONDON, Ontario (CP) - Police said")).toBe("LONDON, Ontario");
    expect(span("Headline\nKENT, Ohio — Students marched")).toBe("KENT, Ohio");
    expect(span("The US - and others - said")).toBeUndefined();
  });

  it("reads what the text calls the place", () => {
    expect(kindCue("Students in the city of Kent marched.", "Kent")).toBe("town");
    expect(kindCue("Officials in Cordoba province said", "Cordoba")).toBe("region");
    expect(kindCue("the state of Georgia", "Georgia")).toBe("region");
    expect(kindCue("Flooding hit Kent.", "Kent")).toBeUndefined();
    // Both said: no cue.
    expect(kindCue("the town of Victoria, capital of the province of Victoria", "Victoria")).toBeUndefined();
  });

  it("reads the parent after 'X,', without a sentence's full stop", () => {
    expect(parentCue("LONDON, Ontario (CP) —", "London")).toBe("Ontario");
    expect(parentCue("in Kent, Ohio.", "Kent")).toBe("Ohio");
    expect(parentCue("in Ontario, Calif. police said", "Ontario")).toBe("Calif");
    expect(resolved(geo.geocode("Ontario", { context: "A fire in Ontario, Calif. closed the airport." })).country).toBe("US");
    expect(parentCue("London, which is big", "London")).toBeUndefined();
  });
});

describe("the story's places pick the namesake", () => {
  it("London, Ontario in a story about Ontario; London, England otherwise", () => {
    const ontario = resolved(
      geo.geocode("London", { context: "The Ontario Provincial Police said three people were hurt in a crash near London on Highway 401, west of Toronto." }),
    );
    expect(ontario.country).toBe("CA");
    expect(km(ontario, 42.9849, -81.2453)).toBeLessThan(CITY_KM);
    // The other London is kept, with its score.
    const england = ontario.alternatives.find((a) => a.country === "GB");
    expect(england?.score).toBeGreaterThan(0.05);
    expect(england?.score).toBeLessThan(ontario.confidence);

    const plain = resolved(geo.geocode("London"));
    expect(plain.country).toBe("GB");
    expect(plain.alternatives.some((a) => a.country === "CA")).toBe(true);
  });

  it("the dateline outweighs the rest of the text", () => {
    const body = "A British-born man was charged after a crash on Highway 401. Police said the driver, who moved from England, was treated in hospital.";
    expect(resolved(geo.geocode("London", { context: body })).country).toBe("GB");
    const r = resolved(geo.geocode("London", { context: `LONDON, Ontario (CP) — ${body}` }));
    expect(r.country).toBe("CA");
    expect(km(r, 42.9849, -81.2453)).toBeLessThan(CITY_KM);
    // Settled by the text, yet the London in England is still offered, with its score.
    expect(r.alternatives.find((a) => a.country === "GB")?.score).toBeGreaterThan(0);
  });

  it("Edmonton, the London district, in a story about north London; the Canadian city otherwise", () => {
    const london = resolved(
      geo.geocode("Edmonton", { context: "Police in north London said a man was stabbed in Edmonton, near Tottenham and Enfield. Scotland Yard appealed for witnesses." }),
    );
    expect(london.country).toBe("GB");
    expect(km(london, 51.6154, -0.0708)).toBeLessThan(CITY_KM);
    expect(london.alternatives.find((a) => a.country === "CA")?.score).toBeGreaterThan(0);

    const alberta = resolved(geo.geocode("Edmonton", { context: "The Oilers returned to Edmonton after a road trip through Calgary and Vancouver." }));
    expect(alberta.country).toBe("CA");
    expect(km(alberta, 53.5461, -113.4938)).toBeLessThan(CITY_KM);
  });

  it("'Washington, New York and Chicago' is a list, not a New York town once called Washington", () => {
    const r = resolved(geo.geocode("Washington", { context: "Protests spread to Washington, New York and Chicago on Saturday." }));
    expect(km(r, 38.8951, -77.0364)).toBeLessThan(CITY_KM);
  });
});

describe("region or town", () => {
  it("a region mention is the region, not a same-named town", () => {
    const kent = resolved(geo.geocode("Kent", { context: "Flooding hit Kent on Tuesday." }));
    expect([kent.kind, kent.country]).toEqual(["province", "GB"]);
    const ontario = resolved(geo.geocode("Ontario", { context: "Wildfires spread across Ontario." }));
    expect([ontario.kind, ontario.country]).toEqual(["province", "CA"]);
    const limpopo = resolved(geo.geocode("Limpopo"));
    expect([limpopo.kind, limpopo.country]).toEqual(["province", "ZA"]);
    expect(km(limpopo, -23.9, 29.45)).toBeLessThan(REGION_KM);
  });

  it("unless the sentence says a town", () => {
    const kent = resolved(geo.geocode("Kent", { context: "Students in the city of Kent, Ohio, marched on campus." }));
    expect([kent.country, kent.kind === "province"]).toEqual(["US", false]);
    expect(km(kent, 41.1537, -81.3579)).toBeLessThan(CITY_KM);
    const ontario = resolved(geo.geocode("Ontario", { context: "Police in the city of Ontario said the airport was closed." }));
    expect([ontario.country, ontario.kind]).toEqual(["US", "city"]);
  });

  it("a province named after its capital: the bare name is the city, 'province' the province", () => {
    const city = resolved(geo.geocode("Cordoba", { context: "Argentine officials said" }));
    expect([city.kind, city.country]).toEqual(["city", "AR"]);
    expect(city.alternatives.some((a) => a.kind === "province" && a.country === "AR")).toBe(true);
    const province = resolved(geo.geocode("Cordoba", { context: "Argentine officials in Cordoba province said" }));
    expect([province.kind, province.country]).toEqual(["province", "AR"]);
  });
});

describe("what counts as the text's evidence", () => {
  it("a state's two-letter code says where the story is: BC puts Nelson in British Columbia", () => {
    const text = "BC officials opened a permit office in Nelson on Monday, the minister said.";
    const r = resolved(geo.geocode("Nelson", { context: text }));
    expect(r.country).toBe("CA");
    expect(km(r, 49.4928, -117.2948)).toBeLessThan(CITY_KM);
    // In a shouted headline the same letters are words, not codes: no state is read from "IN" or "OR".
    const shouted = buildContext("FLOODS IN THE VALLEY OR THE HILLS", gaz).profile();
    expect([...shouted.admin1.keys()]).toEqual([]);
  });

  it("a person or a plain word that shares a small town's name is not the locale", () => {
    // Allen, Texas, and Most in Czechia are towns; here they are a man and a word.
    const text =
      "Wine lovers gathered in Santa Barbara on the California coast. Most guests stayed late, said Allen, and most of them came back. " +
      "Allen said the crowd was the best he had seen. Allen thanked them, and Most agreed. Allen left at midnight, said Mr Allen's wife.";
    const locale = buildContext(text, gaz).profile().locale;
    expect([locale?.name, locale?.country]).toEqual(["Santa Barbara", "US"]);
  });

  it("only a town called so votes for the locale, not one that once had the name", () => {
    // GeoNames lists "Franklin" among Columbus, Ohio's old names; the text's Franklin is a Franklin.
    const text = "Franklin residents packed the hall. Franklin police closed the road, and Franklin shops shut early, US officials said.";
    const locale = buildContext(text, gaz).profile().locale;
    expect(locale?.name).toBe("Franklin");
  });
});
