import './logs.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { LogDisplayOptions, defaultDisplay, type LogDisplay } from './LogDisplayOptions.js';
import { LogDownload } from './LogDownload.js';
import { LogReadOptionsForm } from './LogReadOptionsForm.js';
import { LogSearchBar, emptyQuery, type LogQuery } from './LogSearchBar.js';
import { LogSourceNotes } from './LogSourceNotes.js';
import { LogStatusLine } from './LogStatusLine.js';
import { LogViewport } from './LogViewport.js';
import { berthStore, useBerth } from '../../stores/store.js';
import { compileSearch } from './model/logSearch.js';
import type { LogReadOptions, LogSource } from './model/logSession.js';
import { scrollGeometry } from './model/scrollGeometry.js';
import { useBoxMetrics } from './useBoxMetrics.js';
import { useLogScroll } from './useLogScroll.js';
import { useLogSession, useSourceViews } from './useLogSession.js';
import { useLogShortcuts } from './useLogShortcuts.js';
import { useLogViewModel } from './useLogViewModel.js';

export const logRowHeight = 18;
/** Container names in the prefix are cut to this many characters. */
const maxNameWidth = 24;

export interface LogViewProps {
  sources: readonly LogSource[];
  /** The log region's accessible name, e.g. "Log of web". */
  label: string;
  /** Several containers in one view: each line names its container. */
  showsSourceNames: boolean;
  /** Lines held at most (the oldest go first); by default the setting (Settings, Logs). */
  capacity?: number;
}

/** A live log of one or more containers: what to read, how to show it, search, and the virtual list. */
export function LogView({ sources, label, showsSourceNames, capacity: chosenCapacity }: LogViewProps) {
  // The settings' buffer size, live: a change reads the log again into a buffer of the new size.
  const bufferLines = useBerth((s) => s.settings.value.logs.bufferLines);
  const capacity = chosenCapacity ?? bufferLines;
  // The settings' tail, timestamps and wrap are where a new view starts; changing them in the view changes only the view.
  const [readOptions, setReadOptions] = useState<LogReadOptions>(() => ({ tail: berthStore.getState().settings.value.logs.defaultTail, since: null, until: null }));
  const [display, setDisplay] = useState<LogDisplay>(() => {
    const { timestamps, wrap } = berthStore.getState().settings.value.logs;
    return { ...defaultDisplay, timestamps, wrap };
  });
  const [query, setQuery] = useState<LogQuery>(emptyQuery);
  const session = useLogSession(sources, readOptions, capacity);
  const sourceViews = useSourceViews(session);
  const { text, isRegex, matchCase } = query;
  const compilation = useMemo(() => compileSearch({ text, isRegex, matchCase }), [text, isRegex, matchCase]);
  const search = compilation.kind === 'ok' ? compilation.search : null;
  const { model } = useLogViewModel(session, display, search, query.onlyMatching && search !== null);

  const { ref: metricsRef, metrics } = useBoxMetrics();
  const geometry = scrollGeometry(model.rowCount, logRowHeight, metrics.height);
  const scroll = useLogScroll(model, geometry, metrics.height);
  const { scrollRef } = scroll;
  const boxRef = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      return metricsRef(element);
    },
    [scrollRef, metricsRef],
  );
  const searchRef = useRef<HTMLInputElement>(null);
  useLogShortcuts(searchRef);

  const step = (direction: 1 | -1) => {
    const cursor = model.step(direction, scroll.topPosition());
    if (cursor === null) return;
    scroll.revealRow(model.rowOf(cursor.position, cursor.start));
    const box = scrollRef.current;
    // Unwrapped, bring the match's column into view too.
    if (box && !display.wrap) box.scrollLeft = Math.max(0, cursor.start * metrics.charWidth - box.clientWidth / 2);
  };

  const nameWidth = showsSourceNames ? Math.min(maxNameWidth, Math.max(4, ...sourceViews.map((source) => source.name.length))) : null;
  const unreadable = sourceViews.length === 1 && sourceViews[0]!.status.kind === 'unreadable' ? sourceViews[0]!.status.message : null;
  return (
    <div className="log-view">
      <div className="log-toolbar">
        <LogReadOptionsForm options={readOptions} onChange={setReadOptions} />
        <LogDisplayOptions display={display} onChange={setDisplay} />
        <div className="log-actions">
          <button type="button" onClick={scroll.jumpToStart}>
            Jump to start
          </button>
          <button type="button" onClick={scroll.jumpToEnd} aria-pressed={scroll.isFollowing}>
            Jump to end
          </button>
          <LogDownload sources={sources} readOptions={readOptions} display={display} />
        </div>
      </div>
      <LogSearchBar
        query={query}
        compilation={compilation}
        onChange={setQuery}
        onStep={step}
        inputRef={searchRef}
        matchCount={model.matchCount}
        currentOrdinal={model.currentOrdinal}
        isComplete={model.isSearchComplete}
      />
      {/* A lone unreadable container's message stands in for the log below, once. */}
      <LogSourceNotes sources={unreadable === null ? sourceViews : []} showsNames={showsSourceNames} />
      {unreadable === null ? (
        <LogViewport
          model={model}
          scroll={scroll}
          geometry={geometry}
          metrics={metrics}
          boxRef={boxRef}
          label={label}
          timestamps={display.timestamps}
          wrap={display.wrap}
          sourceNameWidth={nameWidth}
        />
      ) : (
        <p className="log-unreadable" role="status">
          {unreadable}
        </p>
      )}
      <LogStatusLine lines={model.buffer.length} capacity={capacity} isFollowing={scroll.isFollowing} />
    </div>
  );
}
