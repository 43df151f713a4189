/**
 * Named waters of the region, curated by hand because no npm package ships named sea polygons.
 *
 * Names follow the IHO's "Limits of Oceans and Seas" (S-23, 1953) as used by Natural Earth's
 * marine areas, in their common English form. Every position was placed by Strikeline inside the
 * water body (lon, lat, WGS84) and is checked at build time against the Natural Earth 10m land
 * (scripts/build-basemap.ts fails when a sea label falls on land).
 *
 * A line places the name along the axis of a long, narrow water; a point centres it.
 * `minzoom` keeps straits and small gulfs off the overview, where they would crowd the big seas.
 */
export type NamedWater = {
  name: string;
  kind: "ocean" | "sea" | "gulf" | "strait" | "lake";
  minzoom: number;
  geometry: { type: "Point"; coordinates: [number, number] } | { type: "LineString"; coordinates: [number, number][] };
};

const point = (lon: number, lat: number) => ({ type: "Point" as const, coordinates: [lon, lat] as [number, number] });
const line = (...coordinates: [number, number][]) => ({ type: "LineString" as const, coordinates });

export const NAMED_WATERS: readonly NamedWater[] = [
  { name: "Indian Ocean", kind: "ocean", minzoom: 2, geometry: point(68.0, 6.0) },
  { name: "Mediterranean Sea", kind: "sea", minzoom: 2, geometry: point(18.5, 34.2) },
  { name: "Arabian Sea", kind: "sea", minzoom: 2, geometry: point(64.0, 16.0) },
  { name: "Black Sea", kind: "sea", minzoom: 2, geometry: point(34.5, 43.2) },
  { name: "Caspian Sea", kind: "sea", minzoom: 2, geometry: point(50.9, 42.0) },
  { name: "Red Sea", kind: "sea", minzoom: 2, geometry: line([35.6, 24.9], [37.6, 21.6], [39.9, 17.9]) },
  { name: "Persian Gulf", kind: "gulf", minzoom: 2, geometry: line([49.7, 28.3], [51.4, 27.0], [53.2, 25.9]) },
  { name: "Gulf of Oman", kind: "gulf", minzoom: 3, geometry: point(58.8, 24.6) },
  { name: "Gulf of Aden", kind: "gulf", minzoom: 3, geometry: point(48.0, 12.6) },
  { name: "Levantine Sea", kind: "sea", minzoom: 5, geometry: point(31.5, 33.4) },
  { name: "Aegean Sea", kind: "sea", minzoom: 4, geometry: point(25.3, 38.4) },
  { name: "Ionian Sea", kind: "sea", minzoom: 4, geometry: point(19.0, 37.5) },
  { name: "Sea of Marmara", kind: "sea", minzoom: 6, geometry: point(28.0, 40.75) },
  { name: "Strait of Hormuz", kind: "strait", minzoom: 6, geometry: point(56.55, 26.55) },
  { name: "Bab-el-Mandeb", kind: "strait", minzoom: 6, geometry: point(43.35, 12.6) },
  { name: "Gulf of Suez", kind: "gulf", minzoom: 6, geometry: line([32.7, 29.5], [33.4, 28.3]) },
  { name: "Gulf of Aqaba", kind: "gulf", minzoom: 6, geometry: line([34.85, 29.2], [34.55, 28.3]) },
  { name: "Gulf of Bahrain", kind: "gulf", minzoom: 7, geometry: point(50.75, 25.6) },
  { name: "Dead Sea", kind: "lake", minzoom: 7, geometry: point(35.5, 31.45) },
  { name: "Sea of Galilee", kind: "lake", minzoom: 8, geometry: point(35.59, 32.82) },
  { name: "Lake Van", kind: "lake", minzoom: 6, geometry: point(42.95, 38.62) },
  { name: "Lake Urmia", kind: "lake", minzoom: 6, geometry: point(45.45, 37.7) },
];
