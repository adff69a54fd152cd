import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { managedEnginePaths, startManagedEngine, stopManagedEngine } from '../runtime/engine/managed.js';
import { probeEngine } from '../runtime/engine/probe.js';
import { otherBridgeName, testBridgeName, testEngineOptions, testSshEngineOptions, tlsEnginePaths, writeTestEngineConfig } from '../runtime/testing/test-engine.js';
import { isListening } from './ports.js';
import { allSettledOrThrow, capture, isAlive } from './process.js';
import { startAuthRegistries, stopAuthRegistries } from './test-auth-registries.js';
import { createBridge, removeBridge } from './test-bridge.js';
import { killLeftoverProcesses, unmountUnder } from './test-env-cleanup.js';
import { dockerEngineDirs, isInUse, readState, writeState, type TestEnvState } from './test-env-state.js';
import { testEnvFile, testEnvFromState, testEnvVars, type TestEnv } from './test-env-info.js';
import { buildTestImages, dockerEnv, makeTestImageTarball } from './test-images.js';
import { podmanPaths, startPodman, stopPodman } from './test-podman.js';
import { probeRegistry, registryPaths, startRegistry, stopRegistry } from './test-registry.js';
import { startSshEngine, stopSshEngine } from './test-ssh.js';
import { startTlsEngine } from './test-tls-engine.js';

/**
 * The environment integration and end-to-end tests run against: a private dockerd started
 * through Berth's own managed-engine code (on a bridge of its own, leaving the host's iptables
 * alone, ip-masq off), a registry on 127.0.0.1 (and two that want credentials: HTTP Basic and
 * Bearer tokens, test-auth-registries.ts), and the busybox test images; and the other
 * kinds of engine Berth connects to: a second dockerd behind mutual TLS on 127.0.0.1
 * (test-tls-engine.ts), a third behind a private sshd (test-ssh.ts), and Podman's
 * Docker-compatible API (test-podman.ts). They start side by side, all under one temp
 * directory that `down` removes again, with the bridges.
 *
 *   tsx scripts/test-env.ts up     # prints `export VAR=...` lines; progress goes to stderr
 *   tsx scripts/test-env.ts down
 *
 * The state is kept in .berth-test/env.json, written step by step, so `down` also cleans up
 * after a start that failed halfway.
 */

// Short, because unix socket paths (dockerd's, containerd's under the exec root) are limited to 107 bytes.
const tempPrefix = '/tmp/berth-test-';

function log(message: string): void {
  console.error(`[test-env] ${message}`);
}

function completeEnv(state: TestEnvState): TestEnv | null {
  return state.registryImage === undefined ? null : testEnvFromState({ ...state });
}

async function isRunning(env: TestEnv, state: TestEnvState): Promise<boolean> {
  const probes = await Promise.all([
    probeEngine(env.engineUrl, { timeoutMs: 2000 }).then((result) => result.ok),
    probeRegistry(env.registry, 2000).then((status) => status === 200),
    probeRegistry(env.authRegistries.basic, 2000).then((status) => status === 401),
    probeRegistry(env.authRegistries.token, 2000).then((status) => status === 401),
    isListening(Number(new URL(env.authRegistries.tokenRealm).port), 2000),
    probeEngine(managedEnginePaths(tlsEnginePaths(env.dataDir).root).url, { timeoutMs: 2000 }).then((result) => result.ok),
    probeEngine(managedEnginePaths(testSshEngineOptions(env.dataDir).dataDir).url, { timeoutMs: 2000 }).then((result) => result.ok),
    probeEngine(env.podman.url, { timeoutMs: 2000 }).then((result) => result.ok),
  ]);
  return probes.every(Boolean) && state.ssh?.sshdPid !== undefined && isAlive(state.ssh.sshdPid);
}

export interface StartedTestEnv {
  env: TestEnv;
  /** DOCKER_HOST and the BERTH_TEST_* variables for child processes. */
  vars: Record<string, string>;
}

export interface StartOptions {
  /** Hand back a complete, running environment that `up` started earlier instead of failing (the CLI does). */
  reuse?: boolean;
}

/**
 * Starts a fresh test environment owned by this process. An environment left over with
 * nothing alive is cleaned up first; a live one is reused when `reuse` is set and it is
 * complete, and is otherwise an error: it belongs to someone else.
 */
