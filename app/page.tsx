import { connection } from "next/server";
import { env } from "@/lib/env";
import { ApiStrikeline } from "./components/ApiStrikeline";

export { generateShareMetadata as generateMetadata } from "./share-metadata";

/**
 * The map page. Rendered per request so that STRIKELINE_BASEMAP_URL is read when the server
 * starts, not frozen at build time; the data itself is fetched by the client from /api.
 */
export default async function Home() {
  await connection();
  return <ApiStrikeline onlineStyleUrl={env().basemapUrl ?? null} />;
}
