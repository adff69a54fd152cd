import { isIP } from 'node:net';
import { BerthError } from '../api/index.js';

/**
 * Where a registry is: the address a user types (`127.0.0.1:5000`, `https://registry.example`,
 * `http://localhost:5000`, `docker.io`) read into the origin requests go to and the host name
 * credentials are kept under. https unless said otherwise; plain http only for loopback
 * addresses or hosts the caller marks insecure, because credentials and tokens would cross
 * the network readable.
 */

export interface RegistryEndpoint {
  /** How the registry is named to credential stores and the user: `host[:port]`, `docker.io` for Docker Hub. */
  host: string;
  /** Where requests go: `https://host[:port]` or `http://host[:port]`. */
  origin: string;
  /** True for https. */
  secure: boolean;
  /** Plain http was allowed for this host by the caller (not only because it is a loopback address). */
  insecure: boolean;
}

export interface EndpointOptions {
  /** The user marked this host insecure: plain http is allowed for it. */
  insecure?: boolean;
}

const dockerHubNames = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function invalid(message: string): BerthError {
  return new BerthError('invalid_argument', message, { field: 'url' });
}

/** `localhost`, 127.0.0.0/8, ::1 (the brackets of a URL's IPv6 host removed). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Reads a registry address; throws `invalid_argument` (field `url`) naming what is wrong. */
export function parseRegistryAddress(input: string, options: EndpointOptions = {}): RegistryEndpoint {
  const text = input.trim();
  if (text === '') throw invalid('url: is required (a registry address such as registry.example.com or http://127.0.0.1:5000)');
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'https';
  if (scheme !== 'http' && scheme !== 'https') throw invalid(`url: ${scheme}:// is not a registry scheme (use https://, or http:// for a loopback or insecure host)`);
  let url: URL;
  try {
    url = new URL(schemeMatch ? text : `https://${text}`);
  } catch {
    // The text is not echoed: it may hold a password typed into the wrong field.
    throw invalid('url: is not a valid registry address (expected host[:port] or http(s)://host[:port])');
  }
  if (url.username !== '' || url.password !== '') throw invalid('url: must not hold a username or password; give them as the credentials instead');
  if (url.search !== '' || url.hash !== '') throw invalid('url: must not have a query or fragment');
  if (url.pathname !== '/' && url.pathname !== '/v2' && url.pathname !== '/v2/') throw invalid(`url: registries answer at the root of their host, not under ${url.pathname}`);
  if (url.hostname === '') throw invalid('url: has no host');

  const host = url.host.toLowerCase();
  if (dockerHubNames.has(host)) {
    if (scheme === 'http') throw invalid('url: Docker Hub is reached over https only');
    return { host: 'docker.io', origin: 'https://registry-1.docker.io', secure: true, insecure: false };
  }
  const insecure = options.insecure === true;
  if (scheme === 'http' && !insecure && !isLoopbackHost(url.hostname)) {
    throw invalid(`url: plain http is allowed only for loopback addresses and hosts marked insecure; ${host} would see credentials and tokens unencrypted (use https://${host}, or mark it insecure)`);
  }
  return { host, origin: `${scheme}://${host}`, secure: scheme === 'https', insecure };
}
