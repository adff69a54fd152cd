import { readFileSync } from 'node:fs';
import type { EngineEntry, EngineSource, EngineStatus, EngineTls } from '../../api/index.js';
import type { EndpointAccess, TlsMaterial } from '../endpoint.js';
import { parseEngineUrl } from '../endpoint.js';
import { engineIdFor } from '../identity.js';

/**
 * What the registry knows of one engine besides its connection: where it is, what it is called,
 * and the rules that go with that (its colour, its warning, how to reach it). Pure but for
 * reading the TLS files when connecting.
 */
export interface MemberConfig {
  url: string;
  name: string;
  color: string;
  source: EngineSource | 'user';
  why: string;
  addedByUser: boolean;
  /** Berth keeps it connected. */
  enabled: boolean;
  tls?: EngineTls | undefined;
  sshConfigPath?: string | undefined;
}

/** Colours for engines the user has not coloured, picked by the URL so each keeps its own. */
const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#db2777', '#65a30d'];

export function defaultColor(url: string): string {
  return palette[Number.parseInt(engineIdFor(url).slice(0, 6), 16) % palette.length] as string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** The one-line warning an engine carries, if any: plain TCP to another host is root for anyone on the path. */
export function warningFor(url: string, tls: EngineTls | undefined): string | undefined {
  const target = parseEngineUrl(url);
  if (target.kind !== 'tcp' || target.tls || tls !== undefined) return undefined;
  if (loopbackHosts.has(target.host) || target.host.startsWith('127.')) return undefined;
  return `Unencrypted: anyone on the network path to ${target.host} can read this traffic and control the engine, which is root on that host. Use TLS or ssh://.`;
}

/** Reads the certificate files of a TLS engine when connecting; a missing file is the engine's failure to report. */
export function accessOf(config: Pick<MemberConfig, 'tls' | 'sshConfigPath'>): EndpointAccess {
  const access: EndpointAccess = {};
  if (config.tls) {
    const material: TlsMaterial = { rejectUnauthorized: config.tls.verify };
    if (config.tls.caPath) material.ca = readFileSync(config.tls.caPath);
    if (config.tls.certPath) material.cert = readFileSync(config.tls.certPath);
    if (config.tls.keyPath) material.key = readFileSync(config.tls.keyPath);
    access.tls = material;
  }
  if (config.sshConfigPath) access.ssh = { configFile: config.sshConfigPath };
  return access;
}

/** One row of `engines.list`. */
export function entryOf(config: MemberConfig, status: EngineStatus | null, isDefault: boolean, latency: EngineEntry['latency']): EngineEntry {
  const entry: EngineEntry = {
    engineId: engineIdFor(config.url),
    name: config.name,
    color: config.color,
    url: config.url,
    source: config.source,
    why: config.why,
    isDefault,
    enabled: config.enabled || isDefault,
    state: status?.state ?? 'disconnected',
    latency,
  };
  if (status?.identity) entry.identity = status.identity;
  if (status?.reason) entry.reason = status.reason;
  if (status?.retryInMs !== undefined) entry.retryInMs = status.retryInMs;
  if (config.tls) entry.tls = config.tls;
  if (config.sshConfigPath) entry.sshConfigPath = config.sshConfigPath;
  const warning = warningFor(config.url, config.tls);
  if (warning) entry.warning = warning;
  return entry;
}
