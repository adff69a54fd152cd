import { readdir, readFile } from 'node:fs/promises';
import { probeEngine } from '../runtime/engine/probe.js';
import { startTestEnv, stopTestEnv } from '../scripts/test-env.js';
import { findTestEnv } from '../scripts/test-env-info.js';
import { dockerEnv } from '../scripts/test-images.js';
import { socketPathOf } from './raw-engine.js';
import { delay, envInt, log } from './support.js';

/**
 * The engine the bench measures: the project's test environment (a private dockerd started
 * through Berth's managed-engine code, plus the busybox test image). Only one private dockerd
 * may run on a machine (they share docker0), so the bench waits while someone else's runs,
 * reuses the test environment when it is already up, and stops only what it started itself.
 */

export interface BenchEngine {
  engineUrl: string;
  socketPath: string;
  image: string;
  /** Environment for the docker CLI: DOCKER_HOST = the real engine socket, a private DOCKER_CONFIG. */
  cliEnv: NodeJS.ProcessEnv;
  startedHere: boolean;
  /** Stops the test environment if this run started it. */
  stop(): Promise<void>;
}

export async function bringUpEngine(): Promise<BenchEngine> {
  const existing = findTestEnv({});
  const reusable = existing !== null && (await probeEngine(existing.engineUrl, { timeoutMs: 2000 })).ok;
  // The recorded environment's own dockerd is not in the way: startTestEnv reuses or cleans it up.
  await waitForForeignDockerd(existing?.dataDir ?? null);

  const { env } = await startTestEnv({ reuse: reusable });
  const startedHere = !reusable;
  if (!startedHere) log(`reusing the running test environment in ${env.dataDir}; it is left running afterwards`);
  return {
    engineUrl: env.engineUrl,
    socketPath: socketPathOf(env.engineUrl),
    image: env.image,
    cliEnv: dockerEnv(env.engineUrl, env.dataDir),
    startedHere,
    stop: async () => {
      if (!startedHere) return;
      log('stopping the test environment');
      await stopTestEnv();
    },
  };
}

/** Waits (BENCH_WAIT_ENGINE_SECONDS, default 600) while a dockerd that is not the test environment's runs. */
async function waitForForeignDockerd(ourDataDir: string | null): Promise<void> {
  const deadline = Date.now() + envInt('BENCH_WAIT_ENGINE_SECONDS', 600) * 1000;
  for (;;) {
    const foreign = (await dockerdCommandLines()).filter((line) => line !== '' && (ourDataDir === null || !line.includes(`${ourDataDir}/`)));
    if (foreign.length === 0) return;
    if (Date.now() > deadline) throw new Error(`another dockerd is running (${foreign.join('; ')}); only one private engine may run at a time`);
    log(`waiting: another dockerd is running (${foreign[0] ?? ''})`);
    await delay(10_000);
  }
}

async function dockerdCommandLines(): Promise<string[]> {
  const lines: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readFile(`/proc/${entry}/comm`, 'utf8')).trim() !== 'dockerd') continue;
      lines.push((await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').join(' ').trim());
    } catch {
      // the process ended meanwhile
    }
  }
  return lines;
}