export async function startTestEnv(options: StartOptions = {}): Promise<StartedTestEnv> {
  const previous = await readState();
  if (previous) {
    const env = completeEnv(previous);
    if (options.reuse && env && (await isRunning(env, previous))) {
      log(`reusing the environment in ${env.dataDir}`);
      return { env, vars: testEnvVars(env) };
    }
    if (await isInUse(previous)) {
      throw new Error(
        `A test environment is already in use (${previous.dataDir}, started by pid ${previous.ownerPid}; ${testEnvFile}). ` +
          'Wait for that run to finish, or stop it with `npx tsx scripts/test-env.ts down`.',
      );
    }
    log(`cleaning up a stale environment in ${previous.dataDir}`);
    await stopTestEnv();
  }

  const state: TestEnvState = { dataDir: await mkdtemp(tempPrefix), ownerPid: process.pid };
  try {
    await writeState(state, true);
  } catch (error) {
    await rm(state.dataDir, { recursive: true, force: true });
    throw new Error(`Another test environment is starting in this checkout (${testEnvFile} appeared): ${String(error)}`);
  }
  try {
    await startAll(state);
  } catch (error) {
    log('start failed; cleaning up');
    await stopTestEnv({ onlyOwnedBy: process.pid });
    throw error;
  }
  const env = completeEnv(state);
  if (!env) throw new Error('internal: test environment state incomplete after start');
  log(`up: engine ${env.engineUrl}, registry ${env.registry} (basic auth ${env.authRegistries.basic}, token auth ${env.authRegistries.token}), image ${env.image}, TLS engine ${env.tls.url}, ssh engine ${env.ssh.url}, Podman ${env.podman.url}`);
  return { env, vars: testEnvVars(env) };
}

/**
 * Everything starts side by side, each engine recording its progress in the state as it
 * goes: the registry; the first engine (whose image is pushed to the registry once both are
 * up); the TLS engine; the ssh engine with its sshd; Podman (which serves the registry's
 * storage again inside its network namespace). Every engine imports the same busybox tarball. Waits for
 * all of them before failing, so a cleanup never races a start still under way.
 */
async function startAll(state: TestEnvState): Promise<void> {
  const { dataDir } = state;
  const save = (): Promise<void> => writeState(state);
  await mkdir(path.join(dataDir, 'docker-config'), { recursive: true });
  const tarball = makeTestImageTarball(dataDir);
  const registry = (async () => {
    state.registryConfig = registryPaths(dataDir).configFile;
    const started = await startRegistry(dataDir, async (pid) => {
      state.registryPid = pid;
      await save();
    });
    state.registry = started.address;
    await save();
    return started.address;
  })();
  const firstEngine = (async () => {
    const bridge = testBridgeName(dataDir);
    log(`creating the bridge ${bridge}: ${await createBridge(bridge)}`);
    state.engineUrl = managedEnginePaths(dataDir).url;
    await save();
    await writeTestEngineConfig(dataDir);
    await startManagedEngine(testEngineOptions(dataDir));
    const images = await buildTestImages(state.engineUrl, dataDir, await registry, await tarball);
    state.image = images.image;
    state.registryImage = images.registryImage;
    await save();
  })();
  const authRegistries = (async () => {
    const started = await startAuthRegistries(dataDir, async (progress) => {
      state.authRegistries = { ...state.authRegistries, ...progress };
      await save();
    });
    state.authRegistries = { ...state.authRegistries, ...started };
    await save();
  })();
  const tlsEngine = (async () => {
    state.tls = await startTlsEngine(dataDir, tarball, async (url) => {
      state.tls = { url };
      await save();
    });
    await save();
  })();
  const sshEngine = (async () => {
    const started = await startSshEngine(dataDir, tarball, async (progress) => {
      state.ssh = { ...state.ssh, ...progress };
      await save();
    });
    state.ssh = { ...state.ssh, ...started };
    await save();
  })();
  const podman = (async () => {
    const url = await startPodman(dataDir, registry, tarball, async (progress) => {
      state.podman = { ...state.podman, ...progress };
      await save();
    });
    state.podman = { ...state.podman, url };
    await save();
  })();
  await allSettledOrThrow([tarball, registry, authRegistries, firstEngine, tlsEngine, sshEngine, podman]);
}

export interface StopOptions {
  /** Leave the environment alone unless this process started it (what `npm test` passes). */
  onlyOwnedBy?: number;
}

