import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageDetails, ImageHistoryEntry, ImagePruneResult } from '../../api/index.js';
import { docker, testEngineUrl, uniqueName } from '../../testing/real-engine.js';
import { TestImages } from '../../testing/test-images.js';

/**
 * The images calls the issue writes out, run as a user runs them: the built `berth` command
 * (bin/berth.js, after `npm run build`) against the real test engine, with the JSON exactly
 * as written.
 */
const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'bin', 'berth.js');
const images = new TestImages();
let dataDir: string;
/** Whether this file made `app:1` (then it removes it), or found one there and leaves it. */
let madeApp = false;

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
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-images-'));
  const existing = await docker('image', 'inspect', '-f', '{{.Id}}', 'app:1').catch(() => null);
  if (existing === null) {
    await images.build(`LABEL berth.test.cli=${uniqueName('app')}\nRUN echo built > /built\nEXPOSE 8080`, 'app:1');
    madeApp = true;
  }
});

afterAll(async () => {
  if (madeApp) await images.removeAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe('berth api images.* from a shell', () => {
  it(`images.inspect '{"id":"app:1"}' and images.history '{"id":"app:1"}' answer the image and its steps as JSON`, async () => {
    const inspected = await berth('api', 'images.inspect', '{"id":"app:1"}');
    expect(inspected.code, inspected.stderr).toBe(0);
    const details = JSON.parse(inspected.stdout) as ImageDetails;
    expect(details.id).toBe(await docker('image', 'inspect', '-f', '{{.Id}}', 'app:1'));
    expect(details.repoTags).toContain('app:1');

    const history = await berth('api', 'images.history', '{"id":"app:1"}');
    expect(history.code, history.stderr).toBe(0);
    const steps = JSON.parse(history.stdout) as ImageHistoryEntry[];
    const cli = (await docker('history', '--no-trunc', '--human=false', '--format', '{{.ID}} {{.Size}}', 'app:1')).split('\n');
    expect(steps.map((step) => `${step.id} ${step.sizeBytes}`)).toEqual(cli);
  });

  // This prunes every dangling image of the test engine, as a user's call would: no test relies
  // on a dangling image staying (each file's untagged images are its own and used at once, and
  // the shared test images are tagged), so it is safe here, and only here without a label filter.
  it(`images.prune '{"all":false}' deletes dangling images and reports the space`, async () => {
    const dangling = await images.build(`LABEL berth.test.cli=${uniqueName('dangling')}\nRUN head -c 20480 /dev/urandom > /noise`);
    const { stdout, stderr, code } = await berth('api', 'images.prune', '{"all":false}');
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as ImagePruneResult;
    expect(result.deleted).toContain(dangling);
    expect(result.spaceReclaimedBytes).toBeGreaterThanOrEqual(20480);
    await expect(docker('image', 'inspect', dangling)).rejects.toThrow(/No such image/i);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', 'app:1')).toMatch(/^sha256:/);
  });
});
