import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CompiledSearch } from './model/logSearch.js';
import type { LogSession } from './model/logSession.js';
import { LogViewModel, type StreamFilter } from './model/logViewModel.js';

/** The view model of a session with the view's filter and search applied; `version` changes whenever it has something new to draw. */
export function useLogViewModel(session: LogSession, filter: StreamFilter, search: CompiledSearch | null, onlyMatching: boolean): { model: LogViewModel; version: number } {
  const model = useMemo(() => new LogViewModel(session), [session]);
  useEffect(() => model.attach(), [model]);
  const { showStdout, showStderr } = filter;
  useEffect(() => model.setFilter({ showStdout, showStderr }), [model, showStdout, showStderr]);
  useEffect(() => model.setSearch(search, onlyMatching), [model, search, onlyMatching]);
  const version = useSyncExternalStore(model.subscribe, model.getVersion);
  return { model, version };
}
