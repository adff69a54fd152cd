import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecSchema, type RunSpecInput } from '../../api/index.js';
import { compactJson, nodeFiles } from './local-files.js';
import { runWarnings } from './run-warnings.js';
import { schemaIssues, specIssues, type HostLimits } from './validate-spec.js';

/** The checks and warnings of the flags beyond the everyday ones. */

const linux41: HostLimits = { cpus: 2, memoryBytes: 8 * 1024 ** 3, apiVersion: '1.41', os: 'linux' };

function issues(input: RunSpecInput, host: HostLimits = linux41) {
  const parsed = runSpecSchema.safeParse(input);
  return parsed.success ? specIssues(parsed.data, host) : schemaIssues(parsed.error);
}

describe('checks of the further flags', () => {
  it('finds nothing wrong with sound values', () => {
    expect(
      issues({
        image: 'b',
        network: 'my-net',
        healthcheck: { command: 'true', interval: '30s', retries: 3 },
        limits: { ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }], cpuPeriod: 100_000, cpuQuota: 50_000, blkioWeight: 500 },
        networking: { ipv4Address: '10.0.0.5', aliases: ['web'], dnsSearch: ['example.com'] },
        security: { options: ['no-new-privileges', 'seccomp=unconfined'], sysctls: { 'net.core.somaxconn': '1024' } },
        mountFlags: [{ type: 'tmpfs', target: '/t' }],
      }),
    ).toEqual([]);
  });

  it('needs a user network for a fixed address or an alias, as the engine does', () => {
    expect(issues({ image: 'b', networking: { ipv4Address: '10.0.0.5', aliases: ['web'] } })).toEqual([
      { field: 'networking.ipv4Address', message: 'the engine assigns a fixed address only on a user network (--network NAME); this container is on the default bridge' },
      { field: 'networking.aliases', message: 'network-scoped aliases work only on a user network (--network NAME); this container is on the default bridge' },
    ]);
    expect(issues({ image: 'b', network: 'host', networking: { ipv6Address: '::1' } }).map((issue) => issue.field)).toEqual(['networking.ipv6Address']);
  });

  it('refuses what the engine would refuse about a healthcheck', () => {
    expect(issues({ image: 'b', healthcheck: { disabled: true, interval: '5s' } })).toEqual([{ field: 'healthcheck.disabled', message: '--no-healthcheck conflicts with --health-* options' }]);
    expect(issues({ image: 'b', healthcheck: { timeout: '500us' } })).toEqual([{ field: 'healthcheck.timeout', message: 'must be at least 1ms (or 0 for the default)' }]);
    expect(issues({ image: 'b', healthcheck: { interval: '5' } })).toEqual([{ field: 'healthcheck.interval', message: expect.stringMatching(/^must be a duration like 30s/) as unknown }]);
    expect(issues({ image: 'b', healthcheck: { interval: '99999999h' } })).toEqual([{ field: 'healthcheck.interval', message: 'is too long (at most about 104 days)' }]);
  });

  it('checks CPU scheduling and block IO limits', () => {
    expect(issues({ image: 'b', resources: { cpus: 1 }, limits: { cpuQuota: 50_000 } }).map((issue) => issue.field)).toEqual(['resources.cpus']);
    expect(issues({ image: 'b', limits: { cpuPeriod: 10, cpuQuota: 10 } }).map((issue) => issue.field)).toEqual(['limits.cpuPeriod', 'limits.cpuQuota']);
    expect(issues({ image: 'b', limits: { cpuRealtimePeriod: 1000, cpuRealtimeRuntime: 2000 } }).map((issue) => issue.field)).toEqual(['limits.cpuRealtimeRuntime']);
    expect(issues({ image: 'b', limits: { blkioWeight: 5, blkioWeightDevices: [{ path: '/dev/sda', weight: 3 }] } })).toEqual([
      { field: 'limits.blkioWeight', message: 'must be 10-1000 (or 0 for none)' },
      { field: 'limits.blkioWeightDevices.0.weight', message: 'must be 10-1000 (or 0 for none)' },
    ]);
    expect(issues({ image: 'b', limits: { ulimits: [{ name: 'nofile', soft: 5, hard: 2 }] } }).map((issue) => issue.field)).toEqual(['limits.ulimits.0.soft']);
  });

  it('checks security options and sysctls from any caller, not only a pasted command', () => {
    expect(issues({ image: 'b', security: { options: ['foo', 'seccomp=/etc/profile.json'], sysctls: { 'kernel.foo': '1' }, utsMode: 'other' } })).toEqual([
      { field: 'security.options.0', message: expect.stringMatching(/^Invalid --security-opt: "foo"/) as unknown },
      { field: 'security.options.1', message: expect.stringMatching(/give the profile itself \(its JSON\)/) as unknown },
      { field: 'security.sysctls', message: expect.stringMatching(/^sysctl 'kernel.foo=1' is not allowed/) as unknown },
      { field: 'security.utsMode', message: 'must be host (or left out)' },
    ]);
  });

  it('checks --mount mounts as the engine would', () => {
    expect(
      issues({
        image: 'b',
        mounts: [{ type: 'anonymous', target: '/data' }],
        mountFlags: [
          { type: 'bind', target: '/a' },
          { type: 'bind', source: 'rel', target: 'b' },
          { type: 'tmpfs', source: 'x', target: '/data' },
          { type: 'volume', source: 'vol', target: '/v', volumeSubpath: 'sub' },
        ],
      }),
    ).toEqual([
      { field: 'mountFlags.2.target', message: '/data is already mounted by mounts.0' },
      { field: 'mountFlags.0.source', message: 'is required for a bind mount' },
      { field: 'mountFlags.1.target', message: 'must be an absolute path in the container' },
      { field: 'mountFlags.1.source', message: 'must be an absolute path on the engine host' },
      { field: 'mountFlags.2.source', message: 'must be left out: a tmpfs has no source' },
      { field: 'mountFlags.3.volumeSubpath', message: 'volume-subpath needs engine API 1.45 (Docker Engine 26.0) or later; this engine speaks API 1.41' },
    ]);
  });

  it('refuses what the engine is too old for, or what only Windows takes, naming the flag', () => {
    expect(issues({ image: 'b', annotations: { a: 'b' }, healthcheck: { startInterval: '1s' }, limits: { cpuCount: 2 } })).toEqual([
      { field: 'limits.cpuCount', message: '--cpu-count is only supported on an engine running Windows containers; this engine runs linux' },
      { field: 'healthcheck.startInterval', message: '--health-start-interval needs engine API 1.44 (Docker Engine 25.0) or later; this engine speaks API 1.41' },
      { field: 'annotations', message: '--annotation needs engine API 1.43 (Docker Engine 24.0) or later; this engine speaks API 1.41' },
    ].sort((a, b) => ['healthcheck.startInterval', 'limits.cpuCount', 'annotations'].indexOf(a.field) - ['healthcheck.startInterval', 'limits.cpuCount', 'annotations'].indexOf(b.field)));
    expect(issues({ image: 'b', annotations: { a: 'b' } }, { ...linux41, apiVersion: '1.43' })).toEqual([]);
  });

  it('refuses log options for the none driver', () => {
    expect(issues({ image: 'b', logging: { driver: 'none', options: { 'max-size': '1m' } } }).map((issue) => issue.field)).toEqual(['logging.options']);
  });
});

