// Test-only (integration tests, e2e and benches): an image of several layers of random bytes,
// built from the busybox test image on the test engine. Not part of the build.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `docker build -t TAG` of BASE plus `layers` layers of `layerKiB` KiB of /dev/urandom each
 * (random, so no layer compresses or repeats another). `DOCKER_HOST` picks the engine.
 */
export async function buildLayeredImage(tag: string, base: string, layers: number, layerKiB: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-layers-'));
  try {
    const steps = Array.from({ length: layers }, (_, index) => `RUN dd if=/dev/urandom of=/layer-${index} bs=1024 count=${layerKiB} 2>/dev/null`);
    await writeFile(path.join(dir, 'Dockerfile'), [`FROM ${base}`, ...steps, ''].join('\n'));
    await run('docker', ['build', '-q', '-t', tag, dir], { env: { ...env, DOCKER_BUILDKIT: '0' }, maxBuffer: 16 * 1024 * 1024 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
