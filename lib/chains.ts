/**
 * Chains are the connected components of the link graph (direction ignored): everything that
 * answered, or was answered by, something else in one escalation. A chain is named after its
 * earliest event (on a tie, the smallest id) so its id is stable as later events join.
 *
 * The linked events are numbered in that order (date, then id), so a chain's name is its smallest
 * number: joining two components keeps the smaller root, and once every link is joined each
 * root is its component's earliest event. Numbers in typed arrays, so a million linked events
 * take a few megabytes, and the links can be joined page by page as they are read.
 */
export class ChainForest {
  private readonly parent: Int32Array;

  /** `n` linked events, numbered 0 … n − 1 in date order, then id. */
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The chain of event `x`: the number of its earliest event. */
  root(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      // Path halving: each step also shortens the path for the next lookup.
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  /** Puts events `a` and `b` into one chain (a link between them, either way). */
  join(a: number, b: number): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }

  /** The chains of events `from` … `to` − 1, in order. */
  roots(from: number, to: number): Int32Array {
    const out = new Int32Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.root(i);
    return out;
  }
}

/** Whole days from one ISO date to another (UTC, so no daylight-saving drift). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
