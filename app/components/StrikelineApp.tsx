"use client";
/**
 * The page: map, timeline with playback, event list and event panel over one view state, which
 * the URL holds (url-sync.ts). What is visible is a pure function of (data, view state): filters
 * give the index, playback gives a day span, the span gives a contiguous range of the index
 * (lib/map/event-index.ts). Embedded (/embed), it is the map, timeline and playback alone.
 * An editor can add a report and review what the pipeline made (the list pane becomes the review
 * pane, and the map takes a dropped pin); after each write the data is fetched again in place.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { EventDetail, EventFeature, LinkOut } from "@/lib/api";
import { eventMatcher } from "@/lib/filter";
import { prepareArcs } from "@/lib/map/arcs";
import { buildIndex, rangeOf } from "@/lib/map/event-index";
import { cursorOf, effectiveWindow, visibleSpan, type PlaybackContext } from "@/lib/map/playback";
import { dayOf } from "@/lib/map/time";
import { DEFAULT_VIEW, serializeView, viewToApiQuery, type View } from "@/lib/url-state";
import { AddReport } from "./AddReport";
import { ImportDataset } from "./ImportDataset";
import { EditorSignIn, useEditor } from "./EditorSignIn";
import { EventList, LIST_LIMIT } from "./EventList";
import { EventPanel } from "./EventPanel";
import { Filters } from "./Filters";
import { useNarrow, usePlaybackClock, usePlaybackKeys, usePrefersReducedMotion, useThrottledPair } from "./hooks";
import { Legend } from "./Legend";
import { MapView } from "./map/MapView";
import { PlaybackControls } from "./PlaybackControls";
import type { LatLon } from "./ReviewEvent";
import { ReviewView } from "./ReviewView";
import { ShareDialog } from "./ShareDialog";
import { installTestHook } from "./test-hook";
import { Timeline } from "./Timeline";
import { useUrlSync, viewHref } from "./url-sync";
import { playbackOf, toView, useViewState, type ViewAction } from "./view-state";

export type StrikelineData = { events: EventFeature[]; links: LinkOut[] };

type Props = {
  data: StrikelineData;
  loadDetail: (id: string, signal: AbortSignal) => Promise<EventDetail>;
  /** An online style, when STRIKELINE_BASEMAP_URL is set; the offline basemap otherwise. */
  onlineStyleUrl: string | null;
  initialView?: View;
  /** The embeddable view: no header, filters or list, and no history entries of its own. */
  embed?: boolean;
  /** Fetches the data again after a write; absent, the page offers no editing (the embedded view). */
  onDataChanged?: () => Promise<void>;
};

/** What the editor asked for that needs signing in first. */
type EditorTask = "add" | "import" | "review";

/** Wall-clock time an arc takes to draw during playback. */
const ARC_DRAW_SECONDS = 0.8;
const LIST_UPDATE_MS = 250;
/** The event panel's width on a wide screen, with its margin (globals.css .event-panel). */
const PANEL_WIDTH = 420;

const MemoFilters = memo(Filters);
const MemoLegend = memo(Legend);

