"use client";
/**
 * Events over time with a brush for the date window and the playback cursor.
 * Drag across the histogram to choose a window, drag its edges to adjust it, click to move the
 * cursor. The edges and the cursor are sliders for the keyboard (←/→ a day, PageUp/PageDown a
 * month, Home/End the ends).
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { histogram, type Histogram } from "@/lib/map/histogram";
import { formatDay } from "@/lib/map/time";
import type { Dispatch } from "./view-state";

type Props = {
  /** Start days of the filtered events, ascending. */
  days: Float64Array;
  /** Events per entry of `days`, when `days` lists each day once (a store too large to send whole). */
  weights?: Float64Array;
  domain: readonly [number, number];
  window: readonly [number, number];
  windowSet: boolean;
  cursor: number;
  span: readonly [number, number];
  dispatch: Dispatch;
};

const PAD = 12;
/** One timeline per page, so a fixed id for its clip path. */
const CLIP_ID = "timeline-visible-span";
const BAR_HEIGHT = 56;
const AXIS = 16;

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Year ticks, or month ticks when the range is short. */
function ticks(d0: number, d1: number): { day: number; label: string }[] {
  const out: { day: number; label: string }[] = [];
  const y0 = new Date(d0 * 86_400_000).getUTCFullYear();
  const y1 = new Date(d1 * 86_400_000).getUTCFullYear();
  const monthly = d1 - d0 < 500;
  for (let y = y0; y <= y1 + 1; y++) {
    for (let m = 0; m < 12; m += monthly ? 1 : 12) {
      const day = Date.UTC(y, m, 1) / 86_400_000;
      if (day >= d0 && day <= d1 + 1) out.push({ day, label: monthly && m ? formatDay(day).split(" ")[1]! : String(y) });
    }
  }
  return out;
}

/** The histogram's bars; drawn twice (all, and clipped to the visible span) so playback only moves a clip. */
const Bars = memo(function Bars({ h, x, className }: { h: Histogram; x: (d: number) => number; className: string }) {
  return (
    <g className={className}>
      {h.bins.map((b) => {
        const height = h.max ? Math.max(b.count ? 2 : 0, (b.count / h.max) * (BAR_HEIGHT - 4)) : 0;
        return <rect key={b.start} x={x(b.start) + 0.5} width={Math.max(1, x(b.end) - x(b.start) - 1)} y={BAR_HEIGHT - height} height={height} />;
      })}
    </g>
  );
});

