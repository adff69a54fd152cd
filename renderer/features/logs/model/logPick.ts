import type { ContainerSummary } from '../../../../runtime/api/index.js';
import { itemKey } from '../../../stores/itemKey.js';
import { composeProject, projectKey } from '../../containers/composeGroups.js';
import type { LogSource } from './logSession.js';

/** What the Logs page shows: containers picked one by one, one compose project, or every running container. */
export type LogPick = { kind: 'containers'; keys: readonly string[] } | { kind: 'project'; key: string | null } | { kind: 'running' };

export interface ComposeProject {
  key: string;
  engineId: string;
  project: string;
  members: number;
}

/** Every compose project (of every engine), by name. */
export function composeProjects(containers: readonly ContainerSummary[]): ComposeProject[] {
  const found = new Map<string, ComposeProject>();
  for (const container of containers) {
    const project = composeProject(container);
    if (project === null) continue;
    const key = projectKey(container.engineId, project);
    const known = found.get(key);
    found.set(key, { key, engineId: container.engineId, project, members: (known?.members ?? 0) + 1 });
  }
  return [...found.values()].sort((a, b) => a.project.localeCompare(b.project) || a.engineId.localeCompare(b.engineId));
}

/**
 * The containers whose logs the pick names, by name. "All running" also keeps the ones that ran
 * while it was chosen (`seenRunning`), so a container that stops keeps its lines and its exit.
 */
export function pickedSources(pick: LogPick, containers: readonly ContainerSummary[], seenRunning: ReadonlySet<string>): LogSource[] {
  const chosen = containers.filter((container) => {
    const key = itemKey(container.engineId, container.id);
    switch (pick.kind) {
      case 'containers':
        return pick.keys.includes(key);
      case 'project': {
        const project = composeProject(container);
        return project !== null && projectKey(container.engineId, project) === pick.key;
      }
      case 'running':
        return container.state === 'running' || seenRunning.has(key);
    }
  });
  return chosen
    .sort((a, b) => a.name.localeCompare(b.name) || a.engineId.localeCompare(b.engineId))
    .map((container) => ({ engineId: container.engineId, containerId: container.id, name: container.name }));
}
