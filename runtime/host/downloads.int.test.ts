import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadUrl } from '../api/index.js';
import { EngineRelay } from '../testing/engine-relay.js';
import { shell } from '../testing/log-helpers.js';
import { connectBackend, docker, TestContainers, testImage, type Connected } from '../testing/real-engine.js';
import { leaveMidDownload, startSignedInHost, type SignedInHost } from '../testing/file-routes-host.js';

// The web host's log download, against the REAL engine reached through a relay (to see the
// engine request end when the browser goes away).

let relay: EngineRelay;
let connected: Connected;
let host: SignedInHost;
let origin: string;
let cookie: string;
const token = 'download-test-token-0123456789';
const containers = new TestContainers();
let name: string;

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
  host = await startSignedInHost({ handlers: connected.backend.handlers, downloads: connected.backend.engines, token });
  ({ origin, cookie } = host);
  name = await containers.run('download', testImage(), 'sh', '-c', 'i=0; while [ $i -lt 50 ]; do echo "out $i ü"; echo "err $i" >&2; i=$((i+1)); done; printf "end"');
  await docker('wait', name);
});

afterAll(async () => {
  await host.close();
  await containers.removeAll();
  connected.close();
  await relay.stop();
});

describe('GET /download/logs', () => {
  it('streams the log as an attachment, byte-identical to docker logs with the same options', async () => {
    const response = await fetch(`${origin}${downloadUrl('logs', { id: name })}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}.log"`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(await shell(`docker logs ${name} 2>&1`));

    const url = downloadUrl('logs', { id: name, timestamps: true, tail: 10, stderr: false });
    expect(url).toBe(`/download/logs?id=${name}&timestamps=1&tail=10&stderr=0`);
    const some = await fetch(`${origin}${url}`, { headers: { cookie } });
    expect(Buffer.from(await some.arrayBuffer())).toEqual(await shell(`docker logs -t --tail 10 ${name} 2>/dev/null`));
  });

  it('goes to the engine the query names', async () => {
    const engineId = connected.backend.engine.status.engineId;
    const response = await fetch(`${origin}${downloadUrl('logs', { id: name, stdout: false }, engineId)}`, { headers: { cookie } });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(await shell(`docker logs ${name} 2>&1 >/dev/null`));
    const unknown = await fetch(`${origin}${downloadUrl('logs', { id: name }, 'no-such-engine')}`, { headers: { cookie } });
    expect(unknown.status).toBe(404);
  });

  it('refuses without the token, from another origin, and for another Host', async () => {
    const url = `${origin}${downloadUrl('logs', { id: name })}`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('Unauthorized');
    const crossSite = await fetch(url, { headers: { cookie, origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
    const rebinding = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: downloadUrl('logs', { id: name }), headers: { cookie, host: `evil.example:${host.port}` } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(rebinding).toBe(403);
  });

  it('answers a bad param with 400 and a message naming the field, and a missing container with 404', async () => {
    const cases: [string, RegExp][] = [
      [`/download/logs?id=${name}&tail=lots`, /tail/],
      [`/download/logs?id=${name}&timestamps=maybe`, /timestamps/],
      [`/download/logs?id=${name}&since=yesterday`, /since/],
      [`/download/logs?id=${name}&path=/etc/passwd`, /path: unknown field/],
      [`/download/logs?id=${name}&id=other`, /id: is given more than once/],
      ['/download/logs', /id/],
    ];
    for (const [url, field] of cases) {
      const response = await fetch(`${origin}${url}`, { headers: { cookie } });
      expect(response.status, url).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toMatch(field);
    }
    expect((await fetch(`${origin}/download/logs?id=it-no-such-container`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${origin}/download/nothing?id=x`, { headers: { cookie } })).status).toBe(404);
  });

  it('aborts the engine request when the browser goes away mid-download', async () => {
    const big = await containers.run('download-big', testImage(), 'sh', '-c', 'head -c 100000000 /dev/zero | tr "\\0" "z" | fold -w 99');
    await docker('wait', big);
    const id = await docker('inspect', '-f', '{{.Id}}', big);
    await leaveMidDownload(host, downloadUrl('logs', { id: big }));
    const carrying = relay.allCarrying(`GET /containers/${id}/logs`);
    expect(carrying).toHaveLength(1);
    await expect.poll(() => carrying[0]?.closed, { timeout: 5_000 }).toBe(true);
  });
});
