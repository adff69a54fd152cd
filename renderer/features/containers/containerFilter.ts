import type { ContainerSummary } from '../../../runtime/api/index.js';
import type { EngineContainers } from '../../stores/containersSlice.js';
import { itemKey } from '../../stores/itemKey.js';

/**
 * Whether a container matches what the user typed: a case-insensitive substring of its name,
 * image, state or status text, or a prefix of its id (ids are only ever typed from the start).
 */
export function matchesFilter(container: ContainerSummary, filterText: string): boolean {
  const query = filterText.trim().toLowerCase();
  if (query === '') return true;
  return (
    container.name.toLowerCase().includes(query) ||
    container.image.toLowerCase().includes(query) ||
    container.state.includes(query) ||
    container.status.toLowerCase().includes(query) ||
    container.id.toLowerCase().startsWith(query)
  );
}

/**
 * The rows to show: filtered, newest first (as `docker ps -a`), name then engine breaking ties
 * so order is stable. Keys are whatever the caller keyed by; only the values count.
 */
export function visibleContainers(containers: Readonly<Record<string, ContainerSummary>>, filterText: string): ContainerSummary[] {
  return Object.values(containers)
    .filter((container) => matchesFilter(container, filterText))
    .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name) || a.engineId.localeCompare(b.engineId));
}

/** Every engine's containers in one map keyed by `itemKey`, or one engine's when `engineId` is given. */
export function containersOf(byEngine: Readonly<Record<string, EngineContainers>>, engineId: string | null): Record<string, ContainerSummary> {
  const all: Record<string, ContainerSummary> = {};
  for (const [id, engine] of Object.entries(byEngine)) {
    if (engineId !== null && id !== engineId) continue;
    for (const container of Object.values(engine.byId)) all[itemKey(id, container.id)] = container;
  }
  return all;
}
