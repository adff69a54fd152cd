import type { EngineEntry, EngineIdentity } from '../../runtime/api/index.js';
import type { LiveStatus } from './engineSlice.js';

/** What the lists say about one engine: its tag (name, colour) and whether its rows are live. */
export interface EngineView {
  engineId: string;
  name: string;
  color: string;
  isDefault: boolean;
  /** From its own events stream when one is open (fresher), else from the engines list. */
  state: EngineEntry['state'];
  /** Why it is unreachable, in the backend's words; null otherwise. */
  reason: string | null;
  identity: EngineIdentity | undefined;
}

/** The tag colour of an engine the engines list has not described. */
const undescribedColor = '#6b7280';

/**
 * Every engine known: the engines list (connected or not), plus any engine whose stream spoke
 * before the list arrived. A status with no endpoint is "no engine found", not an engine.
 */
export function engineViews(entries: readonly EngineEntry[] | null, statuses: Readonly<Record<string, LiveStatus>>): EngineView[] {
  const views: EngineView[] = [];
  const described = new Set<string>();
  for (const entry of entries ?? []) {
    described.add(entry.engineId);
    const live = statuses[entry.engineId]?.status;
    views.push({
      engineId: entry.engineId,
      name: entry.name,
      color: entry.color,
      isDefault: entry.isDefault,
      state: live?.state ?? entry.state,
      reason: (live ? live.reason : entry.reason)?.message ?? null,
      identity: live?.identity ?? entry.identity,
    });
  }
  const undescribed = Object.entries(statuses).filter(([engineId, { status }]) => !described.has(engineId) && status.endpoint !== null);
  for (const [engineId, { status }] of undescribed) {
    views.push({
      engineId,
      name: status.endpoint?.url ?? engineId,
      color: undescribedColor,
      isDefault: entries === null && undescribed.length === 1,
      state: status.state,
      reason: status.reason?.message ?? null,
      identity: status.identity,
    });
  }
  return views;
}

/** Where requests that name no engine go: the list's default, else the only engine streaming; null when unknown. */
export function defaultEngineId(entries: readonly EngineEntry[] | null, statuses: Readonly<Record<string, LiveStatus>>): string | null {
  const fromList = entries?.find((entry) => entry.isDefault)?.engineId;
  if (fromList !== undefined) return fromList;
  const streaming = Object.entries(statuses).filter(([, { status }]) => status.endpoint !== null);
  return streaming.length === 1 ? (streaming[0]?.[0] ?? null) : null;
}

/**
 * The default engine's status for the status bar. Without a default in the list (no engine
 * found at all), the one status there is says why.
 */
export function defaultLiveStatus(entries: readonly EngineEntry[] | null, statuses: Readonly<Record<string, LiveStatus>>): LiveStatus | null {
  const engineId = defaultEngineId(entries, statuses);
  if (engineId !== null) return statuses[engineId] ?? null;
  const all = Object.values(statuses);
  return all.length === 1 ? (all[0] ?? null) : null;
}

/** Rows of an engine that is not connected are kept but greyed: they may no longer be true. */
export function isLive(view: Pick<EngineView, 'state'> | undefined): boolean {
  return view === undefined || view.state === 'connected';
}
