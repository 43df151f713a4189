import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { connectionLost, storeErrorMessage } from "./store-errors";

/** A driver error as node-postgres raises it: SQLSTATE code and constraint on an Error. */
const driver = (message: string, fields: Record<string, string> = {}) => Object.assign(new Error(message), fields);
const ARTICLE = "BAGHDAD — a long article text. ".repeat(800);
const failed = (cause: Error) => new DrizzleQueryError('insert into "articles" ("id", "text") values ($1, $2)', ["a-1", ARTICLE], cause);

describe("storeErrorMessage", () => {
  it("says duplicate in one sentence, without the SQL or the article text", () => {
    const m = storeErrorMessage(failed(driver('duplicate key value violates unique constraint "articles_pkey"', { code: "23505", constraint: "articles_pkey" })));
    expect(m).toBe("duplicate: another run stored the same record at the same moment (articles_pkey); nothing of this article was written");
  });

  it("names a lost connection, whichever way the driver words it", () => {
    for (const e of [
      failed(driver("terminating connection due to administrator command", { code: "57P01" })),
      failed(driver("Connection terminated unexpectedly")),
      new DrizzleQueryError("rollback", [], driver("Client has encountered a connection error and is not queryable")),
      driver("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED" }),
    ]) {
      expect(connectionLost(e), String(e.cause ?? e.message)).toBe(true);
      expect(storeErrorMessage(e)).toBe("lost the connection to the database; the article was not written");
    }
  });

  it("keeps any other error short: the driver's first line and its code, never the query", () => {
    const m = storeErrorMessage(failed(driver('value too long for type character varying(8)\nDETAIL: more', { code: "22001" })));
    expect(m).toBe("value too long for type character varying(8) (SQLSTATE 22001)");
    expect(connectionLost(failed(driver("syntax error", { code: "42601" })))).toBe(false);
    expect(storeErrorMessage(new Error("x".repeat(5000))).length).toBeLessThanOrEqual(200);
  });
});
