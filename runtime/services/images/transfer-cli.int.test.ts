import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../api/index.js';
import { docker, testEngineUrl, testImage, uniqueName } from '../../testing/real-engine.js';

/**
 * `berth api images.tag` and `images.push` as the issue writes them, run as a user runs them
 * from a shell: the built command (bin/berth.js, after `npm run build`) on the real test engine,
 * pushing to the real local registry.
 */
const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = path.join(repoRoot, 'bin', 'berth.js');
let dataDir: string;
const tags: string[] = [];

async function berth(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, BERTH_DATA_DIR: dataDir, DOCKER_HOST: testEngineUrl() } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', code: failed.code ?? -1 };
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist', 'runtime', 'cli.js'))) throw new Error('berth is not built: run `npm run build` first (npm test does).');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-'));
});

afterAll(async () => {
  for (const tag of tags) await docker('rmi', tag).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('berth api images.tag and images.push from a shell', () => {
  it('tags app:1 as REGISTRY/app:1, pushes it with one JSON event a line, and the registry lists it', async () => {
    const registry = process.env.BERTH_TEST_REGISTRY ?? '';
    const app = uniqueName('app');
    const source = `${app}:1`;
    const target = `${registry}/${app}:1`;
    tags.push(source, target);
    await docker('tag', testImage(), source);

    const tagged = await berth('api', 'images.tag', JSON.stringify({ source, target }));
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(JSON.parse(tagged.stdout)).toEqual({ target });

    const pushed = await berth('api', 'images.push', JSON.stringify({ reference: target }));
    expect(pushed.code, pushed.stderr).toBe(0);
    const events = pushed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TransferProgress);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.type === 'progress')).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: true, percent: 100, digest: expect.stringMatching(/^sha256:/) as unknown });
    const listed = (await (await fetch(`http://${registry}/v2/${app}/tags/list`)).json()) as { tags: string[] };
    expect(listed.tags).toEqual(['1']);
  });

  it('refuses a bad target naming the field, with a non-zero exit and nothing on stdout', async () => {
    const { stdout, stderr, code } = await berth('api', 'images.tag', JSON.stringify({ source: testImage(), target: 'App:1' }));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid_argument');
    expect(stderr).toMatch(/target.*must be lowercase/);
  });
});
