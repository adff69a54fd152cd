import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { inspectContainer, normalize, type Normalized } from '../../testing/run-parity.js';

/**
 * The further `docker run` settings survive the two ways of changing a container: "Recreate with
 * changes" (containers.recreate from the spec "Copy as docker run" reads) and the limits editor
 * (containers.update). Nothing the user did not touch changes, on the real engine.
 */

let connected: Connected;
const names: string[] = [];
const volumes: string[] = [];

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await docker('rm', '-f', '-v', ...names).catch(() => undefined);
  for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
  connected.close();
});

function named(label: string): string {
  const name = uniqueName(label);
  names.push(name);
  return name;
}

/** A container with settings from every group of the further flags, made by the docker CLI. */
async function richContainer(name: string, volume: string): Promise<void> {
  await docker(
    'run', '-d', '--name', name, '--init',
    '--health-cmd', 'true', '--health-interval', '5s', '--health-retries', '2',
    '--ulimit', 'nofile=1024:2048', '--shm-size', '128m', '--memory-swappiness', '10', '--oom-score-adj', '50', '--cpu-period', '100000', '--cpu-quota', '50000',
    '--device', '/dev/null:/dev/mynull:r', '--security-opt', 'no-new-privileges', '--sysctl', 'net.ipv4.ip_forward=1', '--group-add', '100',
    '--expose', '9000', '--dns-search', 'example.com', '--domainname', 'example.org',
    '--log-driver', 'json-file', '--log-opt', 'max-size=1m', '--stop-signal', 'SIGINT', '--stop-timeout', '5',
    '--mount', `type=volume,source=${volume},target=/named,volume-nocopy`, '--mount', 'type=volume,target=/anon', '--mount', 'type=tmpfs,target=/t,tmpfs-size=1m',
    '-e', 'A=1', testImage(), 'sleep', '300',
  );
}

/** The record without what a new container has anew (Env is what the test edits). */
function kept(normalized: Normalized): Normalized {
  const config = { ...normalized.Config };
  delete config.Env;
  return { ...normalized, Config: config };
}

describe('the further run settings are carried over', () => {
  it('by a recreate that edits the environment: every other setting, and the anonymous --mount volume with its data', async () => {
    const name = named('rich');
    const volume = uniqueName('vol');
    volumes.push(volume);
    await richContainer(name, volume);
    await docker('exec', name, 'sh', '-c', 'echo kept > /anon/file');
    const before = await inspectContainer(docker, name);
    const anonymous = (JSON.parse(await docker('inspect', name)) as [{ Mounts: { Name?: string; Destination: string }[] }])[0].Mounts.find((mount) => mount.Destination === '/anon')?.Name;
    if (anonymous) volumes.push(anonymous);

    const { spec } = await connected.client.call('containers.runCommand', { id: name });
    const result = await connected.client.call('containers.recreate', { id: name, spec: { ...spec, env: [...spec.env, { key: 'B', value: '2' }] } });
    expect(result).toMatchObject({ name, started: true });

    const after = await inspectContainer(docker, name);
    expect(after.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=2']));
    const beforeKept = kept(normalize(before));
    const afterKept = kept(normalize(after));
    // The anonymous --mount volume is the original's, by name now, and still holds its data.
    const afterMounts = afterKept.HostConfig.Mounts as { Target: string; Source?: string }[];
    expect(afterMounts.find((mount) => mount.Target === '/anon')?.Source).toBe(anonymous);
    expect(await docker('exec', name, 'cat', '/anon/file')).toBe('kept');
    afterKept.HostConfig.Mounts = (afterKept.HostConfig.Mounts as { Target: string }[]).map((mount) => (mount.Target === '/anon' ? { ...mount, Source: undefined } : mount));
    beforeKept.HostConfig.Mounts = (beforeKept.HostConfig.Mounts as { Target: string }[]).map((mount) => (mount.Target === '/anon' ? { ...mount, Source: undefined } : mount));
    expect(JSON.parse(JSON.stringify(afterKept))).toEqual(JSON.parse(JSON.stringify(beforeKept)));
  });

  it('by the limits editor (containers.update): only the limit changed changes', async () => {
    const name = named('update');
    const volume = uniqueName('vol');
    volumes.push(volume);
    await richContainer(name, volume);
    const before = normalize(await inspectContainer(docker, name));
    await connected.client.call('containers.update', { id: name, resources: { memoryBytes: 96 * 1024 * 1024, memorySwapBytes: -1 } });
    const after = normalize(await inspectContainer(docker, name));
    expect(after.HostConfig).toMatchObject({ Memory: 96 * 1024 * 1024, MemorySwap: -1 });
    const { Memory: _memory, MemorySwap: _swap, ...beforeRest } = before.HostConfig;
    const { Memory: _memory2, MemorySwap: _swap2, ...afterRest } = after.HostConfig;
    expect(afterRest).toEqual(beforeRest);
    expect(after.Config).toEqual(before.Config);
  });
});
