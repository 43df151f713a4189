"use client";
/**
 * Says which parameters of the link the page ignored and why, politely and once: the rest of the
 * view still opens. Names and reasons come from parseView, which never repeats a value that is
 * not a short plain word, and are shown as text (React escapes them), never as markup.
 */
import { useState } from "react";
import type { Dropped } from "@/lib/url-state";

/** A link with hundreds of junk parameters gets a short notice, not a wall. */
const MAX_LISTED = 5;

export function DroppedNotice({ dropped }: { dropped: readonly Dropped[] }) {
  const [open, setOpen] = useState(true);
  if (!open || dropped.length === 0) return null;
  const rest = dropped.length - MAX_LISTED;
  return (
    <div className="notice" role="status">
      <ul>
        {dropped.slice(0, MAX_LISTED).map((d, i) => (
          <li key={i}>
            Ignored parameter “{d.param}”: {d.reason}
          </li>
        ))}
        {rest > 0 && <li>…and {rest} more ignored parameters</li>}
      </ul>
      <button type="button" className="notice-close" onClick={() => setOpen(false)} aria-label="Dismiss notice">
        ✕
      </button>
    </div>
  );
}
