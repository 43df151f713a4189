import { connection } from "next/server";
import { env } from "@/lib/env";
import { parseView } from "@/lib/url-state";
import { ApiStrikeline } from "./components/ApiStrikeline";

export { generateShareMetadata as generateMetadata } from "./share-metadata";

/**
 * The map page, opened on the view its URL names (lib/url-state.ts). Rendered per request so that
 * STRIKELINE_BASEMAP_URL is read when the server starts, not frozen at build time; the data itself
 * is fetched by the client from /api.
 */
export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { view, dropped } = parseView(await searchParams);
  return <ApiStrikeline onlineStyleUrl={env().basemapUrl ?? null} initialView={view} dropped={dropped} />;
}
