import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a test needs to know about the running test environment (see scripts/test-env.ts):
 * read from the BERTH_TEST_* variables that `npm test` passes down, or, when a developer
 * started the environment by hand with `tsx scripts/test-env.ts up`, from .berth-test/env.json.
 */

export interface TestEnv {
  /** The private engine, e.g. `unix:///tmp/berth-test-Ab12Cd/engine/docker.sock`. */
  engineUrl: string;
  /** Berth's data directory for the run; the managed engine lives in `<dataDir>/engine`. */
  dataDir: string;
  /** The plain-HTTP registry, `127.0.0.1:PORT` (no auth). */
  registry: string;
  /** The busybox image in the private engine: `berth-test/busybox:latest`. */
  image: string;
  /** The same image pushed to the registry: `127.0.0.1:PORT/berth-test/busybox:latest`. */
  registryImage: string;
  /** A second private dockerd, reached over TCP with mutual TLS; it holds the same image. */
  tls: TlsTestEngine;
  /** A third private dockerd, reached over ssh with `docker system dial-stdio`; it holds the same image. */
  ssh: SshTestEngine;
  /** Podman 4.3's Docker-compatible API; it holds the same image. */
  podman: PodmanTestEngine;
  /** Two more registries that want credentials (see scripts/test-auth-registries.ts for their users). */
  authRegistries: AuthTestRegistries;
}

export interface TlsTestEngine {
  /** `tcp://127.0.0.1:PORT`. The engine accepts only clients with a certificate signed by the run's CA (`--tlsverify`). */
  url: string;
  /** What `DOCKER_CERT_PATH` expects: `ca.pem` (the run's CA), `cert.pem` and `key.pem` (a client certificate it signed). */
  certPath: string;
  /** An unrelated CA (`wrong-ca.pem`): verifying the engine's certificate against it must fail. */
  wrongCa: string;
  /** `DOCKER_CERT_PATH`-shaped too, but its client certificate is signed by the unrelated CA: the engine must refuse it. */
  untrustedCertPath: string;
}

export interface SshTestEngine {
  /**
   * `ssh://root@127.0.0.1:PORT`: sshd on 127.0.0.1, keys only, whose sessions have
   * DOCKER_HOST set to the engine. Needs `key` and `knownHosts` (or `config`).
   */
  url: string;
  /**
   * An ssh_config (`ssh -F`) for the run: `Host berth-test-ssh` and `127.0.0.1` with the port,
   * user, key and known_hosts, `StrictHostKeyChecking yes`, no agent, no prompts; and
   * `Host berth-test-ssh-wrong-host-key`, the same with the wrong known_hosts.
   */
  config: string;
  /** The client's private key (ed25519, no passphrase). */
  key: string;
  /** known_hosts with the run's host key for `[127.0.0.1]:PORT`. */
  knownHosts: string;
  /** known_hosts with a different key for the same host: a connection checked against it must be refused. */
  wrongKnownHosts: string;
  /**
   * A directory holding an `ssh` that runs `/usr/bin/ssh -F <config>`. OpenSSH reads
   * ~/.ssh/config from the passwd entry, never $HOME, so a program that runs `ssh` from
   * PATH (the docker CLI for `-H ssh://...`) gets the run's config with this first on PATH.
   */
  binDir: string;
}

export interface PodmanTestEngine {
  /**
   * `unix:///tmp/berth-test-Ab12Cd/podman/podman.sock`. The test image was imported through
   * the Docker API, so Podman lists it as `docker.io/berth-test/busybox:latest`. Podman runs
   * in a network namespace of its own: the registry is there at the same address, but
   * neither its containers nor their published ports can be reached from the host.
   */
  url: string;
}

