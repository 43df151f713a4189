/**
 * Checks the hand-curated seed dataset (data/seed/curated.json) against the schema, against itself,
 * and, where the seed articles are present, against the articles it points into.
 *
 * Publication dates assumed for the seeds (the seeds README only gives approximations):
 *  - 000 (news timeline, outlet not named in the text): 2024-01-05. Its latest section is January 2024
 *    and the last events it tells are the Beirut blast and the Baghdad drone strike of early January;
 *    nothing later is mentioned, so "shortly after those" is assumed.
 *  - 001 (The Wall Street Journal): 2023-04-14. The Times of Israel (002) calls it "a Friday report";
 *    it puts the Lebanon barrage of Thursday 2023-04-06 in "last week", so the Friday is 2023-04-14.
 *  - 002 (The Times of Israel): 2023-04-14. Same day as the Journal report it relays: it calls the
 *    Apr 6 salvo "last Thursday" and Nasrallah's Quds Day speech (Friday, 2023-04-14) "on Friday".
 *  - 003 (Reason): 2020-05-01. The body speaks of March 2020 in the past tense; the reader comments
 *    (never used as evidence) refer to early May 2020 and say "it's not even June". Estimate.
 *  - 004 (Defense Department release): 2020-01-03, the day after the "last night" strike.
 */
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CuratedDataset } from "../../lib/curated";

const here = path.dirname(fileURLToPath(import.meta.url));
const raw: unknown = JSON.parse(fs.readFileSync(path.join(here, "curated.json"), "utf8"));
const parsed = CuratedDataset.safeParse(raw);
const data = parsed.success ? parsed.data : { actors: [], events: [], links: [] };

const seedsDir = path.resolve(here, "../../../shared/seeds");
const haveSeeds = fs.existsSync(seedsDir);

const PUBLISHED: Record<string, string> = {
  "000_c76cc9ab52ae33f2.txt": "2024-01-05",
  "001_432aca89a75e0aea.txt": "2023-04-14",
  "002_409da1cd2e85d3ac.txt": "2023-04-14",
  "003_c2058a2089b12275.txt": "2020-05-01",
  "004_bea0a350ea7accdb.txt": "2020-01-03",
};

/**
 * Where the article body ends (page chrome / reader comments follow) or starts (site chrome before),
 * and which lines are photo captions or page chrome. Markers are short chrome labels, not article prose.
 */
