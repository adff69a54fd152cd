import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../api/index.js';
import { docker, testImage, uniqueName } from '../../testing/real-engine.js';
import { BerthCli } from '../../testing/berth-cli.js';

/**
 * `berth api images.build` as the issue writes it, from a shell: the built command
 * (bin/berth.js, after `npm run build`) against the real test engine, like runtime/cli.int.test.ts.
 */
let context: string;
const tags: string[] = [];

const cli = new BerthCli();
const berth = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  await cli.setUp();
  context = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-context-'));
});

afterAll(async () => {
  for (const tag of tags) await docker('rmi', tag).catch(() => undefined);
  await cli.tearDown();
  await rm(context, { recursive: true, force: true });
});

describe('berth api images.build from a shell', () => {
  it('images.build {"context":"/path","tags":["app:2"]} streams the log, one JSON event per line, and ends', async () => {
    await writeFile(path.join(context, 'Dockerfile'), `FROM ${testImage()}\nRUN echo from-the-cli\n`);
    const tag = `${uniqueName('app')}:2`;
    tags.push(tag);
    const { stdout, stderr, code } = await berth('api', 'images.build', `{"context":"${context}","tags":["${tag}"]}`);
    expect(code, stderr).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as BuildEvent);
    expect(events[0]).toMatchObject({ type: 'context', files: 1 });
    expect(events.filter((event) => event.type === 'step').map((event) => event.index)).toEqual([1, 2]);
    expect(events.flatMap((event) => (event.type === 'output' ? event.lines : []))).toContain('from-the-cli');
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'built', tags: [tag] });
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', tag)).toBe((done as { imageId: string }).imageId);
  });

  it('a failed step exits non-zero with the step and the engine\'s words on stderr, after the log', async () => {
    const failing = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-failing-'));
    try {
      await writeFile(path.join(failing, 'Dockerfile'), `FROM ${testImage()}\nRUN echo about-to-fail; exit 7\n`);
      const { stdout, stderr, code } = await berth('api', 'images.build', JSON.stringify({ context: failing }));
      expect(code).not.toBe(0);
      expect(stdout).toContain('about-to-fail');
      expect(stderr).toMatch(/conflict: Step 2\/2 \(RUN echo about-to-fail; exit 7\) failed: .*non-zero code: 7/);
    } finally {
      await rm(failing, { recursive: true, force: true });
    }
  });
});
