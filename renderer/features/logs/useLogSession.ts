import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { LogSession, type LogReadOptions, type LogSource, type SourceView } from './model/logSession.js';

/**
 * The session behind a log view: made anew when the read options change (tail, since, until
 * start over), following exactly `sources` (added containers merge in, removed ones leave with
 * their lines), picked up again when the link to Berth comes back, stopped on unmount (which
 * unsubscribes, and so aborts the engine requests).
 */
export function useLogSession(sources: readonly LogSource[], options: LogReadOptions, capacity: number): LogSession {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const { tail, since, until } = options;
  const session = useMemo(() => new LogSession(clientSource, { tail, since, until }, capacity), [clientSource, tail, since, until, capacity]);
  useEffect(() => () => session.stop(), [session]);

  const sourcesKey = sources.map((s) => `${s.engineId}/${s.containerId}/${s.name}`).join('\n');
  const latestSources = useRef(sources);
  useEffect(() => {
    latestSources.current = sources;
  });
  useEffect(() => {
    session.setSources(latestSources.current);
  }, [session, sourcesKey]);

  useEffect(() => {
    if (linkState === 'connected') session.resume();
  }, [session, linkState]);
  return session;
}

/** The session's containers with their names, colours and states, kept current. */
export function useSourceViews(session: LogSession): readonly SourceView[] {
  return useSyncExternalStore(
    (listener) => session.onStatus(listener),
    () => session.sources(),
  );
}
