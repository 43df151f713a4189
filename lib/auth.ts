/**
 * Who may write. Reading, sharing and embedding need nothing; adding reports, reviewing and
 * overrides need the editor token. The token comes from STRIKELINE_EDITOR_TOKEN, or is generated
 * once into the data folder (mode 0600, created exclusively and whole) and printed by the server at that start.
 * A browser proves it with an HttpOnly cookie holding an HMAC of the token (never the token), a
 * script with `Authorization: Bearer`. A token in a URL is refused: URLs end up in logs and shares.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env";
import { StrikelineError } from "./errors";
import { createExclusive } from "./exclusive-file";

export const TOKEN_FILE = "editor-token";
export const SESSION_COOKIE = "strikeline_editor";

export type EditorToken = { token: string; generated: boolean; file: string | null };

const TokenText = /^[\x21-\x7e]{16,200}$/;

/** The token a CLI beside the server uses: the environment's, else the data folder's file; null when neither. */
export function readEditorToken(dataDir: string, fromEnv: string | undefined): string | null {
  if (fromEnv) return fromEnv;
  try {
    const t = fs.readFileSync(path.join(dataDir, TOKEN_FILE), "utf8").trim();
    return TokenText.test(t) ? t : null;
  } catch {
    return null;
  }
}

/** The server's token: the environment's, or the stored one, or a new one (generated: true, to print once). */
export function ensureEditorToken(dataDir: string, fromEnv: string | undefined): EditorToken {
  if (fromEnv) return { token: fromEnv, generated: false, file: null };
  const file = path.join(dataDir, TOKEN_FILE);
  const stored = readEditorToken(dataDir, undefined);
  if (stored) return { token: stored, generated: false, file };
  fs.mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString("base64url");
  try {
    // If another process created it meanwhile, its token wins and is read below (never half-written).
    createExclusive(file, `${token}\n`, 0o600);
    return { token, generated: true, file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const other = readEditorToken(dataDir, undefined);
    if (!other) throw new StrikelineError("internal", `The editor token file ${file} is unreadable or malformed: delete it to get a new token`);
    return { token: other, generated: false, file };
  }
}

let serverToken: string | undefined;

/** The running server's token; when this call generates it, it is printed (the only time it is shown). */
export function serverEditorToken(): string {
  if (serverToken) return serverToken;
  const t = ensureEditorToken(env().dataDir, env().editorToken);
  if (t.generated) console.log(`▸ editor token (kept in ${t.file}; shown only this once): ${t.token}`);
  serverToken = t.token;
  return serverToken;
}

const digest = (s: string) => createHash("sha256").update(s).digest();
/** Constant-time comparison of two secrets of any length. */
export const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** The session cookie's value: proves the token without being it. */
export const sessionValue = (token: string) => createHmac("sha256", token).update("strikeline editor session v1").digest("base64url");

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}; Max-Age=2592000`;
}
export const clearSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

export type Credential = "bearer" | "cookie" | null;

/** Which valid credential a request carries (null: none or a wrong one). */
export function credentialOf(req: Request, token: string): Credential {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m && sameSecret(m[1]!, token) ? "bearer" : null;
  }
  const c = cookie(req, SESSION_COOKIE);
  return c && sameSecret(c, sessionValue(token)) ? "cookie" : null;
}

const URL_SECRETS = ["token", "access_token", "editor_token", "auth"];

/**
 * A browser write must come from this site: `Sec-Fetch-Site` other than same-origin/none, or an
 * `Origin` whose host is not the request's, is a cross-site request (a form on another page).
 * Cookie-authenticated writes must say where they come from; bearer requests (scripts) need not,
 * since no other site can make a browser send that header without our consent (no CORS here).
 */
export function checkOrigin(req: Request, credential: Credential): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new StrikelineError("forbidden", `Cross-site write refused (Sec-Fetch-Site: ${site})`);
  const origin = req.headers.get("origin");
  if (origin) {
    let host: string | null = null;
    try {
      host = origin === "null" ? null : new URL(origin).host;
    } catch {
      host = null;
    }
    const own = req.headers.get("host") ?? new URL(req.url).host;
    if (host !== own) throw new StrikelineError("forbidden", "Cross-origin write refused: the request does not come from this site");
  } else if (credential === "cookie" && !site) {
    throw new StrikelineError("forbidden", "A browser write must carry an Origin header");
  }
}

/** Editor access or an error: 400 for a token in the URL, 401 without a valid credential. */
export function requireEditor(req: Request, token: string): Credential {
  const params = new URL(req.url).searchParams;
  for (const k of URL_SECRETS) {
    if (params.has(k)) throw new StrikelineError("bad_request", "Never put the editor token in a URL: send it as an Authorization header or log in", undefined, k);
  }
  const c = credentialOf(req, token);
  if (!c) throw new StrikelineError("unauthorized", "Editor token required (Authorization: Bearer <token>, or log in)");
  return c;
}

/** A write route's gate: editor credential, then same origin. Runs before the body is read. */
export function requireWriter(req: Request, token: string): Credential {
  const c = requireEditor(req, token);
  checkOrigin(req, c);
  return c;
}

/** The body, refused with 413 past `max` bytes without buffering more than that. */
export async function readBody(req: Request, max: number): Promise<Uint8Array> {
  const tooLarge = () => new StrikelineError("too_large", `The request body is over the ${formatBytes(max)} limit`, undefined, "body");
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A JSON body under `max` bytes, or a 400 saying it is not JSON. */
export async function readJson(req: Request, max: number): Promise<unknown> {
  const bytes = await readBody(req, max);
  if (!bytes.length) return {};
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new StrikelineError("bad_request", "The request body is not valid JSON", undefined, "body");
  }
}

const formatBytes = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.round(n / 1024)} KB`);
