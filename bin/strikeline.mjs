#!/usr/bin/env node
// Entry of `npx strikeline`: registers tsx so the TypeScript sources run as they are, no build step.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import(fileURLToPath(new URL("./cli.ts", import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
