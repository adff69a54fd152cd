import { describe, expect, it } from 'vitest';
import { archiveFileName, imagesLoadSchema, imagesSaveSchema, loadedImagesOf } from './image-archive.js';
import { parseParams } from './validation.js';

describe('image archives', () => {
  it('reads the images docker load reports, tags and ids apart, each once', () => {
    const lines = [
      'Loaded image: berth-test/busybox:latest\n',
      'Loaded image: 127.0.0.1:5000/app:1\nLoaded image ID: sha256:' + 'e'.repeat(64) + '\n',
      'Loading layer  1.2MB/1.2MB\n',
      'Loaded image: berth-test/busybox:latest\n',
    ];
    expect(loadedImagesOf(lines)).toEqual({
      references: ['berth-test/busybox:latest', '127.0.0.1:5000/app:1'],
      ids: [`sha256:${'e'.repeat(64)}`],
    });
    expect(loadedImagesOf([])).toEqual({ references: [], ids: [] });
  });

  it('names the file after one image, or images.tar for several', () => {
    expect(archiveFileName(['busybox:latest'])).toBe('busybox_latest.tar');
    expect(archiveFileName(['127.0.0.1:5000/team/app:1'])).toBe('127.0.0.1_5000_team_app_1.tar');
    expect(archiveFileName([`sha256:${'a'.repeat(64)}`])).toBe(`${'a'.repeat(64)}.tar`);
    expect(archiveFileName(['a:1', 'b:2'])).toBe('images.tar');
  });

  it('validates the images and the path by name', () => {
    expect(parseParams('images.save', imagesSaveSchema, { ids: ['a:1'], path: '/tmp/x.tar' })).toEqual({ ids: ['a:1'], path: '/tmp/x.tar' });
    expect(() => parseParams('images.save', imagesSaveSchema, { ids: [] })).toThrow(/ids: must name at least one image/);
    expect(() => parseParams('images.save', imagesSaveSchema, { ids: ['a:1', 'x y'] })).toThrow(/ids\.1: must be an image id or reference/);
    expect(() => parseParams('images.save', imagesSaveSchema, { ids: ['a:1'], path: 'x.tar' })).toThrow(/path: must be an absolute path/);
    expect(() => parseParams('images.load', imagesLoadSchema, { path: 'relative/x.tar' })).toThrow(/path: must be an absolute path/);
    expect(() => parseParams('images.load', imagesLoadSchema, { file: '/x.tar' })).toThrow(/file: unknown field/);
  });
});
