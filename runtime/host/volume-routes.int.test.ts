import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadUrl, uploadUrl } from '../api/index.js';
import { connectBackend, docker, type Connected } from '../testing/real-engine.js';
import { helperContainers, TestVolumes } from '../testing/test-volumes.js';
import { startSignedInHost, type SignedInHost } from '../testing/file-routes-host.js';

// The web host's volume backup and file downloads (GET /download/volume-backup, volume-files)
// and restore upload (POST /upload/volume-restore) against the REAL engine, behind the token.

let connected: Connected;
let host: SignedInHost;
let origin: string;
let cookie: string;
const token = 'volume-routes-test-token-0123456789';
const volumes = new TestVolumes();

beforeAll(async () => {
  connected = await connectBackend(undefined, { acceptsPaths: false });
  host = await startSignedInHost({ handlers: connected.backend.handlers, downloads: connected.backend.engines, uploads: connected.backend.engines, token });
  ({ origin, cookie } = host);
});

afterAll(async () => {
  await host.close();
  await volumes.removeAll();
  connected.close();
});

const md5sums = (volume: string) => volumes.shell(volume, 'cd /v && find . -type f -exec md5sum {} + | sort && stat -c "%a %u" .', true);
const restore = (name: string, body: Uint8Array, headers: Record<string, string> = { cookie, origin }, overwrite?: boolean) =>
  fetch(`${origin}${uploadUrl('volume-restore', undefined, { name, overwrite })}`, { method: 'POST', headers: { 'content-type': 'application/gzip', ...headers }, body });

describe('volume downloads and the restore upload', () => {
  it('downloads a backup as <name>.tar.gz and restores the uploaded file into a new volume, byte for byte', async () => {
    const name = await volumes.create('routes');
    await volumes.shell(name, 'head -c 200000 /dev/urandom > /v/random && mkdir /v/dir && echo text > /v/dir/t && chown 70:70 /v && chmod 700 /v');
    const response = await fetch(`${origin}${downloadUrl('volume-backup', { name })}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}.tar.gz"`);
    const backup = new Uint8Array(await response.arrayBuffer());
    expect(gunzipSync(backup).length).toBeGreaterThan(200_000);

    const restored = volumes.name('routes-restored');
    const answer = await restore(restored, backup);
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await answer.json()).toEqual({ volume: restored, created: true, bytes: backup.length });
    expect(await md5sums(restored)).toBe(await md5sums(name));

    const file = await fetch(`${origin}${downloadUrl('volume-files', { name, path: '/dir/t' })}`, { headers: { cookie } });
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="t.tar"');
    const tar = Buffer.from(await file.arrayBuffer());
    expect(tar.toString('latin1', 0, 1)).toBe('t');
    expect(createHash('md5').update(tar.subarray(512, 517)).digest('hex')).toBe(createHash('md5').update('text\n').digest('hex'));
    await expect.poll(helperContainers, { timeout: 10_000 }).toEqual([]);
  });

  it('refuses a path out of the volume, a file that is no tar, a non-empty volume, and a request without the token or from elsewhere', async () => {
    const name = await volumes.create('routes-refused');
    await volumes.shell(name, 'echo x > /v/x');
    const escape = await fetch(`${origin}/download/volume-files?name=${name}&path=/../etc`, { headers: { cookie } });
    expect(escape.status).toBe(400);
    expect(await escape.text()).toMatch(/path: must stay inside the volume: `\.\.` is not allowed/);

    const fresh = volumes.name('routes-not-tar');
    const notTar = await restore(fresh, new TextEncoder().encode('not a backup\n'.repeat(100)));
    expect(notTar.status).toBe(400);
    expect(await notTar.text()).toBe('file: the upload is not a tar archive (.tar or .tar.gz): its first 512 bytes are no tar header.\n');
    expect((await docker('volume', 'ls', '-q')).split('\n')).not.toContain(fresh);

    const backup = new Uint8Array(await (await fetch(`${origin}${downloadUrl('volume-backup', { name })}`, { headers: { cookie } })).arrayBuffer());
    const full = await restore(name, backup);
    expect(full.status).toBe(409);
    expect(await full.text()).toMatch(new RegExp(`^name: the volume "${name}" is not empty \\(it holds x\\)`));
    expect((await restore(name, backup, { cookie, origin }, true)).status).toBe(200);

    expect((await restore(volumes.name('x'), backup, { origin })).status).toBe(401);
    expect((await restore(volumes.name('x'), backup, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${origin}${downloadUrl('volume-backup', { name })}`)).status).toBe(401);
    await expect.poll(helperContainers, { timeout: 10_000 }).toEqual([]);
  });
});
