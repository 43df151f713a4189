/**
 * Hands a server's requests to the app a few per event-loop turn, first come first served.
 *
 * Why: Node (libuv 1.45 and later) accepts one new connection per event-loop turn, and a turn in
 * which every ready request is handled lasts as long as all of them together. Under load a turn
 * served a hundred open connections (100–300 ms); a burst of 50–90 new ones was then accepted one
 * per turn, the last after 2–7 s, while the sockets already open were answered again and again
 * (bench/load.ts --trace: every request over 2 s was a new socket's first, waiting to be
 * accepted). With a bounded number of requests per turn, turns stay short, a new connection is
 * accepted within a few milliseconds, and its request queues behind the others, no longer. Four
 * per turn (the server's default, lib/env.ts) kept every request of the load bench under 1 s at a
 * higher throughput than one per turn, whose many more turns each cost the loop's own overhead.
 */
import http from "node:http";

/** A FIFO that runs at most `perTurn` of its items per turn of `schedule` (setImmediate: the next turn's check phase). */
export class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly perTurn: number,
    private readonly schedule: (run: () => void) => void = setImmediate,
  ) {}

  push(run: () => void): void {
    this.waiting.push(run);
    this.wake();
  }

  get length(): number {
    return this.waiting.length;
  }

  private wake(): void {
    if (this.scheduled || !this.waiting.length) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      // Counted before running: what the items queue now waits for the next turn.
      for (const run of this.waiting.splice(0, this.perTurn)) run();
      this.wake();
    });
  }
}

const INSTALLED = Symbol.for("strikeline.request-admission");
type Patched = typeof http.Server.prototype & { [INSTALLED]?: TurnQueue };

/**
 * Routes every HTTP server's "request" events in this process through one TurnQueue. The server
 * is made by `next start` before our code runs, so this goes through the prototype; once per process.
 */
export function admitRequestsPerTurn(perTurn = 1, proto: Patched = http.Server.prototype): TurnQueue {
  if (Object.hasOwn(proto, INSTALLED)) return proto[INSTALLED]!;
  const queue = new TurnQueue(perTurn);
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit.call(this, event, ...args);
    queue.push(() => emit.call(this, event, ...args));
    return this.listenerCount("request") > 0;
  } as typeof proto.emit;
  proto[INSTALLED] = queue;
  return queue;
}