export function StrikelineApp({ data, loadDetail, onlineStyleUrl, initialView = DEFAULT_VIEW, embed = false, onDataChanged }: Props) {
  const [state, rawDispatch] = useViewState(initialView);
  const reducedMotion = usePrefersReducedMotion();
  const narrow = useNarrow();
  // A link that names a camera was sent for its map: a phone opens on it.
  const [phoneTab, setPhoneTab] = useState<"list" | "map">(initialView.camera ? "map" : "list");
  const [sharing, setSharing] = useState(false);
  const editing = !embed && onDataChanged !== undefined;
  const editor = useEditor(editing);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [signingInFor, setSigningInFor] = useState<EditorTask | null>(null);
  const openReview = useCallback(() => {
    setReviewing(true);
    // On a phone the review lives where the list does.
    setPhoneTab("list");
  }, []);
  const start = useCallback((task: EditorTask) => (task === "add" ? setAdding(true) : task === "import" ? setImporting(true) : openReview()), [openReview]);
  const ask = (task: EditorTask) => (editor.signedIn ? start(task) : setSigningInFor(task));
  const lost = useCallback(() => {
    editor.lost();
    setReviewing(false);
  }, [editor.lost]);

  // Dropping a pin: the map's next click answers the review pane's request; Escape cancels.
  const [picking, setPicking] = useState(false);
  const [pin, setPin] = useState<LatLon | null>(null);
  const pickAnswer = useRef<((p: LatLon | null) => void) | null>(null);
  const requestPin = useCallback(
    () =>
      new Promise<LatLon | null>((resolve) => {
        pickAnswer.current?.(null);
        pickAnswer.current = resolve;
        setPicking(true);
        setPhoneTab("map");
      }),
    [],
  );
  const onPick = useCallback((p: LatLon | null) => {
    if (pickAnswer.current) setPhoneTab("list");
    pickAnswer.current?.(p);
    pickAnswer.current = null;
    setPicking(false);
    if (p) setPin(p);
  }, []);
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onPick(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [picking, onPick]);
  const changed = useCallback(() => onDataChanged?.() ?? Promise.resolve(), [onDataChanged]);

  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data.events]);
  // Time is the playback's business: the filters here leave the date window open. The index is
  // rebuilt when a filter changes, not on every state change (filterKey stands for the filters).
  const filterKey = JSON.stringify([state.families, state.attackers, state.targets, state.countries, state.chain, state.minKilled, state.claims, state.outlets, state.q]);
  const filters = useMemo(() => ({ ...state, from: null, to: null }), [filterKey]);
  const index = useMemo(() => buildIndex(data.events, eventMatcher(filters)), [data.events, filters]);
  // What the filters and the date window let through, counted as the API and the downloads count
  // (an event shows when its date span overlaps the window), whatever the playback cursor shows.
  const matching = useMemo(
    () => index.events.filter(({ properties: p }) => (state.from === null || p.dateEnd >= state.from) && (state.to === null || p.dateStart <= state.to)).length,
    [index, state.from, state.to],
  );
  const ctx: PlaybackContext = useMemo(() => ({ domain: index.domain, eventDays: index.day }), [index]);
  const dispatch = useCallback((a: ViewAction) => rawDispatch(a, ctx), [rawDispatch, ctx]);

  const playback = playbackOf(state, ctx);
  const timeWindow = effectiveWindow(playback, ctx);
  const cursor = cursorOf(playback, ctx);
  const span = visibleSpan(playback, ctx);
  const range = rangeOf(index, span[0], span[1]);
  const arcs = useMemo(() => prepareArcs(data.links, eventsById), [data.links, eventsById]);
  const drawDays = state.playing && !reducedMotion ? state.speed * ARC_DRAW_SECONDS : 0;

  // The list follows playback a few times a second; the map and the cursor follow every frame.
  const listRange = useThrottledPair(range, LIST_UPDATE_MS, index);
  const listEvents = useMemo(() => index.events.slice(Math.max(listRange[0], listRange[1] - LIST_LIMIT), listRange[1]), [index, listRange]);

  usePlaybackClock(state.playing, dispatch);
  usePlaybackKeys(dispatch);

  const view = toView(state);
  const query = serializeView(view);
  const restore = useCallback((v: View) => dispatch({ type: "restore", view: v }), [dispatch]);
  useUrlSync(view, query, !state.playing, restore, embed ? "replace" : "push");

  const select = useCallback(
    (id: string | null) => {
      dispatch({ type: "select", id });
      // An event chosen from a chain may lie past the cursor: move playback up to it.
      const e = id ? eventsById.get(id) : undefined;
      if (e && dayOf(e.properties.dateStart) > cursor) dispatch({ type: "seek", day: dayOf(e.properties.dateStart) });
    },
    [dispatch, eventsById, cursor],
  );
  const highlight = useCallback((chain: string | null) => dispatch({ type: "highlight", chain }), [dispatch]);
  const onCamera = useCallback((camera: View["camera"] & object) => dispatch({ type: "camera", camera }), [dispatch]);

  const map = useRef<MapLibreMap | null>(null);
  const arcIds = useRef<string[]>([]);
  const onMap = useCallback((m: MapLibreMap | null) => (map.current = m), []);
  const onArcs = useCallback((ids: string[]) => (arcIds.current = ids), []);
  const latest = useRef({ state, index, range });
  useEffect(() => {
    latest.current = { state, index, range };
  });
  useEffect(
    () =>
      installTestHook({
        map: () => map.current,
        view: () => toView(latest.current.state),
        visibleEvents: () => {
          const { index: ix, range: [lo, hi] } = latest.current;
          return ix.events.slice(lo, hi).map((e) => e.id);
        },
        drawnArcs: () => arcIds.current,
        domain: () => latest.current.index.domain,
        dispatch,
      }),
    [dispatch],
  );

  const reviewButton = useRef<HTMLButtonElement>(null);
  const closeReview = useCallback(() => {
    onPick(null);
    setPin(null);
    setReviewing(false);
    // The pane and whatever had focus in it are gone: focus goes back to what opened it.
    reviewButton.current?.focus();
  }, [onPick]);
  const showPanel = !reviewing && state.selected !== null && eventsById.has(state.selected);

  const styleUrl = state.basemap === "online" && onlineStyleUrl ? onlineStyleUrl : null;
  const mapHidden = !embed && narrow && phoneTab === "list";
  const chainFilter = useCallback((chain: View["chain"]) => dispatch({ type: "filters", filters: { chain } }), [dispatch]);

  return (
    <div className={`app ${narrow ? "narrow" : "wide"} tab-${phoneTab}${embed ? " embed" : ""}${reviewing ? " reviewing" : ""}`}>
      {!embed && (
        <header className="topbar">
          <h1 className="brand">
            Strikeline <span className="tagline">strikes and reprisals, from news reports</span>
          </h1>
          <MemoFilters events={data.events} filters={filters} shown={matching} total={data.events.length} dispatch={dispatch} />
          <div className="topbar-actions">
            {editing && (
              <>
                <button type="button" aria-haspopup="dialog" onClick={() => ask("add")}>
                  Add report
                </button>
                <button type="button" aria-haspopup="dialog" onClick={() => ask("import")}>
                  Import data
                </button>
                <button ref={reviewButton} type="button" aria-pressed={reviewing} onClick={() => (reviewing ? closeReview() : ask("review"))}>
                  Review
                </button>
                {editor.signedIn && (
                  <button type="button" title={`Signed in as ${editor.author}`} onClick={() => editor.signOut().then(closeReview, lost)}>
                    Sign out
                  </button>
                )}
              </>
            )}
            {onlineStyleUrl && (
              <button type="button" aria-pressed={state.basemap === "online"} onClick={() => dispatch({ type: "basemap", basemap: state.basemap === "online" ? "offline" : "online" })}>
                Online basemap
              </button>
            )}
            <button type="button" className="share-button" aria-haspopup="dialog" onClick={() => setSharing(true)}>
              Share
            </button>
          </div>
        </header>
      )}
      {signingInFor && (
        <EditorSignIn
          editor={editor}
          purpose={signingInFor === "add" ? "to add a report" : signingInFor === "import" ? "to import a dataset" : "to review and correct events"}
          onSignedIn={() => {
            setSigningInFor(null);
            start(signingInFor);
          }}
          onClose={() => setSigningInFor(null)}
        />
      )}
      {adding && (
        <AddReport
          titleOf={(id) => eventsById.get(id)?.properties.title}
          onAdded={changed}
          onShowEvent={(id) => {
            setAdding(false);
            select(id);
          }}
          onReview={() => {
            setAdding(false);
            openReview();
          }}
          onUnauthorised={lost}
          onClose={() => setAdding(false)}
        />
      )}
      {importing && <ImportDataset onImported={changed} onUnauthorised={lost} onClose={() => setImporting(false)} />}
      {sharing && <ShareDialog query={query} apiQuery={viewToApiQuery(view)} shown={matching} onClose={() => setSharing(false)} />}

      {!embed && narrow && (
        <nav className="phone-tabs" aria-label="View">
          <button type="button" aria-pressed={phoneTab === "list"} onClick={() => setPhoneTab("list")}>
            List
          </button>
          <button type="button" aria-pressed={phoneTab === "map"} onClick={() => setPhoneTab("map")}>
            Map
          </button>
        </nav>
      )}

      <main className="stage">
        <section className={`map-pane${mapHidden ? " is-hidden" : ""}`} aria-label="Map">
          <MapView
            index={index}
            range={range}
            arcs={arcs}
            cursor={cursor}
            drawDays={drawDays}
            selected={state.selected}
            highlight={state.highlight}
            eventsById={eventsById}
            camera={state.camera}
            restores={state.restores}
            styleUrl={styleUrl}
            reducedMotion={reducedMotion}
            hidden={mapHidden}
            coveredLeft={showPanel && !narrow ? PANEL_WIDTH : 0}
            picking={picking}
            pin={reviewing ? pin : null}
            onPick={onPick}
            onSelect={select}
            onHighlight={highlight}
            onCamera={onCamera}
            onMap={onMap}
            onArcs={onArcs}
          />
          <MemoLegend events={data.events} />
          {state.highlight && (
            <button type="button" className="chain-badge" onClick={() => highlight(null)}>
              Chain highlighted — show all ✕
            </button>
          )}
          {picking && (
            <p className="pick-banner" role="status">
              Click the map where the event happened · Esc cancels
            </p>
          )}
          {embed && (
            <a className="open-full" href={viewHref("/", query)} target="_blank" rel="noopener">
              Open in Strikeline
            </a>
          )}
        </section>
        {!embed && (
          <aside className={`list-pane${narrow && phoneTab === "map" ? " is-hidden" : ""}`}>
            {reviewing ? (
              <ReviewView
                events={data.events}
                author={editor.author}
                onChanged={changed}
                onFocusEvent={select}
                requestPin={requestPin}
                onDraftPlace={setPin}
                onUnauthorised={lost}
                onClose={closeReview}
              />
            ) : (
              <EventList events={listEvents} total={data.events.length} shown={listRange[1] - listRange[0]} selected={state.selected} reducedMotion={reducedMotion} onSelect={select} />
            )}
          </aside>
        )}
        {showPanel && (
          <EventPanel
            id={state.selected!}
            eventsById={eventsById}
            loadDetail={loadDetail}
            highlight={state.highlight}
            chainFilter={state.chain}
            onSelect={select}
            onHighlight={highlight}
            onChainFilter={embed ? undefined : chainFilter}
            onClose={() => select(null)}
          />
        )}
      </main>

      <footer className="timeline-pane">
        <PlaybackControls state={state} cursor={cursor} window={timeWindow} windowSet={playback.window !== null} shown={range[1] - range[0]} dispatch={dispatch} />
        <Timeline days={index.day} domain={index.domain} window={timeWindow} windowSet={playback.window !== null} cursor={cursor} span={span} dispatch={dispatch} />
      </footer>
    </div>
  );
}
