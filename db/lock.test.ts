/**
 * The data-folder lock: exactly one of several processes started together gets it, a live holder
 * is refused with what to do, and a stale lock (dead holder, reused pid, another program) is taken over.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { StrikelineError } from "../lib/errors";
import { repoRoot } from "../lib/pipeline/testing/fixtures";
import { LOCK_FILE, lockDataDir } from "./lock";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-lock-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(tmp, `d${n++}`);

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", () => resolve(out.trim()));
  });
}

describe("lockDataDir", () => {
  it("lets exactly one of several processes started at the same instant open the folder", async () => {
    const script = path.join(tmp, "take.ts");
    fs.writeFileSync(
      script,
      `import { lockDataDir } from ${JSON.stringify(path.join(repoRoot, "db", "lock.ts"))};
const [dir, at] = process.argv.slice(2);
while (Date.now() < Number(at)) {}
try { lockDataDir(dir!, () => {}); console.log("got"); setTimeout(() => {}, 1500); } catch (e) { console.log("refused"); }
`,
    );
    for (let round = 0; round < 2; round++) {
      const dir = freshDir();
      const at = Date.now() + 3000;
      const outs = await Promise.all(Array.from({ length: 5 }, () => run(process.execPath, ["--import", "tsx", script, dir, String(at)])));
      expect(outs.sort(), `round ${round}`).toEqual(["got", "refused", "refused", "refused", "refused"]);
    }
  }, 60_000);

  it("never shares the folder with a process whose lock lands while this one is taking it", async () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const lock = path.join(dir, LOCK_FILE);
    const rival = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    await new Promise((resolve) => rival.once("spawn", resolve));
    const link = fs.linkSync;
    // The worst interleaving of the race, made certain: the rival's lock appears just before this process puts its own in place.
    const spy = vi.spyOn(fs, "linkSync").mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      if (to === lock && !fs.existsSync(lock)) fs.writeFileSync(lock, `${rival.pid}\n`);
      return link(from, to);
    }) as typeof fs.linkSync);
    try {
      expect(() => lockDataDir(dir, () => {})).toThrow(/in use by process/);
      expect(fs.readFileSync(lock, "utf8").trim()).toBe(String(rival.pid));
    } finally {
      spy.mockRestore();
      rival.kill();
    }
  });

  it("never shows the lock without its holder: a rival reading it at any instant sees a live process, not an empty file", () => {
    const dir = freshDir();
    const lock = path.join(dir, LOCK_FILE);
    const seen: string[] = [];
    const link = fs.linkSync;
    const spy = vi.spyOn(fs, "linkSync").mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      link(from, to);
      if (to === lock) seen.push(fs.readFileSync(lock, "utf8"));
    }) as typeof fs.linkSync);
    try {
      const release = lockDataDir(dir, () => {});
      expect(seen).toEqual([expect.stringMatching(new RegExp(`^${process.pid} \\d+\\n$`))]);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
      release();
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses a live holder, saying what to do, and frees the folder on release", () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    let err: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StrikelineError);
    expect((err as StrikelineError).code).toBe("conflict");
    expect((err as Error).message).toMatch(/in use by this process.*STRIKELINE_DATA_DIR.*delete .*strikeline\.lock/);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir)();
  });

  it("takes over the lock of a process that is gone, and says so", () => {
    const dir = freshDir();
    const gone = spawnSync("true").pid!;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${gone} 123\n`);
    const warnings: string[] = [];
    const release = lockDataDir(dir, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`process ${gone} is no longer running`))]);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
    release();
  });

  it("takes over a lock whose pid now belongs to another program", async () => {
    const sleeper = spawn("sleep", ["30"]);
    try {
      await new Promise((r) => setTimeout(r, 100));
      for (const [content, why] of [
        [`${sleeper.pid} 1\n`, "its pid was reused"],
        [`${sleeper.pid}`, "is not Strikeline"],
      ] as const) {
        const dir = freshDir();
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, LOCK_FILE), content);
        const warnings: string[] = [];
        lockDataDir(dir, (m) => warnings.push(m))();
        expect(warnings.join(""), content).toContain(why);
      }
    } finally {
      sleeper.kill();
    }
  });
});
