import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BerthError, VolumeChanged, VolumesWatchEvent } from '../../api/index.js';
import { connectBackend, docker, idleCommand, testImage, type Connected } from '../../testing/real-engine.js';
import { TestVolumes } from '../../testing/test-volumes.js';

// volumes.list, create, inspect, remove, prune and watch against the REAL engine, each checked
// against what the docker CLI says of the same volumes.

let connected: Connected;
const volumes = new TestVolumes();

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await volumes.removeAll();
  connected.close();
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as BerthError);

/** What `docker volume inspect` says of a volume, in the contract's terms. */
async function cliVolume(name: string) {
  const [inspected] = JSON.parse(await docker('volume', 'inspect', name)) as {
    Name: string;
    Driver: string;
    Mountpoint: string;
    CreatedAt: string;
    Labels: Record<string, string> | null;
    Scope: string;
    Options: Record<string, string> | null;
  }[];
  return {
    name: inspected!.Name,
    driver: inspected!.Driver,
    mountpoint: inspected!.Mountpoint,
    created: inspected!.CreatedAt,
    labels: inspected!.Labels ?? {},
    scope: inspected!.Scope,
    options: inspected!.Options ?? {},
  };
}

/** `docker ps -a --filter volume=NAME`: the ids of the containers using it. */
async function cliUsers(name: string): Promise<string[]> {
  return (await docker('ps', '-a', '--no-trunc', '--filter', `volume=${name}`, '--format', '{{.ID}}')).split('\n').filter(Boolean).sort();
}

describe('volumes.create, list, inspect and remove', () => {
  it('creates a volume with driver options and labels that the docker CLI sees the same', async () => {
    const name = volumes.name('created');
    const created = await connected.client.call('volumes.create', {
      name,
      driverOptions: { type: 'tmpfs', device: 'tmpfs', o: 'size=8m' },
      labels: { team: 'web', 'berth.test': 'yes' },
    });
    const cli = await cliVolume(name);
    expect(created).toMatchObject({ ...cli, isAnonymous: false, containers: [] });
    const listed = (await connected.client.call('volumes.list', {})).find((volume) => volume.name === name);
    expect(listed).toEqual({ engineId: created.engineId, ...cli, isAnonymous: false, containers: [] });
    expect(await connected.client.call('volumes.inspect', { name })).toEqual({ ...listed, status: null });
    // Every volume the CLI lists, and no other.
    const names = (await connected.client.call('volumes.list', {})).map((volume) => volume.name).sort();
    expect(names).toEqual((await docker('volume', 'ls', '-q')).split('\n').filter(Boolean).sort());

    expect(await connected.client.call('volumes.remove', { name })).toBeNull();
    expect(await docker('volume', 'ls', '-q', '--filter', `name=^${name}$`)).toBe('');
    expect(await refusal(connected.client.call('volumes.inspect', { name }))).toMatchObject({ code: 'not_found', message: `name: no volume "${name}" on this engine.` });
  });

  it('names the field and the reason for a name taken, a driver option or driver the engine refuses, and creates nothing', async () => {
    const taken = await volumes.create('taken');
    expect(await refusal(connected.client.call('volumes.create', { name: taken }))).toMatchObject({
      code: 'conflict',
      message: `name: a volume named "${taken}" already exists on this engine.`,
      details: { field: 'name' },
    });
    const badOption = volumes.name('bad-option');
    const option = await refusal(connected.client.call('volumes.create', { name: badOption, driverOptions: { colour: 'blue' } }));
    expect(option).toMatchObject({ code: 'invalid_argument', details: { field: 'driverOptions' } });
    expect(option?.message).toMatch(/^driverOptions: .*invalid option.*colour/);
    const badDriver = volumes.name('bad-driver');
    const driver = await refusal(connected.client.call('volumes.create', { name: badDriver, driver: 'no-such-driver' }));
    expect(driver).toMatchObject({ code: 'invalid_argument', details: { field: 'driver' } });
    expect(driver?.message).toMatch(/^driver: "no-such-driver" is no volume driver this engine has: .*not found/);
    const badName = await refusal(connected.client.call('volumes.create', { name: '-x' }));
    expect(badName).toMatchObject({ code: 'invalid_argument', details: { field: 'name' } });
    expect((await docker('volume', 'ls', '-q')).split('\n')).not.toContain(badOption);
    expect((await docker('volume', 'ls', '-q')).split('\n')).not.toContain(badDriver);
  });

  it('lists the containers using each volume, running or not, as docker ps -a --filter volume= does, and refuses to remove it naming them', async () => {
    const name = await volumes.create('in-use');
    const unused = await volumes.create('unused');
    const running = await volumes.container('run', 'user-running', '-v', `${name}:/data`, testImage(), ...idleCommand);
    const exited = await volumes.container('run', 'user-exited', '--mount', `type=volume,src=${name},dst=/data,readonly`, testImage(), 'true');
    const created = await volumes.container('create', 'user-created', '-v', `${name}:/one`, '-v', `${name}:/two`, testImage(), 'true');
    await docker('wait', exited);

    const listed = await connected.client.call('volumes.list', {});
    const inUse = listed.find((volume) => volume.name === name)!;
    expect(inUse.containers.map((user) => user.id).sort()).toEqual(await cliUsers(name));
    expect(Object.fromEntries(inUse.containers.map((user) => [user.name, user.state]))).toEqual({ [running]: 'running', [exited]: 'exited', [created]: 'created' });
    expect(listed.find((volume) => volume.name === unused)!.containers).toEqual([]);
    expect(await cliUsers(unused)).toEqual([]);
    expect((await connected.client.call('volumes.inspect', { name })).containers).toEqual(inUse.containers);

    const refused = await refusal(connected.client.call('volumes.remove', { name }));
    expect(refused?.code).toBe('conflict');
    expect(refused?.message).toMatch(new RegExp(`^${name} is used by 3 containers: .*${running} \\(running\\).*\\. .*in use`));
    expect(refused?.message).toContain(`${exited} (exited)`);
    expect(refused?.message).toContain(`${created} (created)`);
    expect(await docker('volume', 'inspect', '-f', '{{.Name}}', name)).toBe(name);
  });
});

