// Test-only (integration tests): the test environment's three registries as the registry
// client's tests use them, their users' credentials, and a log that keeps every line so a
// test can look for secrets in it. Not part of the build.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { readTestEnv } from '../../scripts/test-env-info.js';
import { testRegistryUsers } from '../../scripts/test-auth-registries.js';
import { RegistryClient, type RegistryClientOptions, type RegistryCredentials } from '../registry/index.js';
import { RegistrySeeder } from './registry-seed.js';

const env = readTestEnv();
const { authRegistries } = env;

export const registries = {
  /** No auth, deletion enabled. */
  open: `http://${env.registry}`,
  /** HTTP Basic, deletion disabled. */
  basic: `http://${authRegistries.basic}`,
  /** Bearer tokens, deletion enabled, `public/*` pulled anonymously. */
  token: `http://${authRegistries.token}`,
};

export const password = authRegistries.password;
export const identityToken = authRegistries.identityToken;
export const users = testRegistryUsers;

export function signIn(username: string = users.full, secret: string = password): RegistryCredentials {
  return { username, password: secret };
}

/** A client for one registry, anonymous unless given credentials; its log lines are kept in `lines`. */
export function clientFor(url: string, credentials: RegistryCredentials | null = null, options: Partial<RegistryClientOptions> = {}): { client: RegistryClient; lines: string[] } {
  const lines: string[] = [];
  const client = new RegistryClient({ url, credentials: () => credentials, log: (line) => lines.push(line), ...options });
  return { client, lines };
}

/** A seeder with full rights on a registry (`open`, `basic` or `token`). */
export function seederFor(which: keyof typeof registries): RegistrySeeder {
  const address = registries[which].slice('http://'.length);
  return which === 'open' ? new RegistrySeeder({ address }) : new RegistrySeeder({ address, username: authRegistries.username, password });
}

/** A repository name of this run: `it-1a2b3c/<label>`. */
export const uniqueRepository = (label: string): string => `it-${randomBytes(3).toString('hex')}/${label}`;

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A plain HTTP server of the test's own on 127.0.0.1 (for what no real registry does: not being one, echoing what it was sent). */
export async function startHttpServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
