import type { ContainerSummary } from '../../../runtime/api/index.js';

/** The label docker compose puts on every container of a project. */
export const composeProjectLabel = 'com.docker.compose.project';

export type ListItem =
  | { kind: 'group'; key: string; project: string; members: ContainerSummary[]; isCollapsed: boolean }
  | { kind: 'container'; key: string; container: ContainerSummary; isMember: boolean };

export function composeProject(container: ContainerSummary): string | null {
  const project = container.labels[composeProjectLabel];
  return project === undefined || project === '' ? null : project;
}

/**
 * The rows of the list: containers of a compose project under one header, placed where the
 * project's newest container would be (so the list stays newest first), members by name;
 * every other container on its own. Members of a collapsed project are left out.
 */
export function listItems(rows: readonly ContainerSummary[], collapsedProjects: ReadonlySet<string>): ListItem[] {
  const membersByProject = new Map<string, ContainerSummary[]>();
  for (const container of rows) {
    const project = composeProject(container);
    if (project !== null) membersByProject.set(project, [...(membersByProject.get(project) ?? []), container]);
  }
  const items: ListItem[] = [];
  const placed = new Set<string>();
  for (const container of rows) {
    const project = composeProject(container);
    if (project === null) {
      items.push({ kind: 'container', key: container.id, container, isMember: false });
      continue;
    }
    if (placed.has(project)) continue;
    placed.add(project);
    const members = [...(membersByProject.get(project) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const isCollapsed = collapsedProjects.has(project);
    items.push({ kind: 'group', key: `project:${project}`, project, members, isCollapsed });
    if (!isCollapsed) {
      for (const member of members) items.push({ kind: 'container', key: member.id, container: member, isMember: true });
    }
  }
  return items;
}
