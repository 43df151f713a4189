/**
 * What a command reads and writes on disk, behind one seam: the CLI uses the local disk; a server
 * running a command for a CLI beside it (bin/remote.ts) uses what that CLI read and sent instead.
 */
import fs from "node:fs";
import { MAX_OVERRIDES_FILE_BYTES } from "./overrides";
import { expandInputs, readArticleFile } from "./pipeline/read-file";

export type CommandFiles = {
  expand: typeof expandInputs;
  readArticle: typeof readArticleFile;
  readText: (file: string) => string;
  writeText: (file: string, text: string) => void;
};

export const localFiles: CommandFiles = {
  expand: expandInputs,
  readArticle: readArticleFile,
  readText: (file) => {
    // Size first: a huge file is refused before it is read (issue 14).
    const size = fs.statSync(file).size;
    if (size > MAX_OVERRIDES_FILE_BYTES) throw new Error(`${(size / 1048576).toFixed(1)} MB is over the ${MAX_OVERRIDES_FILE_BYTES / 1048576} MB limit`);
    return fs.readFileSync(file, "utf8");
  },
  writeText: (file, text) => fs.writeFileSync(file, text),
};
