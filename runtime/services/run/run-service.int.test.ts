import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type RunSpecInput } from '../../api/index.js';
import { connectBackend, docker, testEngineUrl, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

/** containers.create / validateRun / runCommand / recreate on the real engine: the failure paths and what they leave behind. */
let connected: Connected;
const containers: string[] = [];
const volumes: string[] = [];

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  const leftovers = (await docker('ps', '-aq', '--filter', 'name=it-')).split('\n').filter(Boolean);
  const ours = await Promise.all(leftovers.map(async (id) => ({ id, name: await docker('inspect', '-f', '{{.Name}}', id) })));
  const mine = ours.filter(({ name }) => containers.some((wanted) => name.startsWith(`/${wanted}`))).map(({ id }) => id);
  if (mine.length > 0) await docker('rm', '-f', '-v', ...mine).catch(() => undefined);
  for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
  connected.close();
});

function named(label: string): string {
  const name = uniqueName(label);
  containers.push(name);
  return name;
}

async function inspect(name: string): Promise<{ Id: string; Name: string; State: { Running: boolean; Status: string }; Config: Record<string, unknown>; HostConfig: Record<string, unknown>; Mounts: { Name?: string; Destination: string }[] }> {
  return (JSON.parse(await docker('inspect', name)) as [Awaited<ReturnType<typeof inspect>>])[0];
}

async function failure(promise: Promise<unknown>): Promise<BerthError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BerthError);
  return error as BerthError;
}

/** A container whose sleep ends at once on SIGTERM (tini as pid 1), so stops are quick. */
const sleeper = ['--init', testImage(), 'sleep', '300'];

