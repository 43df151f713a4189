"use client";
/**
 * A passage of a stored article with the evidence span marked: the sentences around it, or the
 * whole article on request, scrolled to the mark. Spans are UTF-16 offsets into the stored text
 * (API.md), exactly what String#slice takes.
 */
import { useEffect, useRef, useState } from "react";
import { passage } from "./review-logic";

/** Characters of context shown on each side of the span, cut back to a word boundary. */
const CONTEXT = 280;

type Props = {
  text: string;
  span: { start: number; end: number };
  /** Where the article came from, as a heading for the passage. */
  source: string;
  weak?: boolean;
};

export function Evidence({ text, span, source, weak = false }: Props) {
  const [whole, setWhole] = useState(false);
  const mark = useRef<HTMLElement>(null);
  const cut = passage(text, span, CONTEXT);
  const { start, end } = cut;
  const { from, to } = whole ? { from: 0, to: text.length } : cut;

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
