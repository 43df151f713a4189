/** Command-line helpers shared by the benchmarks that also run on their own (`npx tsx bench/x.ts --n 1000`). */
import { pathToFileURL } from "node:url";

/** True when the module at `url` is the script node was started with. */
export const isMain = (url: string) => Boolean(process.argv[1]) && url === pathToFileURL(process.argv[1]!).href;

/** The number after `--name`, or undefined. */
export function numberArg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}
