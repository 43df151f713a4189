import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { admitRequestsPerTurn, TurnQueue } from "./request-admission";

/** A scheduler the test turns by hand. */
function manualTurns() {
  const pending: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void pending.push(run),
    turn: () => pending.splice(0).forEach((run) => run()),
    scheduled: () => pending.length,
  };
}

describe("TurnQueue", () => {
  it("runs at most its quota per turn, first come first served, and sleeps when empty", () => {
    const turns = manualTurns();
    const queue = new TurnQueue(2, turns.schedule);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) queue.push(() => ran.push(i));
    expect(ran).toEqual([]);
    turns.turn();
    expect(ran).toEqual([0, 1]);
    turns.turn();
    expect(ran).toEqual([0, 1, 2, 3]);
    turns.turn();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(turns.scheduled()).toBe(0);
  });

  it("keeps an item pushed during a turn for a later turn", () => {
    const turns = manualTurns();
    const queue = new TurnQueue(3, turns.schedule);
    const ran: string[] = [];
    queue.push(() => {
      ran.push("a");
      queue.push(() => ran.push("b"));
    });
    turns.turn();
    expect(ran).toEqual(["a"]);
    expect(queue.length).toBe(1);
    turns.turn();
    expect(ran).toEqual(["a", "b"]);
  });
});

/** A keep-alive socket to `port`, once the server has it, that asks again each time it is answered. */
async function busyClient(port: number): Promise<net.Socket> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.on("data", () => socket.write(GET));
  return socket;
}
const GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
const busy = (ms: number) => {
  const t = performance.now();
  while (performance.now() - t < ms) {
    // one request's CPU work
  }
};

/**
 * Thirty open sockets that ask again as soon as they are answered (the load bench's loop), then
 * ten new connections at once: how many requests the server handled before it had accepted all
 * ten. Counted, not timed. Each server class gets its own prototype, so the patch stays out of
 * every other http.Server in the test process.
 */
async function handledWhileAccepting(gated: boolean): Promise<number> {
  class Server extends http.Server {}
  if (gated) admitRequestsPerTurn(1, Server.prototype);
  let handled = 0;
  let accepted = 0;
  const server = new Server((_req, res) => {
    busy(1);
    handled++;
    res.end("ok");
  });
  server.on("connection", () => void accepted++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const open = await Promise.all(Array.from({ length: 30 }, () => busyClient(port)));
  while (accepted < 30) await new Promise((r) => setImmediate(r));
  open.forEach((s) => s.write(GET));
  while (handled < 60) await new Promise((r) => setImmediate(r));
  const before = handled;
  const late = Array.from({ length: 10 }, () => net.connect(port, "127.0.0.1"));
  while (accepted < 40) await new Promise((r) => setImmediate(r));
  const during = handled - before;
  for (const s of [...open, ...late]) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  return during;
}

describe("admitRequestsPerTurn", () => {
  it("lets a new connection in while requests on open sockets wait, instead of after all of them", async () => {
    const [plain, gated] = [await handledWhileAccepting(false), await handledWhileAccepting(true)];
    expect(plain).toBeGreaterThan(100);
    expect(gated).toBeLessThan(50);
  });

  it("hands every request to the app and its answer back", async () => {
    class Server extends http.Server {}
    admitRequestsPerTurn(1, Server.prototype);
    const order: string[] = [];
    const server = new Server((req, res) => {
      order.push(req.url!);
      res.end(req.url);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const bodies = await Promise.all(["/a", "/b", "/c"].map(async (p) => (await fetch(`${base}${p}`)).text()));
    await new Promise((resolve) => server.close(resolve));
    expect(bodies).toEqual(["/a", "/b", "/c"]);
    expect(order.sort()).toEqual(["/a", "/b", "/c"]);
    expect(server.listenerCount("request")).toBe(1);
  });

  it("installs once per prototype", () => {
    class Server extends http.Server {}
    expect(admitRequestsPerTurn(1, Server.prototype)).toBe(admitRequestsPerTurn(1, Server.prototype));
  });
});
