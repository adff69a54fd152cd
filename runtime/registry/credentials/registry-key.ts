import { BerthError } from '../../api/index.js';

/**
 * The key a login is kept under, as the docker CLI keys it: Docker Hub is
 * `https://index.docker.io/v1/`, every other registry is `host[:port]` with any scheme and path
 * stripped (`http://127.0.0.1:5000/v2/` -> `127.0.0.1:5000`). The same key is used for every
 * store, and for the `ServerURL` a credential helper is asked about, so what `docker login`
 * stored is found and what Berth stores is found by `docker`.
 */

export const dockerHubKey = 'https://index.docker.io/v1/';

// Names the docker CLI and the engine use for Docker Hub's registry.
const dockerHubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

// A DNS name or IPv4 address with an optional port, or a bracketed IPv6 address with an optional port.
const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export type KeyResult = { ok: true; key: string } | { ok: false; reason: string };

/**
 * The key for what a user or a config file names a registry by. The text is never repeated in a
 * reason: a pasted `user:password@host` must not end up in an error message.
 */
export function checkRegistryKey(text: string): KeyResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty; give a host, host:port or URL, e.g. 127.0.0.1:5000' };
  let host: string;
  const schemeEnd = trimmed.indexOf('://');
  if (schemeEnd >= 0) {
    const rest = trimmed.slice(schemeEnd + 3);
    const authority = rest.split(/[/?#]/, 1)[0] ?? '';
    if (authority.includes('@')) return { ok: false, reason: 'holds a user or password; give the registry alone and the username and password separately' };
    host = authority;
    // Like the CLI (Go's url.Hostname()), a URL without a port keeps the IPv6 address bare.
    if (/^\[[^\]]*\]$/.test(host)) host = host.slice(1, -1);
  } else {
    host = trimmed.split('/', 1)[0] ?? '';
    if (host.includes('@')) return { ok: false, reason: 'holds a user or password; give the registry alone and the username and password separately' };
  }
  if (host === '') return { ok: false, reason: 'names no host; give a host, host:port or URL, e.g. 127.0.0.1:5000' };
  if (dockerHubHosts.has(host.toLowerCase())) return { ok: true, key: dockerHubKey };
  if (!hostPattern.test(host) && !isBareIpv6(host)) return { ok: false, reason: 'is not a registry host; give a host, host:port or URL, e.g. 127.0.0.1:5000' };
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && !isBareIpv6(host) && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, reason: 'has a port outside 1-65535' };
  return { ok: true, key: host };
}

/** `checkRegistryKey` for input at a boundary: a refusal is an `invalid_argument` naming `field`. */
export function registryKey(text: string, field = 'registry'): string {
  const result = checkRegistryKey(text);
  if (!result.ok) throw new BerthError('invalid_argument', `${field} ${result.reason}.`, { field });
  return result.key;
}

/** The key of a name found in a file or a helper's list, or null when it names no registry. */
export function keyOrNull(text: string): string | null {
  const result = checkRegistryKey(text);
  return result.ok ? result.key : null;
}

function isBareIpv6(host: string): boolean {
  return host.includes(':') && /^[0-9A-Fa-f:.]+$/.test(host) && (host.match(/:/g)?.length ?? 0) >= 2;
}
