"use client";
/**
 * The page with generated data, for the scale bench (bench/browser-scrub.ts): `?n=100000` makes
 * that many synthetic events in the browser; `?fixture` shows the small hand-made sample.
 * It talks to no API, so it measures the page alone.
 */
import { useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import type { EventDetail } from "@/lib/api";
import { SAMPLE_EVENTS, SAMPLE_LINKS, sampleDetail } from "@/lib/map/fixtures/sample";
import { syntheticData } from "@/lib/map/synthetic";
import { StrikelineApp } from "../components/StrikelineApp";

const MAX_N = 1_000_000;

function Bench() {
  const params = useSearchParams();
  const fixture = params.has("fixture");
  const n = Math.min(MAX_N, Math.max(0, Math.floor(Number(params.get("n") ?? 1000)) || 0));
  const data = useMemo(() => (fixture ? { events: SAMPLE_EVENTS, links: SAMPLE_LINKS } : syntheticData(n)), [fixture, n]);
  const byId = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data]);
  const loadDetail = useMemo(
    () =>
      async (id: string): Promise<EventDetail> => {
        const sample = sampleDetail(id);
        if (sample) return sample;
        const event = byId.get(id);
        if (!event) throw new Error(`no event ${id}`);
        const links = data.links;
        return { event, sources: [], alternatives: [], previous: links.filter((l) => l.to === id), next: links.filter((l) => l.from === id) };
      },
    [byId, data],
  );
  return <StrikelineApp data={data} loadDetail={loadDetail} onlineStyleUrl={null} />;
}

export default function BenchPage() {
  return (
    <Suspense>
      <Bench />
    </Suspense>
  );
}
