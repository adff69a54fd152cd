import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortTokenSeconds } from '../../scripts/test-auth-registries.js';
import { BerthError } from '../api/index.js';
import { clientFor, identityToken, password, registries, seederFor, signIn, startHttpServer, uniqueRepository, users, type TestServer } from '../testing/test-registries.js';

// Signing in the way real registries want it, against the test environment's Basic and
// Bearer registries and its token server: tokens cached, renewed when they expire or when
// the registry refuses them, anonymous tokens for public repositories, wrong passwords
// refused; and no secret in any message or log line along the way.

const tokenFetches = (lines: readonly string[]): string[] => lines.filter((line) => line.startsWith('token for '));

describe('bearer tokens', () => {
  const repository = uniqueRepository('tokens');

  beforeAll(async () => {
    await seederFor('token').image(repository, ['1']);
  });

  it('are fetched once per scope and reused while they last', async () => {
    const { client, lines } = clientFor(registries.token, signIn());
    await client.tagsPage(repository);
    await client.tagsPage(repository);
    await client.manifest(repository, '1');
    expect(tokenFetches(lines)).toEqual([expect.stringContaining(`[repository:${repository}:pull]`)]);
    // Only the first request went without a token: it learned where tokens come from.
    expect(lines.filter((line) => line.includes('-> 401'))).toHaveLength(1);
  });

  it('are renewed when they expire, before the registry has to refuse them', async () => {
    const { client, lines } = clientFor(registries.token, signIn(users.shortLived));
    await client.tagsPage(repository);
    await sleep(shortTokenSeconds * 1000 + 500);
    expect((await client.tagsPage(repository)).tags).toEqual(['1']);
    expect(tokenFetches(lines)).toHaveLength(2);
    expect(lines.filter((line) => line.includes('-> 401'))).toHaveLength(1);
  });

  it('are renewed once when the registry refuses one that was still thought valid', async () => {
    // `stale` tokens say they last 300 s; the registry refuses them after 2.
    const { client, lines } = clientFor(registries.token, signIn(users.stale));
    await client.tagsPage(repository);
    await sleep(shortTokenSeconds * 1000 + 500);
    lines.length = 0;
    expect((await client.tagsPage(repository)).tags).toEqual(['1']);
    expect(lines).toEqual([
      expect.stringMatching(/^GET .*\/tags\/list\?n=100 \(bearer\) -> 401$/),
      expect.stringContaining(`token for 127.0.0.1:`),
      expect.stringMatching(/^GET .*\/tags\/list\?n=100 \(bearer\) -> 200$/),
    ]);
  });

  it('are given anonymously for a public repository, and refused for a private one', async () => {
    const publicRepository = `public/${repository.replace('/', '-')}`;
    await seederFor('token').image(publicRepository, ['latest'], { created: '2023-03-03T03:03:03Z' });
    const { client, lines } = clientFor(registries.token);
    expect((await client.tagsPage(publicRepository)).tags).toEqual(['latest']);
    expect(await client.manifest(publicRepository, 'latest')).toMatchObject({ kind: 'image', created: '2023-03-03T03:03:03Z' });
    expect(tokenFetches(lines)[0]).toContain('signed in anonymously');
    await expect(client.tagsPage(repository)).rejects.toMatchObject({
      code: 'unauthorized',
      details: { reason: 'needs_credentials' },
      message: expect.stringMatching(new RegExp(`^The tags of ${repository} at 127\\.0\\.0\\.1:\\d+ needs credentials: anonymous access was refused`)) as unknown,
    });
  });

  it('come for an identity token as for a password', async () => {
    const { client, lines } = clientFor(registries.token, { identityToken });
    expect((await client.tagsPage(repository)).tags).toEqual(['1']);
    expect(tokenFetches(lines)[0]).toContain('signed in with an identity token');
  });

  it('are asked again when the credentials change', async () => {
    let credentials = signIn(users.reader);
    const lines: string[] = [];
    const { RegistryClient } = await import('./index.js');
    const client = new RegistryClient({ url: registries.token, credentials: () => credentials, log: (line) => lines.push(line) });
    await client.tagsPage(repository);
    credentials = signIn(users.full);
    await client.tagsPage(repository);
    expect(tokenFetches(lines).map((line) => /signed in as (\w+)/.exec(line)?.[1])).toEqual([users.reader, users.full]);
  });
});

