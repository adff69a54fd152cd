import type { EngineContainers } from '../stores/containersSlice.js';
import type { ContainerRoute } from './routes.js';

/** A container page's route with its engine known. */
export type ResolvedContainerRoute = ContainerRoute & { engineId: string };

/**
 * The engine of an address from before there were several engines (`#/containers/<id>`): the
 * only engine that has a container with that id (or name), the default engine when several or
 * none do. Null while that cannot be told yet: no default known, or a connected engine's list
 * still loading.
 */
export function resolveContainerRoute(
  route: ContainerRoute,
  byEngine: Readonly<Record<string, EngineContainers>>,
  defaultEngineId: string | null,
  connectedEngineIds: readonly string[],
): ResolvedContainerRoute | null {
  if (route.engineId !== null) return { ...route, engineId: route.engineId };
  const holders = Object.entries(byEngine)
    .filter(([, engine]) => Object.values(engine.byId).some((container) => container.id === route.containerId || container.name === route.containerId))
    .map(([engineId]) => engineId);
  if (holders.length === 1 && holders[0] !== undefined) return { ...route, engineId: holders[0] };
  if (defaultEngineId === null) return null;
  if (holders.length === 0 && !connectedEngineIds.every((engineId) => byEngine[engineId]?.loaded === true)) return null;
  return { ...route, engineId: defaultEngineId };
}
