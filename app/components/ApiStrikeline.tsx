"use client";
/**
 * Loads events and links from the app's own API, checks their shape, and shows the page with the
 * view its URL asked for; what the URL asked for and could not be used is named in a notice
 * straight away, before the data arrives. A store larger than FULL_LOAD_LIMIT is never sent
 * whole: ScaleStrikeline asks for it per view.
 */
import { useCallback, useEffect, useState } from "react";
import { AggregateOut, EventCollection, EventDetail, LinkList } from "@/lib/api";
import { FULL_LOAD_LIMIT } from "@/lib/map/scale-layers";
import { STYLE_URL } from "@/lib/map/style";
import type { Dropped, View } from "@/lib/url-state";
import { DroppedNotice } from "./DroppedNotice";
import { ScaleStrikeline } from "./ScaleStrikeline";
import { StrikelineApp, type StrikelineData } from "./StrikelineApp";
import { getJson } from "./get-json";
import { mapStart, prepareMap } from "./map/boot";

/** The whole store when it is small enough to filter and play back in memory; only its size otherwise. */
async function loadData(signal?: AbortSignal): Promise<StrikelineData | { total: number }> {
  // An empty box: the store's size alone, at the cost of a count.
  const { total } = AggregateOut.parse(await getJson("/api/aggregates?bbox=0,0,0,0&zoom=0", signal)).counts;
  if (total > FULL_LOAD_LIMIT) return { total };
  const [events, links] = await Promise.all([getJson("/api/events", signal), getJson("/api/links", signal)]);
  return { events: EventCollection.parse(events).features, links: LinkList.parse(links).links };
}

async function loadDetail(id: string, signal: AbortSignal): Promise<EventDetail> {
  return EventDetail.parse(await getJson(`/api/events/${encodeURIComponent(id)}`, signal));
}

type Props = {
  onlineStyleUrl: string | null;
  /** parseView of the page's URL, read on the server. */
  initialView: View;
  dropped: readonly Dropped[];
  embed?: boolean;
};

export function ApiStrikeline({ onlineStyleUrl, initialView, dropped, embed = false }: Props) {
  const [data, setData] = useState<StrikelineData | { total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The map starts loading now, beside the data: it is the slower of the two (map/boot.ts).
  useEffect(() => {
    prepareMap(mapStart(initialView.basemap === "online" && onlineStyleUrl ? onlineStyleUrl : STYLE_URL, initialView.camera));
  }, []);
  useEffect(() => {
    const ctrl = new AbortController();
    loadData(ctrl.signal).then(setData, (e: unknown) => ctrl.signal.aborted || setError(e instanceof Error ? e.message : String(e)));
    return () => ctrl.abort();
  }, [attempt]);
  // After a write (a report added, an override or its undo) the page shows the store's new state
  // in place: the map, the list and the filters' choices follow without a reload.
  const reload = useCallback(async () => setData(await loadData()), []);
  // A new identity per data load, so an open event panel fetches its details again.
  const detail = useCallback((id: string, signal: AbortSignal) => loadDetail(id, signal), [data]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((a) => a + 1);
  }, []);

  return (
    <>
      <DroppedNotice dropped={dropped} />
      {error ? (
        <div className="status" role="alert">
          <p>Could not load the events: {error}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      ) : !data ? (
        <div className="status" role="status">
          Loading events…
        </div>
      ) : "total" in data ? (
        <ScaleStrikeline initialView={initialView} total={data.total} />
      ) : (
        <StrikelineApp data={data} loadDetail={detail} onDataChanged={embed ? undefined : reload} onlineStyleUrl={onlineStyleUrl} initialView={initialView} embed={embed} />
      )}
    </>
  );
}
