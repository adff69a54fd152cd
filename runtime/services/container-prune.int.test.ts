import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerHumanSize } from '../api/index.js';
import { connectBackend, docker, idleCommand, TestContainers, testImage, uniqueName, type Connected } from '../testing/real-engine.js';

/**
 * `containers.prunePreview` and `containers.prune` against `docker container prune` on the real
 * engine. DANGER: every test file shares this engine, and an unfiltered prune would remove other
 * files' stopped containers; every prune here carries the label only this file's containers have.
 */

let connected: Connected;
const containers = new TestContainers();
const label = uniqueName('cprune');
const mine = `label=berth.test.cprune=${label}`;

/** A container that wrote `bytes` to its layer and exited; started again, it stays running. */
async function stoppedWriting(name: string, bytes: number, ...labels: string[]): Promise<string> {
  const full = containers.name(name);
  await docker('run', '--name', full, ...labels.flatMap((item) => ['--label', item]), testImage(), 'sh', '-c', `[ -f /w ] && exec sleep 600; head -c ${bytes} /dev/urandom > /w`);
  return docker('inspect', '--format', '{{.Id}}', full);
}

async function created(name: string, ...labels: string[]): Promise<string> {
  return docker('create', '--name', containers.name(name), ...labels.flatMap((item) => ['--label', item]), testImage(), 'true');
}

/** `docker container prune -f` as a user runs it, read back: the ids it printed and the space. */
async function cliPrune(...filters: string[]): Promise<{ deleted: string[]; reclaimed: string }> {
  const out = await docker('container', 'prune', '-f', ...filters.flatMap((filter) => ['--filter', filter]));
  return {
    deleted: out.split('\n').filter((line) => /^[0-9a-f]{64}$/.test(line.trim())).map((line) => line.trim()).sort(),
    reclaimed: /Total reclaimed space: (\S+)/.exec(out)?.[1] ?? '(none printed)',
  };
}

const ownLabel = `berth.test.cprune=${label}`;

beforeAll(async () => {
  connected = await connectBackend();
}, 60_000);

afterAll(async () => {
  await containers.removeAll();
  connected?.close();
});

describe('containers prune on the real engine', () => {
  it('previews exactly what docker container prune removes and the space it reports', async () => {
    const exited = await stoppedWriting('exited', 41_000, ownLabel);
    const fresh = await created('created', ownLabel);
    const kept = await stoppedWriting('kept', 9_000, ownLabel, 'keep=yes');
    await containers.run('running', '--label', ownLabel, testImage(), ...idleCommand);
    await stoppedWriting('unlabelled', 5_000);

    const all = await connected.client.call('containers.prunePreview', { filters: [mine] });
    expect(all.containers.map((container) => container.id)).toEqual([exited, fresh, kept].sort());

    const preview = await connected.client.call('containers.prunePreview', { filters: [mine, 'label!=keep'] });
    expect(preview.containers.map((container) => container.id)).toEqual([exited, fresh].sort());
    expect(preview.containers.find((container) => container.id === exited)?.state).toBe('exited');
    expect(preview.spaceBytes).toBeGreaterThanOrEqual(41_000);

    const cli = await cliPrune(mine, 'label!=keep');
    expect(cli.deleted).toEqual(preview.containers.map((container) => container.id));
    expect(cli.reclaimed).toBe(dockerHumanSize(preview.spaceBytes));
  });

  it('takes until as the engine does: nothing created after it', async () => {
    await stoppedWriting('old', 1_000, ownLabel);
    expect((await connected.client.call('containers.prunePreview', { filters: [mine, 'until=2000-01-01T00:00:00Z'] })).containers).toEqual([]);
    const now = await connected.client.call('containers.prunePreview', { filters: [mine, 'until=0s'] });
    expect(now.containers.length).toBeGreaterThan(0);
  });

  it('removes only the previewed containers that are still stopped, and reports the space', async () => {
    const first = await stoppedWriting('first', 12_000, ownLabel);
    const second = await stoppedWriting('second', 1_000, ownLabel);
    const preview = await connected.client.call('containers.prunePreview', { filters: [mine, 'label!=keep'] });
    expect(preview.containers.map((container) => container.id)).toEqual(expect.arrayContaining([first, second]));
    // Meanwhile: one of them is started again, and a new stopped one comes.
    await docker('start', second);
    const later = await stoppedWriting('later', 1_000, ownLabel);

    const result = await connected.client.call('containers.prune', { filters: [mine, 'label!=keep'], ids: preview.containers.map((container) => container.id) });
    expect(result.removed).toContain(first);
    expect(result.removed).not.toContain(second);
    expect(result.removed).not.toContain(later);
    const expected = preview.containers.filter((container) => result.removed.includes(container.id)).reduce((sum, container) => sum + container.sizeRwBytes, 0);
    expect(result.spaceReclaimedBytes).toBe(expected);
    const left = (await docker('ps', '-a', '--filter', `label=${ownLabel}`, '--format', '{{.ID}}')).split('\n');
    expect(left.some((id) => first.startsWith(id))).toBe(false);
    expect(left.some((id) => later.startsWith(id))).toBe(true);
  });

  it('refuses a filter word the engine would refuse, naming it', async () => {
    const refusal = await connected.client.call('containers.prunePreview', { filters: ['dangling=true'] }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string },
    );
    expect(refusal?.code).toBe('invalid_argument');
    expect(refusal?.message).toContain('filters.0: "dangling" is no container prune filter');
  });
});
