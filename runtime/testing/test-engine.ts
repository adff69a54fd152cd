// How every private test engine runs (scripts/test-env.ts starts them; a test that stops and
// starts one again must use the same). Test-only; not part of the build.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ManagedEngineOptions } from '../engine/managed.js';

/**
 * The engine's own bridge, named from the data directory's unique suffix
 * (`/tmp/berth-test-Ab12Cd` -> `berth-Ab12Cd`), so a teardown finds it even after a start
 * that failed before recording anything. Interface names are limited to 15 bytes.
 */
export function testBridgeName(dataDir: string): string {
  return `berth-${path.basename(dataDir).replace(/^berth-test-/, '')}`.slice(0, 15);
}

/** The bridge of one of the run's other dockerds: `berth-Ab12Cd-t` (TLS), `berth-Ab12Cd-s` (ssh). */
export function otherBridgeName(dataDir: string, suffix: string): string {
  return `${testBridgeName(dataDir).slice(0, 12)}-${suffix}`.slice(0, 15);
}

/**
 * Several test engines run on one machine (checkouts testing at once, a developer's own
 * Docker), so each keeps to its own bridge and leaves the host's iptables alone; without
 * masquerading its containers cannot reach off the host.
 */
export function testEngineOptions(dataDir: string): ManagedEngineOptions {
  return { dataDir, bridge: testBridgeName(dataDir), iptables: false, ipMasq: false, extraArgs: ownConfigArgs(dataDir) };
}

/** Each test engine reads a daemon.json of its own, never the machine's /etc/docker/daemon.json. */
export function testEngineConfigFile(dataDir: string): string {
  return path.join(dataDir, 'engine', 'daemon.json');
}

function ownConfigArgs(dataDir: string): string[] {
  return [`--config-file=${testEngineConfigFile(dataDir)}`];
}

/**
 * Writes the engine's daemon.json (before its first start). dockerd before 23 takes its ID
 * (`docker info`'s ID) from /etc/docker/key.json, the same for every dockerd on the machine,
 * so the run's engines would all look like one: each gets a key of its own
 * (`deprecated-key-path`, a daemon.json setting only). From Docker 23 on the ID is kept per
 * data root, and the setting is left out: a dockerd that does not know a setting refuses to start.
 */
export async function writeTestEngineConfig(dataDir: string): Promise<void> {
  let major = Number.NaN;
  try {
    const { stdout } = await promisify(execFile)('dockerd', ['--version']);
    major = Number(/version (\d+)\./.exec(stdout)?.[1]);
  } catch {
    // not on PATH: starting it will say so
  }
  const config = major < 23 ? { 'deprecated-key-path': path.join(dataDir, 'engine', 'key.json') } : {};
  await mkdir(path.dirname(testEngineConfigFile(dataDir)), { recursive: true, mode: 0o700 });
  await writeFile(testEngineConfigFile(dataDir), `${JSON.stringify(config, null, 2)}\n`);
}

/** Where the TLS engine keeps its certificates; scripts/test-tls-engine.ts makes them with openssl. */
export interface TlsEnginePaths {
  /** The TLS engine's own data directory (its dockerd lives in `<root>/engine`). */
  root: string;
  /** The client side, shaped as `DOCKER_CERT_PATH` expects: `ca.pem`, `cert.pem`, `key.pem`. */
  certPath: string;
  /** The server side: `ca.pem`, `server-cert.pem`, `server-key.pem`. */
  serverDir: string;
  /** A second CA that signed nothing the engine trusts or serves. */
  wrongCa: string;
  /** `DOCKER_CERT_PATH`-shaped, with a client certificate signed by the wrong CA. */
  untrustedCertPath: string;
}

export function tlsEnginePaths(dataDir: string): TlsEnginePaths {
  const root = path.join(dataDir, 'tls');
  return {
    root,
    certPath: path.join(root, 'client'),
    serverDir: path.join(root, 'server'),
    wrongCa: path.join(root, 'wrong-ca.pem'),
    untrustedCertPath: path.join(root, 'untrusted-client'),
  };
}

/**
 * The second private dockerd: like the first, plus a listener on 127.0.0.1:PORT that
 * requires a client certificate signed by the run's CA (`--tlsverify`).
 */
export function testTlsEngineOptions(dataDir: string, port: number): ManagedEngineOptions {
  const { root, serverDir } = tlsEnginePaths(dataDir);
  return {
    ...testEngineOptions(root),
    bridge: otherBridgeName(dataDir, 't'),
    extraArgs: [
      ...ownConfigArgs(root),
      '--tlsverify',
      `--tlscacert=${path.join(serverDir, 'ca.pem')}`,
      `--tlscert=${path.join(serverDir, 'server-cert.pem')}`,
      `--tlskey=${path.join(serverDir, 'server-key.pem')}`,
      `--host=tcp://127.0.0.1:${port}`,
    ],
  };
}

/** The third private dockerd, reached over ssh: sshd's sessions get DOCKER_HOST pointing at it. */
export function testSshEngineOptions(dataDir: string): ManagedEngineOptions {
  return { ...testEngineOptions(path.join(dataDir, 'ssh')), bridge: otherBridgeName(dataDir, 's') };
}
