import { rng, type Rng } from "./testing/rng";
import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, FAMILIES } from "./schema";
import {
  BASEMAPS,
  DEFAULT_VIEW,
  isSameHistoryEntry,
  malformedUrl,
  MAX_KILLED,
  MAX_PARAM_CHARS,
  MAX_QUERY_CHARS,
  MAX_SLIDE_DAYS,
  MAX_SPEED,
  normalizeView,
  PARAM_NAMES,
  parseView,
  PLAYBACK_MODES,
  searchableText,
  serializeView,
  View,
  viewToApiQuery,
} from "./url-state";

const parse = (qs: string) => parseView(new URLSearchParams(qs));
const droppedNames = (qs: string) => parse(qs).dropped.map((d) => d.param);


const isoDay = (r: Rng) => new Date(Date.UTC(r.int(1990, 2030), 0, 1) + r.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
const SLUGS = ["iran", "united-states", "kataib-hezbollah", "2020-01-03-soleimani-airstrike", "a", "x9", "all-the-way"];
const OUTLETS = ["Reason", "The Times of Israel", "News timeline (unattributed)", "Al-Monitor", "Le Monde & Co.", "Ha'aretz", "Zürcher Zeitung", "Agence France-Presse"];
/** Search text with everything a URL has to escape: & = + # % ? / ; , quotes, accents, non-Latin, emoji. */
const QUERIES = ["", "kirkuk", "Kata'ib Hezbollah", 'say "hello"', "a&b=c+d#e%f?g/h;i", "rock, paper", "Tehrān", "سليماني", "drone 🚀", "50% off"];

function randomView(r: Rng): View {
  const d1 = r.chance(0.6) ? isoDay(r) : null;
  const d2 = r.chance(0.6) ? isoDay(r) : null;
  const [from, to] = d1 && d2 && d1 > d2 ? [d2, d1] : [d1, d2];
  return {
    from,
    to,
    families: r.some(FAMILIES),
    attackers: r.some(SLUGS, 3),
    targets: r.some(SLUGS, 3),
    countries: r.some(["IQ", "IR", "SY", "LB", "IL", "PS", "US"], 4),
    chain: r.pick(["all", "linked", ...SLUGS]),
    minKilled: r.chance(0.5) ? 0 : r.int(0, MAX_KILLED),
    claims: r.some(CLAIM_STATUSES),
    outlets: r.some(OUTLETS, 3),
    q: r.pick(QUERIES),
    camera: r.chance(0.3)
      ? null
      : { lat: r.next() * 170 - 85, lon: r.next() * 359.99 - 180, zoom: r.next() * 22, bearing: r.chance(0.5) ? 0 : r.next() * 359.8 - 179.8 },
    basemap: r.pick(BASEMAPS),
    cursor: r.chance(0.5) ? isoDay(r) : null,
    mode: r.pick(PLAYBACK_MODES),
    slideDays: r.chance(0.5) ? DEFAULT_VIEW.slideDays : r.int(1, MAX_SLIDE_DAYS),
    speed: r.chance(0.5) ? DEFAULT_VIEW.speed : r.int(1, MAX_SPEED),
    selected: r.chance(0.5) ? null : r.pick(SLUGS),
    highlight: r.chance(0.5) ? null : r.pick(SLUGS),
  };
}

describe("parseView", () => {
  it("reads an empty query as the default view", () => {
    expect(parse("")).toEqual({ view: DEFAULT_VIEW, dropped: [] });
    expect(parseView({})).toEqual({ view: DEFAULT_VIEW, dropped: [] });
  });

  it("reads every parameter", () => {
    const { view, dropped } = parse(
      "from=2019-12-01&to=2020-01-31&f=rocket,drone&atk=kataib-hezbollah&tgt=united-states&cc=iq,SY&chain=linked&minK=5" +
        "&claim=claimed&src=Reason,The%20Times%20of%20Israel&q=Kirkuk%20base&c=33.3,44.4,5.5,-20&bm=online&t=2020-01-03&mode=window&win=90&speed=7&ev=2020-01-03-soleimani-airstrike" +
        "&hl=2019-12-27-k1-base-rocket-attack",
    );
    expect(dropped).toEqual([]);
    expect(view).toEqual({
      from: "2019-12-01",
      to: "2020-01-31",
      families: ["drone", "rocket"],
      attackers: ["kataib-hezbollah"],
      targets: ["united-states"],
      countries: ["IQ", "SY"],
      chain: "linked",
      minKilled: 5,
      claims: ["claimed"],
      outlets: ["Reason", "The Times of Israel"],
      q: "Kirkuk base",
      camera: { lat: 33.3, lon: 44.4, zoom: 5.5, bearing: -20 },
      basemap: "online",
      cursor: "2020-01-03",
      mode: "window",
      slideDays: 90,
      speed: 7,
      selected: "2020-01-03-soleimani-airstrike",
      highlight: "2019-12-27-k1-base-rocket-attack",
    });
  });

  it("takes Next.js searchParams objects, where a repeated key arrives as an array", () => {
    const { view, dropped } = parseView({ f: "rocket", q: undefined, atk: ["iran", "irgc"] });
    expect(view.families).toEqual(["rocket"]);
    expect(view.attackers).toEqual([]);
    expect(dropped).toEqual([{ param: "atk", reason: "given more than once" }]);
    expect(parseView({ f: [], q: [""] })).toEqual({ view: DEFAULT_VIEW, dropped: [] });
  });

  it("treats empty values as defaults, without a notice", () => {
    expect(parse("q=&f=&from=&c=&f2")).toEqual({ view: DEFAULT_VIEW, dropped: [{ param: "f2", reason: "unknown parameter" }] });
    expect(parse("f=,,")).toEqual({ view: DEFAULT_VIEW, dropped: [] });
  });

  it("normalises case, order, duplicates and whitespace", () => {
    const { view, dropped } = parse("f=Rocket,drone,rocket&cc=iq,IQ&claim=DENIED&atk=Iran&q=%20%20two%20%20%20words%20&src=%20The%20%20Times%20of%20Israel%20&mode=Window&chain=LINKED");
    expect(dropped).toEqual([]);
    expect(view).toMatchObject({ families: ["drone", "rocket"], countries: ["IQ"], claims: ["denied"], attackers: ["iran"], q: "two words", outlets: ["The Times of Israel"], mode: "window", chain: "linked" });
  });

  it("writes a full selection of a closed list as no filter", () => {
    expect(parse(`f=${FAMILIES.join(",")}&claim=${CLAIM_STATUSES.join(",")}`).view).toEqual(DEFAULT_VIEW);
  });

  it("rounds the camera (4 decimals, zoom 2, bearing 1) and wraps longitude and bearing", () => {
    expect(parse("c=33.123456,44.987654,5.126,90.04").view.camera).toEqual({ lat: 33.1235, lon: 44.9877, zoom: 5.13, bearing: 90 });
    expect(parse("c=0,180,3").view.camera).toEqual({ lat: 0, lon: -180, zoom: 3, bearing: 0 });
    expect(parse("c=0,179.99999,3,-180").view.camera).toEqual({ lat: 0, lon: -180, zoom: 3, bearing: 180 });
    expect(parse("c=-0.00001,-0.00001,0").view.camera).toEqual({ lat: 0, lon: 0, zoom: 0, bearing: 0 });
    expect(serializeView(parse("c=-0.00001,-0.00001,0").view)).toBe("c=0,0,0");
  });

  describe("drops bad or hostile parameters with a reason naming them, and keeps the rest", () => {
    const cases: [string, string, string][] = [
      ["unknown parameter", "colour=red&f=rocket", "colour"],
      ["unknown family", "f=laser", "f"],
      ["unknown claim status", "claim=maybe", "claim"],
      ["bad country code", "cc=IRQ", "cc"],
      ["malformed date", "from=yesterday", "from"],
      ["impossible date", "to=2021-02-30", "to"],
      ["reversed dates", "from=2020-02-01&to=2020-01-01", "from"],
      ["huge number", "minK=99999999999999999999", "minK"],
      ["exponent", "minK=1e3", "minK"],
      ["negative number", "minK=-5", "minK"],
      ["fraction", "speed=2.5", "speed"],
      ["speed zero", "speed=0", "speed"],
      ["speed too high", `speed=${MAX_SPEED + 1}`, "speed"],
      ["window of zero days", "mode=window&win=0", "win"],
      ["window too wide", `mode=window&win=${MAX_SLIDE_DAYS + 1}`, "win"],
      ["script as a chain to highlight", "hl=%3Cscript%3E", "hl"],
      ["camera out of range", "c=91,0,3", "c"],
      ["camera zoom too deep", "c=0,0,23", "c"],
      ["camera Infinity", "c=Infinity,0,3", "c"],
      ["camera NaN", "c=NaN,0,3", "c"],
      ["camera exponent", "c=1e308,0,3", "c"],
      ["camera hex", "c=0x10,0,3", "c"],
      ["camera too few parts", "c=1,2", "c"],
      ["camera too many parts", "c=1,2,3,4,5", "c"],
      ["unknown basemap", "bm=satellite", "bm"],
      ["unknown mode", "mode=sliding", "mode"],
      ["script in the search", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "q"],
      ["script as an event id", "ev=%3Cscript%3E", "ev"],
      ["quote in an actor id", "atk=iran%22%20onmouseover%3D%22x", "atk"],
      ["quote in an outlet", "src=%22Reason%22", "src"],
      ["script in a chain id", "chain=%3Cimg%20src%3Dx%3E", "chain"],
      ["control character", "q=a%00b", "q"],
      ["bidirectional override", "q=abc%E2%80%AEdef", "q"],
      ["overlong search", `q=${"a".repeat(MAX_QUERY_CHARS + 1)}`, "q"],
      ["10 KB value", `q=${"x".repeat(10_240)}`, "q"],
      ["10 KB list", `atk=${"a,".repeat(5_120)}`, "atk"],
      ["too many list items", `atk=${Array.from({ length: 60 }, (_, i) => `a${i}`).join(",")}`, "atk"],
      ["repeated key", "f=rocket&f=drone", "f"],
      ["script as a key", "%3Cscript%3E=1", "?script?"],
      ["10 KB key", `${"k".repeat(10_240)}=1`, "k".repeat(40)],
      ["right-to-left override in a key", "ab%E2%80%AEcd=1", "ab?cd"],
      ["invalid UTF-8 in the search, decoded leniently", "q=caf%E9", "q"],
    ];
    for (const [what, qs, name] of cases)
      it(what, () => {
        const { view, dropped } = parse(qs);
        expect(dropped.map((d) => d.param)).toContain(name);
        expect(() => View.parse(view)).not.toThrow();
        for (const d of dropped) {
          expect(d.reason.length).toBeLessThan(200);
          // Only short plain words are named back: no markup, no sentences.
          expect(d.reason).not.toMatch(/[<>]|script|onerror|OR '|x{25}/);
          expect(d.param.length).toBeLessThanOrEqual(40);
          expect(d.param).not.toMatch(/[<>"'\u202a-\u202e\u2066-\u2069\u200e\u200f\ufffd]/);
        }
        // What is left is canonical and harmless to put back in a page or a link.
        const again = serializeView(view);
        expect(again).not.toMatch(/[<>"'\s]/);
        expect(parse(again)).toEqual({ view, dropped: [] });
      });
  });

  it("keeps the good items of a list and names the bad ones", () => {
    const { view, dropped } = parse("f=rocket,laser,drone,%3Cb%3E");
    expect(view.families).toEqual(["drone", "rocket"]);
    expect(dropped).toEqual([{ param: "f", reason: 'unknown family: "laser" and 1 more' }]);
  });

  it("keeps the other parameters when one is dropped", () => {
    const { view } = parse("f=rocket&from=2020-13-01&ev=%3Cx%3E&q=kirkuk");
    expect(view).toEqual({ ...DEFAULT_VIEW, families: ["rocket"], q: "kirkuk" });
  });

  it("keeps the trailing window's width only in window mode, where it changes what shows", () => {
    expect(parse("mode=window&win=90").view.slideDays).toBe(90);
    expect(parse("win=90")).toEqual({ view: DEFAULT_VIEW, dropped: [] });
    expect(serializeView({ ...DEFAULT_VIEW, slideDays: 90 })).toBe("");
    expect(serializeView({ ...DEFAULT_VIEW, mode: "window", slideDays: 90 })).toBe("mode=window&win=90");
  });

  it("allows apostrophes and quotes in a search, which names need", () => {
    expect(parse("q=Kata'ib%20%22Hezbollah%22").view.q).toBe('Kata\'ib "Hezbollah"');
  });

  it("never throws, and always returns a valid view, whatever the input", () => {
    const r = rng(7);
    const names = [...Object.values(PARAM_NAMES), "x", "bbox", ""];
    const junk = ["", ",", "-", "1", "0", "-0", "1e9", "NaN", "null", "undefined", "%", "&", "=", "<", ">", "'", '"', "\u0000", "\uFFFF", "\uD800", "🚀", "é", "a", "2020-01-01", "iran", "rocket", ".", " "];
    for (let i = 0; i < 2000; i++) {
      const params = new URLSearchParams();
      for (let k = r.int(0, 6); k > 0; k--) params.append(r.pick(names), Array.from({ length: r.int(0, 8) }, () => r.pick(junk)).join(""));
      const { view } = parseView(params);
      expect(() => View.parse(view)).not.toThrow();
      // serialize(parse(x)) is canonical: it reads back as itself with nothing dropped.
      const canonical = serializeView(view);
      expect(parse(canonical)).toEqual({ view, dropped: [] });
      expect(serializeView(parse(canonical).view)).toBe(canonical);
    }
  });
});

describe("malformedUrl", () => {
  const at = (pathname: string, search = "") => malformedUrl({ pathname, search });
  it("names the path or the parameter whose percent-encoding is broken or not UTF-8", () => {
    for (const p of ["/api/events/%C0%AF", "/api/events/%FF", "/api/events/%", "/api/events/ok%E2%82", "/%zz"]) expect(at(p)?.param, p).toBe("path");
    expect(at("/api/events", "?q=%FF")?.param).toBe("q");
    expect(at("/api/events", "?f=rocket&q=ok%E2%82")?.param).toBe("q");
    expect(at("/api/events", "?from=%")?.param).toBe("from");
    expect(at("/", "?%E2%80%AE%FF=1")?.param).toBe("%E2%80%AE%FF");
    expect(at("/", "?%E2%80%AEx=%FF")?.param).toBe("?x");
  });
  it("accepts well-formed escapes, plus signs and empty pairs", () => {
    expect(at("/api/events/2020-01-03-soleimani-airstrike", "?q=caf%C3%A9+noir&&f=rocket&x")).toBeNull();
    expect(at("/api/events/%E2%82%AC")).toBeNull();
  });
});

describe("serializeView", () => {
  it("writes nothing for the default view", () => {
    expect(serializeView(DEFAULT_VIEW)).toBe("");
  });

  it("writes parameters in one order, short and readable, with defaults left out", () => {
    const v: View = {
      ...DEFAULT_VIEW,
      selected: "a-rockets",
      q: "Kata'ib, base",
      families: ["rocket", "drone", "rocket"],
      from: "2019-12-01",
      to: "2020-01-31",
      camera: { lat: 33.31234567, lon: 44.36, zoom: 6.255, bearing: 0 },
      outlets: ["The Times of Israel", "Reason"],
    };
    expect(serializeView(v)).toBe("from=2019-12-01&to=2020-01-31&f=drone,rocket&src=Reason,The%20Times%20of%20Israel&q=Kata%27ib,%20base&c=33.3123,44.36,6.26&ev=a-rockets");
  });

  it("gives equal views equal URLs", () => {
    const a: View = { ...DEFAULT_VIEW, families: ["rocket", "drone"], countries: ["SY", "IQ"], camera: { lat: 1.00001, lon: 2, zoom: 3, bearing: 360 } };
    const b: View = { ...DEFAULT_VIEW, families: ["drone", "rocket", "drone"], countries: ["IQ", "SY"], camera: { lat: 1, lon: 2, zoom: 3.001, bearing: 0 } };
    expect(serializeView(a)).toBe(serializeView(b));
  });

  it("round-trips every view: parse(serialize(v)) is v (normalised), through each way the page and server receive it", () => {
    const r = rng(42);
    for (let i = 0; i < 3000; i++) {
      const v = normalizeView(randomView(r));
      expect(() => View.parse(v)).not.toThrow();
      const qs = serializeView(v);
      expect(qs).not.toMatch(/[<>"'\s]/);
      expect(parse(qs)).toEqual({ view: v, dropped: [] });
      // As the browser hands it over (location.search) and as Next.js hands a page its searchParams.
      const fromUrl = new URL(`http://localhost/?${qs}`).searchParams;
      expect(parseView(fromUrl).view).toEqual(v);
      expect(parseView(Object.fromEntries(fromUrl)).view).toEqual(v);
      expect(serializeView(parseView(fromUrl).view)).toBe(qs);
    }
  });

  it("normalising twice changes nothing", () => {
    const r = rng(3);
    for (let i = 0; i < 500; i++) {
      const v = normalizeView(randomView(r));
      expect(normalizeView(v)).toEqual(v);
    }
  });

  it("stays well under a URL length limit even with every parameter set", () => {
    const r = rng(11);
    for (let i = 0; i < 200; i++) expect(serializeView(normalizeView(randomView(r))).length).toBeLessThan(4 * MAX_PARAM_CHARS);
  });
});

describe("viewToApiQuery", () => {
  it("keeps the filters and leaves out camera, basemap, playback and selection", () => {
    const { view } = parse("f=rocket&cc=IQ&q=base&c=1,2,3&bm=online&t=2020-01-01&mode=window&speed=7&ev=a-rockets&chain=linked&minK=2");
    expect(viewToApiQuery(view)).toBe("f=rocket&cc=IQ&chain=linked&minK=2&q=base");
    expect(viewToApiQuery(DEFAULT_VIEW)).toBe("");
  });
});

describe("isSameHistoryEntry", () => {
  it("is true when only the camera or the playback cursor moved", () => {
    const a: View = { ...DEFAULT_VIEW, families: ["rocket"] };
    expect(isSameHistoryEntry(a, { ...a, camera: { lat: 1, lon: 2, zoom: 3, bearing: 0 } })).toBe(true);
    expect(isSameHistoryEntry(a, { ...a, cursor: "2020-01-01" })).toBe(true);
    expect(isSameHistoryEntry(a, { ...a, families: ["rocket", "rocket"] })).toBe(true);
  });
  it("is false for a filter, selection, basemap or playback-mode change", () => {
    const a: View = { ...DEFAULT_VIEW };
    for (const b of [{ families: ["rocket" as const] }, { selected: "a" }, { highlight: "a" }, { basemap: "online" as const }, { mode: "window" as const }, { q: "x" }])
      expect(isSameHistoryEntry(a, { ...a, ...b })).toBe(false);
  });
});

describe("searchableText", () => {
  it("keeps what a search link can carry: no markup or control characters, at most MAX_QUERY_CHARS", () => {
    expect(searchableText("Kata'ib <b>Hezbollah</b>\u202e`")).toBe("Kata'ib bHezbollah/b");
    expect(searchableText("x".repeat(MAX_QUERY_CHARS + 5))).toHaveLength(MAX_QUERY_CHARS);
    for (const typed of ["a<script>b", "tab\there", "سليماني 🚀"]) expect(parse(`q=${encodeURIComponent(searchableText(typed))}`).dropped).toEqual([]);
  });
});

describe("notices", () => {
  it("name a rejected value only when it is a short plain word", () => {
    expect(parse("f=laser").dropped).toEqual([{ param: "f", reason: 'unknown family: "laser"' }]);
    expect(parse("from=yesterday").dropped).toEqual([{ param: "from", reason: 'not a date (YYYY-MM-DD): "yesterday"' }]);
    expect(parse("bm=satellite").dropped).toEqual([{ param: "bm", reason: 'expected offline or online: "satellite"' }]);
    expect(parse("ev=visit%20evil%20dot%20com").dropped).toEqual([{ param: "ev", reason: "not an event id" }]);
    expect(parse("f=a%20b,c%20d").dropped).toEqual([{ param: "f", reason: "unknown family (2 values)" }]);
    expect(parse("c=1,2").dropped).toEqual([{ param: "c", reason: 'expected "lat,lon,zoom[,bearing]" in decimal degrees' }]);
  });
});
