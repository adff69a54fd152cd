import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findEngines, nameFromUrl, type InventoryInput } from './inventory.js';

const hash = (name: string) => createHash('sha256').update(name).digest('hex');

function input(files: Record<string, string>, sockets: string[], env: Record<string, string> = {}, flag?: string): InventoryInput {
  return {
    env,
    homeDir: '/home/me',
    flag,
    readText: (file) => Promise.resolve(files[file] ?? null),
    listDir: (dir) => Promise.resolve([...new Set(Object.keys(files).filter((file) => file.startsWith(`${dir}/`)).map((file) => file.slice(dir.length + 1).split('/')[0] ?? ''))]),
    exists: (file) => Promise.resolve(sockets.includes(file)),
  };
}

describe('findEngines', () => {
  it('lists the flag, DOCKER_HOST, every context and the sockets that are there, in that order, each URL once', async () => {
    const meta = (name: string, host: string) => JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } });
    const files = {
      [`/home/me/.docker/contexts/meta/${hash('build')}/meta.json`]: meta('build', 'ssh://me@build'),
      [`/home/me/.docker/contexts/meta/${hash('tls')}/meta.json`]: meta('tls', 'tcp://10.0.0.5:2376'),
      '/home/me/.docker/contexts/meta/not-a-hash/meta.json': meta('odd', 'tcp://x:1'),
    };
    const found = await findEngines(input(files, ['/var/run/docker.sock', '/run/user/1000/podman/podman.sock'], { DOCKER_HOST: 'tcp://10.0.0.5:2376', XDG_RUNTIME_DIR: '/run/user/1000' }, 'unix:///tmp/x.sock'));
    expect(found.map((engine) => [engine.source, engine.name, engine.url])).toEqual([
      ['flag', 'x', 'unix:///tmp/x.sock'],
      ['DOCKER_HOST', '10.0.0.5', 'tcp://10.0.0.5:2376'],
      ['context', 'build', 'ssh://me@build'],
      // The CLI lists every context folder, whatever its name (`docker context ls`).
      ['context', 'odd', 'tcp://x:1'],
      ['default_socket', 'docker', 'unix:///var/run/docker.sock'],
      ['podman_rootless', 'podman (rootless)', 'unix:///run/user/1000/podman/podman.sock'],
    ]);
  });

  it('finds nothing on a machine without engines', async () => {
    expect(await findEngines(input({}, []))).toEqual([]);
  });
});

describe('nameFromUrl', () => {
  it('names an engine by its host or its socket', () => {
    expect(nameFromUrl('unix:///run/podman/podman.sock')).toBe('podman');
    expect(nameFromUrl('tcp://10.0.0.5:2376')).toBe('10.0.0.5');
    expect(nameFromUrl('ssh://me@build.example.com:22')).toBe('build.example.com');
    expect(nameFromUrl('tcp://[::1]:2375')).toBe('[::1]');
  });
});
