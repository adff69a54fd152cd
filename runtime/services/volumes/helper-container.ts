import { randomBytes } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import { BerthError } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';

/**
 * The container through which Berth reads and writes a volume's files with the engine's archive
 * API: CREATED, never started (its entrypoint is a path no image has, so even a start by someone
 * else runs nothing), no network, the volume mounted where the call needs it (read-only unless
 * it writes; `nocopy`, so an empty volume never gets the image's files), and removed as soon as
 * the work is done, whether it succeeded, failed or was cancelled.
 *
 * Its image is one already on the engine: nothing is pulled. The smallest image whose config
 * declares no `VOLUME` (such an image would give the helper anonymous volumes of its own); the
 * choice is kept per engine client until it stops working (the image was removed).
 */

/** The label every helper carries: `docker ps -a --filter label=berth.helper=volume-files` finds one left behind. */
export const helperLabel = { key: 'berth.helper', value: 'volume-files' } as const;

/** Containers this process made and has not removed yet: their own volume events are no news to a watcher. */
export const liveHelperIds = new Set<string>();

export interface HelperMount {
  volume: string;
  /** Where the volume is mounted in the helper. */
  target: string;
  readOnly: boolean;
}

const chosenImages = new WeakMap<EngineClient, string>();

/** A create, even on a busy engine, answers within this. */
const createTimeoutMs = 5 * 60_000;

/** The image helpers are made from on this engine (an image id). */
async function helperImage(client: EngineClient, signal: AbortSignal): Promise<string> {
  const known = chosenImages.get(client);
  if (known !== undefined) return known;
  const images = (await client.images.list(signal)).sort((a, b) => (a.Size ?? 0) - (b.Size ?? 0));
  for (const image of images) {
    const details = await client.images.inspectDetails(image.Id, signal).catch(() => null);
    if (details === null) continue;
    if ((details.Os ?? 'linux') !== 'linux') continue;
    if (Object.keys(details.Config?.Volumes ?? {}).length > 0) continue;
    chosenImages.set(client, image.Id);
    return image.Id;
  }
  throw new BerthError(
    'conflict',
    images.length === 0
      ? 'Reading a volume\'s files needs an image on this engine to make a helper container from (it is created, never started), and the engine has none: pull a small one first, e.g. busybox.'
      : 'Reading a volume\'s files needs an image on this engine that declares no VOLUME, to make a helper container from (it is created, never started); every image here declares one: pull a small one first, e.g. busybox.',
    { step: 'helper' },
  );
}

/**
 * Runs `work` with a helper container that mounts `mounts`, and removes the helper afterwards,
 * always (with a signal of its own: a cancelled call still cleans up). The volumes must exist:
 * a mount of a missing volume would create it.
 */
export async function withHelper<T>(client: EngineClient, mounts: readonly HelperMount[], signal: AbortSignal, work: (containerId: string) => Promise<T>): Promise<T> {
  const containerId = await createHelper(client, mounts, signal);
  try {
    return await work(containerId);
  } finally {
    await removeHelper(client, containerId);
  }
}

/**
 * Opens a stream through a helper container (a download: the archive the engine reads from a
 * volume) and removes the helper once the stream is over: read to its end, failed, or destroyed
 * by its reader (a browser that went away).
 */
export async function openThroughHelper(client: EngineClient, mounts: readonly HelperMount[], signal: AbortSignal, open: (containerId: string) => Promise<Readable>): Promise<Readable> {
  const containerId = await createHelper(client, mounts, signal);
  try {
    const stream = await open(containerId);
    finished(stream, () => void removeHelper(client, containerId));
    return stream;
  } catch (error) {
    await removeHelper(client, containerId);
    throw error;
  }
}

async function createHelper(client: EngineClient, mounts: readonly HelperMount[], signal: AbortSignal): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const image = await helperImage(client, signal);
    const body = {
      Image: image,
      Entrypoint: ['/berth-volume-helper-never-started'],
      Cmd: [],
      Labels: { [helperLabel.key]: helperLabel.value, 'berth.volumes': mounts.map((mount) => mount.volume).join(',') },
      NetworkDisabled: true,
      HostConfig: {
        NetworkMode: 'none',
        Mounts: mounts.map((mount) => ({ Type: 'volume', Source: mount.volume, Target: mount.target, ReadOnly: mount.readOnly, VolumeOptions: { NoCopy: true } })),
      },
    };
    try {
      // Not cancelled by `signal`: a create the engine got would go on without Berth hearing its
      // id, and the helper would be left behind. A cancel while it runs removes it right after.
      const { id } = await client.containers.create(`berth-volume-helper-${randomBytes(6).toString('hex')}`, body, AbortSignal.timeout(createTimeoutMs));
      liveHelperIds.add(id);
      if (signal.aborted) {
        await removeHelper(client, id);
        throw new BerthError('cancelled', 'The request was cancelled.');
      }
      return id;
    } catch (error) {
      // The image chosen earlier is gone: choose again, once.
      if (attempt === 0 && error instanceof BerthError && error.code === 'not_found') {
        chosenImages.delete(client);
        continue;
      }
      throw error;
    }
  }
}

async function removeHelper(client: EngineClient, containerId: string): Promise<void> {
  try {
    await client.containers.remove(containerId, { force: true, volumes: false }, AbortSignal.timeout(60_000));
  } catch (error) {
    // Gone already is what was wanted; anything else leaves a helper behind, said in the log with how to find it.
    if (!(error instanceof BerthError && error.code === 'not_found')) {
      console.error(`Berth could not remove its volume helper container ${containerId.slice(0, 12)} (label ${helperLabel.key}=${helperLabel.value}): ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    liveHelperIds.delete(containerId);
  }
}