describe('a wrong password', () => {
  it('is refused by a Basic registry, naming the cause', async () => {
    const { client } = clientFor(registries.basic, signIn(users.full, 'wrong-password'));
    await expect(client.tagsPage('any/thing')).rejects.toMatchObject({ code: 'unauthorized', details: { reason: 'wrong_credentials' }, message: expect.stringMatching(/^Wrong credentials for 127\.0\.0\.1:\d+: it refused the username and password/) as unknown });
  });

  it('is refused by a token service, naming the cause', async () => {
    const { client } = clientFor(registries.token, signIn(users.full, 'wrong-password'));
    await expect(client.manifest('any/thing', '1')).rejects.toMatchObject({ code: 'unauthorized', details: { reason: 'wrong_credentials' }, message: expect.stringMatching(/^Wrong credentials for 127\.0\.0\.1:\d+: its token service/) as unknown });
  });
});

describe('secrets', () => {
  let echo: TestServer;

  beforeAll(async () => {
    // A registry that repeats what it was sent (a badly written proxy could): its words must
    // still not carry the credentials into a message.
    echo = await startHttpServer((request, response) => {
      const sent = request.headers.authorization ?? '(none)';
      response.writeHead(401, { 'Docker-Distribution-API-Version': 'registry/2.0', 'WWW-Authenticate': 'Basic realm="echo"', 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `you sent ${sent}, that is ${Buffer.from(sent.replace(/^Basic /, ''), 'base64').toString()}` }] }));
    });
  });
  afterAll(() => echo.close());

  it('never appear in an error or a log line, even when a registry repeats them', async () => {
    const { client, lines } = clientFor(echo.url, signIn(users.full, password));
    const failure = await client.tagsPage('any/thing').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BerthError);
    const text = JSON.stringify((failure as BerthError).toWire());
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(`${users.full}:${password}`).toString('base64'));
    expect(lines.join('\n')).not.toContain(password);
  });

  it('never appear in the messages and logs of a whole session of sign-ins, browsing and refusals', async () => {
    const seen: string[] = [];
    const record = async (work: () => Promise<unknown>): Promise<void> => {
      try {
        seen.push(JSON.stringify(await work()));
      } catch (error) {
        seen.push(JSON.stringify(error instanceof BerthError ? error.toWire() : String(error)));
      }
    };
    const clients = [
      clientFor(registries.basic, signIn()),
      clientFor(registries.basic, signIn(users.full, `${password}x`)),
      clientFor(registries.token, signIn()),
      clientFor(registries.token, signIn(users.full, `${password}x`)),
      clientFor(registries.token, { identityToken }),
      clientFor(registries.token, signIn(users.reader)),
    ];
    const repository = uniqueRepository('secrets');
    await seederFor('token').image(repository, ['1', '2']);
    await seederFor('basic').image(repository, ['1', '2']);
    for (const { client } of clients) {
      await record(() => client.check());
      await record(() => client.catalogPage({ pageSize: 5 }));
      await record(() => client.tagsPage(repository));
      await record(() => client.manifest(repository, '1'));
      await record(() => client.deleteTag(repository, '2'));
      await record(() => client.deleteTag(repository, 'nope'));
    }
    const everything = [...seen, ...clients.flatMap(({ lines }) => lines)].join('\n');
    // The session did sign in, browse and get refused: the checks below looked at real traffic.
    expect(everything).toContain('Wrong credentials');
    expect(everything).toContain('"kind":"image"');
    expect(everything).toContain('does not allow deletion');
    expect(everything).toMatch(/token for .* signed in as berth/);
    for (const secret of [password, identityToken, Buffer.from(`${users.full}:${password}`).toString('base64')]) expect(everything).not.toContain(secret);
    // No JWT (what the token service hands out) and no Authorization value either.
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
    expect(everything).not.toMatch(/(Basic|Bearer) (?!\[redacted\])[A-Za-z0-9+/=._-]{8,}/);
  });
});
