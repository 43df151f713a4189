/**
 * Preloaded into the server by `bench/load.ts --trace DIR` (NODE_OPTIONS=--require): writes one
 * JSON line per request (the generator's id, when the app was handed it, when it finished, whether
 * it was the socket's first request and then when the server accepted the socket), per garbage collection and per event-loop stall, all on the
 * machine's wall clock in ms, so the generator's own log can be laid beside it. Plain CommonJS: it
 * runs before Next.js loads anything.
 */
const fs = require("node:fs");
const http = require("node:http");
const { performance, PerformanceObserver } = require("node:perf_hooks");

const file = process.env.STRIKELINE_LOAD_TRACE;
const now = () => performance.timeOrigin + performance.now();
let lines = [];
const flush = () => {
  if (lines.length) fs.appendFileSync(file, lines.join("\n") + "\n");
  lines = [];
};
const log = (o) => lines.push(JSON.stringify(o));

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === "connection") req.strikelineAccepted = now();
  if (event === "request") {
    const parsed = now();
    const socket = req.socket;
    const first = !socket.strikelineSeen;
    socket.strikelineSeen = true;
    const id = req.headers["x-load-id"];
    const accepted = first ? socket.strikelineAccepted : undefined;
    res.once("finish", () => log({ k: "req", id, url: req.url, accepted, parsed, finished: now(), first }));
  }
  return emit.apply(this, arguments);
};

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) log({ k: "gc", at: performance.timeOrigin + e.startTime, ms: e.duration, kind: e.detail?.kind });
}).observe({ entryTypes: ["gc"] });

// A 10 ms timer that fires late by more than 50 ms means the one thread was busy that long.
let expected = now() + 10;
setInterval(() => {
  const t = now();
  if (t - expected > 50) log({ k: "stall", at: expected, ms: t - expected });
  expected = t + 10;
}, 10).unref();
setInterval(flush, 500).unref();
process.on("exit", flush);
