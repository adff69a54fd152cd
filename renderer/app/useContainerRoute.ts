import { useEffect } from 'react';
import { useBerth } from '../stores/store.js';
import { resolveContainerRoute, type ResolvedContainerRoute } from './resolveContainerRoute.js';
import { containerHref, containerRouteFromHash } from './routes.js';
import { useDefaultEngineId } from './useEngineViews.js';
import { useHash } from './useHashRoute.js';

/** What the hash says about the container page: null on other pages, `resolving` while an old address's engine is being found. */
export type ContainerRouteState = ResolvedContainerRoute | 'resolving' | null;

/**
 * The container whose details page the hash shows (`#/containers/<engineId>/<id>`). An old
 * address without the engine is resolved (see resolveContainerRoute) and then rewritten in
 * place to name it, so what the address bar shows can be shared.
 */
export function useContainerRoute(): ContainerRouteState {
  const hash = useHash();
  const byEngine = useBerth((s) => s.containers.byEngine);
  const statuses = useBerth((s) => s.engine.statuses);
  const defaultEngineId = useDefaultEngineId();
  const route = containerRouteFromHash(hash);
  const connected = Object.keys(statuses).filter((engineId) => statuses[engineId]?.status.state === 'connected');
  const resolved = route === null ? null : resolveContainerRoute(route, byEngine, defaultEngineId, connected);
  const canonical = route?.engineId === null && resolved !== null ? containerHref(resolved.engineId, resolved.containerId, resolved.tab ?? undefined) : null;
  useEffect(() => {
    if (canonical !== null) window.location.replace(canonical);
  }, [canonical]);
  if (route === null) return null;
  return resolved ?? 'resolving';
}
