import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { managedEnginePaths } from '../runtime/engine/managed.js';
import { testSshEngineOptions, tlsEnginePaths } from '../runtime/testing/test-engine.js';
import { isAlive } from './process.js';
import { testEnvFile, type PodmanTestEngine, type SshTestEngine, type TlsTestEngine } from './test-env-info.js';
import type { AuthRegistriesProgress } from './test-auth-registries.js';
import type { PodmanProgress } from './test-podman.js';

/**
 * The test environment's state file, .berth-test/env.json: what was started, written step
 * by step as each engine gets further, so a teardown finds everything even after a start
 * that failed halfway, and whether any of it still lives.
 */

/** What .berth-test/env.json holds; everything but dataDir and ownerPid is missing until its step is done. */
export interface TestEnvState {
  dataDir: string;
  /** The process that started it: `npm test` (which tears down only what it started) or the `up` CLI. */
  ownerPid: number;
  engineUrl?: string;
  registry?: string;
  registryPid?: number;
  registryConfig?: string;
  image?: string;
  registryImage?: string;
  /** The registries that want credentials: their pids as soon as they run, addresses and secrets when up. */
  authRegistries?: AuthRegistriesProgress;
  /** The other engines: their url as soon as it is chosen, their pids as soon as they run, the rest when they are up. */
  tls?: Partial<TlsTestEngine>;
  ssh?: Partial<SshTestEngine> & { sshdPid?: number };
  podman?: Partial<PodmanTestEngine> & PodmanProgress;
}

export async function readState(): Promise<TestEnvState | null> {
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

let stateWrites: Promise<void> = Promise.resolve();

/**
 * Writes the state after any write still under way (the engines start in parallel and
 * record their progress as it comes). `exclusive` creates the file and fails if it exists:
 * two starts in one checkout must not share it.
 */
export function writeState(state: TestEnvState, exclusive = false): Promise<void> {
  const text = `${JSON.stringify(state, null, 2)}\n`;
  const write = stateWrites.then(async () => {
    await mkdir(path.dirname(testEnvFile), { recursive: true });
    await writeFile(testEnvFile, text, { flag: exclusive ? 'wx' : 'w' });
  });
  stateWrites = write.catch(() => undefined);
  return write;
}

/** The run's dockerds: the first, the TLS one and the ssh one, by their own data directories. */
export function dockerEngineDirs(dataDir: string): string[] {
  return [dataDir, tlsEnginePaths(dataDir).root, testSshEngineOptions(dataDir).dataDir];
}

/**
 * Whether anything of the environment still lives: its owner (a running `npm test`), a
 * dockerd, sshd, Podman, a registry or the token server. Only an environment with nothing alive is stale and may be cleaned
 * up by a new start; a live one may be mid-start, or its engine briefly stopped by a test.
 */
export async function isInUse(state: TestEnvState): Promise<boolean> {
  if (state.ownerPid !== process.pid && isAlive(state.ownerPid)) return true;
  const auth = state.authRegistries;
  for (const pid of [state.registryPid, state.ssh?.sshdPid, state.podman?.pid, state.podman?.registryPid, auth?.basicPid, auth?.tokenPid, auth?.tokenServerPid]) {
    if (pid !== undefined && isAlive(pid)) return true;
  }
  for (const engineDir of dockerEngineDirs(state.dataDir)) {
    try {
      const dockerdPid = Number((await readFile(managedEnginePaths(engineDir).pidFile, 'utf8')).trim());
      if (Number.isInteger(dockerdPid) && dockerdPid > 0 && isAlive(dockerdPid)) return true;
    } catch {
      // never started, or stopped
    }
  }
  return false;
}
