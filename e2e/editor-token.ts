/** The editor token the e2e server runs with: playwright.config.ts passes it as STRIKELINE_EDITOR_TOKEN. */
export const E2E_EDITOR_TOKEN = "e2e-editor-token-not-a-secret-0123";
