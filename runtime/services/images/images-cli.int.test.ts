import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageDetails, ImageHistoryEntry, ImagePruneResult } from '../../api/index.js';
import { docker, uniqueName } from '../../testing/real-engine.js';
import { TestImages } from '../../testing/test-images.js';
import { BerthCli } from '../../testing/berth-cli.js';

/**
 * The images calls the issue writes out, run as a user runs them: the built `berth` command
 * (bin/berth.js, after `npm run build`) against the real test engine, with the JSON exactly
 * as written.
 */
const images = new TestImages();
/** Whether this file made `app:1` (then it removes it), or found one there and leaves it. */
let madeApp = false;

const cli = new BerthCli();
const berth = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  await cli.setUp();
  const existing = await docker('image', 'inspect', '-f', '{{.Id}}', 'app:1').catch(() => null);
  if (existing === null) {
    await images.build(`LABEL berth.test.cli=${uniqueName('app')}\nRUN echo built > /built\nEXPOSE 8080`, 'app:1');
    madeApp = true;
  }
});

afterAll(async () => {
  if (madeApp) await images.removeAll();
  await cli.tearDown();
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
