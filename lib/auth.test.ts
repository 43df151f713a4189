import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOrigin, credentialOf, ensureEditorToken, readBody, readEditorToken, requireEditor, sessionValue, TOKEN_FILE } from "./auth";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-auth-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const req = (headers: Record<string, string> = {}, url = "http://127.0.0.1:3000/api/overrides") => new Request(url, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });

describe("the editor token", () => {
  it("is generated once into the data folder, readable by its owner only, then reused", () => {
    const first = ensureEditorToken(dir, undefined);
    expect(first.generated).toBe(true);
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    const again = ensureEditorToken(dir, undefined);
    expect([again.generated, again.token]).toEqual([false, first.token]);
    expect(readEditorToken(dir, undefined)).toBe(first.token);
  });

  it("comes from the environment when set, and then no file is written", () => {
    const other = fs.mkdtempSync(path.join(dir, "env-"));
    expect(ensureEditorToken(other, "from-the-environment-1234")).toEqual({ token: "from-the-environment-1234", generated: false, file: null });
    expect(fs.existsSync(path.join(other, TOKEN_FILE))).toBe(false);
  });

  it("ignores a malformed token file instead of accepting it", () => {
    const other = fs.mkdtempSync(path.join(dir, "bad-"));
    fs.writeFileSync(path.join(other, TOKEN_FILE), "short\n");
    expect(readEditorToken(other, undefined)).toBeNull();
  });
});

describe("credentials", () => {
  const token = "a-token-of-enough-length-42";
  it("accepts the bearer token or the session cookie, nothing else", () => {
    expect(credentialOf(req({ authorization: `Bearer ${token}` }), token)).toBe("bearer");
    expect(credentialOf(req({ cookie: `x=1; strikeline_editor=${sessionValue(token)}` }), token)).toBe("cookie");
    expect(credentialOf(req({ cookie: `strikeline_editor=${token}` }), token)).toBeNull();
    expect(credentialOf(req({ authorization: `Bearer ${token}x` }), token)).toBeNull();
    expect(credentialOf(req({ authorization: `Basic ${token}` }), token)).toBeNull();
  });

  it("refuses a token in the URL even when it is right", () => {
    expect(() => requireEditor(req({}, `http://127.0.0.1:3000/api/overrides?access_token=${token}`), token)).toThrow(/Never put the editor token in a URL/);
    expect(() => requireEditor(req(), token)).toThrow(expect.objectContaining({ code: "unauthorized" }));
  });

  it("tells same-site writes from cross-site ones", () => {
    expect(() => checkOrigin(req({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), "cookie")).not.toThrow();
    expect(() => checkOrigin(req(), "bearer")).not.toThrow();
    const crossSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "http://127.0.0.1:3001" }, { origin: "null" }, { origin: "not a url" }];
    for (const h of crossSite) {
      expect(() => checkOrigin(req(h), "bearer")).toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect(() => checkOrigin(req(), "cookie")).toThrow(/Origin/);
  });
});

describe("readBody", () => {
  const streamed = (n: number) => new Request("http://x/", { method: "POST", body: new Uint8Array(n) });
  it("returns the body under the cap and refuses past it, declared or streamed", async () => {
    expect((await readBody(streamed(1000), 1000)).length).toBe(1000);
    await expect(readBody(streamed(1001), 1000)).rejects.toMatchObject({ code: "too_large", status: 413 });
    const declared = new Request("http://x/", { method: "POST", body: "abc", headers: { "content-length": "999999" } });
    await expect(readBody(declared, 1000)).rejects.toMatchObject({ code: "too_large" });
  });
});
