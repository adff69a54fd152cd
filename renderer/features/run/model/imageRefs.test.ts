import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../runtime/api/index.js';
import { imageSuggestions, isImagePresent } from './imageRefs.js';

function image(repoTags: string[], id = 'sha256:' + 'c'.repeat(64)): ImageSummary {
  return { engineId: 'engine-1', id, repoTags, repoDigests: [], created: 0, sizeBytes: 0 };
}

describe('image references', () => {
  it('finds Docker tags, Podman tags, local Podman builds and ids', () => {
    // A local Podman build (`localhost/mine:latest`) arrives named as Docker names it (runtime/engine/dialect.ts).
    const images = [image(['busybox:latest']), image(['docker.io/library/nginx:1.27']), image(['mine:latest']), image([], 'sha256:' + 'd'.repeat(64))];
    expect(isImagePresent('busybox', images)).toBe(true);
    expect(isImagePresent('nginx:1.27', images)).toBe(true);
    expect(isImagePresent('nginx', images)).toBe(false);
    expect(isImagePresent('mine', images)).toBe(true);
    expect(isImagePresent('dddddddddddd', images)).toBe(true);
    expect(isImagePresent('alpine', images)).toBe(false);
  });

  it.each([
    ['docker.io/library/busybox:latest', true],
    ['index.docker.io/library/nginx:1.27', true],
    ['localhost/mine', true],
    // Podman resolves only a short name to its local builds.
    ['docker.io/library/mine', false],
    ['Busybox', false],
  ])('matches full names both ways: %s is present: %s', (reference, present) => {
    const images = [image(['busybox:latest']), image(['docker.io/library/nginx:1.27']), image(['localhost/mine:latest'])];
    expect(isImagePresent(reference, images)).toBe(present);
  });

  it('suggests each tag once, sorted, without <none>', () => {
    expect(imageSuggestions([image(['b:1', 'a:1']), image(['<none>:<none>']), image(['a:1'])])).toEqual(['a:1', 'b:1']);
  });
});
