/**
 * How playwright.config.ts starts the e2e server, shared with the specs that reach it from outside
 * the browser: the editor token it runs with (STRIKELINE_EDITOR_TOKEN) and its data folder
 * (STRIKELINE_E2E_DATA_DIR, per port so checkouts side by side keep apart), for the CLI.
 */
import os from "node:os";
import path from "node:path";

export const E2E_EDITOR_TOKEN = "e2e-editor-token-not-a-secret-0123";

export const e2eDataDir = (port: number | string) => path.join(os.tmpdir(), `strikeline-e2e-${port}`);
