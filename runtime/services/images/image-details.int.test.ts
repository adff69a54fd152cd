import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type ImageHistoryEntry } from '../../api/index.js';
import { connectBackend, docker, TestContainers, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { TestImages } from '../../testing/test-images.js';

let connected: Connected;
const containers = new TestContainers();
const images = new TestImages();
let workDir: string;

/** A Dockerfile that sets every part of the config the details page shows; the RUN holds a tab. */
const richDockerfile = (label: string) => `LABEL berth.test.details=${label} org.example.k="a value"
ENV A=1 B="two words"
RUN mkdir -p /data && echo hello > /data/x &&\techo tabbed > /t && dd if=/dev/zero of=/big bs=1k count=40
EXPOSE 80/tcp 53/udp 8080
VOLUME /data /cache
WORKDIR /srv
USER 1000:1000
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=2s --retries=4 CMD true
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["echo hi"]`;

beforeAll(async () => {
  connected = await connectBackend();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'berth-details-'));
});

afterAll(async () => {
  await containers.removeAll();
  await images.removeAll();
  await rm(workDir, { recursive: true, force: true });
  connected.close();
});

interface CliHistoryLine {
  ID: string;
  CreatedAt: string;
  CreatedBy: string;
  Size: string;
  Comment: string;
}

async function cliHistory(ref: string, human: boolean): Promise<CliHistoryLine[]> {
  const out = await docker('history', '--no-trunc', `--human=${human}`, '--format', '{{json .}}', ref);
  return out.split('\n').map((line) => JSON.parse(line) as CliHistoryLine);
}

/** go-units' HumanSizeWithPrecision(size, 3), as `docker history` prints sizes. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(3))}${units[unit]}`;
}

/** Berth's entries converted as the docker CLI converts the engine's: tabs in the instruction become spaces. */
function asCli(entries: ImageHistoryEntry[], human: boolean) {
  return entries.map((entry) => ({
    ID: entry.id,
    CreatedAt: entry.created * 1000,
    CreatedBy: entry.createdBy.replaceAll('\t', ' '),
    Size: human ? humanSize(entry.sizeBytes) : String(entry.sizeBytes),
    Comment: entry.comment,
  }));
}

/** The fields both print; CreatedSince is "2 minutes ago" (or CreatedAt again without --human). */
const fromCli = (lines: CliHistoryLine[]) =>
  lines.map((line) => ({ ID: line.ID, CreatedAt: Date.parse(line.CreatedAt), CreatedBy: line.CreatedBy, Size: line.Size, Comment: line.Comment }));

