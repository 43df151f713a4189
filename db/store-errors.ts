/**
 * What a failed store operation tells the user: one sentence, never the SQL or its parameters (an
 * article's whole text is one of them). Drizzle wraps the driver's error as "Failed query: …";
 * the useful part is its cause's SQLSTATE code, constraint and message.
 */
type DriverError = Error & { code?: string; constraint?: string; cause?: unknown };

function driverError(e: unknown): DriverError | null {
  let cur: unknown = e;
  for (let depth = 0; cur instanceof Error && depth < 5; depth++) {
    const d = cur as DriverError;
    if (typeof d.code === "string" || !d.cause) return d;
    cur = d.cause;
  }
  return cur instanceof Error ? (cur as DriverError) : null;
}

const CONNECTION_MESSAGES = /connection terminated|not queryable|terminating connection|server closed the connection|connection (?:refused|reset)|ECONNRESET|ECONNREFUSED|EPIPE|timeout exceeded when trying to connect/i;

/**
 * Whether the connection to the database was lost (a restart, a terminated backend, a network
 * drop) rather than the statement failing: SQLSTATE class 08 and admin shutdown 57P0x, or the
 * driver's own words for a dead socket. Such a failure is worth one retry on a fresh connection.
 */
export function connectionLost(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur instanceof Error && depth < 5; cur = (cur as DriverError).cause, depth++) {
    const d = cur as DriverError;
    if (typeof d.code === "string" && (/^08/.test(d.code) || /^57P0/.test(d.code) || /^E(CONNRESET|CONNREFUSED|PIPE)$/.test(d.code))) return true;
    if (CONNECTION_MESSAGES.test(d.message.split("\n")[0]!) && !d.message.startsWith("Failed query")) return true;
  }
  return false;
}

/** One sentence for a report or a log. */
export function storeErrorMessage(e: unknown): string {
  const d = driverError(e);
  if (!d) return String(e).slice(0, 200);
  if (connectionLost(e)) return "lost the connection to the database; the article was not written";
  if (d.code === "23505")
    return `duplicate: another run stored the same record at the same moment${d.constraint ? ` (${d.constraint})` : ""}; nothing of this article was written`;
  const first = d.message.startsWith("Failed query") ? "database error" : d.message.split("\n")[0]!;
  return `${first.slice(0, 200)}${d.code ? ` (SQLSTATE ${d.code})` : ""}`;
}
