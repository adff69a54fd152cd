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
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const testEnvFile = path.join(repoRoot, '.berth-test', 'env.json');

/** The variables handed to child processes (vitest, Playwright, the docker CLI). */
export function testEnvVars(env: TestEnv): Record<string, string> {
  return {
    DOCKER_HOST: env.engineUrl,
    BERTH_TEST_ENGINE_URL: env.engineUrl,
    BERTH_TEST_DATA_DIR: env.dataDir,
    BERTH_TEST_REGISTRY: env.registry,
    BERTH_TEST_IMAGE: env.image,
    BERTH_TEST_REGISTRY_IMAGE: env.registryImage,
  };
}

function fromVariables(vars: NodeJS.ProcessEnv): TestEnv | null {
  const { BERTH_TEST_ENGINE_URL, BERTH_TEST_DATA_DIR, BERTH_TEST_REGISTRY, BERTH_TEST_IMAGE, BERTH_TEST_REGISTRY_IMAGE } = vars;
  if (!BERTH_TEST_ENGINE_URL || !BERTH_TEST_DATA_DIR || !BERTH_TEST_REGISTRY || !BERTH_TEST_IMAGE) return null;
  return {
    engineUrl: BERTH_TEST_ENGINE_URL,
    dataDir: BERTH_TEST_DATA_DIR,
    registry: BERTH_TEST_REGISTRY,
    image: BERTH_TEST_IMAGE,
    registryImage: BERTH_TEST_REGISTRY_IMAGE || `${BERTH_TEST_REGISTRY}/${BERTH_TEST_IMAGE}`,
  };
}

function fromFile(file: string): TestEnv | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const { engineUrl, dataDir, registry, image, registryImage } = record;
  if (typeof engineUrl !== 'string' || typeof dataDir !== 'string' || typeof registry !== 'string' || typeof image !== 'string') return null;
  return { engineUrl, dataDir, registry, image, registryImage: typeof registryImage === 'string' ? registryImage : `${registry}/${image}` };
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