describe('containers.create', () => {
  it('reports a failed start and leaves the created container for the user to keep or remove', async () => {
    const name = named('nostart');
    const result = await connected.client.call('containers.create', { spec: { image: testImage(), name, command: ['nosuchbinary'] }, start: true });
    expect(result).toMatchObject({ name, started: false, startError: { message: expect.stringMatching(/nosuchbinary/) as unknown } });
    expect((await inspect(name)).State.Status).toBe('created');
    await connected.client.call('containers.remove', { id: result.id });
  });

  it('creates without starting when asked', async () => {
    const name = named('created');
    const result = await connected.client.call('containers.create', { spec: { image: testImage(), name }, start: false });
    expect(result).toEqual({ id: expect.any(String) as unknown, name, warnings: [], started: false });
    expect((await inspect(name)).State.Status).toBe('created');
  });

  it('names an engine-picked container and passes engine errors through in their own words', async () => {
    const result = await connected.client.call('containers.create', { spec: { image: testImage(), command: ['true'] }, start: false });
    expect(result.name).toMatch(/^[a-z]+_[a-z]+$/);
    await docker('rm', result.id);
    const missing = await failure(connected.client.call('containers.create', { spec: { image: 'berth-test/no-such-image:none' }, pull: false }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toMatch(/no such image/i);
  });

  it('pulls a missing image first', async () => {
    const registry = process.env.BERTH_TEST_REGISTRY;
    if (!registry) throw new Error('BERTH_TEST_REGISTRY is not set');
    const reference = `${registry}/berth-test/pulled:${uniqueName('tag')}`;
    await docker('tag', testImage(), reference);
    await docker('push', reference);
    await docker('rmi', reference);
    const name = named('pulled');
    const result = await connected.client.call('containers.create', { spec: { image: reference, name, command: ['true'] }, start: false });
    expect(result.started).toBe(false);
    expect((await inspect(name)).Config.Image).toBe(reference);
    await docker('rm', name);
    await docker('rmi', reference);
  });
});

describe('validation names the field before anything is sent', () => {
  let holder: Server;
  let heldPort = 0;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, resolve));
    heldPort = (holder.address() as { port: number }).port;
  });

  afterAll(() => {
    holder.close();
  });

  it.each<[string, (context: { existing: string; cpus: number; published: number }) => RunSpecInput, RegExp]>([
    ['image', () => ({ image: 'Not/Valid' }), /must be lowercase/],
    ['name', ({ existing }) => ({ image: testImage(), name: existing }), /already used by container/],
    ['ports.0.hostPort', ({ published }) => ({ image: testImage(), ports: [{ hostPort: published, containerPort: 80 }] }), /already allocated on the host by container/],
    ['ports.0.hostPort', () => ({ image: testImage(), ports: [{ hostIp: '127.0.0.1', hostPort: heldPort, containerPort: 80 }] }), /already in use on the host/],
    ['ports.0.hostPort', () => ({ image: testImage(), ports: [{ hostPort: heldPort, containerPort: 80 }] }), /already in use on the host/],
    ['ports.0.hostPort', () => ({ image: testImage(), ports: [{ hostPort: 70000, containerPort: 80 }] }), /1-65535/],
    ['resources.memoryBytes', () => ({ image: testImage(), resources: { memoryBytes: 1024 * 1024 } }), /6 MiB/],
    ['resources.memoryBytes', () => ({ image: testImage(), resources: { memoryBytes: 2 ** 50 } }), /host's memory/],
    ['resources.cpusetCpus', ({ cpus }) => ({ image: testImage(), resources: { cpusetCpus: String(cpus) } }), /CPU \d+/],
    ['resources.cpus', ({ cpus }) => ({ image: testImage(), resources: { cpus: cpus + 1 } }), /CPUs/],
    ['env.0.key', () => ({ image: testImage(), env: [{ key: 'A=B', value: '1' }] }), /'='/],
    ['env.0.key', () => ({ image: testImage(), env: [{ key: '' }] }), /is empty/],
    ['mounts.0.source', () => ({ image: testImage(), mounts: [{ type: 'bind', source: '/nonexistent/berth-missing', target: '/x' }] }), /does not exist on the engine host/],
    ['mounts.0.source', () => ({ image: testImage(), mounts: [{ type: 'bind', source: 'relative/dir', target: '/x' }] }), /absolute/],
  ])('%s', async (field, make, message) => {
    const existing = named('existing');
    const published = 18400 + Math.floor(Math.random() * 500);
    await docker('run', '-d', '--name', existing, '-p', `${published}:80`, ...sleeper);
    const cpus = connected.backend.engine.status.identity?.cpus ?? 0;
    const attempt = named('refused');
    const spec: RunSpecInput = { ...make({ existing, cpus, published }), name: field === 'name' ? existing : attempt };

    const check = await connected.client.call('containers.validateRun', { spec });
    expect(check.issues).toContainEqual({ field, message: expect.stringMatching(message) as unknown });

    const refused = await failure(connected.client.call('containers.create', { spec }));
    expect(refused.code).toBe('invalid_argument');
    expect(refused.message).toContain(field);
    if (field !== 'name') await expect(docker('inspect', attempt)).rejects.toThrow(/No such/i);
    await docker('rm', '-f', existing);
  });

  it('warns about dangerous choices, one line each, before anything is created', async () => {
    const socket = testEngineUrl().replace('unix://', '');
    const check = await connected.client.call('containers.validateRun', {
      spec: {
        image: testImage(),
        privileged: true,
        network: 'host',
        pidMode: 'host',
        ipcMode: 'host',
        capAdd: ['SYS_ADMIN', 'NET_ADMIN'],
        mounts: [{ type: 'bind', source: socket, target: '/var/run/docker.sock' }],
      },
    });
    expect(check.issues).toEqual([]);
    expect(check.warnings.map((warning) => warning.field)).toEqual(['privileged', 'network', 'pidMode', 'ipcMode', 'mounts.0.source', 'capAdd.0', 'capAdd.1']);
  });
});