const LAYOUT: Record<string, { bodyFrom?: string; bodyUntil?: string; chromeLine?: RegExp }> = {
  "001_432aca89a75e0aea.txt": { bodyUntil: "Read more on the original" },
  "002_409da1cd2e85d3ac.txt": {
    bodyUntil: "Most Popular",
    chromeLine: /\((AP Photo|ImageSat International|Twitter photo)/,
  },
  // Reason: the reader-comment thread begins after the "NEXT:" teaser and the editor's note.
  "003_c2058a2089b12275.txt": { bodyUntil: "NEXT: Brickbat" },
  "004_bea0a350ea7accdb.txt": {
    bodyFrom: "DOD Webmaster",
    bodyUntil: "Related Stories",
    chromeLine: /Photo By:|VIRIN:|Marine|^(Standing|Night) Watch\s*$/,
  },
};
const REASON = "003_c2058a2089b12275.txt";

const seedText = new Map<string, string>();
function text(seed: string): string {
  let t = seedText.get(seed);
  if (t === undefined) {
    t = fs.readFileSync(path.join(seedsDir, seed), "utf8");
    seedText.set(seed, t);
  }
  return t;
}

type Span = { start: number; end: number };
/** Every evidence span in the dataset, with where it is used. */
function allSpans(): { seed: string; span: Span; where: string }[] {
  const out: { seed: string; span: Span; where: string }[] = [];
  for (const e of data.events)
    for (const s of e.sources) for (const span of s.evidence) out.push({ seed: s.seed, span, where: e.id });
  for (const l of data.links)
    if (l.evidence) out.push({ seed: l.evidence.seed, span: l.evidence.span, where: `${l.from} -> ${l.to}` });
  return out;
}

const words = (s: string): string[] => s.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [];
function ngrams(ws: string[], n: number): Set<string> {
  const g = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) g.add(ws.slice(i, i + n).join(" "));
  return g;
}
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe("curated seed dataset", () => {
  it("parses with the CuratedDataset schema", () => {
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 5), null, 2));
    expect(data.events.length).toBeGreaterThanOrEqual(20);
  });

  it("has unique ids and consistent references", () => {
    const actorIds = new Set(data.actors.map((a) => a.id));
    const eventIds = new Set(data.events.map((e) => e.id));
    expect(actorIds.size).toBe(data.actors.length);
    expect(eventIds.size).toBe(data.events.length);
    for (const a of data.actors) if (a.parent) expect(actorIds, `${a.id} parent`).toContain(a.parent);
    // no parent cycles
    const parentOf = new Map(data.actors.map((a) => [a.id, a.parent]));
    for (const a of data.actors) {
      const seen = new Set<string>();
      for (let p: string | undefined = a.id; p; p = parentOf.get(p)) {
        expect(seen.has(p), `cycle at ${a.id}`).toBe(false);
        seen.add(p);
      }
    }
    const colors = data.actors.map((a) => a.color?.toLowerCase()).filter(Boolean);
    expect(new Set(colors).size, "actor colours distinct").toBe(colors.length);
    for (const e of data.events) {
      expect(actorIds, `${e.id} attacker`).toContain(e.attacker);
      expect(actorIds, `${e.id} target`).toContain(e.target);
      expect(e.attacker, `${e.id} attacker = target`).not.toBe(e.target);
    }
    const pairs = new Set<string>();
    for (const l of data.links) {
      expect(eventIds, `link from ${l.from}`).toContain(l.from);
      expect(eventIds, `link to ${l.to}`).toContain(l.to);
      expect(pairs.has(`${l.from}>${l.to}`), `duplicate link ${l.from}>${l.to}`).toBe(false);
      pairs.add(`${l.from}>${l.to}`);
    }
  });

  it("has coherent dates and precisions", () => {
    for (const e of data.events) {
      const end = e.dateEnd ?? e.dateStart;
      expect(end >= e.dateStart, `${e.id} dateEnd before dateStart`).toBe(true);
      if (e.datePrecision === "day") expect(end, `${e.id}: day precision`).toBe(e.dateStart);
      else expect(e.dateEnd, `${e.id}: ${e.datePrecision} precision needs dateEnd`).toBeDefined();
      if (e.datePrecision === "week") expect(days(e.dateStart, end), `${e.id} week`).toBeLessThanOrEqual(7);
      if (e.datePrecision === "month") {
        expect(e.dateStart.endsWith("-01"), `${e.id} month start`).toBe(true);
        const [y, m] = e.dateStart.split("-").map(Number) as [number, number];
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        expect(end, `${e.id} month end`).toBe(last);
      }
    }
    // a link points forward in time (or to an overlapping window)
    const byId = new Map(data.events.map((e) => [e.id, e]));
    for (const l of data.links) {
      const a = byId.get(l.from)!;
      const b = byId.get(l.to)!;
      expect((b.dateEnd ?? b.dateStart) >= a.dateStart, `${l.from} -> ${l.to} goes back in time`).toBe(true);
    }
  });

  it("records the assumed publication date and one entry per seed for each source", () => {
    for (const e of data.events) {
      const seeds = e.sources.map((s) => s.seed);
      expect(new Set(seeds).size, `${e.id} repeats a seed`).toBe(seeds.length);
      for (const s of e.sources) {
        expect(PUBLISHED[s.seed], `${e.id}: unknown seed ${s.seed}`).toBeDefined();
        expect(s.published, `${e.id} ${s.seed}`).toBe(PUBLISHED[s.seed]);
        // an event cannot be reported before it happened
        expect(e.dateStart <= s.published, `${e.id} starts after ${s.seed} was published`).toBe(true);
        expect((e.dateEnd ?? e.dateStart) <= s.published, `${e.id} ends after ${s.seed} was published`).toBe(true);
      }
    }
  });

  it("lists all five seeds for the Soleimani strike and spans Dec 2019 to Jan 2024", () => {
    const sol = data.events.find((e) => e.id === "2020-01-03-soleimani-airstrike");
    expect(sol).toBeDefined();
    expect(new Set(sol!.sources.map((s) => s.seed)).size).toBe(5);
    expect(sol!.dateStart).toBe("2020-01-03");
    const starts = data.events.map((e) => e.dateStart).sort();
    expect(starts[0]?.slice(0, 7)).toBe("2019-12");
    expect(starts[starts.length - 1]?.slice(0, 7)).toBe("2024-01");
  });

  describe.skipIf(!haveSeeds)("against the seed articles", () => {
    it("has every seed file it names", () => {
      for (const { seed } of allSpans()) expect(fs.existsSync(path.join(seedsDir, seed)), seed).toBe(true);
    });

    it("keeps evidence spans inside the file and on sentence boundaries", () => {
      for (const { seed, span, where } of allSpans()) {
        const t = text(seed);
        expect(span.end, `${where}: span past end of ${seed}`).toBeLessThanOrEqual(t.length);
        let i = span.start;
        while (i > 0 && (t[i - 1] === " " || t[i - 1] === "\t")) i--;
        const before = i === 0 ? "\n" : t[i - 1]!;
        expect(/[\n.!?"”’:)]/.test(before), `${where}: ${seed}@${span.start} starts mid-sentence`).toBe(true);
        expect(/\s/.test(t[span.start]!), `${where}: starts on whitespace`).toBe(false);
        const last = t[span.end - 1]!;
        const after = t[span.end];
        expect(/[.!?"”’:]/.test(last) || after === undefined || after === "\n", `${where}: ${seed}@${span.end} ends mid-sentence`).toBe(true);
        expect(after === undefined || /\s/.test(after), `${where}: ${seed}@${span.end} ends inside a word`).toBe(true);
      }
    });

    it("never cites page chrome, photo captions or the Reason comment thread", () => {
      const reason = text(REASON);
      const commentsAt = reason.indexOf("We invite comments");
      const teaserAt = reason.indexOf("NEXT: Brickbat");
      expect(commentsAt).toBeGreaterThan(0);
      expect(teaserAt).toBeGreaterThan(0);
      expect(teaserAt).toBeLessThan(commentsAt);
      for (const { seed, span, where } of allSpans()) {
        const t = text(seed);
        if (seed === REASON) expect(span.end, `${where}: cites the Reason comments`).toBeLessThan(commentsAt);
        const lay = LAYOUT[seed];
        if (!lay) continue;
        if (lay.bodyUntil) {
          const at = t.indexOf(lay.bodyUntil);
          expect(at, `${seed}: marker ${lay.bodyUntil}`).toBeGreaterThan(0);
          expect(span.end, `${where}: after the body of ${seed}`).toBeLessThanOrEqual(at);
        }
        if (lay.bodyFrom) {
          const at = t.indexOf(lay.bodyFrom);
          expect(at, `${seed}: marker ${lay.bodyFrom}`).toBeGreaterThan(0);
          expect(span.start, `${where}: before the body of ${seed}`).toBeGreaterThan(t.indexOf("\n", at));
        }
        if (lay.chromeLine) {
          let off = 0;
          for (const line of t.split("\n")) {
            const ls = off;
            const le = off + line.length;
            off = le + 1;
            if (!lay.chromeLine.test(line)) continue;
            const overlaps = span.start < le && span.end > ls;
            expect(overlaps, `${where}: cites a caption/chrome line of ${seed} at ${ls}`).toBe(false);
          }
        }
      }
    });

    it("copies no 12-word run of any seed into the dataset", () => {
      const seedGrams = new Set<string>();
      for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")))
        for (const g of ngrams(words(text(f)), 12)) seedGrams.add(g);
      const ours = strings(raw).join(" \u0000 ").split("\u0000");
      for (const s of ours) for (const g of ngrams(words(s), 12)) expect(seedGrams.has(g), `copied: "${g}"`).toBe(false);
    });

    it("writes titles and notes in its own words (no 8-word run from a seed)", () => {
      const seedGrams = new Set<string>();
      for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")))
        for (const g of ngrams(words(text(f)), 8)) seedGrams.add(g);
      const prose = [
        ...data.events.flatMap((e) => [e.title, e.note, e.targetLabel ?? ""]),
        ...data.links.map((l) => l.note),
      ];
      for (const s of prose) for (const g of ngrams(words(s), 8)) expect(seedGrams.has(g), `copied: "${g}"`).toBe(false);
    });
  });
});
