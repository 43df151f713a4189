/**
 * Locates the project root from the working directory. Next.js bundles server modules, so
 * import.meta.url does not point into the source tree; both the server and the CLI run from the root.
 */
import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = process.cwd();
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && /"name":\s*"strikeline"/.test(fs.readFileSync(pkg, "utf8"))) {
      root = dir;
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("Run Strikeline from inside its project folder (package.json not found).");
    dir = up;
  }
}

export const fromRoot = (...parts: string[]) => path.join(projectRoot(), ...parts);
