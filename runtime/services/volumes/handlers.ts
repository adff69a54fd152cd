import { toDisposable, type Disposable, type volumesContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { DownloadHandlers, HandlerSlice, StreamSink, UploadHandlers } from '../../rpc/handlers.js';
import { writeLogFile } from '../logs/log-file.js';
import { browseVolume, readVolumeFile, readVolumeFolder, requireVolume } from './browse.js';
import { checkFileRule, chosenFile, onFileField, safeFileName, type VolumeFilesHost } from './file-choice.js';
import { VolumePrune } from './prune.js';
import { cloneVolume, openVolumeBackup, openVolumeFiles, restoreFromFile, restoreVolume } from './transfers.js';
import { Lazy } from '../lazy.js';
import { helperLabel } from './helper-container.js';
import { containerStateOf } from './volume-summary.js';
import { VolumeStore } from './volume-store.js';
import { VolumesService } from './volumes-service.js';
import { watchVolumes } from './volume-watch.js';

/** Runs `work`, ending the stream after its last event, or failing it unless it was cancelled. */
function runStream<E>(sink: StreamSink<E>, signal: AbortSignal, work: () => Promise<void>): Disposable {
  work().then(
    () => sink.end(),
    (error: unknown) => {
      if (!signal.aborted) sink.fail(error);
    },
  );
  return toDisposable(() => undefined); // the signal ends the engine requests; helpers and half files are cleaned up by the work
}

const downloadInstead = 'download it instead (its link is served by this host)';
const uploadInstead = 'upload the backup instead (POST /upload/volume-restore on this host)';

/** The connection's live volume list (volume-store.ts), made by its first `volumes.list` or `volumes.watch`. */
export function volumeStoreOf(engine: EngineConnection): Lazy<VolumeStore> {
  const volumes = new VolumesService(engine);
  return new Lazy(
    () =>
      new VolumeStore(engine, {
        list: (signal) => volumes.list(signal),
        summaryOrNull: async (name, signal) => {
          const details = await volumes.summaryOrNull(name, signal);
          if (details === null) return null;
          const { status: _status, ...summary } = details; // inspect's driver status is no part of the list
          return summary;
        },
        inspectUser: async (containerId, signal) => {
          const container = await engine.client.containers.inspectOrNull(containerId, signal);
          if (container === null || container.Config?.Labels?.[helperLabel.key] === helperLabel.value) return null;
          return {
            mounts: (container.Mounts ?? []).flatMap((mount) => (mount.Type === 'volume' && mount.Name ? [mount.Name] : [])),
            name: (container.Name ?? containerId.slice(0, 12)).replace(/^\//, ''),
            state: containerStateOf(container.State?.Status),
          };
        },
      }),
  );
}

/** Looks the volume up again once `work` is over, however it ended (a restore or clone may make it, and removes it again when it fails). */
async function thenLookUp<T>(store: Lazy<VolumeStore>, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    store.existing?.list.changed(name, 'create');
  }
}

/**
 * The volumes domain's handlers (`runtime/api/volumes.ts`, `volume-files.ts`). `volumes.list`
 * answers from the live store when it is in step with the engine, else asks the engine; Berth's
 * own creates, removes, prunes, restores and clones patch the store at once.
 */
export function volumesHandlers(engine: EngineConnection, store: Lazy<VolumeStore>, host: VolumeFilesHost = {}): HandlerSlice<typeof volumesContract> {
  const volumes = new VolumesService(engine);
  const prune = new VolumePrune(engine, volumes);
  const engineId = () => engine.status.engineId;
  return {
    methods: {
      'volumes.list': async (_params, signal) => (await store.get()?.current(signal)) ?? (await volumes.list(signal)),
      'volumes.sizes': (_params, signal) => volumes.sizes(signal),
      'volumes.inspect': (params, signal) => volumes.inspect(params.name, signal),
      'volumes.create': async (params, signal) => {
        const created = await volumes.create(params, signal);
        store.existing?.list.put(created, 'create');
        return created;
      },
      'volumes.remove': async (params, signal) => {
        const removed = await volumes.remove(params.name, signal);
        store.existing?.list.remove(params.name, 'destroy');
        return removed;
      },
      'volumes.prunePreview': (params, signal) => prune.preview(params, signal),
      'volumes.prune': async (params, signal) => {
        const result = await prune.prune(params, signal);
        for (const name of result.removed) store.existing?.list.remove(name, 'destroy');
        return result;
      },
      'volumes.browse': (params, signal) => browseVolume(engine.client, engineId(), params, signal),
      'volumes.readFile': (params, signal) => readVolumeFile(engine.client, params, signal),
    },
    streams: {
      'volumes.readFolder': (params, sink, signal) => runStream(sink, signal, () => readVolumeFolder(engine.client, engineId(), params, (event) => sink.emit(event), signal)),
      'volumes.watch': (_params, sink) => {
        const live = store.get();
        if (live === null) {
          sink.end(); // this connection's handlers are gone
          return toDisposable(() => undefined);
        }
        return watchVolumes(live, engineId, (event) => sink.emit(event), (error) => sink.fail(error));
      },
      'volumes.backup': (params, sink, signal) =>
        runStream(sink, signal, async () => {
          checkFileRule('volumes.backup', params.file, host, 'save', downloadInstead);
          await requireVolume(engine.client, params.name, signal);
          const file = await chosenFile('volumes.backup', params.file, host, { save: safeFileName(params.name, '.tar.gz') });
          if (file === null) return sink.emit({ type: 'saved', file: null, bytes: 0 });
          const download = await openVolumeBackup(engine.client, params.name, (bytes) => sink.emit({ type: 'progress', bytes }), signal);
          sink.emit({ type: 'started', file, totalBytes: null });
          const bytes = await writeLogFile(download.body, file, signal).catch((error: unknown) => {
            throw onFileField(error);
          });
          sink.emit({ type: 'saved', file, bytes });
        }),
      'volumes.download': (params, sink, signal) =>
        runStream(sink, signal, async () => {
          checkFileRule('volumes.download', params.file, host, 'save', downloadInstead);
          await requireVolume(engine.client, params.name, signal);
          const base = params.path === '/' ? params.name : params.path.slice(params.path.lastIndexOf('/') + 1);
          const file = await chosenFile('volumes.download', params.file, host, { save: safeFileName(base, '.tar') });
          if (file === null) return sink.emit({ type: 'saved', file: null, bytes: 0 });
          const download = await openVolumeFiles(engine.client, params.name, params.path, (bytes) => sink.emit({ type: 'progress', bytes }), signal);
          sink.emit({ type: 'started', file, totalBytes: null });
          const bytes = await writeLogFile(download.body, file, signal).catch((error: unknown) => {
            throw onFileField(error);
          });
          sink.emit({ type: 'saved', file, bytes });
        }),
      'volumes.restore': (params, sink, signal) =>
        runStream(sink, signal, () => thenLookUp(store, params.name, async () => {
          checkFileRule('volumes.restore', params.file, host, 'open', uploadInstead);
          const file = await chosenFile('volumes.restore', params.file, host, {
            open: { title: `Restore into ${params.name}`, filters: [{ name: 'Volume backups', extensions: ['gz', 'tgz', 'tar'] }] },
          });
          if (file === null) return sink.emit({ type: 'restored', file: null, volume: params.name, created: false, bytes: 0 });
          const result = await restoreFromFile(
            engine.client,
            params,
            file,
            (totalBytes) => sink.emit({ type: 'started', file, totalBytes }),
            (bytes) => sink.emit({ type: 'progress', bytes }),
            signal,
          );
          sink.emit({ type: 'restored', file, ...result });
        })),
      'volumes.clone': (params, sink, signal) =>
        runStream(sink, signal, () => thenLookUp(store, params.target, async () => {
          sink.emit({ type: 'started', file: null, totalBytes: null });
          const { bytes } = await cloneVolume(engine.client, params.name, params.target, (copied) => sink.emit({ type: 'progress', bytes: copied }), signal);
          sink.emit({ type: 'cloned', source: params.name, target: params.target, bytes });
        })),
    },
  };
}

/** The web host's volume downloads: a backup and a file or folder, streamed from the engine to the browser. */
export function volumeDownloads(engine: Pick<EngineConnection, 'client'>): Pick<DownloadHandlers, 'volume-backup' | 'volume-files'> {
  return {
    'volume-backup': (params, signal) => openVolumeBackup(engine.client, params.name, () => undefined, signal),
    'volume-files': (params, signal) => openVolumeFiles(engine.client, params.name, params.path, () => undefined, signal),
  };
}

/** The web host's restore upload: the browser's file streamed, checked, into the volume (the store looks it up after). */
export function volumeUploads(engine: Pick<EngineConnection, 'client'>, store: Lazy<VolumeStore>): Pick<UploadHandlers, 'volume-restore'> {
  return { 'volume-restore': (params, body, signal) => thenLookUp(store, params.name, () => restoreVolume(engine.client, params, body, 'the upload', () => undefined, signal)) };
}
