import { readFileSync } from 'node:fs';

/** The v1 controllers read; cpuacct and memory must be there, pids and blkio may not. */
export const v1Controllers = ['cpuacct', 'memory', 'pids', 'blkio'];

/** One mount of a cgroup hierarchy: the cgroup it shows at its mount point (`root`), and where. */
export interface CgroupMount {
  root: string;
  mountPoint: string;
}

export interface MountTable {
  /** v1 hierarchies by controller (only the ones read here). */
  v1: Map<string, CgroupMount[]>;
  v2: CgroupMount[];
}

/**
 * The container's cgroup directory under one of a hierarchy's mounts: its process's cgroup path
 * cut after the part that names the full id (`/docker/<id>`, `/system.slice/docker-<id>.scope`,
 * `/machine.slice/libpod-<id>.scope`; a process that moved itself deeper, like systemd's
 * `init.scope`, still counts as the whole container, as the engine counts it). Null when no part
 * names it, or the path leads outside this process's cgroup namespace (`/..`), or no mount shows it.
 */
export function containerDir(mounts: CgroupMount[], cgroupPath: string, containerId: string): string | null {
  const parts = cgroupPath.split('/');
  if (parts.includes('..')) return null;
  const named = parts.findIndex((part) => part.includes(containerId));
  if (named < 0) return null;
  const own = parts.slice(0, named + 1).join('/');
  for (const mount of mounts) {
    if (mount.root === '/') return mount.mountPoint + own;
    if (own === mount.root) return mount.mountPoint;
    if (own.startsWith(`${mount.root}/`)) return mount.mountPoint + own.slice(mount.root.length);
  }
  return null;
}

/** The cgroup mounts of a mountinfo file: `id parent dev root mountpoint options [optional...] - fstype source superoptions`. */
export function readMountTable(file: string): MountTable {
  const table: MountTable = { v1: new Map(), v2: [] };
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return table;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0) continue;
    const type = fields[separator + 1];
    if (type !== 'cgroup' && type !== 'cgroup2') continue;
    const mount = { root: unescapeMountField(fields[3] ?? ''), mountPoint: unescapeMountField(fields[4] ?? '') };
    if (type === 'cgroup2') {
      table.v2.push(mount);
      continue;
    }
    for (const option of (fields[separator + 3] ?? '').split(',')) {
      if (!v1Controllers.includes(option)) continue;
      const list = table.v1.get(option);
      if (list) list.push(mount);
      else table.v1.set(option, [mount]);
    }
  }
  return table;
}

/** mountinfo writes a space, tab, newline or backslash in a path as `\ooo`. */
function unescapeMountField(field: string): string {
  return field.includes('\\') ? field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8))) : field;
}
