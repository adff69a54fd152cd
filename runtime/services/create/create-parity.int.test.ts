import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpecInput } from '../../api/index.js';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

/**
 * Parity with the docker CLI: the same options given as `docker create` flags and as a
 * RunSpec through `containers.create` must leave the same Config and HostConfig in the engine.
 */
let connected: Connected;
const bindDir = path.join(os.tmpdir(), uniqueName('bind'));
const network = uniqueName('net');
const created: string[] = [];

beforeAll(async () => {
  connected = await connectBackend();
  await mkdir(bindDir);
  await docker('network', 'create', network);
});

afterAll(async () => {
  if (created.length > 0) await docker('rm', '-f', '-v', ...created).catch(() => undefined);
  await docker('network', 'rm', network).catch(() => undefined);
  await rm(bindDir, { recursive: true, force: true });
  connected.close();
});

type Case = [label: string, flags: string[], spec: Omit<RunSpecInput, 'image'>, command?: string[]];

const cases = (): Case[] => [
  ['plain', [], {}],
  ['command', [], { command: ['sleep', '30'] }, ['sleep', '30']],
  ['entrypoint', ['--entrypoint', 'sh'], { entrypoint: ['sh'], command: ['-c', 'sleep 1'] }, ['-c', 'sleep 1']],
  ['env and labels', ['-e', 'A=1', '-e', 'B=two words', '-l', 'team=core', '-l', 'tier=web'], { env: [{ key: 'A', value: '1' }, { key: 'B', value: 'two words' }], labels: { team: 'core', tier: 'web' } }],
  ['ports', ['-p', '18081:80', '-p', '127.0.0.1::81/udp', '-p', '82'], { ports: [{ hostPort: 18081, containerPort: 80 }, { hostIp: '127.0.0.1', containerPort: 81, protocol: 'udp' }, { containerPort: 82 }] }],
  ['publish all', ['-P'], { publishAll: true }],
  ['mounts', ['-v', `${bindDir}:/host:ro`, '-v', `${network}-vol:/named`, '-v', '/anonymous', '--tmpfs', '/scratch:size=64m'], {
    mounts: [
      { type: 'bind', source: bindDir, target: '/host', readOnly: true },
      { type: 'volume', source: `${network}-vol`, target: '/named' },
      { type: 'anonymous', target: '/anonymous' },
      { type: 'tmpfs', target: '/scratch', options: 'size=64m' },
    ],
  }],
  ['restart on-failure', ['--restart', 'on-failure:3'], { restart: { name: 'on-failure', maxRetries: 3 } }],
  ['restart unless-stopped', ['--restart', 'unless-stopped'], { restart: { name: 'unless-stopped' } }],
  ['resources', ['-m', '64m', '--memory-reservation', '32m', '--memory-swap', '128m', '--cpus', '0.5', '--cpu-shares', '512', '--cpuset-cpus', '0', '--pids-limit', '64'], {
    resources: { memoryBytes: 64 * 1024 ** 2, memoryReservationBytes: 32 * 1024 ** 2, memorySwapBytes: 128 * 1024 ** 2, cpus: 0.5, cpuShares: 512, cpusetCpus: '0', pidsLimit: 64 },
  }],
  ['host network', ['--network', 'host'], { network: 'host' }],
  ['no network', ['--network', 'none'], { network: 'none' }],
  ['user network', ['--network', network, '--hostname', 'web1', '--add-host', 'db:10.1.2.3', '--dns', '1.1.1.1'], { network, hostname: 'web1', extraHosts: ['db:10.1.2.3'], dns: ['1.1.1.1'] }],
  ['user and workdir', ['-u', '1000:1000', '-w', '/tmp'], { user: '1000:1000', workdir: '/tmp' }],
  ['flags', ['--rm', '-i', '-t', '--read-only', '--init'], { autoRemove: true, interactive: true, tty: true, readOnlyRootfs: true, init: true }],
  ['security', ['--privileged', '--pid', 'host', '--ipc', 'host', '--cap-add', 'NET_ADMIN', '--cap-drop', 'MKNOD'], { privileged: true, pidMode: 'host', ipcMode: 'host', capAdd: ['NET_ADMIN'], capDrop: ['MKNOD'] }],
];

