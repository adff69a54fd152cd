import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, isListening } from './ports.js';
import { allSettledOrThrow, captureOk } from './process.js';
import { probeRegistry } from './test-registry.js';
import { ownerVariable, spawnService, stopService, waitForService, type ServiceOptions } from './test-service.js';
import type { Grant, TokenServerConfig, TokenUser } from './test-token.js';

/**
 * The test environment's registries that want credentials, beside the open one
 * (test-registry.ts), each Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with its
 * own storage:
 *
 * - **basic**: HTTP Basic auth from an htpasswd file made with `htpasswd -B` (bcrypt), deletion
 *   disabled (`storage.delete.enabled: false`), so a delete is refused with 405 UNSUPPORTED;
 * - **token**: Bearer tokens (`auth: token`) from the token server (test-token-server.ts, run
 *   with tsx), whose ES256 key and self-signed certificate are made for the run with openssl;
 *   deletion enabled.
 *
 * The token server knows four users with one password made for the run: `berth` may do
 * everything, `reader` may only pull and list, and `brief` and `stale` may do everything with
 * tokens the registry refuses after 2 s, `brief`'s saying so (`expires_in: 2`) and `stale`'s
 * claiming 300 s. Anybody may pull `public/*` anonymously. `berth` may also sign in with an
 * identity token (an OAuth2 refresh token).
 */

export const testRegistryUsers = { full: 'berth', reader: 'reader', shortLived: 'brief', stale: 'stale' } as const;
/** How long the `brief` and `stale` users' tokens are accepted by the token registry. */
export const shortTokenSeconds = 2;
const tokenService = 'berth-test-registry';
const tokenIssuer = 'berth-test-token-server';

export interface AuthRegistries {
  /** `127.0.0.1:PORT` of the Basic-auth registry (deletion disabled). */
  basic: string;
  /** `127.0.0.1:PORT` of the Bearer-token registry (deletion enabled). */
  token: string;
  /** The token server's realm, `http://127.0.0.1:PORT/token`. */
  tokenRealm: string;
  /** `berth`: the user with every right on both registries. */
  username: string;
  /** The password of every test user, made for the run. */
  password: string;
  /** An identity (refresh) token the token server accepts for `berth`. */
  identityToken: string;
}

/** What `record` is told as soon as it exists, for a teardown after a failed start. */
export interface AuthRegistriesProgress extends Partial<AuthRegistries> {
  basicPid?: number;
  tokenPid?: number;
  tokenServerPid?: number;
}

export function authRegistryPaths(dataDir: string) {
  const root = path.join(dataDir, 'auth-registries');
  const dirOf = (name: string) => ({ root: path.join(root, name), configFile: path.join(root, name, 'config.yml'), logFile: path.join(root, name, 'registry.log'), storage: path.join(root, name, 'data') });
  const tokenServer = path.join(root, 'token-server');
  return {
    basic: { ...dirOf('basic'), htpasswd: path.join(root, 'basic', 'htpasswd') },
    token: dirOf('token'),
    tokenServer: {
      root: tokenServer,
      configFile: path.join(tokenServer, 'config.json'),
      logFile: path.join(tokenServer, 'token-server.log'),
      keyFile: path.join(tokenServer, 'signing-key.pem'),
      certFile: path.join(tokenServer, 'signing-cert.pem'),
    },
  };
}

