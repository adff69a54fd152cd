import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { managedEnginePaths, startManagedEngine, stopManagedEngine } from '../runtime/engine/managed.js';
import { probeEngine } from '../runtime/engine/probe.js';
import { testBridgeName, testEngineOptions, writeTestEngineConfig } from '../runtime/testing/test-engine.js';
import { capture, isAlive } from './process.js';
import { createBridge, removeBridge } from './test-bridge.js';
import { killLeftoverProcesses, unmountUnder } from './test-env-cleanup.js';
import { testEnvFile, testEnvVars, type TestEnv } from './test-env-info.js';
import { buildTestImages, dockerEnv, makeTestImageTarball } from './test-images.js';
import { probeRegistry, registryPaths, startRegistry, stopRegistry } from './test-registry.js';

/**
 * The environment integration and end-to-end tests run against: a private dockerd started
 * through Berth's own managed-engine code (on a bridge of its own, leaving the host's iptables
 * alone, ip-masq off), a registry on 127.0.0.1, and the busybox test images, all under one
 * temp directory that `down` removes again, with the bridge.
 *
 *   tsx scripts/test-env.ts up     # prints `export VAR=...` lines; progress goes to stderr
 *   tsx scripts/test-env.ts down
 *
 * The state is kept in .berth-test/env.json, written step by step, so `down` also cleans up
 * after a start that failed halfway.
 */

/** What .berth-test/env.json holds; everything but dataDir and ownerPid is missing until its step is done. */
interface TestEnvState {
  dataDir: string;
  /** The process that started it: `npm test` (which tears down only what it started) or the `up` CLI. */
  ownerPid: number;
  engineUrl?: string;
  registry?: string;
  registryPid?: number;
  registryConfig?: string;
  image?: string;
  registryImage?: string;
}

// Short, because unix socket paths (dockerd's, containerd's under the exec root) are limited to 107 bytes.
const tempPrefix = '/tmp/berth-test-';

function log(message: string): void {
  console.error(`[test-env] ${message}`);
}

async function readState(): Promise<TestEnvState | null> {
  try {
    const parsed = JSON.parse(await readFile(testEnvFile, 'utf8')) as unknown;
    const candidate = parsed as Partial<Record<keyof TestEnvState, unknown>> | null;
    if (typeof candidate?.dataDir === 'string' && typeof candidate.ownerPid === 'number') {
      return parsed as TestEnvState;
    }
  } catch {
    // no state, or unreadable: nothing to reuse
  }
  return null;
}

/** `exclusive` creates the file and fails if it exists: two starts in one checkout must not share it. */
async function writeState(state: TestEnvState, exclusive = false): Promise<void> {
  await mkdir(path.dirname(testEnvFile), { recursive: true });
  await writeFile(testEnvFile, `${JSON.stringify(state, null, 2)}\n`, { flag: exclusive ? 'wx' : 'w' });
}

function completeEnv(state: TestEnvState): TestEnv | null {
  const { engineUrl, dataDir, registry, image, registryImage } = state;
  if (!engineUrl || !registry || !image || !registryImage) return null;
  return { engineUrl, dataDir, registry, image, registryImage };
}

async function isRunning(env: TestEnv): Promise<boolean> {
  return (await probeEngine(env.engineUrl, { timeoutMs: 2000 })).ok && (await probeRegistry(env.registry, 2000)) === 200;
}

/**
 * Whether anything of the environment still lives: its owner (a running `npm test`), its
 * dockerd or its registry. Only an environment with nothing alive is stale and may be cleaned
 * up by a new start; a live one may be mid-start, or its engine briefly stopped by a test.
 */
async function isInUse(state: TestEnvState): Promise<boolean> {
  if (state.ownerPid !== process.pid && isAlive(state.ownerPid)) return true;
  if (state.registryPid !== undefined && isAlive(state.registryPid)) return true;
  try {
    const dockerdPid = Number((await readFile(managedEnginePaths(state.dataDir).pidFile, 'utf8')).trim());
    return Number.isInteger(dockerdPid) && dockerdPid > 0 && isAlive(dockerdPid);
  } catch {
    return false;
  }
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
    if (options.reuse && env && (await isRunning(env))) {
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
    const bridge = testBridgeName(state.dataDir);
    log(`creating the bridge ${bridge}: ${await createBridge(bridge)}`);
    log(`starting the managed engine in ${state.dataDir}`);
    state.engineUrl = managedEnginePaths(state.dataDir).url;
    await writeState(state);
    await writeTestEngineConfig(state.dataDir);
    await startManagedEngine(testEngineOptions(state.dataDir));

    log('starting the registry');
    state.registryConfig = registryPaths(state.dataDir).configFile;
    const registry = await startRegistry(state.dataDir, async (pid) => {
      state.registryPid = pid;
      await writeState(state);
    });
    state.registry = registry.address;
    await writeState(state);

    log('building the test images from busybox');
    const images = await buildTestImages(state.engineUrl, state.dataDir, registry.address, await makeTestImageTarball(state.dataDir));
    state.image = images.image;
    state.registryImage = images.registryImage;
    await writeState(state);
  } catch (error) {
    log('start failed; cleaning up');
    await stopTestEnv({ onlyOwnedBy: process.pid });
    throw error;
  }
  const env = completeEnv(state);
  if (!env) throw new Error('internal: test environment state incomplete after start');
  log(`up: engine ${env.engineUrl}, registry ${env.registry}, image ${env.image}`);
  return { env, vars: testEnvVars(env) };
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

  if (state.engineUrl && (await probeEngine(state.engineUrl, { timeoutMs: 2000 })).ok) {
    // Best effort: a test may be removing one right now ("removal already in progress"), and
    // whatever is left ends with the engine below anyway.
    await removeAllContainers(state.engineUrl, dataDir).catch((error: unknown) => log(`removing containers: ${String(error)}`));
    // A user-defined network's bridge (br-<id>) outlives its engine; only the engine can remove it.
    await removeUserNetworks(state.engineUrl, dataDir).catch((error: unknown) => log(`removing networks: ${String(error)}`));
  }
  await attempt('stopping the managed engine', async () => {
    await stopManagedEngine({ dataDir });
  });
  if (state.registryPid !== undefined) {
    const { registryPid } = state;
    await attempt('stopping the registry', () => stopRegistry(registryPid, state.registryConfig ?? registryPaths(dataDir).configFile));
  }
  // After a hard engine death: containerd, shims, a registry whose pid was never recorded, container processes.
  await attempt('stopping leftover processes', () => killLeftoverProcesses(dataDir));
  // Only once its engine is gone; derived from the directory, so also after a start that failed early.
  await attempt('removing the bridge', () => removeBridge(testBridgeName(dataDir)));
  await attempt('unmounting', () => unmountUnder(dataDir));
  await attempt('removing the data directory', () => rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  if (problems.length > 0) throw new Error(`Test environment teardown was incomplete (state kept in ${testEnvFile}):\n  ${problems.join('\n  ')}`);
  await rm(testEnvFile, { force: true });
  log(`down: removed ${dataDir}`);
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
