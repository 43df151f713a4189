/**
 * Shares one read among concurrent callers without ever answering from before the call: a caller
 * arriving while a read is in flight (it may have started before a write this caller already saw
 * complete) waits for the next read, which starts when that one settles and serves everyone who
 * arrived meanwhile. However many callers, at most two reads are outstanding at once.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read();
    current = p;
    const clear = () => {
      if (current === p) current = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!current) return start();
    if (!next) {
      const settled = current.then(
        () => undefined,
        () => undefined,
      );
      next = settled.then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}