describe('containers.recreate', () => {
  it('keeps the name, labels, env, mounts and the data of anonymous volumes; changes the memory', async () => {
    const volume = uniqueName('vol');
    volumes.push(volume);
    const name = named('recreate');
    await docker('run', '-d', '--name', name, '-l', 'team=core', '-e', 'A=1', '-v', `${volume}:/named`, '-v', '/data', '-m', '64m', ...sleeper);
    await docker('exec', name, 'sh', '-c', 'echo kept > /data/file && echo named > /named/file');
    const before = await inspect(name);
    const anonymous = before.Mounts.find((mount) => mount.Destination === '/data')?.Name;
    if (anonymous) volumes.push(anonymous);

    const { spec } = await connected.client.call('containers.runCommand', { id: name });
    const result = await connected.client.call('containers.recreate', { id: name, spec: { ...spec, resources: { ...spec.resources, memoryBytes: 128 * 1024 * 1024 } } });
    expect(result).toMatchObject({ name, started: true });
    expect(result.id).not.toBe(before.Id);

    const after = await inspect(name);
    expect(after.Id).toBe(result.id);
    expect(after.State.Running).toBe(true);
    expect(after.HostConfig.Memory).toBe(128 * 1024 * 1024);
    expect(after.Config.Labels).toEqual(before.Config.Labels);
    expect(after.Config.Env).toEqual(before.Config.Env);
    expect(after.Mounts.find((mount) => mount.Destination === '/data')?.Name).toBe(anonymous);
    expect(after.Mounts.find((mount) => mount.Destination === '/named')?.Name).toBe(volume);
    expect(await docker('exec', name, 'cat', '/data/file', '/named/file')).toBe('kept\nnamed');
    await expect(docker('inspect', before.Id)).rejects.toThrow(/No such/i);
    expect(await docker('ps', '-aq', '--filter', `name=${name}-berth-old`)).toBe('');
  });

  it('leaves the original running and unchanged when the new container fails to start', async () => {
    const name = named('rollback');
    await docker('run', '-d', '--name', name, '-l', 'keep=me', ...sleeper);
    const before = await inspect(name);
    const { spec } = await connected.client.call('containers.runCommand', { id: name });

    // Without --init the engine itself runs the missing program, so the start fails (with tini it would start, then exit).
    const error = await failure(connected.client.call('containers.recreate', { id: name, spec: { ...spec, init: false, command: ['nosuchbinary'] } }));
    expect(error.message).toMatch(/nosuchbinary/);
    expect(error).toMatchObject({ code: 'invalid_argument', details: { step: 'start', restored: true } });
    // A user the image lacks is the engine's 500, not its 400: the edited spec is at fault all the same, not Berth.
    const noUser = await failure(connected.client.call('containers.recreate', { id: name, spec: { ...spec, user: 'nosuchuser' } }));
    expect(noUser).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/nosuchuser/) as unknown, details: { step: 'start', restored: true, field: 'spec' } });

    const after = await inspect(name);
    expect(after.Id).toBe(before.Id);
    expect(after.Name).toBe(`/${name}`);
    expect(after.State.Running).toBe(true);
    expect({ Config: after.Config, HostConfig: after.HostConfig }).toEqual({ Config: before.Config, HostConfig: before.HostConfig });
    expect(await docker('ps', '-aq', '--filter', `name=${name}`)).toBe(before.Id.slice(0, 12));
  });

  it('touches nothing when the edited spec does not validate', async () => {
    const name = named('invalid');
    await docker('run', '-d', '--name', name, ...sleeper);
    const before = await inspect(name);
    const { spec } = await connected.client.call('containers.runCommand', { id: name });
    const cpus = connected.backend.engine.status.identity?.cpus ?? 1;

    const error = await failure(connected.client.call('containers.recreate', { id: name, spec: { ...spec, resources: { cpusetCpus: `0-${cpus}` } } }));
    expect(error).toMatchObject({ code: 'invalid_argument', details: { field: 'resources.cpusetCpus' } });
    const after = await inspect(name);
    expect(after.Id).toBe(before.Id);
    expect(after.State.Running).toBe(true);
  });

  it('takes an edited name, and refuses to replace a running --rm container (stopping it would remove it)', async () => {
    const name = named('renamed');
    const renamed = named('renamed-new');
    await docker('run', '-d', '--name', name, ...sleeper);
    const { spec } = await connected.client.call('containers.runCommand', { id: name });
    const result = await connected.client.call('containers.recreate', { id: name, spec: { ...spec, name: renamed } });
    expect(result).toMatchObject({ name: renamed, started: true });
    await expect(docker('inspect', name)).rejects.toThrow(/No such/i);

    const temporary = named('autoremove');
    await docker('run', '-d', '--rm', '--name', temporary, ...sleeper);
    const running = await connected.client.call('containers.runCommand', { id: temporary });
    const refused = await failure(connected.client.call('containers.recreate', { id: temporary, spec: running.spec }));
    expect(refused.code).toBe('conflict');
    expect((await inspect(temporary)).State.Running).toBe(true);
  });

  it('recreates a stopped container without starting it', async () => {
    const name = named('stopped');
    await docker('create', '--name', name, ...sleeper);
    const { spec } = await connected.client.call('containers.runCommand', { id: name });
    const result = await connected.client.call('containers.recreate', { id: name, spec: { ...spec, labels: { changed: 'yes' } } });
    expect(result).toMatchObject({ name, started: false });
    const after = await inspect(name);
    expect(after.State.Status).toBe('created');
    expect(after.Config.Labels).toEqual({ changed: 'yes' });
  });
});
