import { useMemo } from 'react';
import { defaultEngineId, engineViews, type EngineView } from '../stores/engineViews.js';
import { useBerth } from '../stores/store.js';

/** Every engine known, recomputed only when the engines list or a status changes. */
export function useEngineViews(): EngineView[] {
  const entries = useBerth((s) => s.engines.entries);
  const statuses = useBerth((s) => s.engine.statuses);
  return useMemo(() => engineViews(entries, statuses), [entries, statuses]);
}

/** The default engine's id, or null while unknown (requests then name no engine). */
export function useDefaultEngineId(): string | null {
  const entries = useBerth((s) => s.engines.entries);
  const statuses = useBerth((s) => s.engine.statuses);
  return useMemo(() => defaultEngineId(entries, statuses), [entries, statuses]);
}

export interface EngineTags {
  /** More than one engine is known (connected or not): rows carry engine tags and lists an engine filter. */
  isShown: boolean;
  views: EngineView[];
  byId: ReadonlyMap<string, EngineView>;
}

/** What a list page needs to tag its rows with their engines. */
export function useEngineTags(): EngineTags {
  const views = useEngineViews();
  return useMemo(() => ({ isShown: views.length > 1, views, byId: new Map(views.map((view) => [view.engineId, view])) }), [views]);
}

/**
 * The engine filter in effect: the chosen engine while it is still known and the list shows
 * engines at all; otherwise every engine (a removed engine leaves no empty page behind).
 */
export function effectiveEngineFilter(chosen: string | null, tags: EngineTags): string | null {
  return chosen !== null && tags.isShown && tags.byId.has(chosen) ? chosen : null;
}
