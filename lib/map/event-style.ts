/**
 * How one event looks, as numbers and strings the layers read from feature properties:
 * colour by attacker, radius by casualties, a family pictogram, a mark for places at sea and
 * an area for places known only roughly.
 */
import type { EventFeature, EventProperties } from "../api";
import type { ClaimStatus, Family, GeoPrecision, LinkKind } from "../schema";

export const UNKNOWN_ATTACKER_COLOR = "#6b7280";

export const FAMILY_LABEL: Record<Family, string> = {
  airstrike: "Air strike",
  drone: "Drone strike",
  missile: "Missile attack",
  rocket: "Rocket attack",
  artillery: "Artillery",
  bombing: "Bombing",
  assassination: "Assassination",
  maritime: "Maritime attack",
  riot: "Riot or storming",
  ground: "Ground assault",
  meeting: "Meeting",
};

export const CLAIM_LABEL: Record<ClaimStatus, string> = {
  claimed: "Claimed by the attacker",
  attributed: "Attributed by others, not claimed",
  denied: "Denied by the presumed attacker",
  declined: "The presumed attacker declined to comment",
  unknown: "Nobody is reported to have claimed it",
};

export const LINK_KIND_LABEL: Record<LinkKind, string> = {
  retaliation: "retaliation",
  response: "response",
  escalation: "escalation",
};

export const GEO_PRECISION_LABEL: Record<GeoPrecision, string> = {
  1: "exact site or town",
  2: "near a town or part of a region",
  3: "region or province",
  4: "country only",
};

/** Casualties as the highest figure any source gives, killed and injured together. */
export function casualties(p: Pick<EventProperties, "killed" | "injured">): number {
  return (p.killed?.high ?? 0) + (p.injured?.high ?? 0);
}

/** Disc radius in pixels: 6 with no casualties, growing with the logarithm so a massacre does not cover a country. */
export function eventRadius(p: Pick<EventProperties, "killed" | "injured">): number {
  return Math.min(22, 6 + 2.5 * Math.log2(1 + casualties(p)));
}

export const isAtSea = (p: Pick<EventProperties, "placeKind">) => p.placeKind === "sea";

/** An uncertainty area is drawn when the place is not a site or town and the geocoder gave its size. */
export function uncertaintyKm(p: Pick<EventProperties, "geoPrecision" | "areaKm">): number | null {
  return p.geoPrecision >= 2 && p.areaKm !== null && p.areaKm > 0 ? p.areaKm : null;
}

/** The few properties the map layers need; the rest stays in the page's index. */
export type EventPointProperties = {
  id: string;
  family: Family;
  color: string;
  r: number;
  sea: boolean;
  chain: string;
};

export function pointProperties(e: EventFeature): EventPointProperties {
  const p = e.properties;
  return {
    id: e.id,
    family: p.family,
    color: p.attackerColor ?? UNKNOWN_ATTACKER_COLOR,
    r: Math.round(eventRadius(p) * 10) / 10,
    sea: isAtSea(p),
    chain: p.chainId ?? "",
  };
}
