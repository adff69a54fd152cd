import type { ContainerSummary } from '../../../runtime/api/index.js';

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

/** The rows to show: filtered, newest first (as `docker ps -a`), name breaking ties so order is stable. */
export function visibleContainers(byId: Readonly<Record<string, ContainerSummary>>, filterText: string): ContainerSummary[] {
  return Object.values(byId)
    .filter((container) => matchesFilter(container, filterText))
    .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
}
