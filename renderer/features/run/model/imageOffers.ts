import type { ImageConfig } from '../../../../runtime/api/index.js';
import type { MountRow, PortRow } from './runDraft.js';

/**
 * What an image offers the Run form: its exposed ports (to publish) and its volumes (to mount
 * a named volume at). Offered, never added on their own: each becomes a row only when the user
 * ticks it, and unticking takes exactly that row away. Pure.
 */

export type ExposedPort = ImageConfig['exposedPorts'][number];

/** The row publishing this exposed port, if the draft has one. */
export function portRowIndex(ports: readonly PortRow[], exposed: ExposedPort): number {
  return ports.findIndex((row) => row.containerPort.trim() === String(exposed.port) && row.protocol === exposed.protocol);
}

/** The mount at this path, if the draft has one (of any type: the path is taken). */
export function mountRowIndex(mounts: readonly MountRow[], target: string): number {
  return mounts.findIndex((row) => row.target.trim() === target);
}

/** A random host port on all addresses, as `-p 80` publishes it; the user may type a fixed one. */
export function offeredPortRow(exposed: ExposedPort): Omit<PortRow, 'rowId'> {
  return { hostIp: '', hostPort: '', containerPort: String(exposed.port), protocol: exposed.protocol };
}

/** A named volume at the image's volume path, named after the image and the path (`app-data` for `app:1` and `/data`). */
export function offeredMountRow(image: string, target: string): Omit<MountRow, 'rowId'> {
  return { type: 'volume', source: suggestedVolumeName(image, target), target, readOnly: false, options: '' };
}

export function suggestedVolumeName(image: string, target: string): string {
  const repository = image.trim().replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const base = repository.split('/').pop() ?? '';
  const path = target.split('/').filter((part) => part !== '').join('-');
  const name = [base, path].filter((part) => part !== '').join('-').replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  // The engine wants at least two characters, the first a letter or digit.
  return name.length >= 2 ? name : `volume-${name}`.replace(/-$/, '');
}