function registryConfig(storage: string, address: string, deleteEnabled: boolean, auth: readonly string[]): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${storage}`,
    '  delete:',
    `    enabled: ${String(deleteEnabled)}`,
    'http:',
    `  addr: ${address}`,
    'auth:',
    ...auth.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

const serviceEnv = (dataDir: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', [ownerVariable]: dataDir });

/** Starts a registry and waits until `/v2/` answers at all (these answer 401 without credentials). */
async function startRegistryService(dataDir: string, name: string, paths: { configFile: string; logFile: string }, address: string, onSpawn: (pid: number) => Promise<void>): Promise<void> {
  const options: ServiceOptions = { name, command: 'docker-registry', args: ['serve', paths.configFile], env: serviceEnv(dataDir), logFile: paths.logFile };
  const service = await spawnService(options);
  await onSpawn(service.pid);
  await waitForService(service, options, async () => (await probeRegistry(address, 500)) !== null);
}

async function startBasic(dataDir: string, secrets: { username: string; password: string }, onSpawn: (pid: number) => Promise<void>): Promise<string> {
  const paths = authRegistryPaths(dataDir).basic;
  await mkdir(paths.storage, { recursive: true, mode: 0o700 });
  // -i reads the password from stdin, so it never shows in a process list.
  await captureOk('htpasswd', ['-c', '-B', '-i', paths.htpasswd, secrets.username], { input: secrets.password });
  const address = `127.0.0.1:${await freePort()}`;
  await writeFile(paths.configFile, registryConfig(paths.storage, address, false, ['htpasswd:', '  realm: berth-test-basic', `  path: ${paths.htpasswd}`]));
  await startRegistryService(dataDir, 'docker-registry (basic auth)', paths, address, onSpawn);
  return address;
}

function tokenUsers(secrets: { password: string; identityToken: string }): Record<string, TokenUser> {
  const everything: Grant[] = [
    { type: 'repository', name: '*', actions: ['*'] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ];
  const readOnly: Grant[] = [
    { type: 'repository', name: '*', actions: ['pull'] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ];
  const { password } = secrets;
  return {
    [testRegistryUsers.full]: { password, identityToken: secrets.identityToken, grants: everything },
    [testRegistryUsers.reader]: { password, grants: readOnly },
    [testRegistryUsers.shortLived]: { password, grants: everything, lifetimeSeconds: shortTokenSeconds },
    [testRegistryUsers.stale]: { password, grants: everything, lifetimeSeconds: shortTokenSeconds, claimedLifetimeSeconds: 300 },
  };
}

/** The token server first (its certificate is the registry's rootcertbundle), then the registry. */
async function startToken(
  dataDir: string,
  secrets: { password: string; identityToken: string },
  record: (progress: AuthRegistriesProgress) => Promise<void>,
): Promise<{ token: string; tokenRealm: string }> {
  const paths = authRegistryPaths(dataDir);
  await mkdir(paths.token.storage, { recursive: true, mode: 0o700 });
  await mkdir(paths.tokenServer.root, { recursive: true, mode: 0o700 });
  const [serverPort, registryPort] = [await freePort(), await freePort()];
  const tokenRealm = `http://127.0.0.1:${serverPort}/token`;
  await captureOk('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '7',
    '-keyout', paths.tokenServer.keyFile, '-out', paths.tokenServer.certFile, '-subj', '/CN=Berth test token signer',
  ]);
  const config: TokenServerConfig = {
    address: `127.0.0.1:${serverPort}`,
    issuer: tokenIssuer,
    service: tokenService,
    keyFile: paths.tokenServer.keyFile,
    certFile: paths.tokenServer.certFile,
    users: tokenUsers(secrets),
    anonymous: [{ type: 'repository', name: 'public/*', actions: ['pull'] }],
    lifetimeSeconds: 300,
  };
  await writeFile(paths.tokenServer.configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  const serverOptions: ServiceOptions = {
    name: 'token server',
    command: process.execPath,
    args: ['--import', import.meta.resolve('tsx'), path.join(import.meta.dirname, 'test-token-server.ts'), paths.tokenServer.configFile],
    env: serviceEnv(dataDir),
    logFile: paths.tokenServer.logFile,
  };
  const tokenAddress = `127.0.0.1:${registryPort}`;
  await writeFile(
    paths.token.configFile,
    registryConfig(paths.token.storage, tokenAddress, true, ['token:', `  realm: ${tokenRealm}`, `  service: ${tokenService}`, `  issuer: ${tokenIssuer}`, `  rootcertbundle: ${paths.tokenServer.certFile}`]),
  );
  const server = await spawnService(serverOptions);
  await record({ tokenServerPid: server.pid });
  await Promise.all([
    waitForService(server, serverOptions, () => isListening(serverPort, 500)),
    startRegistryService(dataDir, 'docker-registry (token auth)', paths.token, tokenAddress, (pid) => record({ tokenPid: pid })),
  ]);
  return { token: tokenAddress, tokenRealm };
}

/** Starts both registries and the token server side by side. */
export async function startAuthRegistries(dataDir: string, record: (progress: AuthRegistriesProgress) => Promise<void>): Promise<AuthRegistries> {
  const secrets = { username: testRegistryUsers.full, password: randomBytes(18).toString('base64url'), identityToken: randomBytes(24).toString('base64url') };
  await record(secrets);
  const [basic, token] = await allSettledOrThrow<[string, { token: string; tokenRealm: string }]>([
    startBasic(dataDir, secrets, (pid) => record({ basicPid: pid })),
    startToken(dataDir, secrets, record),
  ]);
  return { ...secrets, basic, ...token };
}

/** Stops whatever of them was started, each only while its pid still runs our config. */
export async function stopAuthRegistries(dataDir: string, progress: AuthRegistriesProgress): Promise<void> {
  const paths = authRegistryPaths(dataDir);
  await Promise.all([
    progress.basicPid === undefined ? undefined : stopService(progress.basicPid, paths.basic.configFile),
    progress.tokenPid === undefined ? undefined : stopService(progress.tokenPid, paths.token.configFile),
    progress.tokenServerPid === undefined ? undefined : stopService(progress.tokenServerPid, paths.tokenServer.configFile),
  ]);
}
