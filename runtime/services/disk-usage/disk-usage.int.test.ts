import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskUsageText, dockerHumanSize, type SystemDiskUsage } from '../../api/index.js';
import { buildKitBuild } from '../../testing/buildkit-build.js';
import { TestImages } from '../../testing/test-images.js';
import { connectBackend, docker, idleCommand, TestContainers, testEngineUrl, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

/**
 * `system.df` against `docker system df` on the real engine, after making one of everything df
 * counts: an image from a classic build, a container running and one stopped that wrote to its
 * layer, a volume in use and one not, both with data, and build cache from a BuildKit build.
 *
 * Other test files change the engine at the same time, so one comparison is made only when two
 * `system.df` answers around the CLI's run agree (tried a few times).
 */

let connected: Connected;
const containers = new TestContainers();
const images = new TestImages();
const label = uniqueName('df');
const volumes = [`${label}-used`, `${label}-free`];
const image = `${label}-classic:1`;
const cacheImage = `${label}-buildkit:1`;

beforeAll(async () => {
  connected = await connectBackend();
  await docker('volume', 'create', volumes[0]!);
  await docker('volume', 'create', volumes[1]!);
  await docker('run', '--rm', '-v', `${volumes[1]}:/d`, testImage(), 'sh', '-c', 'head -c 123000 /dev/zero > /d/x');
  await containers.run('running', '-v', `${volumes[0]}:/d`, testImage(), 'sh', '-c', `head -c 77000 /dev/zero > /d/y; head -c 12000 /dev/zero > /w; ${idleCommand[2]}`);
  const stopped = containers.name('stopped');
  await docker('run', '--name', stopped, testImage(), 'sh', '-c', 'head -c 33000 /dev/urandom > /w');
  await images.build('RUN head -c 21000 /dev/urandom > /r\nRUN echo two > /two', image);
  await buildKitBuild(testEngineUrl(), { Dockerfile: `FROM ${testImage()}\nRUN head -c 51000 /dev/urandom > /c\nCOPY f /f\n`, f: label }, cacheImage);
}, 120_000);

afterAll(async () => {
  await containers.removeAll();
  await docker('volume', 'rm', '-f', ...volumes).catch(() => undefined);
  await images.removeAll();
  await docker('rmi', '-f', cacheImage).catch(() => undefined);
  connected?.close();
});

type CliRow = { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string };

function asCliRows(usage: SystemDiskUsage): CliRow[] {
  const row = (type: string, totals: SystemDiskUsage['images']) => ({ Type: type, TotalCount: String(totals.total), Active: String(totals.active), ...capitalised(diskUsageText(totals)) });
  return [row('Images', usage.images), row('Containers', usage.containers), row('Local Volumes', usage.volumes), row('Build Cache', usage.buildCache!)];
}

const capitalised = (text: { size: string; reclaimable: string }) => ({ Size: text.size, Reclaimable: text.reclaimable });

describe('system.df on the real engine', () => {
  it('says what docker system df says, row by row', async () => {
    let last: { berth: CliRow[]; cli: CliRow[] } | null = null;
    for (let attempt = 0; attempt < 6; attempt++) {
      const before = asCliRows(await connected.client.call('system.df', {}));
      const cli = (await docker('system', 'df', '--format', '{{json .}}')).split('\n').map((line) => {
        const { Type, TotalCount, Active, Size, Reclaimable } = JSON.parse(line) as CliRow;
        return { Type, TotalCount, Active, Size, Reclaimable };
      });
      const after = asCliRows(await connected.client.call('system.df', {}));
      last = { berth: before, cli };
      if (JSON.stringify(before) === JSON.stringify(after)) break;
    }
    expect(last!.berth).toEqual(last!.cli);
    // What this file made is in there.
    expect(Number(last!.berth[3]!.TotalCount)).toBeGreaterThan(0);
  });

  it('lists every image, container, volume and build cache record with verbose', async () => {
    const usage = await connected.client.call('system.df', { verbose: true });
    const items = usage.items!;
    expect(items.images.some((item) => item.repoTags.includes(image))).toBe(true);
    const running = items.containers.find((item) => item.name.endsWith('-running'));
    expect(running).toMatchObject({ state: 'running', localVolumes: 1 });
    expect(items.volumes.find((volume) => volume.name === volumes[1])).toMatchObject({ links: 0, sizeBytes: 123000 });
    expect(items.volumes.find((volume) => volume.name === volumes[0])).toMatchObject({ links: 1, sizeBytes: 77000 });
    expect(items.buildCache.some((record) => record.description.includes('head -c 51000'))).toBe(true);
    expect(usage.images.total).toBe(items.images.length);
  });

  it('says Podman keeps no build cache', async () => {
    const podmanUrl = process.env.BERTH_TEST_PODMAN_URL;
    if (podmanUrl === undefined) throw new Error('BERTH_TEST_PODMAN_URL is not set: the test environment starts Podman');
    const podman = await connectBackend(podmanUrl);
    try {
      const usage = await podman.client.call('system.df', {});
      expect(usage.buildCache).toBeNull();
      expect(usage.images.total).toBeGreaterThan(0);
      expect(usage.images.sizeBytes).toBeGreaterThan(0);
      await expect(podman.client.call('builder.prune', {})).rejects.toMatchObject({ code: 'invalid_argument' });
    } finally {
      podman.close();
    }
  });
});

/**
 * Build cache is the whole engine's (no label narrows a builder prune), so these run here, after
 * the df checks of this file; no other test file builds with BuildKit.
 */
describe('build cache prune on the real engine', () => {
  /** `docker builder prune -f` as a user runs it, read back: the record ids it printed and the space. */
  async function cliPrune(...args: string[]): Promise<{ deleted: string[]; reclaimed: string }> {
    const out = await docker('builder', 'prune', '-f', ...args);
    const lines = out.split('\n').map((line) => line.trim());
    return {
      deleted: lines.filter((line) => /^[a-z0-9]{25}$/.test(line)).sort(),
      reclaimed: /Total reclaimed space: (\S+)/.exec(out)?.[1] ?? '(none printed)',
    };
  }

  const build = (step: string) => buildKitBuild(testEngineUrl(), { Dockerfile: `FROM ${testImage()}\nRUN ${step}\nCOPY f /f\n`, f: uniqueName('f') });

  it('previews exactly what docker builder prune removes and the space it reports', async () => {
    await build(`head -c 7000 /dev/urandom > /p # ${uniqueName('a')}`);
    const preview = await connected.client.call('builder.prunePreview', {});
    expect(preview.records.length).toBeGreaterThan(0);
    expect(preview.records.every((record) => !record.inUse && !record.shared)).toBe(true);
    const cli = await cliPrune();
    expect(cli.deleted).toEqual(preview.records.map((record) => record.id));
    expect(cli.reclaimed).toBe(dockerHumanSize(preview.spaceBytes));
  });

  it('previews docker builder prune -a: every unused record, shared ones too', async () => {
    await build(`head -c 9000 /dev/urandom > /q # ${uniqueName('b')}`);
    const preview = await connected.client.call('builder.prunePreview', { all: true });
    expect(preview.records.some((record) => record.shared)).toBe(true);
    const cli = await cliPrune('-a');
    expect(cli.deleted).toEqual(preview.records.map((record) => record.id));
    expect(cli.reclaimed).toBe(dockerHumanSize(preview.spaceBytes));
  });

  it('keeps records used within until, and prunes through Berth what it previewed', async () => {
    await build(`head -c 3000 /dev/urandom > /r # ${uniqueName('c')}`);
    expect((await connected.client.call('builder.prunePreview', { all: true, filters: ['until=1h'] })).records).toEqual([]);
    const preview = await connected.client.call('builder.prunePreview', { all: true });
    const result = await connected.client.call('builder.prune', { all: true });
    expect([...result.removed].sort()).toEqual(preview.records.map((record) => record.id));
    expect(result.spaceReclaimedBytes).toBe(preview.spaceBytes);
    expect((await connected.client.call('system.df', {})).buildCache).toMatchObject({ total: 0, sizeBytes: 0 });
  });

  it('refuses an until the engine would refuse (it takes a duration only)', async () => {
    await expect(connected.client.call('builder.prunePreview', { filters: ['until=2020-01-01'] })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
