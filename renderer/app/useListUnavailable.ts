import { useMemo } from 'react';
import type { EngineStatus } from '../../runtime/api/index.js';
import { useBerth, type BerthState } from '../stores/store.js';

/** Whether one engine's list has landed, e.g. `(s, id) => s.images.byEngine[id]?.loaded === true`. */
export type IsListLoaded = (state: BerthState, engineId: string) => boolean;

/**
 * Why a list page cannot show its list right now, or null when it can. A list from engines we
 * are not connected to would be a guess, so while no engine is connected the reason is shown
 * instead. Once one engine is connected and listed, the page shows every engine's rows, those of
 * engines that are not connected greyed, with their reason.
 */
export function useListUnavailable(isLoaded: IsListLoaded, loadingText: string): string | null {
  const link = useBerth((s) => s.engine.link.state);
  const statuses = useBerth((s) => s.engine.statuses);
  const entries = useBerth((s) => s.engines.entries);
  const anyConnectedLoaded = useBerth((s) =>
    Object.entries(s.engine.statuses).some(([engineId, { status }]) => status.state === 'connected' && isLoaded(s, engineId)),
  );
  const noneConnected = useMemo(() => {
    const all = Object.entries(statuses);
    if (all.some(([, { status }]) => status.state === 'connected')) return null;
    return whyNoneConnected(all, (engineId) => entries?.find((entry) => entry.engineId === engineId)?.name ?? engineId);
  }, [statuses, entries]);
  if (link === 'reconnecting') return 'Reconnecting to Berth…';
  if (link === 'connecting') return 'Connecting to Berth…';
  if (noneConnected !== null) return noneConnected;
  if (!anyConnectedLoaded) return loadingText;
  return null;
}

function whyNoneConnected(all: readonly [string, { status: EngineStatus }][], nameOf: (engineId: string) => string): string {
  const unreachable = all.filter(([, { status }]) => status.state === 'unreachable');
  if (all.length === 0 || unreachable.length === 0) return 'Connecting to the engine…';
  if (all.length === 1) return `The engine is unreachable: ${unreachable[0]?.[1].status.reason?.message ?? 'no reason given.'}`;
  const each = all.map(([engineId, { status }]) =>
    status.state === 'unreachable' ? `${nameOf(engineId)}: unreachable (${status.reason?.message ?? 'no reason given.'})` : `${nameOf(engineId)}: connecting`,
  );
  return `No engine is connected. ${each.join('; ')}`;
}
