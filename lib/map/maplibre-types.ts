/**
 * Style-spec types, derived from maplibre-gl's public API: the package does not re-export them,
 * and importing @maplibre/maplibre-gl-style-spec directly would lean on a transitive dependency.
 * Type-only, so pure modules can describe layers without loading maplibre.
 */
import type { Map as MapLibreMap } from "maplibre-gl";

export type StyleSpecification = ReturnType<MapLibreMap["getStyle"]>;
export type LayerSpecification = StyleSpecification["layers"][number];
export type SourceSpecification = StyleSpecification["sources"][string];
export type FontFacesSpecification = NonNullable<ReturnType<MapLibreMap["getFontFaces"]>>;
type CircleLayer = Extract<LayerSpecification, { type: "circle" }>;
export type ExpressionSpecification = Extract<NonNullable<NonNullable<CircleLayer["paint"]>["circle-radius"]>, unknown[]>;
