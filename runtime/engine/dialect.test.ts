import { describe, expect, it } from 'vitest';
import { containerAsDocker, containerListItemAsDocker, dialectOf, imageAsDocker, imageNameAsDocker, imageRemovalAsDocker } from './dialect.js';

describe('engine dialects', () => {
  it('knows Podman by its version components', () => {
    expect(dialectOf({ Version: '4.9.3', Components: [{ Name: 'Podman Engine' }] })).toBe('podman');
    expect(dialectOf({ Version: '20.10.24', Components: [{ Name: 'Engine' }, { Name: 'containerd' }] })).toBe('docker');
    expect(dialectOf({})).toBe('docker');
  });

  it("names Podman's local images as Docker does, and leaves Docker's localhost registry alone", () => {
    expect(imageNameAsDocker('localhost/mine:latest', 'podman')).toBe('mine:latest');
    expect(imageNameAsDocker('docker.io/library/busybox:latest', 'podman')).toBe('docker.io/library/busybox:latest');
    expect(imageNameAsDocker('localhost:5000/app:1', 'podman')).toBe('localhost:5000/app:1');
    expect(imageNameAsDocker('localhost/mine:latest', 'docker')).toBe('localhost/mine:latest');
  });

  it('applies that wherever the engine names an image', () => {
    expect(imageAsDocker({ Id: 'sha256:1', RepoTags: ['localhost/mine:latest', 'quay.io/x:1'], RepoDigests: null }, 'podman')).toEqual({
      Id: 'sha256:1',
      RepoTags: ['mine:latest', 'quay.io/x:1'],
      RepoDigests: null,
    });
    expect(containerListItemAsDocker({ Id: 'c', Image: 'localhost/mine:latest' }, 'podman').Image).toBe('mine:latest');
    const container = containerAsDocker({ Id: 'c', Image: 'sha256:1', Config: { Image: 'localhost/mine:latest', Tty: true } }, 'podman');
    expect(container).toEqual({ Id: 'c', Image: 'sha256:1', Config: { Image: 'mine:latest', Tty: true } });
    expect(imageRemovalAsDocker([{ Untagged: 'localhost/mine:latest' }, { Deleted: 'sha256:1' }], 'podman')).toEqual([{ Untagged: 'mine:latest' }, { Deleted: 'sha256:1' }]);
  });
});