describe('warnings of the further flags', () => {
  const warned = (input: Record<string, unknown>) => runWarnings(input).map((warning) => warning.field);

  it('warns of unconfined security profiles, host namespaces, a disk, and no OOM killer without a limit', () => {
    expect(
      warned({
        image: 'b',
        security: { options: ['seccomp=unconfined', 'apparmor:unconfined', 'no-new-privileges', 'systempaths=unconfined'], usernsMode: 'host', cgroupnsMode: 'host' },
        devices: { mappings: [{ source: '/dev/sda', target: '/dev/sda' }, { source: '/dev/snd', target: '/dev/snd' }, { source: '/dev/nvme0n1p2', target: '/d' }] },
        limits: { oomKillDisable: true },
      }),
    ).toEqual(['security.options.0', 'security.options.1', 'security.options.3', 'security.usernsMode', 'security.cgroupnsMode', 'devices.mappings.0', 'devices.mappings.2', 'limits.oomKillDisable']);
    expect(warned({ image: 'b', limits: { oomKillDisable: true }, resources: { memoryBytes: 64 * 1024 * 1024 } })).toEqual([]);
  });
});

describe('local files', () => {
  it('reads a file of the backend\'s machine, refusing directories and anything over 1 MiB', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-files-'));
    try {
      await writeFile(path.join(dir, 'a.env'), 'A=1\n');
      await writeFile(path.join(dir, 'big'), Buffer.alloc(1024 * 1024 + 1));
      expect(nodeFiles.readText(path.join(dir, 'a.env'))).toBe('A=1\n');
      expect(() => nodeFiles.readText(path.join(dir, 'big'))).toThrow('larger than 1024 KiB');
      expect(() => nodeFiles.readText(dir)).toThrow('not a regular file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('compacts JSON as Go does: white space between tokens only', () => {
    expect(compactJson('{ "a" : [ 1.0, "x y\\" z" ],\n "b": {} }')).toBe('{"a":[1.0,"x y\\" z"],"b":{}}');
  });
});
