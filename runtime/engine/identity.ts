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

/**
 * The oldest Engine API Berth speaks: 1.40 (Docker 19.03). Older engines lack what Berth's
 * requests rely on (the create body's fields, `NanoCpus` updates, the events filters), so they
 * are refused with a clear message rather than half working.
 */
export const minimumApiVersion = '1.40';

/** Why Berth cannot use an engine of this API version, or null when it can. */
export function unsupportedApi(identity: Pick<EngineIdentity, 'name' | 'version' | 'apiVersion'>): string | null {
  const [major = 0, minor = 0] = identity.apiVersion.split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = minimumApiVersion.split('.').map(Number);
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return null; // Not said: try, and let the calls tell.
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `${identity.name} ${identity.version} speaks API ${identity.apiVersion}; Berth needs API ${minimumApiVersion} (Docker 19.03) or newer. Upgrade the engine.`;
}

/** An engine's id on the wire: stable for its URL, short, and saying nothing about the host. */
export function engineIdFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}
