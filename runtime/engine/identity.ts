import { createHash } from 'node:crypto';
import type { EngineIdentity } from '../api/index.js';
import { dialectOf } from './dialect.js';
import type { EngineInfo, EngineVersion } from './json/system.js';

/** What the status bar says about an engine: `/version` and `/info` -> EngineIdentity. Pure. */
export function identityOf(version: EngineVersion, info: EngineInfo): EngineIdentity {
  const podman = dialectOf(version) === 'podman';
  const platform = version.Platform?.Name?.trim();
  return {
    name: podman ? 'Podman Engine' : platform || 'Docker Engine',
    version: version.Version ?? 'unknown',
    apiVersion: version.ApiVersion ?? 'unknown',
    os: version.Os ?? 'unknown',
    arch: version.Arch ?? 'unknown',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
  };
}

/** An engine's id on the wire: stable for its URL, short, and saying nothing about the host. */
export function engineIdFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}
