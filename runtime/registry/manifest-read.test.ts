import { describe, expect, it } from 'vitest';
import { ManifestShapeError, mediaTypes, readImageConfig, readManifest } from './manifest-read.js';

const digest = (char: string): string => `sha256:${char.repeat(64)}`;
const image = {
  schemaVersion: 2,
  mediaType: mediaTypes.dockerManifest,
  config: { mediaType: mediaTypes.dockerConfig, digest: digest('c'), size: 700 },
  layers: [
    { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: digest('1'), size: 100 },
    { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: digest('2'), size: 250 },
  ],
};

describe('readManifest', () => {
  it('reads an image manifest: config and layers', () => {
    expect(readManifest(JSON.stringify(image), mediaTypes.dockerManifest)).toEqual({ kind: 'image', mediaType: mediaTypes.dockerManifest, config: image.config, layers: image.layers });
  });

  it('reads an index: platforms, and attestations marked', () => {
    const index = {
      schemaVersion: 2,
      mediaType: mediaTypes.ociIndex,
      manifests: [
        { mediaType: mediaTypes.ociManifest, digest: digest('a'), size: 10, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { mediaType: mediaTypes.ociManifest, digest: digest('b'), size: 11, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
        { mediaType: mediaTypes.ociManifest, digest: digest('d'), size: 12 },
      ],
    };
    expect(readManifest(JSON.stringify(index), `${mediaTypes.ociIndex}; charset=utf-8`)).toEqual({
      kind: 'index',
      mediaType: mediaTypes.ociIndex,
      manifests: [
        { mediaType: mediaTypes.ociManifest, digest: digest('a'), size: 10, platform: { os: 'linux', architecture: 'arm', variant: 'v7' }, attestation: false },
        { mediaType: mediaTypes.ociManifest, digest: digest('b'), size: 11, platform: { os: 'unknown', architecture: 'unknown' }, attestation: true },
        { mediaType: mediaTypes.ociManifest, digest: digest('d'), size: 12, attestation: false },
      ],
    });
  });

  it('goes by the document when the Content-Type is generic', () => {
    expect(readManifest(JSON.stringify({ ...image, mediaType: undefined }), 'application/json').kind).toBe('image');
    expect(readManifest(JSON.stringify({ schemaVersion: 2, manifests: [] }), undefined)).toEqual({ kind: 'index', mediaType: mediaTypes.ociIndex, manifests: [] });
  });

  it('keeps any other type as raw text, not JSON included', () => {
    const schema1 = '{"schemaVersion":1,"fsLayers":[]}';
    expect(readManifest(schema1, 'application/vnd.docker.distribution.manifest.v1+prettyjws')).toEqual({ kind: 'unknown', mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws', raw: schema1 });
    expect(readManifest('not json', 'text/plain')).toEqual({ kind: 'unknown', mediaType: 'text/plain', raw: 'not json' });
    expect(readManifest('{"x":1}', 'application/vnd.example.thing+json').kind).toBe('unknown');
  });

  it('refuses a known type with a broken shape, saying what is wrong', () => {
    expect(() => readManifest(JSON.stringify({ ...image, layers: 'x' }), mediaTypes.dockerManifest)).toThrow(new ManifestShapeError('the image manifest has no layers list'));
    expect(() => readManifest(JSON.stringify({ ...image, layers: [{ digest: digest('1'), size: -1 }] }), mediaTypes.dockerManifest)).toThrow('layer 1 has no valid size');
    expect(() => readManifest(JSON.stringify({ ...image, config: { size: 1 } }), mediaTypes.dockerManifest)).toThrow('the config has no valid digest');
  });
});

describe('readImageConfig', () => {
  it('gives the created date and platform', () => {
    expect(readImageConfig('{"created":"2024-05-06T07:08:09.123Z","os":"linux","architecture":"arm64","variant":"v8"}')).toEqual({ created: '2024-05-06T07:08:09.123Z', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } });
    expect(readImageConfig('{"created":"not a date"}')).toEqual({ created: null, platform: null });
    expect(() => readImageConfig('[')).toThrow('the config blob is not JSON');
  });
});
