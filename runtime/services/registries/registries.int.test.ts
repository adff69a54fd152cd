import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthClient, BerthError, toDisposable, type Port } from '../../api/index.js';
import { readTestEnv } from '../../../scripts/test-env-info.js';
import { serveRpc } from '../../rpc/dispatcher.js';
import { createPortPair } from '../../rpc/memory-port.js';
import { startHost } from '../../host/server.js';
import { writeFakeHelper } from '../../registry/credentials/testing/fake-helper.js';
import { connectHostClient } from '../../testing/host-client.js';
import { connectBackend, docker, testImage, type Connected } from '../../testing/real-engine.js';
import { identityToken, password, seederFor, startHttpServer, uniqueRepository, users } from '../../testing/test-registries.js';

/**
 * registries.* through the contract against the test environment's three real registries
 * (open, HTTP Basic, Bearer tokens): add, test, sign in (a wrong password refused and not kept),
 * browse, delete, and the engine's pull and push carrying the login. Every frame the backend
 * sends and every line it logs is kept, and neither the password, the identity token, a Basic
 * header nor any bearer token may appear in them.
 */
const env = readTestEnv();
const basicUser = env.authRegistries.username;
const hosts = { open: env.registry, basic: env.authRegistries.basic, token: env.authRegistries.token };

let connected: Connected;
let client: BerthClient;
const frames: string[] = [];
const logLines: string[] = [];
let restoreStderr: () => void = () => undefined;
const cleanups: (() => Promise<unknown>)[] = [];

/** A port that keeps a copy of every message it delivers: what the renderer would be sent. */
function recording(port: Port): Port {
  return {
    send: (message) => port.send(message),
    onMessage: (listener) => {
      const inner = port.onMessage((message) => {
        frames.push(JSON.stringify(message));
        listener(message);
      });
      return toDisposable(() => inner.dispose());
    },
  };
}

async function failure(call: Promise<unknown>): Promise<BerthError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof BerthError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    logLines.push(String(chunk));
    return write(chunk, ...rest);
  });
  restoreStderr = () => {
    process.stderr.write = write;
  };
  connected = await connectBackend();
  const [hostPort, clientPort] = createPortPair();
  const rpc = serveRpc(hostPort, connected.backend.handlers);
  client = new BerthClient(recording(clientPort));
  cleanups.push(async () => {
    client.dispose();
    rpc.dispose();
    await Promise.resolve();
  });
});

afterAll(async () => {
  for (const registry of Object.values(hosts)) await client.call('registries.logout', { registry }).catch(() => undefined);
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  connected.close();
  restoreStderr();
  // The secrets check covers everything every test did.
  const seen = [...frames, ...logLines].join('\n');
  for (const secret of [password, identityToken, Buffer.from(`${basicUser}:${password}`).toString('base64'), Buffer.from(`${users.full}:${password}`).toString('base64')]) {
    expect(seen).not.toContain(secret);
  }
  expect(seen).not.toMatch(/eyJ[\w-]{8,}\.eyJ[\w-]{8,}/); // no JWT (a bearer token) anywhere
  expect(seen).not.toMatch(/Bearer [\w-]{8,}|Basic [A-Za-z0-9+/=]{8,}/);
  expect(frames.length).toBeGreaterThan(20);
});

