import { describe, expect, it } from 'vitest';
import { runSpecSchema } from '../../api/index.js';
import { withReusedVolumes } from './recreate.js';
import type { EngineContainer as InspectedContainer } from '../../engine/json/container.js';
import type { EngineImageConfig as InspectedImageConfig } from '../../engine/json/image.js';
import { specFromInspect } from './spec-from-inspect.js';

const id = 'abcdef0123456789'.repeat(4);

function container(overrides: { Config?: Partial<InspectedContainer['Config']>; HostConfig?: InspectedContainer['HostConfig']; Mounts?: InspectedContainer['Mounts'] } = {}): InspectedContainer {
  return {
    Id: id,
    Name: '/web',
    Config: { Image: 'app:1', Hostname: id.slice(0, 12), Env: ['PATH=/bin'], Cmd: ['serve'], Entrypoint: ['/entry'], Labels: { 'org.image': 'x' }, Volumes: { '/data': {} }, ...overrides.Config },
    HostConfig: { NetworkMode: 'default', IpcMode: 'private', RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, ...overrides.HostConfig },
    Mounts: overrides.Mounts ?? [],
  };
}

const image: InspectedImageConfig = { Env: ['PATH=/bin'], Cmd: ['serve'], Entrypoint: ['/entry'], Labels: { 'org.image': 'x' }, Volumes: { '/data': {} }, WorkingDir: '/app', User: 'app' };

describe('specFromInspect', () => {
  it('leaves out everything the image and the engine chose', () => {
    const spec = specFromInspect(container({ Config: { WorkingDir: '/app', User: 'app' }, HostConfig: { Memory: 64 << 20, MemorySwap: 128 << 20, PidsLimit: null, IpcMode: 'private' } }), { image });
    expect(spec).toMatchObject({ image: 'app:1', name: 'web', resources: { memoryBytes: 64 << 20 } });
    for (const key of ['command', 'entrypoint', 'hostname', 'user', 'workdir', 'ipcMode', 'network', 'restart'] as const) expect(spec[key]).toBeUndefined();
    expect(spec.env).toEqual([]);
    expect(spec.labels).toEqual({});
    expect(spec.mounts).toEqual([]);
    expect(spec.resources.memorySwapBytes).toBeUndefined();
  });

  it('keeps what the user chose', () => {
    const spec = specFromInspect(
      container({
        Config: { Hostname: 'h1', Env: ['PATH=/bin', 'A=1', 'B=x=y'], Cmd: ['other'], Labels: { 'org.image': 'changed', team: 'core' }, Volumes: { '/data': {}, '/cache': {} }, Tty: true, OpenStdin: true, User: 'root', WorkingDir: '/srv' },
        HostConfig: {
          NetworkMode: 'my-net',
          Binds: ['/srv:/srv:ro', 'vol:/v', 'named:/n:rw'],
          Tmpfs: { '/t': '', '/u': 'size=64m' },
          PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }, { HostIp: '127.0.0.1', HostPort: '' }], '53/udp': [{ HostIp: '', HostPort: '5353' }] },
          RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
          Memory: 64 << 20,
          MemorySwap: -1,
          NanoCpus: 1_500_000_000,
          CpuShares: 512,
          CpusetCpus: '0',
          PidsLimit: 50,
          IpcMode: 'host',
          PidMode: 'host',
          CapAdd: ['CAP_NET_ADMIN'],
          CapDrop: ['CAP_MKNOD'],
          Dns: ['1.1.1.1'],
          ExtraHosts: ['db:10.0.0.1'],
          AutoRemove: true,
          ReadonlyRootfs: true,
          Init: true,
          Privileged: true,
          PublishAllPorts: true,
        },
      }),
      { image },
    );
    expect(spec).toEqual(runSpecSchema.parse({
      image: 'app:1',
      name: 'web',
      command: ['other'],
      env: [{ key: 'A', value: '1' }, { key: 'B', value: 'x=y' }],
      ports: [
        { containerPort: 80, protocol: 'tcp', hostPort: 8080 },
        { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1' },
        { containerPort: 53, protocol: 'udp', hostPort: 5353 },
      ],
      publishAll: true,
      mounts: [
        { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
        { type: 'volume', source: 'vol', target: '/v', readOnly: false },
        { type: 'volume', source: 'named', target: '/n', readOnly: false, options: 'rw' },
        { type: 'anonymous', target: '/cache' },
        { type: 'tmpfs', target: '/t' },
        { type: 'tmpfs', target: '/u', options: 'size=64m' },
      ],
      restart: { name: 'on-failure', maxRetries: 3 },
      resources: { memoryBytes: 64 << 20, memorySwapBytes: -1, cpus: 1.5, cpuShares: 512, cpusetCpus: '0', pidsLimit: 50 },
      network: 'my-net',
      hostname: 'h1',
      extraHosts: ['db:10.0.0.1'],
      dns: ['1.1.1.1'],
      user: 'root',
      workdir: '/srv',
      labels: { 'org.image': 'changed', team: 'core' },
      autoRemove: true,
      interactive: true,
      tty: true,
      readOnlyRootfs: true,
      init: true,
      privileged: true,
      pidMode: 'host',
      ipcMode: 'host',
      capAdd: ['CAP_NET_ADMIN'],
      capDrop: ['CAP_MKNOD'],
    }));
  });

  it('keeps an entrypoint whenever leaving it out would bring the image CMD back', () => {
    // `--entrypoint /entry app` (same as the image's): the engine then drops the image CMD.
    expect(specFromInspect(container({ Config: { Cmd: null } }), { image })).toMatchObject({ entrypoint: ['/entry'] });
    // `--entrypoint "" app run`: stored as no entrypoint at all.
    expect(specFromInspect(container({ Config: { Entrypoint: null, Cmd: ['run'] } }), { image })).toMatchObject({ entrypoint: [], command: ['run'] });
    // No entrypoint in image or container, own command: just the command.
    const spec = specFromInspect(container({ Config: { Entrypoint: null, Cmd: ['sleep', '1'] } }), { image: { Cmd: ['sh'] } });
    expect(spec.entrypoint).toBeUndefined();
    expect(spec.command).toEqual(['sleep', '1']);
  });

  it('leaves out the hostname the engine gave: the short id, the host\'s with host networking, the other container\'s', () => {
    expect(specFromInspect(container({ Config: { Hostname: 'vm' }, HostConfig: { NetworkMode: 'host' } }), { image, engineHostname: 'vm' }).hostname).toBeUndefined();
    expect(specFromInspect(container({ Config: { Hostname: 'other' }, HostConfig: { NetworkMode: `container:${id}` } }), { image }).hostname).toBeUndefined();
  });

  it('reads --mount mounts as the engine keeps them, and CPU limits given as quota and period', () => {
    const spec = specFromInspect(
      container({
        HostConfig: {
          CpuQuota: 50_000,
          CpuPeriod: 100_000,
          Mounts: [
            { Type: 'bind', Source: '/a', Target: '/a', ReadOnly: true },
            { Type: 'volume', Target: '/anon' },
            { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 1024, Mode: 0o1777 } },
          ],
        },
      }),
      { image },
    );
    expect(spec.mounts).toEqual([]);
    expect(spec.mountFlags).toEqual([
      { type: 'bind', source: '/a', target: '/a', readOnly: true },
      { type: 'volume', target: '/anon', readOnly: false },
      { type: 'tmpfs', target: '/t', readOnly: false, tmpfsSizeBytes: 1024, tmpfsMode: 0o1777 },
    ]);
    expect(spec.resources.cpus).toBeUndefined();
    expect(spec.limits).toMatchObject({ cpuQuota: 50_000, cpuPeriod: 100_000 });
    // `--cpus` is kept as NanoCpus (Podman adds the quota and period it makes of it): read as --cpus alone.
    const cpus = specFromInspect(container({ HostConfig: { NanoCpus: 1_500_000_000, CpuQuota: 150_000, CpuPeriod: 100_000 } }), { image });
    expect(cpus.resources.cpus).toBe(1.5);
    expect(cpus.limits.cpuQuota).toBeUndefined();
  });
});

