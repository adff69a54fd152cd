import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type ImagePruneResult } from '../../api/index.js';
import { connectBackend, docker, TestContainers, uniqueName, type Connected } from '../../testing/real-engine.js';
import { TestImages } from '../../testing/test-images.js';

/**
 * Prune against `docker image prune` on the real engine. DANGER: every test file shares this
 * engine, and an unfiltered prune would delete images other files need; every prune here
 * carries the label only this file's images have (`label=berth.test.prune=<unique>`).
 *
 * The images are made twice, identical to the byte (same ids, same layers): each set is loaded
 * from one archive. The docker CLI prunes the first set, Berth the second, and both must delete
 * the same images and layers and report the same space. A loaded image has no local parent, so
 * no intermediate image of a build blurs the comparison.
 */

let connected: Connected;
const containers = new TestContainers();
const images = new TestImages();
let workDir: string;
let archive: string;
const label = uniqueName('prune');
const filter = `label=berth.test.prune=${label}`;
const names = {
  dangling: '',
  tagged: `${label}-tagged:1`,
  /** Built on `tagged`: shares its layers, plus one. */
  child: `${label}-child:1`,
  /** Untagged, used by a container: no prune takes it. */
  used: '',
  /** Untagged, without the label: outside the filter. */
  unlabelled: '',
};

/** A layer of its own: `kilobytes` of random bytes, so no two images share it. */
const ownLayer = (name: string, kilobytes: number) => `RUN head -c ${kilobytes * 1024} /dev/urandom > /${name}`;

async function loadSet(): Promise<void> {
  await docker('load', '-i', archive);
}

/** `docker image prune` as a user runs it; answers what it printed, read back into the result's shape. */
async function cliPrune(all: boolean): Promise<{ untagged: string[]; deleted: string[]; reclaimed: string }> {
  const out = await docker('image', 'prune', '-f', ...(all ? ['-a'] : []), '--filter', filter);
  const lines = out.split('\n');
  return {
    untagged: lines.filter((line) => line.startsWith('untagged: ')).map((line) => line.slice('untagged: '.length)),
    deleted: lines.filter((line) => line.startsWith('deleted: ')).map((line) => line.slice('deleted: '.length)),
    reclaimed: /Total reclaimed space: (\S+)/.exec(out)?.[1] ?? '(none printed)',
  };
}