export interface AuthTestRegistries {
  /** `127.0.0.1:PORT`, plain HTTP: HTTP Basic auth (htpasswd, bcrypt) for `username`; deletion disabled. */
  basic: string;
  /** `127.0.0.1:PORT`, plain HTTP: Bearer tokens from `tokenRealm`; deletion enabled; `public/*` may be pulled anonymously. */
  token: string;
  /** The token server, `http://127.0.0.1:PORT/token`. */
  tokenRealm: string;
  /** `berth`, who may do everything on both. The token registry's other users share the password. */
  username: string;
  /** Made for the run. */
  password: string;
  /** An identity (OAuth2 refresh) token the token server takes for `username`. */
  identityToken: string;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const testEnvFile = path.join(repoRoot, '.berth-test', 'env.json');

/** The variables handed to child processes (vitest, Playwright, the docker CLI). */
export function testEnvVars(env: TestEnv): Record<string, string> {
  return {
    DOCKER_HOST: env.engineUrl,
    // The tests' own docker CLI config: logins made by a test (through the docker CLI or through
    // Berth, which keeps them where the CLI does) never touch the user's ~/.docker.
    DOCKER_CONFIG: path.join(env.dataDir, 'docker-config'),
    BERTH_TEST_ENGINE_URL: env.engineUrl,
    BERTH_TEST_DATA_DIR: env.dataDir,
    BERTH_TEST_REGISTRY: env.registry,
    BERTH_TEST_IMAGE: env.image,
    BERTH_TEST_REGISTRY_IMAGE: env.registryImage,
    BERTH_TEST_TLS_ENGINE_URL: env.tls.url,
    BERTH_TEST_TLS_CERT_PATH: env.tls.certPath,
    BERTH_TEST_TLS_WRONG_CA: env.tls.wrongCa,
    BERTH_TEST_TLS_UNTRUSTED_CERT_PATH: env.tls.untrustedCertPath,
    BERTH_TEST_SSH_URL: env.ssh.url,
    BERTH_TEST_SSH_CONFIG: env.ssh.config,
    BERTH_TEST_SSH_KEY: env.ssh.key,
    BERTH_TEST_SSH_KNOWN_HOSTS: env.ssh.knownHosts,
    BERTH_TEST_SSH_WRONG_KNOWN_HOSTS: env.ssh.wrongKnownHosts,
    BERTH_TEST_SSH_BIN_DIR: env.ssh.binDir,
    BERTH_TEST_PODMAN_URL: env.podman.url,
    BERTH_TEST_BASIC_REGISTRY: env.authRegistries.basic,
    BERTH_TEST_TOKEN_REGISTRY: env.authRegistries.token,
    BERTH_TEST_TOKEN_REALM: env.authRegistries.tokenRealm,
    BERTH_TEST_REGISTRY_USER: env.authRegistries.username,
    BERTH_TEST_REGISTRY_PASSWORD: env.authRegistries.password,
    BERTH_TEST_REGISTRY_IDENTITY_TOKEN: env.authRegistries.identityToken,
  };
}

type Fields<T> = { [K in keyof T]: string };

/** Every field of `names` read from `source`, or null when one is missing or not a string. */
function pick<T>(source: Record<string, unknown>, names: Fields<T>): T | null {
  const picked: Record<string, string> = {};
  for (const [field, name] of Object.entries<string>(names)) {
    const value = source[name];
    if (typeof value !== 'string' || value === '') return null;
    picked[field] = value;
  }
  return picked as T;
}

const tlsVariables: Fields<TlsTestEngine> = {
  url: 'BERTH_TEST_TLS_ENGINE_URL',
  certPath: 'BERTH_TEST_TLS_CERT_PATH',
  wrongCa: 'BERTH_TEST_TLS_WRONG_CA',
  untrustedCertPath: 'BERTH_TEST_TLS_UNTRUSTED_CERT_PATH',
};
const sshVariables: Fields<SshTestEngine> = {
  url: 'BERTH_TEST_SSH_URL',
  config: 'BERTH_TEST_SSH_CONFIG',
  key: 'BERTH_TEST_SSH_KEY',
  knownHosts: 'BERTH_TEST_SSH_KNOWN_HOSTS',
  wrongKnownHosts: 'BERTH_TEST_SSH_WRONG_KNOWN_HOSTS',
  binDir: 'BERTH_TEST_SSH_BIN_DIR',
};
const podmanVariables: Fields<PodmanTestEngine> = { url: 'BERTH_TEST_PODMAN_URL' };
const authRegistryVariables: Fields<AuthTestRegistries> = {
  basic: 'BERTH_TEST_BASIC_REGISTRY',
  token: 'BERTH_TEST_TOKEN_REGISTRY',
  tokenRealm: 'BERTH_TEST_TOKEN_REALM',
  username: 'BERTH_TEST_REGISTRY_USER',
  password: 'BERTH_TEST_REGISTRY_PASSWORD',
  identityToken: 'BERTH_TEST_REGISTRY_IDENTITY_TOKEN',
};

/** The same field names in env.json as in TestEnv. */
function identity<T>(names: Fields<T>): Fields<T> {
  return Object.fromEntries(Object.keys(names).map((field) => [field, field])) as Fields<T>;
}

function fromVariables(vars: NodeJS.ProcessEnv): TestEnv | null {
  const { BERTH_TEST_ENGINE_URL, BERTH_TEST_DATA_DIR, BERTH_TEST_REGISTRY, BERTH_TEST_IMAGE, BERTH_TEST_REGISTRY_IMAGE } = vars;
  if (!BERTH_TEST_ENGINE_URL || !BERTH_TEST_DATA_DIR || !BERTH_TEST_REGISTRY || !BERTH_TEST_IMAGE) return null;
  const tls = pick<TlsTestEngine>(vars, tlsVariables);
  const ssh = pick<SshTestEngine>(vars, sshVariables);
  const podman = pick<PodmanTestEngine>(vars, podmanVariables);
  const authRegistries = pick<AuthTestRegistries>(vars, authRegistryVariables);
  if (!tls || !ssh || !podman || !authRegistries) return null;
  return {
    engineUrl: BERTH_TEST_ENGINE_URL,
    dataDir: BERTH_TEST_DATA_DIR,
    registry: BERTH_TEST_REGISTRY,
    image: BERTH_TEST_IMAGE,
    registryImage: BERTH_TEST_REGISTRY_IMAGE || `${BERTH_TEST_REGISTRY}/${BERTH_TEST_IMAGE}`,
    tls,
    ssh,
    podman,
    authRegistries,
  };
}

/** The environment from env.json's fields, or null while any is missing (a start still running, or one that failed). */
export function testEnvFromState(record: Record<string, unknown>): TestEnv | null {
  const { engineUrl, dataDir, registry, image, registryImage } = record;
  if (typeof engineUrl !== 'string' || typeof dataDir !== 'string' || typeof registry !== 'string' || typeof image !== 'string') return null;
  const nested = (name: string): Record<string, unknown> => {
    const value = record[name];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  };
  const tls = pick<TlsTestEngine>(nested('tls'), identity(tlsVariables));
  const ssh = pick<SshTestEngine>(nested('ssh'), identity(sshVariables));
  const podman = pick<PodmanTestEngine>(nested('podman'), identity(podmanVariables));
  const authRegistries = pick<AuthTestRegistries>(nested('authRegistries'), identity(authRegistryVariables));
  if (!tls || !ssh || !podman || !authRegistries) return null;
  return { engineUrl, dataDir, registry, image, registryImage: typeof registryImage === 'string' ? registryImage : `${registry}/${image}`, tls, ssh, podman, authRegistries };
}

function fromFile(file: string): TestEnv | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  return testEnvFromState(parsed as Record<string, unknown>);
}

/** The test environment, or null when none is running. */
export function findTestEnv(vars: NodeJS.ProcessEnv = process.env): TestEnv | null {
  return fromVariables(vars) ?? fromFile(testEnvFile);
}

/** The test environment; throws with instructions when none is running. */
export function readTestEnv(vars: NodeJS.ProcessEnv = process.env): TestEnv {
  const env = findTestEnv(vars);
  if (env === null) {
    throw new Error(
      'No Berth test environment: set the BERTH_TEST_* variables (npm test does) or start one with `npx tsx scripts/test-env.ts up` (as root).',
    );
  }
  return env;
}
