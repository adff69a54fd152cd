import { probeEngine } from '../runtime/engine/probe.js';
import { startTestEnv, stopTestEnv } from '../scripts/test-env.js';
import { findTestEnv, type TestEnv } from '../scripts/test-env-info.js';
import { dockerEnv } from '../scripts/test-images.js';
import { socketPathOf } from './raw-engine.js';
import { log } from './support.js';

/**
 * The engine the bench measures: the project's test environment (a private dockerd started
 * through Berth's managed-engine code on a bridge of its own, plus the busybox test image), so
 * it runs beside any other engine on the machine. The bench reuses the test environment when
 * it is already up, and stops only what it started itself.
 */

export interface BenchEngine {
  engineUrl: string;
  socketPath: string;
  image: string;
  /** Environment for the docker CLI: DOCKER_HOST = the real engine socket, a private DOCKER_CONFIG. */
  cliEnv: NodeJS.ProcessEnv;
  startedHere: boolean;
  /** The whole test environment: the TLS and ssh engines too. */
  testEnv: TestEnv;
  /** Stops the test environment if this run started it. */
  stop(): Promise<void>;
}

export async function bringUpEngine(): Promise<BenchEngine> {
  const existing = findTestEnv({});
  const reusable = existing !== null && (await probeEngine(existing.engineUrl, { timeoutMs: 2000 })).ok;

  const { env } = await startTestEnv({ reuse: reusable });
  const startedHere = !reusable;
  if (!startedHere) log(`reusing the running test environment in ${env.dataDir}; it is left running afterwards`);
  return {
    engineUrl: env.engineUrl,
    socketPath: socketPathOf(env.engineUrl),
    image: env.image,
    cliEnv: dockerEnv(env.engineUrl, env.dataDir),
    startedHere,
    testEnv: env,
    stop: async () => {
      if (!startedHere) return;
      log('stopping the test environment');
      await stopTestEnv();
    },
  };
}