/** go-units' HumanSize (4 significant digits, powers of 1000), as the CLI prints the space. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${units[unit]}`;
}

const sorted = (list: readonly string[]) => [...list].sort();
const imageIdsOf = (result: Pick<ImagePruneResult, 'deleted'>, set: ReadonlySet<string>) => sorted(result.deleted.filter((id) => set.has(id)));

let setIds: Set<string>;

beforeAll(async () => {
  connected = await connectBackend();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'berth-prune-'));
  archive = path.join(workDir, 'set.tar');
  const mark = `LABEL berth.test.prune=${label}`;
  names.dangling = await images.build(`${mark}\n${ownLayer('dangling', 60)}`);
  await images.build(`${mark}\n${ownLayer('tagged', 50)}`, names.tagged);
  // Built on `tagged`, so the two share its layer chain.
  await images.buildFrom(names.tagged, ownLayer('child', 30), names.child);
  names.used = await images.build(`${mark}\n${ownLayer('used', 40)}`);
  names.unlabelled = await images.build(`LABEL berth.test.prune-other=${label}\n${ownLayer('unlabelled', 20)}`);
  const refs = [names.dangling, names.tagged, names.child, names.used, names.unlabelled];
  // Untagged ones saved by id load back untagged; tagged ones by tag.
  await docker('save', '-o', archive, ...refs);
  const ids = await Promise.all(refs.map((ref) => docker('image', 'inspect', '-f', '{{.Id}}', ref)));
  setIds = new Set(ids);
  await images.removeAll();
  for (const id of ids) images.track(id);
  images.track(names.tagged);
  images.track(names.child);
});

afterAll(async () => {
  await containers.removeAll();
  await images.removeAll();
  await rm(workDir, { recursive: true, force: true });
  connected.close();
});

describe('images.prune and its preview against docker image prune', () => {
  it('dangling only: the preview lists what docker image prune then deletes, and Berth deletes the same and reports the same space', async () => {
    await loadSet();
    const user = containers.name('user');
    await docker('create', '--name', user, names.used);

    const preview = await connected.client.call('images.prunePreview', { all: false, filters: [filter] });
    expect(preview.images.map((image) => image.id)).toEqual([names.dangling]);
    expect(preview.intermediateIds).toEqual([]);
    expect(preview.images[0]).toMatchObject({ repoTags: [], repoDigests: [] });
    const dockerSays = await cliPrune(false);
    expect(imageIdsOf(dockerSays, setIds)).toEqual([names.dangling]);

    await loadSet();
    const berthSays = await connected.client.call('images.prune', { all: false, filters: [filter] });
    expect(sorted(berthSays.deleted)).toEqual(sorted(dockerSays.deleted));
    expect(berthSays.untagged).toEqual(dockerSays.untagged);
    expect(humanSize(berthSays.spaceReclaimedBytes)).toBe(dockerSays.reclaimed);
    // The estimate is the engine's count: the one layer of its own, of 60 KiB and a little.
    expect(preview.spaceBytes).toBe(berthSays.spaceReclaimedBytes);
    expect(berthSays.spaceReclaimedBytes).toBeGreaterThanOrEqual(60 * 1024);
  });

  it('all unused: tagged images go with their tags, a shared layer counts once, a used one and an unlabelled one stay', async () => {
    await loadSet();
    const preview = await connected.client.call('images.prunePreview', { all: true, filters: [filter] });
    const [tagged, child] = await Promise.all([names.tagged, names.child].map((ref) => docker('image', 'inspect', '-f', '{{.Id}}', ref)));
    expect(sorted(preview.images.map((image) => image.id))).toEqual(sorted([names.dangling, tagged ?? '', child ?? '']));
    expect(preview.images.find((image) => image.id === child)?.repoTags).toEqual([names.child]);
    // The child holds the tagged image's layers too: its size counts them, the space does not count them twice.
    const sizes = preview.images.reduce((sum, image) => sum + image.sizeBytes, 0);
    expect(preview.spaceBytes).toBeLessThan(sizes);

    const dockerSays = await cliPrune(true);
    expect(imageIdsOf(dockerSays, setIds)).toEqual(sorted(preview.images.map((image) => image.id)));

    await loadSet();
    const again = await connected.client.call('images.prunePreview', { all: true, filters: [filter] });
    expect(again).toEqual(preview);
    const berthSays = await connected.client.call('images.prune', { all: true, filters: [filter] });
    expect(sorted(berthSays.deleted)).toEqual(sorted(dockerSays.deleted));
    expect(sorted(berthSays.untagged)).toEqual(sorted(dockerSays.untagged));
    expect(humanSize(berthSays.spaceReclaimedBytes)).toBe(dockerSays.reclaimed);
    expect(preview.spaceBytes).toBe(berthSays.spaceReclaimedBytes);
    for (const ref of [names.used, names.unlabelled]) expect(await docker('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(ref);
  });

  it("a classic build's intermediate images go with the image they led to, as the engine takes them", async () => {
    const built = await images.build(`LABEL berth.test.prune=${label}\n${ownLayer('first', 30)}\n${ownLayer('second', 20)}\nCMD ["true"]`);
    const before = new Set((await docker('images', '-aq', '--no-trunc')).split('\n'));
    const preview = await connected.client.call('images.prunePreview', { all: false, filters: [filter] });
    expect(preview.images.map((image) => image.id)).toEqual([built]);
    // LABEL, two RUNs and CMD each left an image; the last is the image itself.
    expect(preview.intermediateIds).toHaveLength(3);
    const dockerSays = await cliPrune(false);
    expect(sorted(dockerSays.deleted.filter((id) => before.has(id)))).toEqual(sorted([built, ...preview.intermediateIds]));
    expect(humanSize(preview.spaceBytes)).toBe(dockerSays.reclaimed);
  });

  it('all: an image a container uses loses all its tags but one, as docker image prune -a takes them', async () => {
    // A label of its own, so the set's images stay out of it (and still only this file's images are touched).
    const quirk = `label=berth.test.prune-quirk=${label}`;
    const tags = [`${label}-keep:2`, `${label}-keep:1`, `${label}-another:1`];
    const id = await images.build(`LABEL berth.test.prune-quirk=${label}`, tags[0]);
    for (const tag of tags.slice(1)) await docker('tag', tags[0] ?? '', images.track(tag));
    const user = containers.name('keeps');
    await docker('create', '--name', user, id);

    const preview = await connected.client.call('images.prunePreview', { all: true, filters: [quirk] });
    expect(preview.images).toEqual([]);
    expect(preview.untaggedOnly).toEqual([{ id, references: [`${label}-another:1`, `${label}-keep:1`] }]);
    const dockerSays = await docker('image', 'prune', '-f', '-a', '--filter', quirk);
    const untagged = dockerSays.split('\n').filter((line) => line.startsWith('untagged: ')).map((line) => line.slice('untagged: '.length));
    expect(untagged).toEqual(preview.untaggedOnly[0]?.references);
    expect(JSON.parse(await docker('image', 'inspect', '-f', '{{json .RepoTags}}', id))).toEqual([`${label}-keep:2`]);

    for (const tag of tags.slice(1)) await docker('tag', tags[0] ?? '', tag);
    const berthSays = await connected.client.call('images.prune', { all: true, filters: [quirk] });
    expect(berthSays).toEqual({ untagged: untagged, deleted: [], spaceReclaimedBytes: 0 });
  });

  it('label! and until filters narrow the preview as the engine narrows the prune', async () => {
    await loadSet();
    const unlabelledToo = await connected.client.call('images.prunePreview', { all: false, filters: [`label=berth.test.prune-other=${label}`] });
    expect(unlabelledToo.images.map((image) => image.id)).toEqual([names.unlabelled]);
    const without = await connected.client.call('images.prunePreview', { all: true, filters: [filter, `label!=berth.test.prune=${label}`] });
    expect(without.images).toEqual([]);
    // Built seconds ago: older than an hour ago they are not.
    const old = await connected.client.call('images.prunePreview', { all: true, filters: [filter, 'until=1h'] });
    expect(old.images).toEqual([]);
    const before = await connected.client.call('images.prunePreview', { all: true, filters: [filter, 'until=2099-01-01T00:00:00Z'] });
    expect(before.images.length).toBeGreaterThan(0);
    const pruned = await connected.client.call('images.prune', { all: true, filters: [filter, 'until=1h'] });
    expect(pruned).toEqual({ untagged: [], deleted: [], spaceReclaimedBytes: 0 });
  });

  it('refuses filters the engine does not take, naming the filter and why', async () => {
    for (const [words, expected] of [
      [['dangling=true'], /dangling is chosen by "all"/],
      [['colour=red'], /"colour" is no prune filter/],
      [['label'], /must be KEY=VALUE/],
      [['until=yesterday'], /until must be a date and time/],
      [['until=1h', 'until=2h'], /more than one until/],
    ] as const) {
      const refused = await connected.client.call('images.prunePreview', { all: false, filters: [...words] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(BerthError);
      expect(refused).toMatchObject({ code: 'invalid_argument' });
      expect((refused as BerthError).message).toMatch(expected);
      expect((refused as BerthError).message).toContain('filters');
    }
  });
});
