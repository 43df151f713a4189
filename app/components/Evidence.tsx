"use client";
/**
 * A passage of a stored article with the evidence span marked: the sentences around it, or the
 * whole article on request, scrolled to the mark. Spans are UTF-16 offsets into the stored text
 * (API.md), exactly what String#slice takes.
 */
import { useEffect, useRef, useState } from "react";

/** Characters of context shown on each side of the span, cut back to a word boundary. */
const CONTEXT = 280;

type Props = {
  text: string;
  span: { start: number; end: number };
  /** Where the article came from, as a heading for the passage. */
  source: string;
  weak?: boolean;
};

function cut(text: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) from = Math.min(start, text.indexOf(" ", from) + 1 || start);
  if (to < text.length) to = Math.max(end, text.lastIndexOf(" ", to));
  return { from, to };
}

export function Evidence({ text, span, source, weak = false }: Props) {
  const [whole, setWhole] = useState(false);
  const mark = useRef<HTMLElement>(null);
  const start = Math.min(Math.max(0, span.start), text.length);
  const end = Math.min(Math.max(start, span.end), text.length);
  const { from, to } = whole ? { from: 0, to: text.length } : cut(text, start, end);

  useEffect(() => {
    if (whole) mark.current?.scrollIntoView({ block: "center" });
  }, [whole]);

  return (
    <figure className="evidence">
      <figcaption>
        {source}
        {weak && <span className="tag">weak evidence (caption)</span>}
      </figcaption>
      <div className={whole ? "evidence-text whole" : "evidence-text"} tabIndex={whole ? 0 : undefined} aria-label={whole ? `Article text: ${source}` : undefined}>
        {from > 0 && "…"}
        {text.slice(from, start)}
        <mark ref={mark}>{text.slice(start, end)}</mark>
        {text.slice(end, to)}
        {to < text.length && "…"}
      </div>
      <button type="button" className="link-button" aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
        {whole ? "Show only the passage" : "Show the whole article"}
      </button>
    </figure>
  );
}