describe('volumes.prunePreview and volumes.prune', () => {
  it('previews exactly what docker volume prune removes, with sizes, and removes only what was listed', async () => {
    const label = `berth-prune-${Date.now()}`;
    const unusedNamed = await volumes.create('prune-named', '--label', label);
    const withData = await volumes.create('prune-data', '--label', label);
    await volumes.shell(withData, 'head -c 70000 /dev/zero > /v/zeros');
    const used = await volumes.create('prune-used', '--label', label);
    await volumes.container('create', 'prune-user', '-v', `${used}:/data`, testImage(), 'true');
    // An anonymous volume of a removed container (the engine names it with 64 hex digits).
    const anonymousOf = await volumes.container('create', 'prune-anonymous', '--label', label, '-v', '/anonymous', testImage(), 'true');
    const anonymous = await docker('inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', anonymousOf);
    await docker('rm', anonymousOf);
    const other = await volumes.create('prune-other-label', '--label', `${label}-other`);

    const filters = [`label=${label}`];
    const all = await connected.client.call('volumes.prunePreview', { all: true, filters });
    expect(all.volumes.map((volume) => volume.name)).toEqual([unusedNamed, withData].sort());
    expect(all.volumes.find((volume) => volume.name === withData)?.sizeBytes).toBe(70000);
    expect(all.spaceBytes).toBe(70000);
    // Only anonymous volumes without `all` (the anonymous one carries no label: it is found without the filter).
    const anonymousOnly = await connected.client.call('volumes.prunePreview', {});
    expect(anonymousOnly.volumes.map((volume) => volume.name)).toContain(anonymous);
    expect(anonymousOnly.volumes.every((volume) => volume.isAnonymous)).toBe(true);
    expect(anonymousOnly.volumes.map((volume) => volume.name)).not.toContain(unusedNamed);
    const negated = await connected.client.call('volumes.prunePreview', { all: true, filters: [`label=${label}`, `label!=${label}`] });
    expect(negated.volumes).toEqual([]);

    // Docker 20.10 prunes every unused volume (`all`); a copy of the same volumes shows what it takes.
    const copies = await Promise.all([unusedNamed, used].map((name) => volumes.create(`${name.slice(10)}-copy`, '--label', `${label}-cli`)));
    await volumes.container('create', 'prune-copy-user', '-v', `${copies[1]}:/data`, testImage(), 'true');
    const cliPreview = await connected.client.call('volumes.prunePreview', { all: true, filters: [`label=${label}-cli`] });
    const cliPruned = await docker('volume', 'prune', '-f', '--filter', `label=${label}-cli`);
    expect(cliPruned).toContain(copies[0]);
    expect(cliPruned).not.toContain(copies[1]);
    expect(cliPreview.volumes.map((volume) => volume.name)).toEqual([copies[0]]);

    // A volume made after the preview is not removed when the preview's names are given.
    const late = await volumes.create('prune-late', '--label', label);
    const pruned = await connected.client.call('volumes.prune', { all: true, filters, names: all.volumes.map((volume) => volume.name) });
    expect(pruned).toEqual({ removed: [unusedNamed, withData].sort(), spaceReclaimedBytes: 70000, skipped: [] });
    const left = (await docker('volume', 'ls', '-q')).split('\n');
    expect(left).toContain(late);
    expect(left).toContain(used);
    expect(left).toContain(other);
    expect(left).not.toContain(unusedNamed);
    expect(left).not.toContain(withData);
    await docker('volume', 'rm', anonymous);
  });

  it('refuses a filter docker volume prune would not take, naming it', async () => {
    const refused = await refusal(connected.client.call('volumes.prunePreview', { filters: ['until=24h'] }));
    expect(refused).toMatchObject({ code: 'invalid_argument', details: { field: 'filters.0' } });
    expect(refused?.message).toMatch(/filters\.0: must be label=KEY\[=VALUE\] or label!=KEY\[=VALUE\]/);
  });
});