describe('images.inspect and images.history on the real engine', () => {
  it('inspect gives the config, platform, layers and digests the engine holds, and the containers made from the image by id', async () => {
    const label = uniqueName('rich');
    const tag = `${label}:1`;
    const id = await images.build(richDockerfile(label), tag);
    const otherTag = images.track(`${label}-alias:1`);
    await docker('tag', tag, otherTag);
    // Two containers of the same image under different names, one by each tag, one of them
    // named like the image: matched by image id, not by any name.
    const byTag = await containers.run('by-tag', tag, 'true');
    const byAlias = containers.name('by-alias');
    await docker('create', '--name', byAlias, otherTag);
    await docker('wait', byTag);
    // Named like the image, made from another: not a user of it.
    const unrelated = containers.track(label);
    await docker('run', '-d', '--name', unrelated, testImage(), 'true');
    await docker('wait', unrelated);

    const details = await connected.client.call('images.inspect', { id: tag });
    const [raw] = JSON.parse(await docker('image', 'inspect', tag)) as [
      { Id: string; RepoTags: string[]; Created: string; Os: string; Architecture: string; Size: number; RootFS: { Layers: string[] }; Parent: string },
    ];
    expect(details).toMatchObject({
      id,
      os: raw.Os,
      architecture: raw.Architecture,
      sizeBytes: raw.Size,
      created: raw.Created,
      layers: raw.RootFS.Layers,
      parentId: raw.Parent,
      repoDigests: [],
    });
    expect([...details.repoTags].sort()).toEqual([...raw.RepoTags].sort());
    expect(details.config).toEqual({
      entrypoint: ['/bin/sh', '-c'],
      cmd: ['echo hi'],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'A=1', 'B=two words'],
      exposedPorts: [
        { port: 53, protocol: 'udp' },
        { port: 80, protocol: 'tcp' },
        { port: 8080, protocol: 'tcp' },
      ],
      volumes: ['/cache', '/data'],
      user: '1000:1000',
      workingDir: '/srv',
      labels: { 'berth.test.details': label, 'org.example.k': 'a value' },
      stopSignal: 'SIGINT',
      healthcheck: { test: ['CMD-SHELL', 'true'], intervalSeconds: 5, timeoutSeconds: 2, startPeriodSeconds: null, retries: 4 },
    });
    expect(details.containers.map((user) => ({ name: user.name, state: user.state }))).toEqual(
      [
        { name: byAlias, state: 'created' },
        { name: byTag, state: 'exited' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(details.containers.every((user) => user.engineId === connected.backend.engine.status.engineId)).toBe(true);
  });

  it('history equals docker history --no-trunc, for a local build and for a loaded image whose steps are <missing>', async () => {
    const label = uniqueName('history');
    const tag = `${label}:1`;
    await images.build(richDockerfile(label), tag);
    for (const human of [false, true]) expect(asCli(await connected.client.call('images.history', { id: tag }), human)).toEqual(fromCli(await cliHistory(tag, human)));
    const built = await connected.client.call('images.history', { id: tag });
    expect(built[0]?.tags).toEqual([tag]);
    expect(built.some((entry) => entry.createdBy.includes('\t'))).toBe(true);
    expect(built.find((entry) => entry.createdBy.includes('dd if=/dev/zero'))?.sizeBytes).toBeGreaterThanOrEqual(40 * 1024);

    // Saved and loaded back, the image has no local parents: every step but the last is <missing>.
    const archive = path.join(workDir, 'history.tar');
    await docker('save', '-o', archive, tag);
    await docker('rmi', tag);
    await docker('load', '-i', archive);
    const loaded = await connected.client.call('images.history', { id: tag });
    expect(loaded.slice(1).every((entry) => entry.id === '<missing>')).toBe(true);
    expect(loaded.length).toBe(built.length);
    for (const human of [false, true]) expect(asCli(loaded, human)).toEqual(fromCli(await cliHistory(tag, human)));
  });

  it('inspect and history of an image that does not exist are not_found; a malformed reference is refused by name', async () => {
    await expect(connected.client.call('images.inspect', { id: `${uniqueName('missing')}:1` })).rejects.toMatchObject({ code: 'not_found' });
    await expect(connected.client.call('images.history', { id: `${uniqueName('missing')}:1` })).rejects.toMatchObject({ code: 'not_found' });
    const refused = await connected.client.call('images.inspect', { id: 'a//b' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'invalid_argument' });
    expect((refused as BerthError).message).toContain('id');
  });

  it('removing an image containers use names each of them, running or not', async () => {
    const label = uniqueName('inuse');
    const tag = `${label}:1`;
    await images.build(`LABEL berth.test.details=${label}`, tag);
    const running = await containers.run('running', tag, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done');
    const stopped = containers.name('stopped');
    await docker('create', '--name', stopped, tag);

    const refused = await connected.client.call('images.remove', { id: tag }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    const error = refused as BerthError;
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`${running} (running)`);
    expect(error.message).toContain(`${stopped} (created)`);
    // The engine's own words are kept after the names.
    expect(error.message).toMatch(/is using/);
    expect((error.details?.containers as { name: string }[]).map((user) => user.name).sort()).toEqual([running, stopped].sort());
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', tag)).toMatch(/^sha256:/);
  });
});
