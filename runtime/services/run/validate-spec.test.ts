import { describe, expect, it } from 'vitest';
import { runSpecSchema, type RunSpecInput } from '../../api/index.js';
import { runWarnings } from './run-warnings.js';
import { schemaIssues, specIssues } from './validate-spec.js';

const host = { cpus: 2, memoryBytes: 8 * 1024 ** 3 };
const MiB = 1024 * 1024;

function issues(input: RunSpecInput) {
  const parsed = runSpecSchema.safeParse(input);
  return parsed.success ? specIssues(parsed.data, host) : schemaIssues(parsed.error);
}
const fields = (input: RunSpecInput) => issues(input).map((issue) => issue.field);

describe('RunSpec checks', () => {
  it('finds nothing wrong with a sound spec', () => {
    expect(issues({ image: 'busybox', name: 'web', ports: [{ hostPort: 8080, containerPort: 80 }], resources: { memoryBytes: 64 * MiB, cpus: 1.5, cpusetCpus: '0-1' } })).toEqual([]);
  });

  it('names the field of schema problems by dotted path', () => {
    expect(issues({ image: '', name: '-bad', ports: [{ hostPort: 70000, containerPort: 80 }], env: [{ key: 'A=B' }, { key: '' }] })).toEqual([
      { field: 'image', message: 'is required' },
      { field: 'name', message: expect.stringMatching(/must start with a letter or digit/) as unknown },
      { field: 'env.0.key', message: "must not contain '='" },
      { field: 'env.1.key', message: 'is empty' },
      { field: 'ports.0.hostPort', message: 'must be 1-65535' },
    ]);
  });

  it('checks the image reference grammar', () => {
    expect(issues({ image: 'Busybox' })).toEqual([{ field: 'image', message: 'repository name "Busybox" must be lowercase' }]);
  });

  it('refuses CPU shares the engine would quietly change, wherever the spec came from', () => {
    expect(issues({ image: 'b', resources: { cpuShares: 1 } })).toEqual([{ field: 'resources.cpuShares', message: 'must be a whole number from 2 to 262144' }]);
    expect(fields({ image: 'b', resources: { cpuShares: 300_000 } })).toEqual(['resources.cpuShares']);
    expect(fields({ image: 'b', resources: { cpuShares: 512 } })).toEqual([]);
  });

  it('checks limits against the engine and its host', () => {
    expect(fields({ image: 'b', resources: { memoryBytes: 4 * MiB } })).toEqual(['resources.memoryBytes']);
    expect(issues({ image: 'b', resources: { memoryBytes: 4 * MiB } })[0]?.message).toMatch(/6 MiB/);
    expect(fields({ image: 'b', resources: { memoryBytes: 9 * 1024 ** 3 } })).toEqual(['resources.memoryBytes']);
    expect(fields({ image: 'b', resources: { memoryBytes: 64 * MiB, memoryReservationBytes: 128 * MiB } })).toEqual(['resources.memoryReservationBytes']);
    expect(fields({ image: 'b', resources: { memorySwapBytes: 128 * MiB } })).toEqual(['resources.memorySwapBytes']);
    expect(fields({ image: 'b', resources: { memoryBytes: 64 * MiB, memorySwapBytes: 32 * MiB } })).toEqual(['resources.memorySwapBytes']);
    expect(fields({ image: 'b', resources: { memoryBytes: 64 * MiB, memorySwapBytes: -1 } })).toEqual([]);
    expect(fields({ image: 'b', resources: { cpus: 3 } })).toEqual(['resources.cpus']);
    expect(fields({ image: 'b', resources: { cpus: 0.001 } })).toEqual(['resources.cpus']);
    expect(issues({ image: 'b', resources: { cpusetCpus: '0,3' } })).toEqual([{ field: 'resources.cpusetCpus', message: expect.stringMatching(/CPU 3/) as unknown }]);
  });

  it('checks mounts: absolute bind sources and targets, volume names, one mount per target', () => {
    expect(
      issues({
        image: 'b',
        mounts: [
          { type: 'bind', source: './rel', target: '/a' },
          { type: 'volume', source: 'bad name', target: 'rel' },
          { type: 'tmpfs', target: '/a/' },
        ],
      }),
    ).toEqual([
      { field: 'mounts.0.source', message: 'must be an absolute path on the engine host' },
      { field: 'mounts.1.source', message: expect.stringMatching(/not a valid volume name/) as unknown },
      { field: 'mounts.1.target', message: 'must be an absolute path in the container' },
      { field: 'mounts.2.target', message: '/a/ is already mounted by mounts.0' },
    ]);
  });

  it('checks combinations the engine refuses', () => {
    expect(fields({ image: 'b', ports: [{ hostPort: 80, containerPort: 80 }, { hostPort: 80, containerPort: 81 }] })).toEqual(['ports.1.hostPort']);
    expect(fields({ image: 'b', autoRemove: true, restart: { name: 'always' } })).toEqual(['autoRemove']);
    expect(fields({ image: 'b', restart: { name: 'always', maxRetries: 3 } })).toEqual(['restart.maxRetries']);
    expect(fields({ image: 'b', workdir: 'srv' })).toEqual(['workdir']);
    expect(fields({ image: 'b', pidMode: 'sideways', ipcMode: 'weird' })).toEqual(['pidMode', 'ipcMode']);
    expect(fields({ image: 'b', network: 'container:db', hostname: 'h', dns: ['1.1.1.1'], ports: [{ containerPort: 80 }] })).toEqual(['hostname', 'dns', 'ports']);
  });
});

describe('warnings for dangerous choices', () => {
  it('says what each one gives away, one line each, by field', () => {
    const warnings = runWarnings(
      {
        image: 'b',
        privileged: true,
        network: 'host',
        pidMode: 'host',
        ipcMode: 'host',
        mounts: [
          { type: 'bind', source: '/var/run/docker.sock', target: '/s' },
          { type: 'bind', source: '/run/', target: '/r' },
          { type: 'bind', source: '/home/me/.local/berth/engine/docker.sock', target: '/m' },
          { type: 'bind', source: '/srv', target: '/srv' },
        ],
        capAdd: ['sys_admin', 'CAP_NET_ADMIN', 'all', 'CHOWN'],
      },
      '/home/me/.local/berth/engine/docker.sock',
    );
    expect(warnings.map((warning) => warning.field)).toEqual(['privileged', 'network', 'pidMode', 'ipcMode', 'mounts.0.source', 'mounts.1.source', 'mounts.2.source', 'capAdd.0', 'capAdd.1', 'capAdd.2']);
    for (const warning of warnings) expect(warning.message).not.toMatch(/\n/);
    expect(warnings[4]?.message).toMatch(/engine socket \(\/var\/run\/docker\.sock\).*root on the host/);
  });

  it('reads a spec that does not validate yet', () => {
    expect(runWarnings({ image: '', privileged: true, ports: 'nonsense', mounts: [null, 3] })).toEqual([{ field: 'privileged', message: expect.any(String) as unknown }]);
    expect(runWarnings(null)).toEqual([]);
  });
});