describe('the open registry', () => {
  it('is added, tested and browsed: catalog pages, a filter, tags, a manifest and an index; a tag deleted', async () => {
    const entry = await client.call('registries.add', { url: `http://${hosts.open}` });
    expect(entry).toMatchObject({ registry: hosts.open, url: `http://${hosts.open}`, signedInAs: null, source: 'user' });
    expect((await client.call('registries.list', {})).map((each) => each.registry)).toContain(hosts.open);
    expect(await client.call('registries.test', { registry: hosts.open })).toMatchObject({ outcome: 'reachable', auth: null });

    const prefix = uniqueRepository('cat').split('/')[0] as string;
    const names = ['a', 'b', 'c', 'd', 'e'].map((name) => `${prefix}/${name}`);
    const seeder = seederFor('open');
    await seeder.many(names, '1');
    // A filter finds exactly these, without paging through everything by hand.
    const filtered = await client.call('registries.catalog', { registry: hosts.open, filter: prefix.toUpperCase(), n: 100 });
    expect(filtered.items).toEqual(names);
    // Without a filter, pages of 2 continue one another.
    const first = await client.call('registries.catalog', { registry: hosts.open, n: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await client.call('registries.catalog', { registry: hosts.open, n: 2, last: first.next as string });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items[0]! > first.items[1]!).toBe(true);

    const repository = uniqueRepository('img');
    const image = await seeder.image(repository, ['1.0', 'keep'], { layerSizes: [1000, 2000], created: '2025-05-01T10:00:00Z', platform: { os: 'linux', architecture: 'arm64' } });
    expect((await client.call('registries.tags', { registry: hosts.open, repository })).items.sort()).toEqual(['1.0', 'keep']);
    const manifest = await client.call('registries.manifest', { registry: hosts.open, repository, reference: '1.0' });
    expect(manifest).toMatchObject({ kind: 'image', digest: image.digest, created: '2025-05-01T10:00:00Z', os: 'linux', architecture: 'arm64' });
    expect(manifest.layers?.map((layer) => layer.sizeBytes)).toEqual([1000, 2000]);
    expect(manifest.totalSizeBytes).toBe(image.config.size + 3000);

    await seeder.index(repository, 'multi', [
      { image, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { image, platform: { os: 'linux', architecture: 'amd64' } },
    ]);
    const index = await client.call('registries.manifest', { registry: hosts.open, repository, reference: 'multi' });
    expect(index.kind).toBe('index');
    expect(index.platforms?.map((platform) => [platform.os, platform.architecture, platform.variant ?? null])).toEqual([
      ['linux', 'arm64', 'v8'],
      ['linux', 'amd64', null],
    ]);

    // Deleting `1.0` deletes its manifest, and `keep` (the same digest) with it.
    await client.call('registries.deleteTag', { registry: hosts.open, repository, tag: '1.0' });
    expect((await client.call('registries.tags', { registry: hosts.open, repository })).items).toEqual(['multi']);
  });

  it('refuses an address it will not use, naming the field, and keeps nothing', async () => {
    const before = await client.call('registries.list', {});
    const refusal = await failure(client.call('registries.add', { url: 'http://registry.example.com' }));
    expect(refusal).toMatchObject({ code: 'invalid_argument', details: { field: 'url' } });
    expect(refusal.message).toMatch(/plain http/);
    expect(await client.call('registries.list', {})).toEqual(before);
  });
});

describe('a registry behind HTTP Basic', () => {
  it('needs credentials; a wrong password is refused and not kept; the right one signs in for the session', async () => {
    await client.call('registries.add', { url: `http://${hosts.basic}` });
    expect(await client.call('registries.test', { registry: hosts.basic })).toMatchObject({ outcome: 'needs_credentials', auth: 'basic' });

    const wrong = await failure(client.call('registries.login', { registry: hosts.basic, username: basicUser, password: `${password}-wrong`, store: 'session' }));
    expect(wrong).toMatchObject({ code: 'unauthorized', details: { field: 'password' } });
    expect((await client.call('registries.list', {})).find((entry) => entry.registry === hosts.basic)?.signedInAs).toBeNull();

    const options = await client.call('registries.signInOptions', { registry: hosts.basic });
    expect(options).toMatchObject({ store: null, choices: ['session', 'docker-config'] });
    const choiceMissing = await failure(client.call('registries.login', { registry: hosts.basic, username: basicUser, password }));
    expect(choiceMissing).toMatchObject({ code: 'invalid_argument' });

    const entry = await client.call('registries.login', { registry: hosts.basic, username: basicUser, password, store: 'session' });
    expect(entry).toMatchObject({ registry: hosts.basic, signedInAs: basicUser, credentialStore: 'session' });
    expect(await client.call('registries.test', { registry: hosts.basic })).toMatchObject({ outcome: 'reachable', signedInAs: basicUser, auth: 'basic' });
  });

  it("the engine's push and pull carry the login; signed out, the pull is refused in one line", async () => {
    const reference = `${hosts.basic}/${uniqueRepository('pushed')}:1`;
    await client.call('registries.login', { registry: hosts.basic, username: basicUser, password, store: 'session' });
    await client.call('images.tag', { source: testImage(), target: reference });
    cleanups.push(() => docker('rmi', '-f', reference));
    await streamToEnd('images.push', reference);
    const [repository, tag] = reference.slice(hosts.basic.length + 1).split(':') as [string, string];
    expect((await client.call('registries.tags', { registry: hosts.basic, repository })).items).toEqual([tag]);
    // This registry does not allow deletion: said so, and the tag stays.
    const deletion = await failure(client.call('registries.deleteTag', { registry: hosts.basic, repository, tag }));
    expect(deletion).toMatchObject({ code: 'conflict' });
    expect(deletion.message).toMatch(/delet/i);
    expect((await client.call('registries.tags', { registry: hosts.basic, repository })).items).toEqual([tag]);

    await docker('rmi', reference);
    await streamToEnd('images.pull', reference);
    expect((await client.call('images.list', {})).some((image) => image.repoTags.includes(reference))).toBe(true);

    // By digest too: the digest the registry reports for the tag.
    const { digest } = await client.call('registries.manifest', { registry: hosts.basic, repository, reference: tag });
    const byDigest = `${hosts.basic}/${repository}@${digest}`;
    await docker('rmi', reference);
    await streamToEnd('images.pull', byDigest);
    cleanups.push(() => docker('rmi', '-f', byDigest));
    expect((await client.call('images.list', {})).some((image) => image.repoDigests.includes(byDigest))).toBe(true);
    await docker('rmi', byDigest);
    await client.call('images.tag', { source: testImage(), target: reference });

    await docker('rmi', reference);
    await client.call('registries.logout', { registry: hosts.basic });
    const refused = await streamToEnd('images.pull', reference).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(BerthError);
    expect((refused as BerthError).message).not.toContain('\n');
    expect((refused as BerthError).message).toMatch(/auth|credential|unauthorized/i);
  });

  it("kept in the docker CLI's file when the user chooses it: there as `docker login` writes it, and gone after sign-out", async () => {
    const entry = await client.call('registries.login', { registry: hosts.basic, username: basicUser, password, store: 'docker-config' });
    expect(entry).toMatchObject({ signedInAs: basicUser, credentialStore: 'docker-config' });
    const configFile = path.join(process.env.DOCKER_CONFIG ?? '', 'config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as { auths: Record<string, { auth?: string }> };
    expect(config.auths[hosts.basic]?.auth).toBe(Buffer.from(`${basicUser}:${password}`).toString('base64'));
    await client.call('registries.logout', { registry: hosts.basic });
    const after = JSON.parse(await readFile(configFile, 'utf8')) as { auths: Record<string, unknown> };
    expect(after.auths[hosts.basic]).toBeUndefined();
    expect((await client.call('registries.list', {})).find((each) => each.registry === hosts.basic)?.signedInAs).toBeNull();
  });
});

describe('a registry with bearer tokens', () => {
  it('browses anonymously where it may, signs in with a password or an identity token, and deletes a tag', async () => {
    await client.call('registries.add', { url: `http://${hosts.token}` });
    // Reachable with an anonymous token (as for public repositories), signed in as nobody.
    expect(await client.call('registries.test', { registry: hosts.token })).toMatchObject({ outcome: 'reachable', auth: 'bearer', signedInAs: null });
    const seeder = seederFor('token');
    const repository = uniqueRepository('tok');
    await seeder.image(repository, ['a', 'b'], { layerSizes: [10] });

    const anonymous = await client.call('registries.catalog', { registry: hosts.token });
    expect(anonymous.unavailable).toMatch(/catalog/i);

    await client.call('registries.login', { registry: hosts.token, username: users.full, password, store: 'session' });
    expect((await client.call('registries.catalog', { registry: hosts.token, filter: repository })).items).toEqual([repository]);
    await client.call('registries.deleteTag', { registry: hosts.token, repository, tag: 'a' });
    expect((await client.call('registries.tags', { registry: hosts.token, repository })).items).toEqual([]);

    await client.call('registries.logout', { registry: hosts.token });
    const withToken = await client.call('registries.login', { registry: hosts.token, username: '<token>', password: identityToken, store: 'session' });
    expect(withToken.credentialStore).toBe('session');
    expect(await client.call('registries.test', { registry: hosts.token })).toMatchObject({ outcome: 'reachable', signedInAs: '(identity token)' });
  });
});

describe("a login kept by the docker CLI's credential helper", () => {
  it('goes to the helper config.json names, is used for the pull, and erased from it on sign-out', async () => {
    const configFile = path.join(process.env.DOCKER_CONFIG ?? '', 'config.json');
    const before = await readFile(configFile, 'utf8').catch(() => null);
    const binDir = await mkdtemp(path.join(os.tmpdir(), 'berth-helper-bin-'));
    const helper = await writeFakeHelper(binDir, 'berthtest');
    const oldPath = process.env.PATH;
    process.env.PATH = `${binDir}${path.delimiter}${oldPath ?? ''}`;
    try {
      await writeFile(configFile, JSON.stringify({ credsStore: 'berthtest' }));
      expect(await client.call('registries.signInOptions', { registry: hosts.basic })).toMatchObject({ store: 'helper', helper: 'berthtest' });
      // No store asked for: the helper takes it.
      const entry = await client.call('registries.login', { registry: hosts.basic, username: basicUser, password });
      expect(entry).toMatchObject({ signedInAs: basicUser, credentialStore: 'helper', helper: 'berthtest' });
      expect(Object.values(await helper.stored())).toEqual([{ Username: basicUser, Secret: password }]);
      // The file holds no secret: only the helper does.
      expect(await readFile(configFile, 'utf8')).not.toContain(Buffer.from(`${basicUser}:${password}`).toString('base64'));

      const reference = `${hosts.basic}/${uniqueRepository('helper')}:1`;
      await client.call('images.tag', { source: testImage(), target: reference });
      cleanups.push(() => docker('rmi', '-f', reference));
      await streamToEnd('images.push', reference);

      await client.call('registries.logout', { registry: hosts.basic });
      expect(await helper.stored()).toEqual({});
    } finally {
      process.env.PATH = oldPath;
      if (before === null) await rm(configFile, { force: true });
      else await writeFile(configFile, before);
      await rm(binDir, { recursive: true, force: true });
    }
  });
});

describe('search, through the engine', () => {
  it("answers the engine's results from the registry a `host/term` names, and one clear line when it cannot", async () => {
    // The engine's search speaks the v1 search API; a server of the test's own on 127.0.0.1 plays the registry.
    const queries: string[] = [];
    const server = await startHttpServer((request, response) => {
      queries.push(request.url ?? '');
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ num_results: 1, query: 'web', results: [{ name: 'team/web', description: '<b>not html</b>', star_count: 7, is_official: false, is_automated: false }] }));
    });
    cleanups.push(() => server.close());
    const host = server.url.slice('http://'.length);
    const results = await client.call('registries.search', { term: `${host}/web`, limit: 5 });
    expect(results).toEqual([{ name: 'team/web', description: '<b>not html</b>', stars: 7, official: false }]);
    expect(queries.some((query) => query.startsWith('/v1/search?') && query.includes('q=web') && query.includes('n=5'))).toBe(true);

    // A registry without the v1 search API (every docker-registry): the engine's words, naming where.
    const refused = await failure(client.call('registries.search', { term: `${hosts.open}/web` }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain(`The engine could not search ${hosts.open}:`);
    expect(refused.message).not.toContain('\n');
  });
});

describe('through the web host', () => {
  it('signs in and browses over the WebSocket, every frame recorded for the check at the end', async () => {
    const rendererDir = path.join(env.dataDir, 'no-renderer');
    const host = await startHost({ handlers: connected.backend.handlers, rendererDir, token: 'registries-host-token-0123456789' });
    const web = await connectHostClient(host.port, 'registries-host-token-0123456789', (frame) => frames.push(frame));
    try {
      const entry = await web.client.call('registries.login', { registry: hosts.token, username: users.full, password, store: 'session' });
      expect(entry.signedInAs).toBe(users.full);
      const repository = uniqueRepository('web');
      await seederFor('token').image(repository, ['1']);
      expect((await web.client.call('registries.catalog', { registry: hosts.token, filter: repository })).items).toEqual([repository]);
      expect((await web.client.call('registries.manifest', { registry: hosts.token, repository, reference: '1' })).kind).toBe('image');
      const wrong = await failure(web.client.call('registries.login', { registry: hosts.basic, username: basicUser, password: `${password}x`, store: 'session' }));
      expect(wrong.code).toBe('unauthorized');
    } finally {
      web.dispose();
      await host.close();
    }
  });
});

function streamToEnd(stream: 'images.pull' | 'images.push', reference: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.subscribe(stream, { reference }, { onEvent: () => undefined, onEnd: () => resolve(), onError: reject });
  });
}