/**
 * What depends on who made the container or how, not on the options: the generated hostname,
 * and the Attach* and StdinOnce flags (`docker create` attaches like `docker run` without -d;
 * Berth always runs detached, like `docker run -d`, which leaves them false).
 */
function normalize(inspect: { Config: Record<string, unknown>; HostConfig: Record<string, unknown> }, hostnameGiven: boolean) {
  const { AttachStdin: _in, AttachStdout: _out, AttachStderr: _err, StdinOnce: _once, ...config } = inspect.Config;
  if (!hostnameGiven) delete config.Hostname;
  return { Config: config, HostConfig: inspect.HostConfig };
}

describe('containers.create matches docker create', () => {
  it.each(cases().map((entry) => [entry[0], entry] as const))('%s', async (_label, [label, flags, spec, command]) => {
    const cliName = uniqueName(`cli-${label.replace(/\W+/g, '-')}`);
    const berthName = uniqueName(`berth-${label.replace(/\W+/g, '-')}`);
    created.push(cliName, berthName);
    await docker('create', '--name', cliName, ...flags, testImage(), ...(command ?? []));
    const result = await connected.client.call('containers.create', { spec: { image: testImage(), name: berthName, ...spec }, start: false });
    expect(result).toMatchObject({ name: berthName, started: false });

    const [cli, berth] = await Promise.all([cliName, berthName].map(async (name) => JSON.parse(await docker('inspect', name)) as [{ Config: Record<string, unknown>; HostConfig: Record<string, unknown> }]));
    const hostnameGiven = spec.hostname !== undefined;
    expect(normalize(berth![0], hostnameGiven)).toEqual(normalize(cli![0], hostnameGiven));
  });
});

describe('containers.create: checks and half-done runs', () => {
  it('refuses bad fields before creating anything, naming each', async () => {
    const taken = uniqueName('taken');
    created.push(taken);
    await docker('create', '--name', taken, testImage());
    const attempt = connected.client.call('containers.create', {
      spec: {
        image: testImage(),
        name: taken,
        env: [{ key: 'A=B', value: 'x' }],
        resources: { memoryBytes: 1024 },
        mounts: [{ type: 'bind', source: '/no/such/dir/berth', target: '/x' }],
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_argument' });
    const fields = ((await attempt.catch((error: { details: { issues: { field: string }[] } }) => error)) as { details: { issues: { field: string }[] } }).details.issues.map((issue) => issue.field);
    // The contract's own schema refuses it at the boundary, before the service runs.
    expect(fields).toEqual(['spec.env.0.key']);
    const check = await connected.client.call('containers.validateRun', { spec: { image: 'Not A Ref', name: taken, resources: { memoryBytes: 1024, cpusetCpus: '63' }, mounts: [{ type: 'bind', source: '/no/such/dir/berth', target: '/x' }] } });
    expect(check.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['image', 'name', 'resources.memoryBytes', 'resources.cpusetCpus', 'mounts.0.source']));
  });

  it('says when start fails after create, and leaves the container for the user to decide', async () => {
    const name = uniqueName('nostart');
    created.push(name);
    const result = await connected.client.call('containers.create', { spec: { image: testImage(), name, command: ['/no/such/binary'] } });
    expect(result.started).toBe(false);
    expect(result.startError?.message).toMatch(/no such file|not found|executable/i);
    expect(await docker('inspect', '-f', '{{.State.Status}}', name)).toMatch(/created|exited/);
  });

  it('warns about dangerous choices', async () => {
    const check = await connected.client.call('containers.validateRun', { spec: { image: testImage(), privileged: true, network: 'host' } });
    expect(check.warnings.map((warning) => warning.field)).toEqual(['privileged', 'network']);
  });
});
