import { describe, expect, it } from "vitest";
import { SYNTH_ACTORS, SYNTH_PREFIX, synthesize, type SynthEvent, type SynthLink } from "./synth";

function all(n: number, seed = 1, batchSize?: number): { events: SynthEvent[]; links: SynthLink[]; batches: number } {
  const events: SynthEvent[] = [];
  const links: SynthLink[] = [];
  let batches = 0;
  for (const b of synthesize(n, { seed, batchSize })) {
    events.push(...b.events);
    links.push(...b.links);
    batches++;
  }
  return { events, links, batches };
}

describe("synthesize", () => {
  const { events, links } = all(20_000);
  const byId = new Map(events.map((e) => [e.id, e]));

  it("makes exactly n events with unique synthetic ids, the same for the same seed", () => {
    expect(events).toHaveLength(20_000);
    expect(byId.size).toBe(20_000);
    expect(events.every((e) => e.id.startsWith(SYNTH_PREFIX))).toBe(true);
    // Sequential generation: a smaller run is a prefix of a bigger one (up to its last, cut-off chain).
    expect(all(500).events.slice(0, 490)).toEqual(events.slice(0, 490));
    expect(all(500, 2).events[0]).not.toEqual(all(500, 1).events[0]);
  });

  it("batches without losing or reordering anything, links in the batch of their events", () => {
    const small = all(5_000, 3, 700);
    expect(small.batches).toBeGreaterThan(5);
    expect(small.events).toEqual(all(5_000, 3, 100_000).events);
    let seen = new Set<string>();
    for (const b of synthesize(5_000, { seed: 3, batchSize: 700 })) {
      seen = new Set([...seen, ...b.events.map((e) => e.id)]);
      for (const l of b.links) expect(seen.has(l.from) && seen.has(l.to)).toBe(true);
    }
  });

  it("writes valid rows: dates in order, known actors, casualty ranges, coordinates on the map", () => {
    const actors = new Set<string>(SYNTH_ACTORS);
    for (const e of events) {
      expect(e.dateStart <= e.dateEnd).toBe(true);
      expect(actors.has(e.attacker) && actors.has(e.target)).toBe(true);
      if (e.killedHigh !== null) expect(e.killedLow! <= e.killedHigh).toBe(true);
      expect(Math.abs(e.lat)).toBeLessThan(85);
      expect(Math.abs(e.lon)).toBeLessThan(180);
    }
  });

  it("chains are replies: the target strikes back within ten days", () => {
    expect(links.length / events.length).toBeGreaterThan(0.15);
    for (const l of links) {
      const [a, b] = [byId.get(l.from)!, byId.get(l.to)!];
      expect(b.attacker).toBe(a.target);
      expect(b.target).toBe(a.attacker);
      expect(l.delayDays).toBeGreaterThanOrEqual(1);
      expect(l.delayDays).toBeLessThanOrEqual(10);
    }
  });

  it("is clustered in space and time like conflict data, not spread evenly", () => {
    const share = (key: (e: SynthEvent) => string, top: number) => {
      const counts = new Map<string, number>();
      for (const e of events) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
      const sorted = [...counts.values()].sort((a, b) => b - a);
      return { cells: counts.size, topShare: sorted.slice(0, Math.ceil(counts.size * top)).reduce((s, c) => s + c, 0) / events.length };
    };
    // A tenth of the occupied 0.1° cells holds most events.
    expect(share((e) => `${Math.floor(e.lon * 10)},${Math.floor(e.lat * 10)}`, 0.1).topShare).toBeGreaterThan(0.5);
    // A fifth of the active weeks holds about half of the events (uniform would give a fifth).
    expect(share((e) => e.dateStart.slice(0, 8) + Math.floor(Number(e.dateStart.slice(8)) / 7), 0.2).topShare).toBeGreaterThan(0.35);
    const killed = events.map((e) => e.killedHigh).filter((k): k is number => k !== null);
    expect(killed.length / events.length).toBeGreaterThan(0.3);
    expect(Math.max(...killed.slice(0, 10_000))).toBeGreaterThan(20);
  });
});