export function Timeline({ days, weights, domain, window, windowSet, cursor, span, dispatch }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [d0, d1] = domain;
  const total = d1 - d0 + 1;
  const inner = width - 2 * PAD;
  const x = useMemo(() => (d: number) => PAD + ((d - d0) / total) * inner, [d0, total, inner]);
  const dayAt = (px: number) => Math.round(d0 + ((px - PAD) / inner) * total);
  const h = useMemo(() => histogram(days, d0, d1, Math.max(10, inner / 5), weights), [days, weights, d0, d1, inner]);
  const tickList = useMemo(() => ticks(d0, d1), [d0, d1]);

  const drag = useRef<{ kind: "brush" | "from" | "to" | "cursor"; startX: number; startDay: number; moved: boolean } | null>(null);
  const svgX = (e: PointerEvent) => e.clientX - (e.currentTarget as Element).closest("svg")!.getBoundingClientRect().left;

  const onDown = (kind: "brush" | "from" | "to" | "cursor") => (e: PointerEvent) => {
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    drag.current = { kind, startX: svgX(e), startDay: dayAt(svgX(e)), moved: false };
  };
  const onMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const px = svgX(e);
    if (Math.abs(px - d.startX) > 3) d.moved = true;
    if (!d.moved) return;
    const day = Math.min(d1, Math.max(d0, dayAt(px)));
    if (d.kind === "cursor") dispatch({ type: "seek", day });
    else if (d.kind === "from") dispatch({ type: "setWindow", window: [Math.min(day, window[1]), window[1]] });
    else if (d.kind === "to") dispatch({ type: "setWindow", window: [window[0], Math.max(day, window[0])] });
    else dispatch({ type: "setWindow", window: [Math.min(d.startDay, day), Math.max(d.startDay, day)] });
  };
  const onUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved && d.kind === "brush") dispatch({ type: "seek", day: dayAt(svgX(e)) });
  };

  const sliderKeys = (value: number, set: (day: number) => void) => (e: KeyboardEvent) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -30, PageUp: 30 }[e.key];
    if (step !== undefined) set(Math.min(d1, Math.max(d0, Math.round(value) + step)));
    else if (e.key === "Home") set(d0);
    else if (e.key === "End") set(d1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const slider = (label: string, value: number) => ({
    role: "slider",
    tabIndex: 0,
    "aria-label": label,
    "aria-valuemin": d0,
    "aria-valuemax": d1,
    "aria-valuenow": Math.floor(value),
    "aria-valuetext": formatDay(value),
  });

  const height = BAR_HEIGHT + AXIS;
  return (
    <div ref={ref} className="timeline" role="group" aria-label="Timeline">
      <svg width={width} height={height} onPointerMove={onMove} onPointerUp={onUp} onPointerDown={onDown("brush")} className="tl-svg">
        <rect x={0} y={0} width={width} height={BAR_HEIGHT} className="tl-bg" />
        <clipPath id={CLIP_ID}>
          <rect x={x(span[0])} y={0} width={Math.max(0, x(span[1] + 1) - x(span[0]))} height={BAR_HEIGHT} />
        </clipPath>
        <Bars h={h} x={x} className="tl-bars" />
        <g clipPath={`url(#${CLIP_ID})`}>
          <Bars h={h} x={x} className="tl-bars on" />
        </g>
        {windowSet && (
          <g className="tl-outside" aria-hidden="true">
            <rect x={PAD} y={0} width={Math.max(0, x(window[0]) - PAD)} height={BAR_HEIGHT} />
            <rect x={x(window[1] + 1)} y={0} width={Math.max(0, width - PAD - x(window[1] + 1))} height={BAR_HEIGHT} />
          </g>
        )}
        <g className="tl-axis" aria-hidden="true">
          {tickList.filter((t) => x(t.day) < width - PAD - 24).map((t) => (
            <g key={t.day} transform={`translate(${x(t.day)},${BAR_HEIGHT})`}>
              <line y2={4} />
              <text y={14} x={2}>
                {t.label}
              </text>
            </g>
          ))}
        </g>
        <rect
          {...slider("Window start", window[0])}
          className="tl-handle"
          x={x(window[0]) - 4}
          y={4}
          width={8}
          height={BAR_HEIGHT - 8}
          rx={3}
          onPointerDown={onDown("from")}
          onKeyDown={sliderKeys(window[0], (d) => dispatch({ type: "setWindow", window: [Math.min(d, window[1]), window[1]] }))}
        />
        <rect
          {...slider("Window end", window[1])}
          className="tl-handle"
          x={x(window[1] + 1) - 4}
          y={4}
          width={8}
          height={BAR_HEIGHT - 8}
          rx={3}
          onPointerDown={onDown("to")}
          onKeyDown={sliderKeys(window[1], (d) => dispatch({ type: "setWindow", window: [window[0], Math.max(d, window[0])] }))}
        />
        <g
          {...slider("Playback date", cursor)}
          className="tl-cursor"
          transform={`translate(${x(cursor + 1)},0)`}
          onPointerDown={onDown("cursor")}
          onKeyDown={sliderKeys(cursor, (d) => dispatch({ type: "seek", day: d }))}
        >
          <rect x={-7} y={0} width={14} height={BAR_HEIGHT} className="tl-cursor-hit" />
          <line y1={0} y2={BAR_HEIGHT} />
          <circle r={5} cy={4} />
        </g>
      </svg>
    </div>
  );
}
