import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { announceServer, findServer, SERVER_FILE } from "./running-server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-server-file-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("finding the server that holds a data folder", () => {
  it("finds a live one and ignores a stale record of a dead process", () => {
    expect(findServer(dir)).toBeNull();
    announceServer(dir, "http://127.0.0.1:4321");
    expect(findServer(dir)).toMatchObject({ pid: process.pid, url: "http://127.0.0.1:4321" });
    expect(fs.statSync(path.join(dir, SERVER_FILE)).mode & 0o777).toBe(0o600);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(path.join(dir, SERVER_FILE), JSON.stringify({ pid: Number(dead.stdout), url: "http://127.0.0.1:4321", startedAt: new Date().toISOString() }));
    expect(findServer(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, SERVER_FILE), "{not json");
    expect(findServer(dir)).toBeNull();
  });
});
