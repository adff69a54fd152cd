import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/ports.js';
import { clientFor, identityToken, password, registries, signIn, startHttpServer, users, type TestServer } from '../testing/test-registries.js';
import { makeTestCertificates, startTlsRelay, type TestCertificates, type TlsRelay } from '../testing/tls-relay.js';

// The `/v2/` handshake against the test environment's real registries (open, HTTP Basic,
// Bearer tokens), real TLS in front of the open one, a closed port, and servers of the
// test's own that are not registries.

describe('a registry that answers', () => {
  it('is reachable without sign-in when it asks for none', async () => {
    const outcome = await clientFor(registries.open).client.check();
    expect(outcome).toMatchObject({ kind: 'reachable', auth: 'none', signedIn: false, apiVersion: 'registry/2.0' });
    expect(outcome.message).toMatch(/is a reachable registry: no sign-in needed/);
  });

  it('needs credentials (HTTP Basic) when none are given', async () => {
    const outcome = await clientFor(registries.basic).client.check();
    expect(outcome).toMatchObject({ kind: 'needs_credentials', auth: 'basic' });
    expect(outcome.message).toMatch(/needs credentials: it asks for a username and password/);
  });

  it('signs in with HTTP Basic', async () => {
    const { client, lines } = clientFor(registries.basic, signIn());
    expect(await client.check()).toMatchObject({ kind: 'reachable', auth: 'basic', signedIn: true, message: expect.stringMatching(/signed in as berth \(HTTP Basic\)/) as unknown });
    // The first request learns the scheme; the second carries the credentials.
    expect(lines).toEqual([expect.stringMatching(/GET .*\/v2\/ \(anonymous\) -> 401$/), expect.stringMatching(/GET .*\/v2\/ \(basic\) -> 200$/)]);
  });

  it('says the credentials are wrong when a Basic registry refuses the password', async () => {
    const outcome = await clientFor(registries.basic, signIn(users.full, 'not-the-password')).client.check();
    expect(outcome).toMatchObject({ kind: 'wrong_credentials', message: expect.stringMatching(/^Wrong credentials for 127\.0\.0\.1:\d+: it refused the username and password/) as unknown });
  });

  it('is reachable with an anonymous token from a Bearer registry', async () => {
    expect(await clientFor(registries.token).client.check()).toMatchObject({ kind: 'reachable', auth: 'bearer', signedIn: false, message: expect.stringMatching(/anonymous bearer token accepted/) as unknown });
  });

  it('signs in at the token service with a password, or with an identity token', async () => {
    expect(await clientFor(registries.token, signIn()).client.check()).toMatchObject({ kind: 'reachable', auth: 'bearer', signedIn: true, message: expect.stringMatching(/signed in as berth \(bearer token\)/) as unknown });
    expect(await clientFor(registries.token, { identityToken }).client.check()).toMatchObject({ kind: 'reachable', signedIn: true, message: expect.stringMatching(/signed in with an identity token/) as unknown });
  });

  it('says the credentials are wrong when the token service refuses them', async () => {
    const outcome = await clientFor(registries.token, signIn(users.full, 'not-the-password')).client.check();
    expect(outcome).toMatchObject({ kind: 'wrong_credentials', message: expect.stringMatching(/^Wrong credentials for 127\.0\.0\.1:\d+: its token service \(http:\/\/127\.0\.0\.1:\d+\/token\) refused to sign in as berth/) as unknown });
    expect((await clientFor(registries.token, { identityToken: 'not-the-identity-token' }).client.check()).kind).toBe('wrong_credentials');
  });

  it('never says the password in what it reports', async () => {
    for (const url of [registries.basic, registries.token]) {
      const { client, lines } = clientFor(url, signIn());
      const outcome = await client.check();
      expect(JSON.stringify(outcome)).not.toContain(password);
      expect(lines.join('\n')).not.toContain(password);
    }
  });
});

describe('something that is not a registry', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttpServer((request, response) => {
      if (request.url === '/v2/') {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<html><body>a web site</body></html>');
      } else {
        response.writeHead(404).end();
      }
    });
  });
  afterAll(() => server.close());

  it('is named as such: it answers /v2/ without the distribution header', async () => {
    const outcome = await clientFor(server.url).client.check();
    expect(outcome).toMatchObject({ kind: 'not_a_registry', status: 200 });
    expect(outcome.message).toBe(`${server.url} answered /v2/ with HTTP 200 but no Docker-Distribution-API-Version header: it is not a container registry (or not at this address).`);
  });
});

describe('a registry that cannot be reached', () => {
  it('is unreachable when nothing listens on its port', async () => {
    const port = await freePort();
    expect(await clientFor(`http://127.0.0.1:${port}`).client.check()).toEqual({
      kind: 'unreachable',
      reason: 'refused',
      message: `Cannot reach http://127.0.0.1:${port}: connection refused (nothing listens there).`,
    });
  });

  it('times out on a server that never answers', async () => {
    const server = await startHttpServer(() => undefined);
    try {
      const outcome = await clientFor(server.url, null, { timeoutMs: 300 }).client.check();
      expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'timeout', message: `Cannot reach ${server.url}: no answer within 300 ms.` });
    } finally {
      await server.close();
    }
  });
});

describe('cancelling', () => {
  it('ends a request at once with cancelled, whatever the server does', async () => {
    const server = await startHttpServer(() => undefined);
    try {
      const { client } = clientFor(server.url);
      const controller = new AbortController();
      const started = Date.now();
      const pending = client.catalogPage({ signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
      await expect(client.check(AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });
});

describe('TLS', () => {
  let dir: string;
  let certificates: TestCertificates;
  const relays: TlsRelay[] = [];
  const relay = async (pair: keyof Omit<TestCertificates, 'ca'>): Promise<string> => {
    const started = await startTlsRelay(registries.open.slice('http://'.length), certificates[pair]);
    relays.push(started);
    return started.url;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'berth-registry-tls-'));
    certificates = await makeTestCertificates(dir);
  });
  afterAll(async () => {
    await Promise.all(relays.map((started) => started.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches a registry over https when its CA is trusted', async () => {
    const url = await relay('loopback');
    expect(await clientFor(url, null, { ca: [certificates.ca] }).client.check()).toMatchObject({ kind: 'reachable', auth: 'none' });
  });

  it('names an unknown certificate authority', async () => {
    const url = await relay('loopback');
    expect(await clientFor(url).client.check()).toMatchObject({ kind: 'tls_error', tls: 'unknown_authority', message: expect.stringMatching(/^TLS error at https:\/\/127\.0\.0\.1:\d+: its certificate is signed by an authority this machine does not trust/) as unknown });
  });

  it('names a certificate for another host name', async () => {
    const url = await relay('otherName');
    expect(await clientFor(url, null, { ca: [certificates.ca] }).client.check()).toMatchObject({ kind: 'tls_error', tls: 'hostname_mismatch', message: expect.stringMatching(/its certificate is for another host name/) as unknown });
  });

  it('names an expired certificate', async () => {
    const url = await relay('expired');
    expect(await clientFor(url, null, { ca: [certificates.ca] }).client.check()).toMatchObject({ kind: 'tls_error', tls: 'expired', message: expect.stringMatching(/its certificate has expired/) as unknown });
  });

  it('names a plain-http registry asked over https (the default without a scheme)', async () => {
    const outcome = await clientFor(registries.open.slice('http://'.length)).client.check();
    expect(outcome).toMatchObject({ kind: 'tls_error', tls: 'not_tls', message: expect.stringMatching(/it answers in plain HTTP, not HTTPS/) as unknown });
  });
});
