/**
 * Chains are the connected components of the link graph (direction ignored): everything that
 * answered, or was answered by, something else in one escalation. A chain is named after its
 * earliest event so its id is stable as later events join.
 */
export function computeChains(
  links: readonly { from: string; to: string }[],
  events: readonly { id: string; dateStart: string }[],
): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let cur = x; cur !== root; ) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const l of links) {
    for (const id of [l.from, l.to]) if (!parent.has(id)) parent.set(id, id);
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) parent.set(a, b);
  }
  const start = new Map(events.map((e) => [e.id, e.dateStart]));
  const earliest = new Map<string, string>();
  for (const id of parent.keys()) {
    const root = find(id);
    const best = earliest.get(root);
    const key = (x: string) => `${start.get(x) ?? "9999"}|${x}`;
    if (best === undefined || key(id) < key(best)) earliest.set(root, id);
  }
  const chainOf = new Map<string, string>();
  for (const id of parent.keys()) chainOf.set(id, earliest.get(find(id))!);
  return chainOf;
}

/** Whole days from one ISO date to another (UTC, so no daylight-saving drift). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
