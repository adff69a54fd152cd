import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededImage } from '../testing/registry-seed.js';
import { dockerManifest, ociIndex, ociManifest } from '../testing/registry-seed.js';
import { clientFor, registries, seederFor, signIn, startHttpServer, uniqueRepository, type TestServer } from '../testing/test-registries.js';

// Manifests of images and of an OCI index uploaded to the test environment's real registries
// through their API, read back with their layers, sizes, created date and platforms.

describe('an image manifest', () => {
  const repository = uniqueRepository('image');
  let image: SeededImage;

  beforeAll(async () => {
    image = await seederFor('open').image(repository, ['v1'], {
      mediaType: dockerManifest,
      layerSizes: [1000, 2500],
      created: '2021-06-01T12:00:00Z',
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
  });

  it('gives its media type, digest, layers with sizes, total size, and created date and platform from the config blob', async () => {
    const summary = await clientFor(registries.open).client.manifest(repository, 'v1');
    expect(summary).toEqual({
      kind: 'image',
      repository,
      reference: 'v1',
      mediaType: dockerManifest,
      digest: image.digest,
      config: image.config,
      layers: image.layers,
      totalSize: image.config.size + 1000 + 2500,
      created: '2021-06-01T12:00:00Z',
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    expect(image.layers.map((layer) => layer.size)).toEqual([1000, 2500]);
  });

  it('is the same by digest, checked against the bytes', async () => {
    const summary = await clientFor(registries.open).client.manifest(repository, image.digest);
    expect(summary).toMatchObject({ kind: 'image', reference: image.digest, digest: image.digest, created: '2021-06-01T12:00:00Z' });
    expect(`sha256:${createHash('sha256').update(image.manifest).digest('hex')}`).toBe(image.digest);
  });

  it('is read from a registry that wants a sign-in, config blob included', async () => {
    const basicRepository = uniqueRepository('basic-image');
    const seeded = await seederFor('basic').image(basicRepository, ['1'], { layerSizes: [10], created: '2022-02-02T02:02:02Z' });
    const { client } = clientFor(registries.basic, signIn());
    expect(await client.manifest(basicRepository, '1')).toMatchObject({ kind: 'image', mediaType: ociManifest, digest: seeded.digest, created: '2022-02-02T02:02:02Z', totalSize: seeded.config.size + 10 });
  });

  it('of a tag that does not exist is not_found, naming it', async () => {
    await expect(clientFor(registries.open).client.manifest(repository, 'v404')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(new RegExp(`^${repository}:v404 is not in 127\\.0\\.0\\.1:\\d+: no such tag, digest or repository \\(MANIFEST_UNKNOWN: manifest unknown\\)\\.$`)) as unknown,
    });
  });

  it('refuses a reference that is neither a tag nor a digest before anything is sent', async () => {
    const { client, lines } = clientFor(registries.open);
    await expect(client.manifest(repository, 'sha256:abc')).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'reference' } });
    await expect(client.manifest(repository, '../../_catalog')).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(lines).toEqual([]);
  });
});

describe('an OCI index', () => {
  const repository = uniqueRepository('index');
  let amd64: SeededImage;
  let arm64: SeededImage;
  let attestation: SeededImage;
  let indexDigest: string;

  beforeAll(async () => {
    const seeder = seederFor('token');
    amd64 = await seeder.image(repository, [], { layerSizes: [100], platform: { os: 'linux', architecture: 'amd64' } });
    arm64 = await seeder.image(repository, [], { layerSizes: [200], platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } });
    attestation = await seeder.image(repository, [], { layerSizes: [50], platform: { os: 'unknown', architecture: 'unknown' } });
    indexDigest = (
      await seeder.index(repository, 'multi', [
        { image: amd64, platform: { os: 'linux', architecture: 'amd64' } },
        { image: arm64, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { image: attestation, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': amd64.digest } },
      ])
    ).digest;
  });

  it('gives each platform with its digest, and marks the attestation', async () => {
    const summary = await clientFor(registries.token, signIn()).client.manifest(repository, 'multi');
    expect(summary).toEqual({
      kind: 'index',
      repository,
      reference: 'multi',
      mediaType: ociIndex,
      digest: indexDigest,
      platforms: [
        { mediaType: ociManifest, digest: amd64.digest, size: amd64.manifest.length, platform: { os: 'linux', architecture: 'amd64' }, attestation: false },
        { mediaType: ociManifest, digest: arm64.digest, size: arm64.manifest.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, attestation: false },
        { mediaType: ociManifest, digest: attestation.digest, size: attestation.manifest.length, platform: { os: 'unknown', architecture: 'unknown' }, attestation: true },
      ],
    });
  });

  it('leads to each platform image by its digest', async () => {
    const summary = await clientFor(registries.token, signIn()).client.manifest(repository, arm64.digest);
    expect(summary).toMatchObject({ kind: 'image', digest: arm64.digest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, layers: [{ size: 200 }] });
  });
});

describe('a manifest of a media type Berth does not read', () => {
  // distribution 2.8 stores only the types Berth reads, so this one registry is the test's own:
  // it serves what an old registry serves as Docker's signed schema 1.
  const schema1 = JSON.stringify({ schemaVersion: 1, name: 'old/image', tag: 'v1', architecture: 'amd64', fsLayers: [], history: [] });
  const digest = `sha256:${createHash('sha256').update(schema1).digest('hex')}`;
  let server: TestServer;

  beforeAll(async () => {
    server = await startHttpServer((request, response) => {
      const headers = { 'Docker-Distribution-API-Version': 'registry/2.0' };
      if (request.url === '/v2/old/image/manifests/v1') {
        response.writeHead(200, { ...headers, 'Content-Type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'Docker-Content-Digest': digest });
        response.end(schema1);
      } else {
        response.writeHead(request.url === '/v2/' ? 200 : 404, headers).end('{}');
      }
    });
  });
  afterAll(() => server.close());

  it('is given as its raw text, not as an error', async () => {
    expect(await clientFor(server.url).client.manifest('old/image', 'v1')).toEqual({
      kind: 'unknown',
      repository: 'old/image',
      reference: 'v1',
      mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
      digest,
      raw: schema1,
    });
  });
});
