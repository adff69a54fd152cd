import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadUrl, uploadUrl } from '../api/index.js';
import { EngineRelay } from '../testing/engine-relay.js';
import { shell } from '../testing/log-helpers.js';
import { archiveContent } from '../testing/tar-entries.js';
import { connectBackend, docker, testImage, type Connected } from '../testing/real-engine.js';
import { TestImages } from '../testing/test-images.js';
import { leaveMidDownload, startSignedInHost, type SignedInHost } from '../testing/file-routes-host.js';

// The web host's image download (GET /download/images) and upload (POST /upload/images),
// against the REAL engine reached through a relay (to see the engine request end when the
// browser goes away).

let relay: EngineRelay;
let connected: Connected;
let host: SignedInHost;
let origin: string;
let cookie: string;
const token = 'archive-test-token-0123456789';
const images = new TestImages();

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url, { acceptsPaths: false });
  host = await startSignedInHost({ handlers: connected.backend.handlers, downloads: connected.backend.engines, uploads: connected.backend.engines, token });
  ({ origin, cookie } = host);
});

afterAll(async () => {
  await host.close();
  await images.removeAll();
  connected.close();
  await relay.stop();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** POST /upload/images as the page does it: the cookie, its own Origin, the file as the body. */
function upload(body: Uint8Array, headers: Record<string, string> = { cookie, origin }, url = uploadUrl('images')): Promise<Response> {
  return fetch(`${origin}${url}`, { method: 'POST', headers: { 'content-type': 'application/x-tar', ...headers }, body });
}

const isPresent = (reference: string) => docker('image', 'inspect', '-f', '{{.Id}}', reference).then(() => true, () => false);

describe('GET /download/images', () => {
  it('streams the images as one tar with the entries docker save writes, and one image byte for byte', async () => {
    const first = await images.make('download-a', 200_000);
    const second = await images.make('download-b', 100_000);
    const url = downloadUrl('images', { ids: [first.tag, second.tag] });
    expect(url).toBe(`/download/images?ids=${encodeURIComponent(first.tag)}&ids=${encodeURIComponent(second.tag)}`);
    const response = await fetch(`${origin}${url}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tar');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="images.tar"');
    // Two images sharing the base layer: docker save itself is not byte-stable for them (the
    // shared layer's times and the manifest's order change between calls, see
    // archive.int.test.ts), so their entries and manifest are
    // compared; one image's archive is compared byte for byte below.
    expect(archiveContent(Buffer.from(await response.arrayBuffer()))).toEqual(archiveContent(await shell(`docker save ${first.tag} ${second.tag}`)));

    const one = await fetch(`${origin}${downloadUrl('images', { ids: [first.tag] })}`, { headers: { cookie } });
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="${first.tag.replace(':', '_')}.tar"`);
    expect(sha256(new Uint8Array(await one.arrayBuffer()))).toBe(sha256(await shell(`docker save ${first.tag}`)));
  });

  it('answers bad params with 400 naming the field, a missing image with 404 naming it, and refuses without the token', async () => {
    const cases: [string, RegExp][] = [
      ['/download/images', /ids: /],
      ['/download/images?ids=', /ids\.0: is required/],
      [`/download/images?ids=${testImage()}&ids=-x`, /ids\.1: must be an image id or reference/],
      [`/download/images?ids=${testImage()}&path=/tmp/x.tar`, /path: unknown field/],
    ];
    for (const [url, message] of cases) {
      const response = await fetch(`${origin}${url}`, { headers: { cookie } });
      expect(response.status, url).toBe(400);
      expect(await response.text()).toMatch(message);
    }
    const missing = await fetch(`${origin}/download/images?ids=${testImage()}&ids=it-no-such-image:1`, { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/ids: no image "it-no-such-image:1"/);
    expect((await fetch(`${origin}${downloadUrl('images', { ids: [testImage()] })}`)).status).toBe(401);
    expect((await fetch(`${origin}${downloadUrl('images', { ids: [testImage()] })}`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('aborts the engine request when the browser goes away mid-download', async () => {
    const big = await images.make('download-big', 8_000_000);
    await leaveMidDownload(host, downloadUrl('images', { ids: [big.tag] }));
    const carrying = relay.allCarrying('GET /images/get');
    expect(carrying.length).toBeGreaterThan(0);
    await expect.poll(() => carrying.at(-1)?.closed, { timeout: 10_000 }).toBe(true);
  });
});

describe('POST /upload/images', () => {
  it('loads the uploaded archive: the same image id and tag, and says what it loaded', async () => {
    const image = await images.make('upload', 300_000);
    const archive = await shell(`docker save ${image.tag}`);
    await docker('rmi', image.tag);
    expect(await isPresent(image.id)).toBe(false);

    const response = await upload(new Uint8Array(archive));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ references: [image.tag], ids: [], bytes: archive.length });
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', image.tag)).toBe(image.id);
  });

  it('refuses a request without the token, from another origin, or with no Origin, and loads nothing', async () => {
    const image = await images.make('refused', 50_000);
    const archive = new Uint8Array(await shell(`docker save ${image.tag}`));
    await docker('rmi', image.tag);
    const loads = () => relay.requests.filter((line) => /^POST (\/v[\d.]+)?\/images\/load/.test(line)).length;
    const before = loads();
    expect((await upload(archive, { origin })).status).toBe(401);
    expect((await upload(archive, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(archive, { cookie, origin: `http://localhost:${host.port + 1}` })).status).toBe(403);
    expect((await upload(archive, { cookie })).status).toBe(403);
    expect(loads()).toBe(before);
    expect(await isPresent(image.id)).toBe(false);
  });

  it('a body that is no image archive gets the engine\'s reason as a 400; a wrong method or name is refused', async () => {
    const response = await upload(new TextEncoder().encode('this is not a tar file\n'.repeat(1000)));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/^The engine could not load the archive: .*tar/i);
    expect((await upload(new Uint8Array(0))).status).toBe(400);
    expect((await fetch(`${origin}${uploadUrl('images')}`, { headers: { cookie, origin } })).status).toBe(405);
    expect((await upload(new Uint8Array(1), { cookie, origin }, '/upload/volumes')).status).toBe(404);
    expect((await upload(new Uint8Array(1), { cookie, origin }, `${uploadUrl('images')}?engine=no-such-engine`)).status).toBe(404);
  });

  it('aborts the engine request when the browser goes away mid-upload, and loads nothing', async () => {
    const big = await images.make('upload-big', 4_000_000);
    const archive = await shell(`docker save ${big.tag}`);
    await docker('rmi', big.tag);
    const before = relay.allCarrying('POST /images/load').length;
    const request = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: uploadUrl('images'), headers: { cookie, origin, 'content-type': 'application/x-tar' } });
    request.on('error', () => undefined);
    request.write(archive.subarray(0, 1_000_000));
    // The engine has the request (and the first part of the body) before the browser goes.
    await expect.poll(() => relay.allCarrying('POST /images/load').length, { timeout: 10_000 }).toBe(before + 1);
    request.destroy();
    const carrying = relay.allCarrying('POST /images/load').at(-1);
    await expect.poll(() => carrying?.closed, { timeout: 10_000 }).toBe(true);
    expect(await isPresent(big.id)).toBe(false);
  });
});
