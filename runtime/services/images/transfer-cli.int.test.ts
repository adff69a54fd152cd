import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../api/index.js';
import { docker, testImage, uniqueName } from '../../testing/real-engine.js';
import { BerthCli } from '../../testing/berth-cli.js';

/**
 * `berth api images.tag` and `images.push` as the issue writes them, run as a user runs them
 * from a shell: the built command (bin/berth.js, after `npm run build`) on the real test engine,
 * pushing to the real local registry.
 */
const tags: string[] = [];

const cli = new BerthCli();
const berth = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  await cli.setUp();
});

afterAll(async () => {
  for (const tag of tags) await docker('rmi', tag).catch(() => undefined);
  await cli.tearDown();
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
