import { describe, expect, it } from 'vitest';
import { announcesNetworkLifecycle, containerAsDocker, containerListItemAsDocker, dialectOf, eventAsDocker, imageAsDocker, imageNameAsDocker, imageRemovalAsDocker } from './dialect.js';

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

  it("reads a Podman container's record as Docker keeps it: no HOSTNAME the engine set itself, no PidMode private", () => {
    // As Podman 4.3 records `docker run -d -e A=1 busybox` (the id 0b43fde2ade2...).
    const podman = {
      Id: '0b43fde2ade2f00d',
      Config: { Hostname: '0b43fde2ade2', Image: 'docker.io/library/busybox', Env: ['PATH=/usr/bin:/bin', 'TERM=xterm', 'container=podman', 'A=1', 'HOME=/root', 'HOSTNAME=0b43fde2ade2'] },
      HostConfig: { PidMode: 'private', IpcMode: 'shareable' },
    };
    expect(containerAsDocker(podman, 'podman')).toEqual({
      Id: '0b43fde2ade2f00d',
      Config: { Hostname: '0b43fde2ade2', Image: 'docker.io/library/busybox', Env: ['PATH=/usr/bin:/bin', 'TERM=xterm', 'container=podman', 'A=1', 'HOME=/root'] },
      HostConfig: { PidMode: '', IpcMode: 'shareable' },
    });
    // A HOSTNAME the user set to something else stays; so do the host's PID namespace and Docker's record.
    const chosen = { Id: 'c', Config: { Hostname: 'web', Env: ['HOSTNAME=other'] }, HostConfig: { PidMode: 'host' } };
    expect(containerAsDocker(chosen, 'podman')).toEqual(chosen);
    const docker = { Id: 'c', Config: { Hostname: 'web', Env: ['HOSTNAME=web'] }, HostConfig: { PidMode: 'private' } };
    expect(containerAsDocker(docker, 'docker')).toBe(docker);
  });

  it("reads Podman's own defaults (65536000 bytes of shm, runtime oci, swappiness 0) as Docker's, so they are not taken for choices", () => {
    // As Podman 4.3 records `docker create busybox` through its Docker API.
    const podman = { Id: 'c', HostConfig: { ShmSize: 65_536_000, Runtime: 'oci', MemorySwappiness: 0, CgroupnsMode: '' } };
    expect(containerAsDocker(podman, 'podman').HostConfig).toEqual({ ShmSize: 64 * 1024 * 1024, Runtime: '', MemorySwappiness: null, CgroupnsMode: '' });
    const chosen = { Id: 'c', HostConfig: { ShmSize: 128 * 1024 * 1024, Runtime: 'crun', MemorySwappiness: 10 } };
    expect(containerAsDocker(chosen, 'podman')).toEqual(chosen);
  });

  it("reads a Podman volume event's name (its attributes) as Docker's actor id, and leaves every other event alone", () => {
    const podman = { Type: 'volume', Action: 'create', Actor: { ID: '', Attributes: { name: 'data', podId: '' } }, time: 1 };
    expect(eventAsDocker(podman, 'podman')).toEqual({ ...podman, Actor: { ID: 'data', Attributes: { name: 'data', podId: '' } } });
    const container = { Type: 'container', Action: 'create', Actor: { ID: 'abc', Attributes: { name: 'web' } } };
    expect(eventAsDocker(container, 'podman')).toBe(container);
    const docker = { Type: 'volume', Action: 'create', Actor: { ID: 'data', Attributes: { driver: 'local' } } };
    expect(eventAsDocker(docker, 'docker')).toBe(docker);
    expect(announcesNetworkLifecycle('docker')).toBe(true);
    expect(announcesNetworkLifecycle('podman')).toBe(false);
  });
});
