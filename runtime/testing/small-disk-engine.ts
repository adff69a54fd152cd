// Test-only (integration tests): a throwaway private dockerd whose data root is a small tmpfs,
// so a pull can fill its disk without touching the machine's. Not part of the build.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { captureOk } from '../../scripts/process.js';
import { unmountUnder } from '../../scripts/test-env-cleanup.js';
import { managedEnginePaths, startManagedEngine, stopManagedEngine, type ManagedEngineOptions } from '../engine/managed.js';
import { testEngineOptions, writeTestEngineConfig } from './test-engine.js';

/**
 * Started through Berth's own managed-engine code like the test environment's engines (own
 * socket, exec root, pid file, daemon.json, host iptables left alone), with no bridge at all:
 * it only pulls, and its pulls go out from the host. It lives under the test environment's
 * directory, so should a test die before `stop`, the environment's `down` still ends its
 * processes, unmounts its tmpfs and removes it.
 */
export class SmallDiskEngine {
  private constructor(private readonly options: ManagedEngineOptions) {}

  /** An engine whose data root holds `sizeMiB` MiB in all; under `parentDir` (the test environment's directory). */
  static async start(parentDir: string, sizeMiB: number): Promise<SmallDiskEngine> {
    const dir = await mkdtemp(path.join(parentDir, 'disk-'));
    const engine = new SmallDiskEngine({ ...testEngineOptions(dir), bridge: 'none' });
    try {
      const { dataRoot } = managedEnginePaths(dir);
      await mkdir(dataRoot, { recursive: true, mode: 0o700 });
      await captureOk('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'berth-small-disk', dataRoot]);
      await writeTestEngineConfig(dir);
      await startManagedEngine(engine.options);
    } catch (error) {
      await engine.stop().catch(() => undefined);
      throw error;
    }
    return engine;
  }

  /** `unix://<dir>/engine/docker.sock` */
  get url(): string {
    return managedEnginePaths(this.options.dataDir).url;
  }

  /** Stops the engine, unmounts its data root and removes its directory. Idempotent. */
  async stop(): Promise<void> {
    await stopManagedEngine(this.options);
    await unmountUnder(this.options.dataDir);
    await rm(this.options.dataDir, { recursive: true, force: true });
  }
}