/** Tears down whatever .berth-test/env.json says was started. Idempotent. */
export async function stopTestEnv(options: StopOptions = {}): Promise<void> {
  const state = await readState();
  if (!state) return;
  if (options.onlyOwnedBy !== undefined && state.ownerPid !== options.onlyOwnedBy) {
    log(`leaving ${state.dataDir} alone: pid ${state.ownerPid} started it, not this run`);
    return;
  }
  const { dataDir } = state;
  // Never rm -rf something this script did not make.
  if (!dataDir.startsWith(tempPrefix) || dataDir.includes('..')) throw new Error(`Refusing to remove ${dataDir}: not a test data directory.`);
  const problems: string[] = [];
  const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // Best effort, through each engine's own API while it still answers: a test may be removing
  // a container right now ("removal already in progress"), and whatever is left ends with
  // the engine below anyway. A user-defined network's bridge (br-<id>) outlives its engine;
  // only the engine can remove it.
  const engineUrls = [...dockerEngineDirs(dataDir).map((dir) => managedEnginePaths(dir).url), podmanPaths(dataDir).url];
  await Promise.all(engineUrls.map((url) => emptyEngine(url, dataDir)));
  const { registryPid } = state;
  await Promise.all([
    attempt('stopping the managed engine', async () => {
      await stopManagedEngine({ dataDir });
    }),
    attempt('stopping the TLS engine', async () => {
      await stopManagedEngine({ dataDir: tlsEnginePaths(dataDir).root });
    }),
    attempt('stopping the ssh engine', () => stopSshEngine(dataDir, state.ssh?.sshdPid)),
    attempt('stopping Podman', () => stopPodman(dataDir, state.podman ?? {})),
    registryPid === undefined
      ? Promise.resolve()
      : attempt('stopping the registry', () => stopRegistry(registryPid, state.registryConfig ?? registryPaths(dataDir).configFile)),
    attempt('stopping the registries with auth', () => stopAuthRegistries(dataDir, state.authRegistries ?? {})),
  ]);
  // After a hard engine death: containerd, shims, a registry whose pid was never recorded,
  // sshd's sessions, Podman's conmons, container processes.
  await attempt('stopping leftover processes', () => killLeftoverProcesses(dataDir));
  // Only once their engines are gone; derived from the directory, so also after a start that failed early.
  await attempt('removing the bridges', async () => {
    for (const bridge of [testBridgeName(dataDir), otherBridgeName(dataDir, 't'), otherBridgeName(dataDir, 's')]) await removeBridge(bridge);
  });
  await attempt('unmounting', () => unmountUnder(dataDir));
  await attempt('removing the data directory', () => rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  if (problems.length > 0) throw new Error(`Test environment teardown was incomplete (state kept in ${testEnvFile}):\n  ${problems.join('\n  ')}`);
  await rm(testEnvFile, { force: true });
  log(`down: removed ${dataDir}`);
}

async function emptyEngine(engineUrl: string, dataDir: string): Promise<void> {
  if (!(await probeEngine(engineUrl, { timeoutMs: 2000 })).ok) return;
  await removeAllContainers(engineUrl, dataDir).catch((error: unknown) => log(`removing containers from ${engineUrl}: ${String(error)}`));
  await removeUserNetworks(engineUrl, dataDir).catch((error: unknown) => log(`removing networks from ${engineUrl}: ${String(error)}`));
}

async function removeAllContainers(engineUrl: string, dataDir: string): Promise<void> {
  const env = dockerEnv(engineUrl, dataDir);
  const listed = await capture('docker', ['ps', '-aq'], { env, timeoutMs: 30_000 });
  if (listed.code !== 0) throw new Error(listed.stderr.trim());
  const ids = listed.stdout.split('\n').filter(Boolean);
  if (ids.length === 0) return;
  const removed = await capture('docker', ['rm', '-f', '-v', ...ids], { env, timeoutMs: 60_000 });
  if (removed.code !== 0) throw new Error(removed.stderr.trim());
}

async function removeUserNetworks(engineUrl: string, dataDir: string): Promise<void> {
  const pruned = await capture('docker', ['network', 'prune', '-f'], { env: dockerEnv(engineUrl, dataDir), timeoutMs: 60_000 });
  if (pruned.code !== 0) throw new Error(pruned.stderr.trim());
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'up': {
      const { vars } = await startTestEnv({ reuse: true });
      for (const [name, value] of Object.entries(vars)) console.log(`export ${name}=${shellQuote(value)}`);
      return;
    }
    case 'down':
      await stopTestEnv();
      return;
    default:
      console.error('usage: tsx scripts/test-env.ts up|down');
      process.exitCode = 2;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
