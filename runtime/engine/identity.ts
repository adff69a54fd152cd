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

/**
 * The newest Engine API Berth's requests and readers are written for (Docker 27). A newer engine
 * is spoken to at this version, as the docker CLI does, so its answers keep the shape Berth
 * reads; an older one at its own.
 */
export const maximumApiVersion = '1.47';

/** The API version to speak with an engine (null: the engine did not say; speak unversioned), or why none. */
export type ApiChoice = { ok: true; version: string | null } | { ok: false; message: string };

type Version = [number, number];

function parse(text: string | null | undefined): Version | null {
  const match = /^(\d+)\.(\d+)$/.exec(text?.trim() ?? '');
  return match ? [Number(match[1]), Number(match[2])] : null;
}

const below = (a: Version, b: Version) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * Negotiates the API version like the docker CLI: the highest version both sides know.
 * `minApiVersion` is the oldest the engine still accepts (`/version`'s `MinAPIVersion`).
 */
export function negotiateApiVersion(identity: Pick<EngineIdentity, 'name' | 'version' | 'apiVersion'>, minApiVersion?: string | null): ApiChoice {
  const engine = parse(identity.apiVersion);
  if (engine === null) return { ok: true, version: null }; // Not said: try, and let the calls tell.
  const oldest = parse(minimumApiVersion) as Version;
  const newest = parse(maximumApiVersion) as Version;
  if (below(engine, oldest)) {
    return { ok: false, message: `${identity.name} ${identity.version} speaks API ${identity.apiVersion}; Berth needs API ${minimumApiVersion} (Docker 19.03) or newer. Upgrade the engine.` };
  }
  const engineOldest = parse(minApiVersion);
  if (engineOldest !== null && below(newest, engineOldest)) {
    return {
      ok: false,
      message: `${identity.name} ${identity.version} accepts API ${minApiVersion} or newer only; this Berth speaks API ${minimumApiVersion} to ${maximumApiVersion}. Update Berth.`,
    };
  }
  return { ok: true, version: below(engine, newest) ? identity.apiVersion.trim() : maximumApiVersion };
}

/** An engine's id on the wire: stable for its URL, short, and saying nothing about the host. */
export function engineIdFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}
