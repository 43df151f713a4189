/**
 * Creates a file only if no file of that name exists, and never lets it be seen half-written.
 *
 * Why not `writeFileSync(file, text, { flag: "wx" })`: that creates the file empty and then fills
 * it, so another process that loses the race and reads the file in between sees nothing (a lock
 * that names no holder, a token that is no token) and acts on it. Here the text is written to a
 * file of this process's own and hard-linked to the name, which fails with EEXIST if the name
 * exists; whoever sees the file sees all of it.
 */
import fs from "node:fs";

export function createExclusive(file: string, text: string, mode = 0o666): void {
  const own = `${file}.${process.pid}.new`;
  fs.writeFileSync(own, text, { mode });
  try {
    fs.linkSync(own, file);
  } finally {
    fs.rmSync(own, { force: true });
  }
}