describe('volumes.watch', () => {
  it('lists every volume first, then follows docker volume create, a container using it, and docker volume rm, without polling', async () => {
    const events: VolumesWatchEvent[] = [];
    const subscription = connected.client.subscribe('volumes.watch', {}, { onEvent: (event) => events.push(event) });
    try {
      await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(events[0]?.type).toBe('list');
      const name = volumes.name('watched');
      const latest = () => events.filter((event): event is VolumeChanged => event.type === 'volume' && event.name === name).at(-1);
      const createdAt = performance.now();
      await docker('volume', 'create', name);
      await expect.poll(() => latest(), { timeout: 5_000 }).toMatchObject({ volume: { name, containers: [] } });
      expect(performance.now() - createdAt).toBeLessThan(2_000);

      const user = await volumes.container('run', 'watch-user', '-v', `${name}:/data`, testImage(), ...idleCommand);
      await expect.poll(() => latest()?.volume?.containers.map((c) => [c.name, c.state]), { timeout: 5_000 }).toEqual([[user, 'running']]);
      await docker('rm', '-f', user);
      await expect.poll(() => latest()?.volume?.containers, { timeout: 5_000 }).toEqual([]);
      await docker('volume', 'rm', name);
      await expect.poll(() => latest(), { timeout: 5_000 }).toMatchObject({ type: 'volume', action: 'destroy', volume: null });
      // Nothing more comes while nothing happens: no list again (as a poll would send) and nothing
      // of this volume. (Other test files' volumes may change meanwhile, and would be news.)
      const count = events.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(events.slice(count).filter((event) => event.type === 'list' || event.name === name)).toEqual([]);
    } finally {
      subscription.dispose();
    }
  });
});
