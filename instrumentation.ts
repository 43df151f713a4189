/**
 * Next.js calls `register` once when the server starts, before it serves. The Node.js server hands
 * requests to the app a few per event-loop turn (lib/request-admission.ts: so new connections are
 * accepted under load), opens the store here (once per process), makes sure there is an editor
 * token, tells CLIs beside it where it listens, and loads the seed events itself when `npm start` asks for it.
 */
export async function register() {
  // NEXT_RUNTIME is Next's own build-time switch (not configuration): the edge runtime has no store.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const perTurn = (await import("./lib/env")).env().requestsPerTurn;
  if (perTurn > 0) (await import("./lib/request-admission")).admitRequestsPerTurn(perTurn);
  await (await import("./scripts/server-start")).startServer();
}
