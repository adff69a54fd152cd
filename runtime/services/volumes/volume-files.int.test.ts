import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BerthError, VolumeEntry } from '../../api/index.js';
import { connectBackend, docker, type Connected } from '../../testing/real-engine.js';
import { helperContainers, streamEvents, TestVolumes } from '../../testing/test-volumes.js';

// Browsing, reading, backing up, restoring and cloning volumes against the REAL engine, checked
// against what a container sees of the same volume (`ls -la`, `md5sum`), and that the helper
// container Berth makes for each is never left behind.

let connected: Connected;
let dir: string;
const volumes = new TestVolumes();

beforeAll(async () => {
  connected = await connectBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-volume-files-'));
});

afterAll(async () => {
  await volumes.removeAll();
  connected.close();
  await rm(dir, { recursive: true, force: true });
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as BerthError);

/** A volume with files of every kind, owners and modes: what the tests browse, back up and restore. */
async function filledVolume(label: string): Promise<string> {
  const name = await volumes.create(label);
  await volumes.shell(
    name,
    [
      'cd /v',
      'echo hello > a.txt',
      'head -c 300000 /dev/urandom > random.bin',
      'mkdir -p sub/deep && echo deeper > sub/deep/f && head -c 1000 /dev/zero > sub/zeros',
      'ln -s a.txt link',
      'ln a.txt hard',
      'mkfifo pipe',
      'touch .hidden "name with spaces"',
      'chown 1000:1000 a.txt && chmod 4755 sub && chmod 1777 sub/deep && chmod 600 random.bin',
      'touch -d "2024-01-02 03:04:05" a.txt',
      // The root's own owner, mode and time must survive a restore and a clone too (a database's volume is owned by its user).
      'chown 999:999 /v && chmod 750 /v && touch -d "2023-05-06 07:08:09" /v',
    ].join(' && '),
  );
  return name;
}

/** `ls -la` of a folder of the volume as a container sees it: name, mode, size, per entry (`.` and `..` left out). */
async function lsOf(volume: string, folder: string): Promise<{ name: string; mode: string; size: number }[]> {
  const output = await volumes.shell(volume, `ls -la /v${folder}`, true);
  return output
    .split('\n')
    .slice(1)
    .map((line) => /^(\S+)\s+\d+\s+\S+\s+\S+\s+(\d+)\s+\w+\s+\d+\s+[\d:]+\s+(.*?)(?: -> .*)?$/.exec(line))
    .flatMap((match) => (match === null ? [] : [{ name: match[3]!, mode: match[1]!, size: Number(match[2]) }]))
    .filter((entry) => entry.name !== '.' && entry.name !== '..')
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every file's checksum, mode, owner and size, as a container sees the volume: what must survive a backup and restore. */
async function contentOf(volume: string): Promise<string> {
  return volumes.shell(volume, 'cd /v && find . -exec stat -c "%n %A %u:%g %s %Y" {} + | sort && find . -type f -exec md5sum {} + | sort', true);
}

describe('volumes.browse', () => {
  it('lists the entries ls -la shows (names, sizes, modes), with owners, times, link targets and folder contents', async () => {
    const name = await filledVolume('browse');
    const listing = await connected.client.call('volumes.browse', { name, path: '/' });
    expect(listing.path).toBe('/');
    const expected = await lsOf(name, '/');
    // Folders' sizes are their file system's block size to ls, and 0 in an archive: compared for everything else.
    expect(listing.entries.map((entry) => ({ name: entry.name, mode: entry.mode, size: entry.type === 'directory' ? 'dir' : entry.sizeBytes }))).toEqual(
      expected.map((entry) => ({ name: entry.name, mode: entry.mode, size: entry.mode.startsWith('d') ? 'dir' : entry.size })),
    );
    const byName = new Map(listing.entries.map((entry) => [entry.name, entry]));
    expect(byName.get('a.txt')).toMatchObject<Partial<VolumeEntry>>({ type: 'file', uid: 1000, gid: 1000, sizeBytes: 6, modified: Date.UTC(2024, 0, 2, 3, 4, 5) / 1000 });
    expect(byName.get('link')).toMatchObject({ type: 'symlink', linkTarget: 'a.txt' });
    expect(byName.get('hard')).toMatchObject({ type: 'hardlink', linkTarget: 'a.txt', sizeBytes: 6 });
    expect(byName.get('pipe')).toMatchObject({ type: 'fifo', mode: 'prw-r--r--' });
    expect(byName.get('sub')).toMatchObject({ type: 'directory', mode: 'drwsr-xr-x', contentBytes: 1007, itemCount: 3 });

    const deeper = await connected.client.call('volumes.browse', { name, path: 'sub//./deep/' });
    expect(deeper.path).toBe('/sub/deep');
    expect(deeper.entries.map((entry) => [entry.name, entry.mode, entry.sizeBytes])).toEqual((await lsOf(name, '/sub/deep')).map((entry) => [entry.name, entry.mode, entry.size]));
    expect(await helperContainers()).toEqual([]);
  });

  it('refuses a path out of the volume (`..`, or through a symbolic link) naming the field, and a missing path, leaving no helper behind', async () => {
    const name = await filledVolume('escape');
    await volumes.shell(name, 'ln -s /etc /v/etc-link && ln -s ../../.. /v/sub/up');
    for (const bad of ['../etc', '/sub/../../etc', '..']) {
      expect(await refusal(connected.client.call('volumes.browse', { name, path: bad }))).toMatchObject({
        code: 'invalid_argument',
        message: 'volumes.browse: path: must stay inside the volume: `..` is not allowed',
        details: { field: 'path' },
      });
    }
    expect(await refusal(connected.client.call('volumes.browse', { name, path: '/etc-link' }))).toMatchObject({
      code: 'invalid_argument',
      message: 'path: /etc-link is a symbolic link to /etc; Berth follows no links inside a volume (one may point out of it): open its target instead.',
    });
    expect(await refusal(connected.client.call('volumes.browse', { name, path: '/sub/up/etc' }))).toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
    expect(await refusal(connected.client.call('volumes.readFile', { name, path: '/etc-link/hostname' }))).toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
    expect(await refusal(connected.client.call('volumes.browse', { name, path: '/nothing-here' }))).toMatchObject({ code: 'not_found', message: 'path: nothing at /nothing-here in the volume.' });
    expect(await refusal(connected.client.call('volumes.browse', { name, path: '/a.txt' }))).toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
    expect(await refusal(connected.client.call('volumes.browse', { name: volumes.name('missing') }))).toMatchObject({ code: 'not_found', details: { field: 'name' } });
    expect(await helperContainers()).toEqual([]);
  });

  it('removes its helper when the caller cancels mid-browse, and never starts it', async () => {
    const name = await volumes.create('cancel');
    await volumes.shell(name, 'mkdir /v/many && cd /v/many && i=0; while [ $i -lt 3000 ]; do echo $i > f$i; i=$((i+1)); done');
    const since = String(Math.floor(Date.now() / 1000) - 1);
    const controller = new AbortController();
    const call = connected.client.call('volumes.browse', { name, path: '/many' }, { signal: controller.signal });
    await expect.poll(async () => (await helperContainers()).length, { timeout: 5_000, interval: 5 }).toBe(1);
    // The helper is no user to show (nor to count once gone), though the engine sees it.
    expect((await connected.client.call('volumes.inspect', { name })).containers).toEqual([]);
    controller.abort();
    expect(await refusal(call)).toMatchObject({ code: 'cancelled' });
    await expect.poll(helperContainers, { timeout: 10_000 }).toEqual([]);
    const actions = await docker('events', '--since', since, '--until', String(Math.floor(Date.now() / 1000) + 1), '--filter', 'type=container', '--filter', 'label=berth.helper=volume-files', '--format', '{{.Action}}');
    expect(actions.split('\n')).toContain('create');
    expect(actions.split('\n')).toContain('destroy');
    expect(actions.split('\n')).not.toContain('start');
  });
});

describe('volumes.readFolder', () => {
  it('sends the entries volumes.browse answers, a big folder in batches as it is read, then done; folder totals follow as updates', async () => {
    const name = await filledVolume('read-folder');
    // 3,000 files below the root, in a folder sent before them: its totals come as updates.
    await volumes.shell(name, 'mkdir /v/many && cd /v/many && i=0; while [ $i -lt 3000 ]; do echo $i > f$i; i=$((i+1)); done');
    const events = await streamEvents(connected.client, 'volumes.readFolder', { name, path: '/' });
    const listing = await connected.client.call('volumes.browse', { name, path: '/' });
    const done = events.at(-1);
    expect(done).toEqual({ type: 'done', engineId: listing.engineId, volume: name, path: '/', entryCount: listing.entries.length });
    const batches = events.flatMap((event) => (event.type === 'entries' ? [event] : []));
    const sent = new Map<string, VolumeEntry>();
    for (const batch of batches) {
      for (const entry of batch.entries) sent.set(entry.name, entry);
      for (const folder of batch.folders) sent.set(folder.name, { ...sent.get(folder.name)!, contentBytes: folder.contentBytes, itemCount: folder.itemCount });
    }
    expect([...sent.values()]).toEqual(listing.entries);
    expect(sent.get('many')).toMatchObject({ itemCount: 3000 });
    expect(await helperContainers()).toEqual([]);

    // The folder of 3,000 itself: more than one batch of at most 256.
    const many = await streamEvents(connected.client, 'volumes.readFolder', { name, path: '/many' });
    const sizes = many.flatMap((event) => (event.type === 'entries' ? [event.entries.length] : []));
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(3000 / 256));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(256);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(3000);
  });

  it('refuses what browse refuses, as the stream\'s error, and unsubscribing mid-read removes the helper', async () => {
    const name = await volumes.create('read-folder-stop');
    await volumes.shell(name, 'mkdir /v/many && cd /v/many && i=0; while [ $i -lt 3000 ]; do echo $i > f$i; i=$((i+1)); done');
    await expect(streamEvents(connected.client, 'volumes.readFolder', { name, path: '/../etc' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(streamEvents(connected.client, 'volumes.readFolder', { name, path: '/nothing-here' })).rejects.toMatchObject({ code: 'not_found', details: { field: 'path' } });
    let first: unknown = null;
    const subscription = connected.client.subscribe('volumes.readFolder', { name, path: '/many' }, { onEvent: (event) => (first ??= event) });
    await expect.poll(() => first, { timeout: 10_000, interval: 5 }).not.toBeNull();
    subscription.dispose();
    await expect.poll(helperContainers, { timeout: 10_000 }).toEqual([]);
  });
});

describe('volumes.readFile', () => {
  it('reads a text file, cuts a long one at maxBytes, and says a binary one is not text', async () => {
    const name = await filledVolume('read');
    expect(await connected.client.call('volumes.readFile', { name, path: '/sub/deep/f' })).toEqual({ path: '/sub/deep/f', sizeBytes: 7, text: 'deeper\n', truncated: false });
    expect(await connected.client.call('volumes.readFile', { name, path: '/a.txt', maxBytes: 3 })).toEqual({ path: '/a.txt', sizeBytes: 6, text: 'hel', truncated: true });
    expect(await connected.client.call('volumes.readFile', { name, path: '/sub/zeros' })).toMatchObject({ sizeBytes: 1000, text: null });
    expect(await refusal(connected.client.call('volumes.readFile', { name, path: '/sub' }))).toMatchObject({ code: 'invalid_argument', message: 'path: /sub is a folder: browse it.' });
    expect(await refusal(connected.client.call('volumes.readFile', { name, path: '/pipe' }))).toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
    expect(await helperContainers()).toEqual([]);
  });
});

describe('volumes.backup, restore and clone', () => {
  it('backs a volume up to a .tar.gz and restores it into a new volume with every file, mode, owner and time the same', async () => {
    const name = await filledVolume('backup');
    const file = path.join(dir, 'backup.tar.gz');
    const saved = await streamEvents(connected.client, 'volumes.backup', { name, file });
    expect(saved[0]).toEqual({ type: 'started', file, totalBytes: null });
    const written = await readFile(file);
    expect(saved.at(-1)).toEqual({ type: 'saved', file, bytes: written.length });
    expect(written.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // What `tar czf - -C <volume> .` writes: the volume's entries from `./`.
    expect(execFileSync('tar', ['tzf', file]).toString().split('\n').filter(Boolean).sort()).toEqual(
      (await volumes.shell(name, 'cd /v && tar cf - . | tar tf -', true)).split('\n').sort(),
    );

    const restored = volumes.name('restored');
    const events = await streamEvents(connected.client, 'volumes.restore', { name: restored, file });
    expect(events[0]).toEqual({ type: 'started', file, totalBytes: written.length });
    expect(events.at(-1)).toEqual({ type: 'restored', file, volume: restored, created: true, bytes: written.length });
    expect(await contentOf(restored)).toBe(await contentOf(name));
    expect(await helperContainers()).toEqual([]);

    // Into an empty volume too; a volume holding files only with overwrite.
    const empty = await volumes.create('restore-empty');
    expect((await streamEvents(connected.client, 'volumes.restore', { name: empty, file })).at(-1)).toMatchObject({ created: false });
    expect(await contentOf(empty)).toBe(await contentOf(name));
    const full = await volumes.create('restore-full');
    await volumes.shell(full, 'echo mine > /v/mine.txt && echo old > /v/a.txt');
    const refused = await refusal(streamEvents(connected.client, 'volumes.restore', { name: full, file }));
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'name' } });
    expect(refused?.message).toMatch(new RegExp(`^name: the volume "${full}" is not empty \\(it holds a.txt, mine.txt\\)`));
    expect(await volumes.shell(full, 'cat /v/a.txt', true)).toBe('old');
    await streamEvents(connected.client, 'volumes.restore', { name: full, file, overwrite: true });
    expect(await volumes.shell(full, 'cat /v/a.txt /v/mine.txt', true)).toBe('hello\nmine');
    expect(await helperContainers()).toEqual([]);
  });

  it('refuses a file that is not a tar before writing anything, and leaves no volume it would have made', async () => {
    const notes = path.join(dir, 'notes.tar.gz');
    await writeFile(notes, 'these are notes, not a backup\n'.repeat(100));
    const gzipped = path.join(dir, 'gzipped-notes.tar.gz');
    await writeFile(gzipped, gzipSync(Buffer.from('still not a tar\n'.repeat(100))));
    const cases: [string, RegExp][] = [
      [notes, /is not a tar archive \(\.tar or \.tar\.gz\): its first 512 bytes are no tar header/],
      [gzipped, /is not a tar archive \(\.tar or \.tar\.gz\): its first 512 bytes are no tar header/],
      [path.join(dir, 'no-such-file.tar'), /^file: cannot read .*no-such-file\.tar: it does not exist\.$/],
    ];
    for (const [file, message] of cases) {
      const name = volumes.name('not-restored');
      const refused = await refusal(streamEvents(connected.client, 'volumes.restore', { name, file }));
      expect(refused, file).toMatchObject({ code: 'invalid_argument', details: { field: 'file' } });
      expect(refused?.message).toMatch(message);
      expect((await docker('volume', 'ls', '-q')).split('\n')).not.toContain(name);
    }
    expect(await helperContainers()).toEqual([]);
  });

  it('downloads a folder as a tar and clones a volume file for file', async () => {
    const name = await filledVolume('clone');
    const file = path.join(dir, 'sub.tar');
    const saved = await streamEvents(connected.client, 'volumes.download', { name, path: '/sub', file });
    expect(saved.at(-1)).toEqual({ type: 'saved', file, bytes: (await stat(file)).size });
    const tarred = await volumes.shell(name, 'cd /v && tar cf - sub | tar tf -', true);
    expect(execFileSync('tar', ['tf', file]).toString().trim().split('\n').sort()).toEqual(tarred.split('\n').sort());

    const target = volumes.name('clone-target');
    const events = await streamEvents(connected.client, 'volumes.clone', { name, target });
    expect(events.at(-1)).toMatchObject({ type: 'cloned', source: name, target });
    expect(await contentOf(target)).toBe(await contentOf(name));
    expect(await refusal(streamEvents(connected.client, 'volumes.clone', { name, target }))).toMatchObject({ code: 'conflict', details: { field: 'target' } });
    expect(await helperContainers()).toEqual([]);
  });
});

describe('on Podman', () => {
  it('browses, backs up, restores and clones every file as on Docker (Podman extracts into a volume only at its mount point)', async () => {
    const podmanUrl = process.env.BERTH_TEST_PODMAN_URL;
    if (!podmanUrl) throw new Error('BERTH_TEST_PODMAN_URL is not set: start the test environment (scripts/test-env.ts).');
    const podman = (...args: string[]) => docker('-H', podmanUrl, ...args);
    const image = 'docker.io/berth-test/busybox:latest';
    const on = await connectBackend(podmanUrl);
    const name = volumes.name('podman');
    const restored = volumes.name('podman-restored');
    const cloned = volumes.name('podman-clone');
    // The volume's root itself aside (`find . -mindepth 1`): Podman's archive of a folder has no entry for the folder, so its mode is not carried.
    const contentOn = (volume: string) => podman('run', '--rm', '--network', 'none', '-v', `${volume}:/v:ro`, image, 'sh', '-c', 'cd /v && find . -mindepth 1 -exec stat -c "%n %A %s" {} + | sort && find . -type f -exec md5sum {} + | sort');
    try {
      await podman('volume', 'create', name);
      await podman('run', '--rm', '--network', 'none', '-v', `${name}:/v`, image, 'sh', '-c', 'cd /v && echo hello > a.txt && mkdir -p sub && head -c 5000 /dev/urandom > sub/bin && ln -s a.txt link && chmod 750 /v');
      const listing = await on.client.call('volumes.browse', { name });
      expect(listing.entries.map((entry) => [entry.name, entry.type, entry.sizeBytes])).toEqual([
        ['a.txt', 'file', 6],
        ['link', 'symlink', 5],
        ['sub', 'directory', 0],
      ]);
      const file = path.join(dir, 'podman.tar.gz');
      await streamEvents(on.client, 'volumes.backup', { name, file });
      expect((await streamEvents(on.client, 'volumes.restore', { name: restored, file })).at(-1)).toMatchObject({ type: 'restored', created: true });
      expect(await contentOn(restored)).toBe(await contentOn(name));
      await streamEvents(on.client, 'volumes.clone', { name, target: cloned });
      expect(await contentOn(cloned)).toBe(await contentOn(name));
      expect(await podman('ps', '-aq', '--filter', 'label=berth.helper=volume-files')).toBe('');
    } finally {
      on.close();
      await podman('volume', 'rm', '-f', name, restored, cloned).catch(() => '');
    }
  });
});
