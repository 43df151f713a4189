/**
 * The in-memory gazetteer: loads geo/build/ (building it first when missing or stale) and answers
 * key lookups. Files are found from process.cwd(), which is the repository root both under tsx and
 * in a Next.js route handler, where import.meta.url points into the bundle instead.
 */
import fs from "node:fs";
import path from "node:path";
import { PLACE_KINDS, type GeoPrecision } from "../lib/schema";
import { IndexHeader, INDEX_FILE, SHAPES_FILE, ShapesHeader, type IndexFile, type ShapesFile } from "./index-format";
import { skeletonKey } from "./normalize";
import type { GazRecord } from "./record";
import { GEO_SOURCES, type AreaGeometry } from "./result";

/** A gazetteer record as the loaded index holds it: no aliases (they are keys) and no shape (loaded lazily). */
export type Place = Omit<GazRecord, "aliases" | "shape"> & {
  id: number;
  /** The normalised primary name: a match on it is stronger than one on an alias. */
  primaryKey: string;
};

/** Whether `key` is the place's own name, not an alias: "new york" is New York City's own short name. */
export function bearsName(p: Place, key: string): boolean {
  return p.primaryKey === key || p.primaryKey === `${key} city`;
}

export class Gazetteer {
  private bySkeleton: Map<string, number[]> | undefined;
  private seaIds: number[] | undefined;
  private shapes: ShapesFile | undefined;
  private readonly countryIds = new Map<string, number>();

  constructor(
    private readonly ix: IndexFile,
    private readonly shapesPath: string,
  ) {
    const countryKind = PLACE_KINDS.indexOf("country");
    ix.kind.forEach((k, id) => {
      const iso = ix.country[id];
      if (k === countryKind && iso) this.countryIds.set(iso, id);
    });
  }

  get size(): number {
    return this.ix.name.length;
  }

  place(id: number): Place {
    const ix = this.ix;
    return {
      id,
      name: ix.name[id] ?? "",
      lat: ix.lat[id] ?? 0,
      lon: ix.lon[id] ?? 0,
      kind: PLACE_KINDS[ix.kind[id] ?? 0] ?? "town",
      country: ix.country[id] || null,
      admin1: ix.admin1[id] || null,
      source: GEO_SOURCES[ix.source[id] ?? 0] ?? "geonames",
      prior: ix.prior[id] ?? 0,
      radiusKm: ix.radius[id] ?? 0,
      precision: (ix.precision[id] ?? 1) as GeoPrecision,
      primaryKey: ix.keyList[ix.primary[id] ?? -1] ?? "",
    };
  }

  /** Ids of places indexed under an exact normalised key (binary search of the sorted key list). */
  lookup(key: string): readonly number[] {
    const keys = this.ix.keyList;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] ?? "";
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return this.ix.postings.slice(this.ix.keyStart[mid] ?? 0, this.ix.keyStart[mid + 1] ?? 0);
    }
    return [];
  }

  /**
   * Ids of places whose primary name has this consonant skeleton. Built on first use: most runs
   * never need the loose match, and building it costs a few hundred milliseconds.
   */
  lookupSkeleton(skeleton: string): readonly number[] {
    if (!this.bySkeleton) {
      const map = new Map<string, number[]>();
      for (let id = 0; id < this.size; id++) {
        const primary = this.place(id).primaryKey;
        if (primary.length < 4) continue;
        const s = skeletonKey(primary);
        const ids = map.get(s);
        if (ids) ids.push(id);
        else map.set(s, [id]);
      }
      this.bySkeleton = map;
    }
    return this.bySkeleton.get(skeleton) ?? [];
  }

  /** Every named water body (seas, gulfs, straits, oceans), for "off the coast of X". */
  seas(): Place[] {
    if (!this.seaIds) {
      const sea = PLACE_KINDS.indexOf("sea");
      this.seaIds = [];
      this.ix.kind.forEach((k, id) => {
        if (k === sea) this.seaIds?.push(id);
      });
    }
    return this.seaIds.map((id) => this.place(id));
  }

  countryPlace(iso: string): Place | undefined {
    const id = this.countryIds.get(iso);
    return id === undefined ? undefined : this.place(id);
  }

  admin1Area(country: string, admin1: string): { lat: number; lon: number; radiusKm: number } | undefined {
    const s = this.ix.admin1Stats[`${country}.${admin1}`];
    return s && { lat: s[0], lon: s[1], radiusKm: s[2] };
  }

  private loadShapes(): ShapesFile {
    if (!this.shapes) {
      const raw: unknown = JSON.parse(fs.readFileSync(this.shapesPath, "utf8"));
      ShapesHeader.parse(raw);
      this.shapes = raw as ShapesFile;
    }
    return this.shapes;
  }

  /** The polygon of a country, state or curated area; loaded on first use to keep startup fast. */
  shape(id: number): AreaGeometry | undefined {
    return this.loadShapes().places[String(id)];
  }

  land(): AreaGeometry {
    return this.loadShapes().land;
  }
}

/** Reads the prebuilt index; returns undefined when it is missing or from another version. */
function readIndex(file: string): IndexFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  const raw: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  return IndexHeader.safeParse(raw).success ? (raw as IndexFile) : undefined;
}

export async function loadGazetteer(root: string = process.cwd()): Promise<Gazetteer> {
  const indexPath = path.join(root, INDEX_FILE);
  let ix = readIndex(indexPath);
  if (!ix) {
    // Imported lazily: the builder pulls in Turf and the raw data packages, which a normal load never needs.
    const { buildIndex } = await import("./build-index");
    process.stderr.write("geo: building the gazetteer index (run `npx tsx geo/build-index.ts` at install to skip this)\n");
    buildIndex(root);
    ix = readIndex(indexPath);
    if (!ix) throw new Error(`geo: could not build ${indexPath}`);
  }
  return new Gazetteer(ix, path.join(root, SHAPES_FILE));
}
