import { useCallback } from 'react';
import { displayByteSize, downloadUrl, uploadUrl, type VolumeRestoreResult } from '../../../runtime/api/index.js';
import { BerthError } from '../../../runtime/api/errors.js';
import { useClientSource } from '../../app/connectionContext.js';
import { findBridge } from '../../transport/ipcPort.js';
import { toBerthError } from '../../transport/callError.js';
import { useOneTransfer, type TransferState } from '../../ui/useOneTransfer.js';
import { uploadRefusal, uploadToHost } from '../images/archive/uploadArchive.js';
import { downloadInBrowser } from '../images/archive/useImageArchive.js';

/** What a backup, download, restore or clone is doing, shown beside its buttons. */
export type TransferStatus = TransferState;

/** The volume a transfer is about, on its engine. */
export interface VolumeTarget {
  engineId: string;
  name: string;
}

function safeName(name: string, extension: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '') || 'volume'}${extension}`;
}

/** The host's answer to a restore upload: the result (200, JSON), or the error its status and text say. */
export function restoreAnswer(status: number, text: string): VolumeRestoreResult | BerthError {
  if (status !== 200) return uploadRefusal(status, text);
  try {
    const result = JSON.parse(text) as Partial<VolumeRestoreResult>;
    if (typeof result.volume === 'string' && typeof result.created === 'boolean' && typeof result.bytes === 'number') return { volume: result.volume, created: result.created, bytes: result.bytes };
  } catch {
    // Falls through.
  }
  return new BerthError('internal', 'Berth answered the upload with something that is not its result.');
}

/**
 * A volume's files in and out, the way the app runs: in the desktop app the backend asks with
 * its save / open dialog and streams the file (`volumes.backup`, `volumes.download`,
 * `volumes.restore` without `file`, progress from their events); in a browser a backup or a
 * download is the host's download, and a restore an upload of the chosen file with the bytes
 * sent as progress. A clone is a stream either way. One at a time; leaving the page cancels it.
 */
export function useVolumeTransfers(): {
  status: TransferStatus;
  isDesktop: boolean;
  backup: (target: VolumeTarget) => void;
  download: (target: VolumeTarget, path: string) => void;
  restore: (target: VolumeTarget, overwrite: boolean, file: File | null, onDone?: (result: VolumeRestoreResult) => void) => void;
  clone: (target: VolumeTarget, newName: string) => void;
  dismiss: () => void;
} {
  const clientSource = useClientSource();
  const isDesktop = findBridge(window) !== null;
  const { status, setStatus, begin, finish, dismiss } = useOneTransfer<object>();

  /** A save (backup or download): the host's download in a browser, the save dialog and a stream in the app. */
  const save = useCallback(
    (target: VolumeTarget, what: string, fileName: string, url: string, stream: 'volumes.backup' | 'volumes.download', params: { name: string; path?: string }) => {
      const fail = (message: string) => finish({ kind: 'error', text: `Could not save ${what}: ${message}` });
      if (!isDesktop) {
        void downloadInBrowser(url, fileName).then(
          (name) => finish({ kind: 'done', text: `Downloading ${name}: the browser shows its progress.` }),
          (error: unknown) => fail(toBerthError(error).message),
        );
        return;
      }
      const client = clientSource();
      if (client === null) return fail('not connected to Berth.');
      const subscription = client.subscribe(
        stream,
        params,
        {
          onEvent: (event) => {
            if (event.type === 'saved') return finish(event.file === null ? { kind: 'idle' } : { kind: 'done', text: `Saved ${what} (${displayByteSize(event.bytes)}) to ${event.file}` });
            const bytes = event.type === 'progress' ? event.bytes : 0;
            setStatus({ kind: 'working', text: `Saving ${what}: ${displayByteSize(bytes)} read`, bar: null, cancel: stop });
          },
          onError: (error) => fail(error.message),
        },
        { engine: target.engineId },
      );
      const stop = begin('Choose where to save…', () => subscription.dispose(), {});
    },
    [begin, clientSource, finish, isDesktop, setStatus],
  );

  const backup = useCallback(
    (target: VolumeTarget) =>
      save(target, `a backup of ${target.name}`, safeName(target.name, '.tar.gz'), downloadUrl('volume-backup', { name: target.name }, target.engineId), 'volumes.backup', { name: target.name }),
    [save],
  );

  const download = useCallback(
    (target: VolumeTarget, path: string) => {
      const base = path === '/' ? target.name : path.slice(path.lastIndexOf('/') + 1);
      save(target, path === '/' ? target.name : path, safeName(base, '.tar'), downloadUrl('volume-files', { name: target.name, path }, target.engineId), 'volumes.download', { name: target.name, path });
    },
    [save],
  );

  const restore = useCallback(
    (target: VolumeTarget, overwrite: boolean, file: File | null, onDone?: (result: VolumeRestoreResult) => void) => {
      const label = file?.name ?? 'the backup';
      const fail = (message: string) => finish({ kind: 'error', text: `Could not restore ${label} into ${target.name}: ${message}` });
      const done = (result: VolumeRestoreResult) => {
        finish({ kind: 'done', text: `Restored ${label} (${displayByteSize(result.bytes)}) into ${result.created ? 'the new volume ' : ''}${result.volume}` });
        onDone?.(result);
      };
      if (file !== null) {
        const upload = uploadToHost(uploadUrl('volume-restore', target.engineId, { name: target.name, overwrite }), file, 'application/octet-stream', (sent, total) =>
          setStatus({ kind: 'working', text: `Restoring ${label}: ${displayByteSize(sent)} of ${displayByteSize(total)} sent`, bar: { value: sent, max: total }, cancel: stop }),
          restoreAnswer,
        );
        const stop = begin(`Restoring ${label}…`, () => upload.cancel(), {});
        upload.done.then(done, (error: unknown) => {
          const wire = toBerthError(error);
          if (wire.code !== 'cancelled') fail(wire.message);
        });
        return;
      }
      const client = clientSource();
      if (client === null) return fail('not connected to Berth.');
      let total: number | null = null;
      const subscription = client.subscribe(
        'volumes.restore',
        { name: target.name, overwrite },
        {
          onEvent: (event) => {
            if (event.type === 'restored') return event.file === null ? finish({ kind: 'idle' }) : done(event);
            if (event.type === 'started') total = event.totalBytes;
            const bytes = event.type === 'progress' ? event.bytes : 0;
            setStatus({ kind: 'working', text: `Restoring: ${displayByteSize(bytes)}${total === null ? '' : ` of ${displayByteSize(total)}`} read`, bar: total === null ? null : { value: bytes, max: total }, cancel: stop });
          },
          onError: (error) => fail(error.message),
        },
        { engine: target.engineId },
      );
      const stop = begin('Choose a backup to restore…', () => subscription.dispose(), {});
    },
    [begin, clientSource, finish, setStatus],
  );

  const clone = useCallback(
    (target: VolumeTarget, newName: string) => {
      const fail = (message: string) => finish({ kind: 'error', text: `Could not clone ${target.name}: ${message}` });
      const client = clientSource();
      if (client === null) return fail('not connected to Berth.');
      const subscription = client.subscribe(
        'volumes.clone',
        { name: target.name, target: newName },
        {
          onEvent: (event) => {
            if (event.type === 'cloned') return finish({ kind: 'done', text: `Cloned ${target.name} into ${event.target} (${displayByteSize(event.bytes)} copied)` });
            const bytes = event.type === 'progress' ? event.bytes : 0;
            setStatus({ kind: 'working', text: `Cloning into ${newName}: ${displayByteSize(bytes)} copied`, bar: null, cancel: stop });
          },
          onError: (error) => fail(error.message),
        },
        { engine: target.engineId },
      );
      const stop = begin(`Cloning into ${newName}…`, () => subscription.dispose(), {});
    },
    [begin, clientSource, finish, setStatus],
  );

  return { status, isDesktop, backup, download, restore, clone, dismiss };
}
