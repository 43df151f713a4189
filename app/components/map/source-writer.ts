/**
 * Hands data to a GeoJSON source with at most one update in flight: while the worker is busy,
 * newer data replaces whatever was waiting, so a fast playback never queues stale frames and the
 * main thread never waits on the worker.
 */
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";

export class SourceWriter {
  private busy = false;
  private waiting: GeoJSON.GeoJSON | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly sourceId: string,
  ) {}

  set(data: GeoJSON.GeoJSON): void {
    if (this.busy) {
      this.waiting = data;
      return;
    }
    const source = this.map.getSource<GeoJSONSource>(this.sourceId);
    if (!source) return;
    this.busy = true;
    source
      .setData(data)
      .catch(() => undefined) // a map removed mid-update rejects; nothing to recover
      .finally(() => {
        this.busy = false;
        const next = this.waiting;
        this.waiting = null;
        if (next) this.set(next);
      });
  }
}
