import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type BerthEvent } from '../../api/index.js';
import { connectBackend, docker, recordEvents, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

let connected: Connected;
const containers: string[] = [];
const tags: string[] = [];

/** A tag of the test image that only this test uses, removed afterwards. */
async function tagTestImage(label: string): Promise<string> {
  const tag = `${uniqueName(label)}:it`;
  tags.push(tag);
  await docker('tag', testImage(), tag);
  return tag;
}

const isImagesChange = (action: string) => (event: BerthEvent) => event.type === 'images' && event.actions.includes(action);

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  if (containers.length > 0) await docker('rm', '-f', ...containers).catch(() => undefined);
  // Each tag alone: one already gone must not keep the others.
  for (const tag of tags) await docker('rmi', tag).catch(() => undefined);
  connected.close();
});

describe('images on the real engine', () => {
  it('an external docker tag and docker rmi each arrive as one images change', async () => {
    const events = recordEvents(connected.client);
    try {
      const tag = await tagTestImage('tagged');
      await events.waitFor(isImagesChange('tag'));
      expect((await connected.client.call('images.list', {})).some((image) => image.repoTags.includes(tag))).toBe(true);

      await docker('rmi', tag);
      await events.waitFor(isImagesChange('untag'));
      expect((await connected.client.call('images.list', {})).some((image) => image.repoTags.includes(tag))).toBe(false);
    } finally {
      events.dispose();
    }
  });

  it('removing an unused tag untags it and leaves the image', async () => {
    const tag = await tagTestImage('spare');
    const removal = await connected.client.call('images.remove', { id: tag });
    expect(removal).toEqual({ untagged: [tag], deleted: [] });
    await expect(docker('image', 'inspect', tag)).rejects.toThrow(/No such image/i);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', testImage())).toMatch(/^sha256:/);
  });

  it('removing the only tag of an image a container uses is a conflict and leaves it; once unused it goes', async () => {
    // An image of its own (not the shared test image), named by one tag only.
    const source = uniqueName('source');
    containers.push(source);
    await docker('create', '--name', source, testImage(), 'true');
    const tag = `${uniqueName('inuse')}:it`;
    tags.push(tag);
    const imageId = await docker('commit', source, tag);
    const user = uniqueName('user');
    containers.push(user);
    await docker('create', '--name', user, tag, 'true');

    const refused = await connected.client.call('images.remove', { id: tag }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'conflict', details: { status: 409 } });
    expect((refused as BerthError).message).toMatch(/container .* is using/i);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', tag)).toBe(imageId);

    await docker('rm', user);
    const events = recordEvents(connected.client);
    try {
      const removal = await connected.client.call('images.remove', { id: tag });
      expect(removal.untagged).toEqual([tag]);
      expect(removal.deleted).toContain(imageId);
      await expect(docker('image', 'inspect', imageId)).rejects.toThrow(/No such image/i);
      // The engine said untag, then delete: one burst, so one change that names both.
      const { event } = await events.waitFor(isImagesChange('delete'));
      expect(event).toMatchObject({ type: 'images', actions: ['untag', 'delete'] });
    } finally {
      events.dispose();
    }
  });

  it('answers not_found for an image that does not exist', async () => {
    await expect(connected.client.call('images.remove', { id: `${uniqueName('missing')}:none` })).rejects.toMatchObject({ code: 'not_found' });
  });
});
