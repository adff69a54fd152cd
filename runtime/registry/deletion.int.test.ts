import { describe, expect, it } from 'vitest';
import { clientFor, registries, seederFor, signIn, uniqueRepository, users } from '../testing/test-registries.js';

// Deleting a tag through the registry API alone (nothing pulled), where the registry allows
// it (the open and token registries) and where it does not (the Basic one: storage.delete off).

describe('deleting a tag', () => {
  it('deletes its manifest by digest: the tag and every tag on the same manifest go, others stay', async () => {
    const repository = uniqueRepository('delete');
    const seeder = seederFor('token');
    const doomed = await seeder.image(repository, ['old', 'old-alias'], { created: '2020-01-01T00:00:00Z' });
    await seeder.image(repository, ['keep'], { created: '2021-01-01T00:00:00Z' });
    const { client, lines } = clientFor(registries.token, signIn());

    expect(await client.deleteTag(repository, 'old')).toEqual({ repository, tag: 'old', digest: doomed.digest });
    // The digest came from a HEAD: no manifest body was fetched, and no blob.
    expect(lines.filter((line) => / -> 2\d\d$/.test(line)).map((line) => line.split(' ')[0])).toEqual(['HEAD', 'DELETE']);
    expect((await client.tagsPage(repository)).tags).toEqual(['keep']);
    await expect(client.manifest(repository, 'old')).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.manifest(repository, doomed.digest)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('works on an open registry too', async () => {
    const repository = uniqueRepository('delete-open');
    await seederFor('open').image(repository, ['1', '2']);
    const { client } = clientFor(registries.open);
    const second = await seederFor('open').image(repository, ['3'], { created: '2019-01-01T00:00:00Z' });
    expect((await client.deleteTag(repository, '3')).digest).toBe(second.digest);
    expect([...(await client.tagsPage(repository)).tags].sort()).toEqual(['1', '2']);
  });

  it('is refused clearly where the registry does not allow deletion, and the tag stays', async () => {
    const repository = uniqueRepository('no-delete');
    await seederFor('basic').image(repository, ['1']);
    const { client } = clientFor(registries.basic, signIn());
    await expect(client.deleteTag(repository, '1')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:\\d+ does not allow deletion \\(UNSUPPORTED: The operation is unsupported\\.\\): ${repository}:1 was left as it is\\.$`)) as unknown,
      details: { reason: 'deletion_disabled', status: 405 },
    });
    expect((await client.tagsPage(repository)).tags).toEqual(['1']);
  });

  it('is refused for a user who may only pull', async () => {
    const repository = uniqueRepository('read-only');
    await seederFor('token').image(repository, ['1']);
    const { client } = clientFor(registries.token, signIn(users.reader));
    await expect(client.deleteTag(repository, '1')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(new RegExp(`^Deleting ${repository}:1 at 127\\.0\\.0\\.1:\\d+ was refused for the signed-in user \\(insufficient_scope`)) as unknown,
      details: { reason: 'denied' },
    });
    expect((await client.tagsPage(repository)).tags).toEqual(['1']);
  });

  it('of a tag that does not exist is not_found', async () => {
    const repository = uniqueRepository('missing');
    await seederFor('open').image(repository, ['1']);
    await expect(clientFor(registries.open).client.deleteTag(repository, 'nope')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining(`${repository}:nope is not in`) as unknown });
  });
});
