import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planDiscovery, type DiscoveryInput } from './discovery.js';

function input(files: Record<string, string>, env: Record<string, string> = {}, flag?: string): DiscoveryInput {
  return {
    env,
    homeDir: '/home/me',
    flag,
    readText: (file) => Promise.resolve(files[file] ?? null),
    listDir: (dir) =>
      Promise.resolve(
        Object.keys(files)
          .filter((file) => file.startsWith(dir + '/'))
          .map((file) => file.slice(dir.length + 1).split('/')[0] ?? ''),
      ),
  };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('planDiscovery', () => {
  it('puts the --engine flag above everything, alone', async () => {
    const plan = await planDiscovery(input({}, { DOCKER_HOST: 'tcp://x:2375' }, 'unix:///tmp/e.sock'));
    expect(plan).toMatchObject({ explicit: true, candidates: [{ url: 'unix:///tmp/e.sock', source: 'flag' }] });
  });

  it('uses DOCKER_HOST before any context', async () => {
    const files = { '/home/me/.docker/config.json': '{"currentContext":"remote"}' };
    const plan = await planDiscovery(input(files, { DOCKER_HOST: 'tcp://10.0.0.1:2375' }));
    expect(plan.candidates).toEqual([{ url: 'tcp://10.0.0.1:2375', source: 'DOCKER_HOST', why: 'DOCKER_HOST is set' }]);
  });

  it("reads the current context's endpoint from the CLI's meta layout", async () => {
    const files = {
      '/home/me/.docker/config.json': '{"currentContext":"colima"}',
      [`/home/me/.docker/contexts/meta/${sha('colima')}/meta.json`]: JSON.stringify({
        Name: 'colima',
        Endpoints: { docker: { Host: 'unix:///home/me/.colima/docker.sock' } },
      }),
    };
    const plan = await planDiscovery(input(files));
    expect(plan).toMatchObject({ explicit: true, candidates: [{ url: 'unix:///home/me/.colima/docker.sock', source: 'context' }] });
  });

  it('says so when the named context cannot be read', async () => {
    const plan = await planDiscovery(input({}, { DOCKER_CONTEXT: 'gone' }));
    expect(plan.candidates).toEqual([]);
    expect(plan.problem).toMatch(/context "gone"/);
  });

  it('probes the default, rootless and Podman sockets in that order otherwise', async () => {
    const files = { '/home/me/.docker/config.json': '{"currentContext":"default"}' };
    const plan = await planDiscovery(input(files, { XDG_RUNTIME_DIR: '/run/user/1000' }));
    expect(plan.explicit).toBe(false);
    expect(plan.candidates.map((c) => c.url)).toEqual([
      'unix:///var/run/docker.sock',
      'unix:///run/user/1000/docker.sock',
      'unix:///run/user/1000/podman/podman.sock',
      'unix:///run/podman/podman.sock',
    ]);
  });
});
