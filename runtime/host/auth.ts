import { timingSafeEqual } from 'node:crypto';

/**
 * The web host's gatekeeping, pure so that it is unit-tested: a request must name the host's
 * own address (DNS rebinding), come from the host's own origin when it says where it comes
 * from (CSRF, cross-site WebSockets), and carry the token (URL once, then an HttpOnly cookie).
 */
export interface HostIdentity {
  /** Every `host:port` this host answers to, e.g. `127.0.0.1:8123` and `localhost:8123`. */
  allowedHosts: ReadonlySet<string>;
  token: string;
  cookieName: string;
}

export type Verdict =
  | { ok: true; via: 'cookie' | 'query' }
  | { ok: false; status: 401 | 403; reason: string };

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  queryToken: string | null;
}

export function hostIdentity(bindHost: string, port: number, token: string): HostIdentity {
  const hosts = new Set<string>();
  const add = (name: string) => hosts.add(`${name}:${port}`);
  if (bindHost === '127.0.0.1' || bindHost === 'localhost') {
    add('127.0.0.1');
    add('localhost');
  } else if (bindHost === '::1') {
    add('[::1]');
    add('localhost');
  } else {
    add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  }
  // Cookies are not scoped by port, so the name is: two hosts on one machine never clash.
  return { allowedHosts: hosts, token, cookieName: `berth_token_${port}` };
}

export function checkRequest(identity: HostIdentity, facts: RequestFacts): Verdict {
  const host = facts.host?.toLowerCase();
  if (!host || !identity.allowedHosts.has(host)) return { ok: false, status: 403, reason: 'unexpected Host header' };
  if (facts.origin !== undefined) {
    const origin = facts.origin.toLowerCase();
    const allowed = [...identity.allowedHosts].some((allowedHost) => origin === `http://${allowedHost}`);
    if (!allowed) return { ok: false, status: 403, reason: 'unexpected Origin' };
  }
  if (facts.queryToken !== null && sameSecret(facts.queryToken, identity.token)) return { ok: true, via: 'query' };
  const fromCookie = readCookie(facts.cookie, identity.cookieName);
  if (fromCookie !== null && sameSecret(fromCookie, identity.token)) return { ok: true, via: 'cookie' };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}

export function sessionCookie(identity: HostIdentity): string {
  return `${identity.cookieName}=${identity.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
