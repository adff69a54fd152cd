import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSample } from '../api/index.js';
import { TestContainers, connectBackend, docker, testImage, uniqueName, type Connected } from '../testing/real-engine.js';

let connected: Connected;
const containers = new TestContainers();

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
});

const inspectField = (name: string, template: string) => docker('inspect', '-f', template, name);

describe('looking into a container', () => {
  it('inspect gives the overview the CLI sees, with limits and the full JSON', async () => {
    const name = await containers.run('overview', '-m', '64m', '--cpus', '0.5', '--pids-limit', '50', '-e', 'DB_PASSWORD=hunter2', '-l', 'team=core', '-p', '127.0.0.1::80', '--restart', 'on-failure:2', testImage(), 'sleep', '300');
    const details = await connected.client.call('containers.inspect', { id: name });
    expect(details).toMatchObject({
      name,
      state: { status: 'running', running: true, oomKilled: false, exitCode: 0, finishedAt: null },
      restartCount: 0,
      image: testImage(),
      command: ['sleep', '300'],
      labels: { team: 'core' },
      limits: { memoryBytes: 64 * 1024 * 1024, cpus: 0.5, pidsLimit: 50, restart: { name: 'on-failure', maxRetries: 2 } },
    });
    expect(details.env).toContain('DB_PASSWORD=hunter2');
    expect(details.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: Number(await docker('port', name, '80').then((out) => out.split(':').at(-1))) }]);
    expect(details.networks.map((network) => network.name)).toEqual(['bridge']);
    expect(details.state.startedAt).toBe(await inspectField(name, '{{.State.StartedAt}}'));
    expect(details.raw).toHaveProperty('HostConfig');
  });

  it('top lists the processes and diff the filesystem changes', async () => {
    const name = await containers.run('changes', testImage(), 'sh', '-c', 'echo hi > /tmp/new-file && rm /bin/echo && sleep 300');
    await expect.poll(async () => (await connected.client.call('containers.diff', { id: name })).map((c) => `${c.kind} ${c.path}`).sort(), { timeout: 5_000 }).toEqual(
      expect.arrayContaining(['added /tmp/new-file', 'deleted /bin/echo']) as unknown,
    );
    const top = await connected.client.call('containers.top', { id: name });
    expect(top.titles).toContain('CMD');
    expect(top.processes.some((process) => process.join(' ').includes('sleep 300'))).toBe(true);
  });

  it('update changes memory and CPUs of a running container without restarting it', async () => {
    const name = await containers.run('live', '-m', '128m', '--cpus', '1', testImage(), 'sleep', '300');
    const startedAt = await inspectField(name, '{{.State.StartedAt}}');
    await connected.client.call('containers.update', {
      id: name,
      resources: { memoryBytes: 96 * 1024 * 1024, memorySwapBytes: 192 * 1024 * 1024, cpus: 0.5, pidsLimit: 40 },
      restart: { name: 'unless-stopped' },
    });
    expect(await inspectField(name, '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.RestartPolicy.Name}}')).toBe(
      `${96 * 1024 * 1024} 500000000 40 unless-stopped`,
    );
    expect(await inspectField(name, '{{.State.StartedAt}} {{.State.Running}}')).toBe(`${startedAt} true`);
  });

  it('update refuses a limit below the engine minimum, naming the field, and changes nothing', async () => {
    const name = await containers.run('tiny', '-m', '64m', testImage(), 'sleep', '300');
    await expect(connected.client.call('containers.update', { id: name, resources: { memoryBytes: 1024 * 1024 } })).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { field: 'resources.memoryBytes' },
    });
    expect(await inspectField(name, '{{.HostConfig.Memory}}')).toBe(String(64 * 1024 * 1024));
  });

  it('update of a container that does not exist is not_found, not an empty answer from the engine', async () => {
    await expect(connected.client.call('containers.update', { id: 'no-such-container-berth', resources: { pidsLimit: 100 } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(connected.client.call('containers.update', { id: 'no-such-container-berth', restart: { name: 'always' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('streams live stats against the configured limit', async () => {
    const name = await containers.run('stats', '-m', '48m', testImage(), 'sleep', '300');
    const samples: StatsSample[] = [];
    const subscription = connected.client.subscribe('containers.stats', { id: name }, { onEvent: (sample) => samples.push(sample) });
    try {
      await expect.poll(() => samples.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(samples[0]).toMatchObject({ memoryLimitBytes: 48 * 1024 * 1024, pids: 1 });
      expect(samples[0]?.memoryUsageBytes).toBeGreaterThan(0);
    } finally {
      subscription.dispose();
    }
  });
});

describe('lifecycle on the real engine', () => {
  it('restart, kill with a signal, pause, unpause and rename are what the CLI sees', async () => {
    const name = await containers.run('cycle', testImage(), 'sh', '-c', 'trap "exit 42" HUP; while true; do sleep 1; done');
    const firstStart = await inspectField(name, '{{.State.StartedAt}}');
    await connected.client.call('containers.restart', { id: name, timeoutSeconds: 0 });
    expect(await inspectField(name, '{{.State.StartedAt}}')).not.toBe(firstStart);

    await connected.client.call('containers.pause', { id: name });
    expect(await inspectField(name, '{{.State.Status}}')).toBe('paused');
    await connected.client.call('containers.unpause', { id: name });
    expect(await inspectField(name, '{{.State.Status}}')).toBe('running');

    await connected.client.call('containers.kill', { id: name, signal: 'SIGHUP' });
    await expect.poll(() => inspectField(name, '{{.State.Status}} {{.State.ExitCode}}'), { timeout: 5_000 }).toBe('exited 42');

    const renamed = containers.track(`${name}-renamed`);
    await connected.client.call('containers.rename', { id: name, name: renamed });
    expect(await inspectField(renamed, '{{.Name}}')).toBe(`/${renamed}`);
  });

  it('prune removes the stopped containers and reports them', async () => {
    const stopped = uniqueName('pruned');
    await docker('create', '--name', stopped, testImage(), 'true');
    const id = await inspectField(stopped, '{{.Id}}');
    const running = await containers.run('kept', testImage(), 'sleep', '300');
    const result = await connected.client.call('containers.prune', {});
    expect(result.removed).toContain(id);
    await expect(docker('inspect', stopped)).rejects.toThrow(/No such/i);
    expect(await inspectField(running, '{{.State.Running}}')).toBe('true');
  });
});

describe('images', () => {
  it('lists the test image', async () => {
    const images = await connected.client.call('images.list', {});
    expect(images.some((image) => image.repoTags.includes(testImage()))).toBe(true);
  });

  it('pulls from the private registry with progress, and names a missing image', async () => {
    const reference = process.env.BERTH_TEST_REGISTRY_IMAGE;
    expect(reference, 'BERTH_TEST_REGISTRY_IMAGE is set by the test environment').toBeTruthy();
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      connected.client.subscribe('images.pull', { reference: reference ?? '' }, { onEvent: (p) => statuses.push(p.message), onEnd: resolve, onError: reject });
    });
    expect(statuses.join('\n')).toMatch(/Status: (Downloaded newer image|Image is up to date)/);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', reference ?? '')).toMatch(/^sha256:/);

    const missing = `${process.env.BERTH_TEST_REGISTRY ?? ''}/berth-test/does-not-exist:1`;
    await expect(
      new Promise<void>((resolve, reject) => {
        connected.client.subscribe('images.pull', { reference: missing }, { onEvent: () => undefined, onEnd: resolve, onError: reject });
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names a registry that does not answer in the engine\'s words, as conflict on the reference (the engine answers it with 500)', async () => {
    const unreachable = '127.0.0.1:1/berth-test/busybox:latest';
    await expect(
      new Promise<void>((resolve, reject) => {
        connected.client.subscribe('images.pull', { reference: unreachable }, { onEvent: () => undefined, onEnd: resolve, onError: reject });
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/127\.0\.0\.1:1/) as unknown, details: { field: 'reference' } });
  });
});
