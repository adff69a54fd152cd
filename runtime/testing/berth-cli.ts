import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testEngineUrl } from './real-engine.js';

/**
 * `berth` as a user runs it from a shell: the built command (bin/berth.js, after `npm run
 * build`; npm test builds first) against the real test engine, with a data directory of the
 * test file's own. For the tests of the `berth api` calls the issues and the README write out.
 */
const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repoRoot, 'bin', 'berth.js');

export interface CliOutcome {
  stdout: string;
  stderr: string;
  /** The exit code: 0, or what the command exited with. */
  code: number;
}

export class BerthCli {
  private dataDir: string | null = null;

  /** Refuses to start on an unbuilt tree, and makes the data directory (beforeAll). */
  async setUp(): Promise<void> {
    if (!existsSync(path.join(repoRoot, 'dist', 'runtime', 'cli.js'))) throw new Error('berth is not built: run `npm run build` first (npm test does).');
    this.dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-'));
  }

  /** Runs `berth ARGS...` to its end; a non-zero exit is an outcome, not a throw. */
  async run(...args: string[]): Promise<CliOutcome> {
    if (this.dataDir === null) throw new Error('BerthCli.setUp() first');
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env: { ...process.env, BERTH_DATA_DIR: this.dataDir, DOCKER_HOST: testEngineUrl() },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; code?: number };
      return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', code: failed.code ?? -1 };
    }
  }

  /** Removes the data directory (afterAll). */
  async tearDown(): Promise<void> {
    if (this.dataDir !== null) await rm(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}

/** The events a stream printed, one JSON document a line. */
export function eventsIn<E>(stdout: string): E[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as E);
}
