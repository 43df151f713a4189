"use client";
/**
 * The address bar follows the view, and Back and Forward bring views back.
 *
 *  - A meaningful change (a filter, the selection, the highlight, playback settings) pushes a new
 *    history entry, so Back undoes it.
 *  - Camera and cursor moves replace the current entry, at most every REPLACE_MS, so Back does not
 *    replay every pan; while playback runs nothing is written, and its cursor is written on pause.
 *  - The first write replaces the address the page was opened with by its canonical form, so what
 *    the page ignored (hostile or stale parameters) is gone from the link a user copies.
 *  - An embedded view only replaces: pushing would fill the history of the page embedding it.
 *
 * The native History API is used, not Next.js navigation, which would ask the server to render the
 * page again for every change; the App Router keeps its own state in step with these calls.
 */
import { useEffect, useRef } from "react";
import { isSameHistoryEntry, parseView, serializeView, type View } from "@/lib/url-state";

/** Browsers refuse bursts of history writes (Chromium: about 100 in 10 s); scrubbing the timeline would make one. */
const REPLACE_MS = 300;

/** "/embed" + "f=drone" → "/embed?f=drone"; the bare path for the default view. */
export const viewHref = (path: string, query: string) => (query ? `${path}?${query}` : path);

type Written = { query: string; view: View };

/**
 * Keeps the URL in step with `view` (whose canonical string is `query`) and calls `restore` with
 * the view of a history entry the user goes back or forward to. `paused` false holds the writes
 * (playback is running).
 */
export function useUrlSync(view: View, query: string, paused: boolean, restore: (view: View) => void, mode: "push" | "replace") {
  const written = useRef<Written | null>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; query: string } | null>(null);

  useEffect(() => {
    const replaceNow = (q: string) => window.history.replaceState(null, "", viewHref(window.location.pathname, q));
    const flush = () => {
      const p = pending.current;
      if (!p) return;
      clearTimeout(p.timer);
      pending.current = null;
      replaceNow(p.query);
    };
    if (!paused) return;
    const last = written.current;
    written.current = { query, view };
    if (!last) {
      if (window.location.search !== (query ? `?${query}` : "")) replaceNow(query);
      return;
    }
    if (query === last.query) return;
    if (mode === "push" && !isSameHistoryEntry(last.view, view)) {
      // The entry being left keeps its latest camera and cursor, for Back to return to.
      flush();
      window.history.pushState(null, "", viewHref(window.location.pathname, query));
    } else if (pending.current) pending.current.query = query;
    else pending.current = { query, timer: setTimeout(flush, REPLACE_MS) };
    // `view` is left out: whenever it changes in a way a link can tell, `query` changes with it.
  }, [query, paused, mode]);

  useEffect(() => {
    const cancel = () => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
    };
    const onPopState = () => {
      // A replace still waiting belongs to the entry just left.
      cancel();
      const { view: restored } = parseView(new URLSearchParams(window.location.search));
      written.current = { query: serializeView(restored), view: restored };
      restore(restored);
    };
    // Leaving or reloading within REPLACE_MS of a move keeps it.
    const onPageHide = () => {
      const p = pending.current;
      cancel();
      if (p) window.history.replaceState(null, "", viewHref(window.location.pathname, p.query));
    };
    window.addEventListener("popstate", onPopState);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [restore]);

  // Nothing is written after the page is gone.
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current.timer);
    },
    [],
  );
}
