/**
 * One error type for everything a user can get wrong: a code (which becomes an HTTP status and
 * a CLI exit code), a message safe to show, and a detail only for logs.
 */
export type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "too_large" | "rejected" | "conflict" | "internal";

const HTTP: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  rejected: 422,
  conflict: 409,
  internal: 500,
};
/** CLI: 0 ok, 2 usage error, 3 input rejected, 1 anything else. */
const EXIT: Record<ErrorCode, number> = {
  bad_request: 2,
  unauthorized: 1,
  forbidden: 1,
  not_found: 3,
  too_large: 3,
  rejected: 3,
  conflict: 1,
  internal: 1,
};

export class StrikelineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
    /** The offending parameter or field, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "StrikelineError";
  }
  get status() {
    return HTTP[this.code];
  }
  get exitCode() {
    return EXIT[this.code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { parameter: this.field } : {}) } };
  }
}