describe('withReusedVolumes (recreate)', () => {
  const anonymous = 'f'.repeat(64);
  const original = container({
    Config: { Volumes: { '/data': {}, '/mine': {}, '/gone': {} } },
    HostConfig: { Binds: ['named:/named'] },
    Mounts: [
      { Type: 'volume', Name: anonymous, Destination: '/data', RW: true },
      { Type: 'volume', Name: 'b'.repeat(64), Destination: '/mine', RW: true },
      { Type: 'volume', Name: 'c'.repeat(64), Destination: '/gone', RW: true },
      { Type: 'volume', Name: 'named', Destination: '/named', RW: true },
    ],
  });
  const base = runSpecSchema.parse({ image: 'app:1' });

  it('moves anonymous volumes (asked for, or declared by the image) to the new container by name; leaves removed and explicit ones alone', () => {
    const spec = withReusedVolumes(
      { ...base, mounts: [{ type: 'anonymous', target: '/mine' }, { type: 'volume', source: 'named', target: '/named', readOnly: false }] },
      original,
      image,
    );
    expect(spec.mounts).toEqual([
      { type: 'volume', source: 'b'.repeat(64), target: '/mine', readOnly: false },
      { type: 'volume', source: 'named', target: '/named', readOnly: false },
      { type: 'volume', source: anonymous, target: '/data', readOnly: false },
    ]);
  });

  it('lets an explicit mount at an image volume win', () => {
    const spec = withReusedVolumes({ ...base, mounts: [{ type: 'bind', source: '/host', target: '/data/', readOnly: false }] }, original, image);
    expect(spec.mounts).toEqual([{ type: 'bind', source: '/host', target: '/data/', readOnly: false }]);
  });
});
