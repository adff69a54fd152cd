import type { ContainerSummary } from '../../../runtime/api/index.js';
import { itemKey } from '../../stores/itemKey.js';

/** The label docker compose puts on every container of a project. */
export const composeProjectLabel = 'com.docker.compose.project';

export type ListItem =
  | { kind: 'group'; key: string; engineId: string; project: string; projectKey: string; members: ContainerSummary[]; isCollapsed: boolean }
  | { kind: 'container'; key: string; container: ContainerSummary; isMember: boolean };

export function composeProject(container: ContainerSummary): string | null {
  const project = container.labels[composeProjectLabel];
  return project === undefined || project === '' ? null : project;
}

/** A project is one engine's: two engines' projects of the same name are two groups. */
export function projectKey(engineId: string, project: string): string {
  return itemKey(engineId, project);
}

/**
 * The rows of the list: containers of a compose project under one header, placed where the
 * project's newest container would be (so the list stays newest first), members by name;
 * every other container on its own. Members of a collapsed project (by `projectKey`) are left out.
 */
export function listItems(rows: readonly ContainerSummary[], collapsedProjects: ReadonlySet<string>): ListItem[] {
  const membersByProject = new Map<string, ContainerSummary[]>();
  for (const container of rows) {
    const project = composeProject(container);
    if (project === null) continue;
    const key = projectKey(container.engineId, project);
    membersByProject.set(key, [...(membersByProject.get(key) ?? []), container]);
  }
  const items: ListItem[] = [];
  const placed = new Set<string>();
  for (const container of rows) {
    const project = composeProject(container);
    if (project === null) {
      items.push({ kind: 'container', key: itemKey(container.engineId, container.id), container, isMember: false });
      continue;
    }
    const key = projectKey(container.engineId, project);
    if (placed.has(key)) continue;
    placed.add(key);
    const members = [...(membersByProject.get(key) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const isCollapsed = collapsedProjects.has(key);
    items.push({ kind: 'group', key: `project:${key}`, engineId: container.engineId, project, projectKey: key, members, isCollapsed });
    if (!isCollapsed) {
      for (const member of members) items.push({ kind: 'container', key: itemKey(member.engineId, member.id), container: member, isMember: true });
    }
  }
  return items;
}
