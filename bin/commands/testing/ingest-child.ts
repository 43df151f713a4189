/**
 * A folder ingest in a process of its own, for the fault tests to kill: the store from the
 * environment (STRIKELINE_DATA_DIR or DATABASE_URL), the real geocoder, progress on stderr as on a
 * terminal (one line per article, so the test knows where the run is), the JSON report on stdout,
 * then one line of store counts.
 *   tsx bin/commands/testing/ingest-child.ts <folder> [--seed]
 */
import { openStore } from "../../../db/client";
import { loadCurated, readCuratedFile } from "../../../db/seed";
import { getGeocoder } from "../../../geo";
import { ingestCommand } from "../ingest";
import { storeCounts } from "./counts";

const [folder, flag] = process.argv.slice(2);
const store = await openStore();
const g = await getGeocoder();
const geocode = (m: string, o?: Parameters<typeof g.geocode>[1]) => g.geocode(m, o);
if (flag === "--seed") await loadCurated(store.db, { dataset: readCuratedFile(), geocode, seedsDir: null });
const io = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s.replace(/\r/g, "\n")), isTTY: true };
const code = await ingestCommand({ paths: [folder!], json: true }, io, { store, geocode });
process.stdout.write(`${JSON.stringify(await storeCounts(store.db))}\n`);
await store.close();
process.exitCode = code;
