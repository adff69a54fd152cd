import { z } from 'zod';

/**
 * Paths inside a volume and how its files are described, pure: both the backend (which turns a
 * path into one inside its helper container) and the UI (breadcrumbs, `ls -l` modes) need them.
 * A path is always from the volume's root (`/` is the root itself) and can never leave it.
 */

/** The engine's rule for a volume name: at least two characters, the first a letter or digit. */
export const volumeNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const volumeName = z
  .string()
  .min(1, 'is required')
  .max(255, 'is too long')
  .regex(volumeNamePattern, 'must be a volume name: 2 or more letters, digits, _ . -, starting with a letter or digit')
  .describe('The volume, by name (as `docker volume ls` lists it).');

/** Why `path` cannot name a place inside a volume, or null when it can. */
export function volumePathProblem(path: string): string | null {
  if (path.includes('\0')) return 'must not hold a NUL character';
  if (path.split('/').includes('..')) return 'must stay inside the volume: `..` is not allowed';
  return null;
}

/**
 * `path` as Berth uses it: from the root, one slash between parts, no `.` parts, no trailing
 * slash (`sub//dir/./` is `/sub/dir`; empty is `/`). Call it only on a path without a problem.
 */
export function normalizeVolumePath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return `/${parts.join('/')}`;
}

/** A path inside a volume: checked (never `..`), then normalized. */
export const volumePath = z
  .string()
  .max(4096, 'is too long')
  .superRefine((path, context) => {
    const problem = volumePathProblem(path);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .overwrite(normalizeVolumePath)
  .describe('A path inside the volume, from its root: `/` (the root), `/logs`, `/logs/app.log`. `..` is refused: a path never leaves the volume.');

/** The folders from the root to `path`, for breadcrumbs: `/a/b` gives `/`, `/a`, `/a/b`. */
export function pathTrail(path: string): { name: string; path: string }[] {
  const parts = normalizeVolumePath(path).split('/').filter(Boolean);
  return [{ name: '/', path: '/' }, ...parts.map((name, index) => ({ name, path: `/${parts.slice(0, index + 1).join('/')}` }))];
}

/** `path` joined with one more name. */
export function childPath(path: string, name: string): string {
  return path === '/' ? `/${name}` : `${path}/${name}`;
}

/** The folder holding `path` (`/` for the root and its children). */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

/**
 * Where a relative symbolic link in `folder` points, inside the volume, or null when it points
 * outside (an absolute target is a path in whatever container mounts the volume, not in it).
 */
export function linkTargetPath(folder: string, target: string): string | null {
  if (target.startsWith('/')) return null;
  const parts = folder.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The kinds of entry a volume holds, as tar records them. */
export type VolumeEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'fifo' | 'char-device' | 'block-device' | 'other';

const typeLetters: Record<VolumeEntryType, string> = {
  file: '-',
  hardlink: '-',
  directory: 'd',
  symlink: 'l',
  fifo: 'p',
  'char-device': 'c',
  'block-device': 'b',
  other: '?',
};

/**
 * The mode as `ls -l` prints it (`drwxr-xr-x`, `-rwsr-xr-x`, `drwxrwxrwt`): the type letter,
 * then read, write and execute for owner, group and others, with setuid, setgid and sticky shown
 * as `s`/`S` and `t`/`T` in the execute places. `bits` are the permission bits (07777).
 */
export function modeString(type: VolumeEntryType, bits: number): string {
  const triple = (shift: number, special: boolean, letter: string) => {
    const read = bits & (4 << shift) ? 'r' : '-';
    const write = bits & (2 << shift) ? 'w' : '-';
    const execute = (bits & (1 << shift)) !== 0;
    const last = special ? (execute ? letter : letter.toUpperCase()) : execute ? 'x' : '-';
    return `${read}${write}${last}`;
  };
  return `${typeLetters[type]}${triple(6, (bits & 0o4000) !== 0, 's')}${triple(3, (bits & 0o2000) !== 0, 's')}${triple(0, (bits & 0o1000) !== 0, 't')}`;
}
