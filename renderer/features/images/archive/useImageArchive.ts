import { useCallback } from 'react';
import { downloadUrl } from '../../../../runtime/api/downloads.js';
import { archiveFileName } from '../../../../runtime/api/image-archive.js';
import { displayByteSize } from '../../../../runtime/api/byte-size.js';
import { useClientSource } from '../../../app/connectionContext.js';
import { findBridge } from '../../../transport/ipcPort.js';
import { toBerthError } from '../../../transport/callError.js';
import { useOneTransfer, type TransferState } from '../../../ui/useOneTransfer.js';
import { loadedText, loadProgressText, progressValue, saveProgressText } from './archiveText.js';
import { uploadImageArchive } from './uploadArchive.js';

/** What the Save… / Load… actions are doing, shown next to them. */
export type ArchiveStatus = TransferState<{ action: 'save' | 'load' }>;

/** Images to save: their refs (tags, or ids when untagged), all on one engine, and how to speak of them. */
export interface SaveRequest {
  engineId: string;
  refs: string[];
  label: string;
}

/**
 * Save and load of image archives, the way the app runs: in the desktop app the backend asks
 * with its save / open dialog and streams the file (`images.save` / `images.load` without a
 * path, progress from their events); in a browser a save is the host's download and a load an
 * upload of the chosen file with the bytes sent as progress. One action at a time; leaving the
 * page cancels it (its stream is unsubscribed, or its upload aborted).
 */
export function useImageArchive(): {
  status: ArchiveStatus;
  isDesktop: boolean;
  save: (request: SaveRequest) => void;
  load: (file: File | null, engineId: string | undefined) => void;
  dismiss: () => void;
} {
  const clientSource = useClientSource();
  const isDesktop = findBridge(window) !== null;
  const { status, setStatus, begin, finish, dismiss } = useOneTransfer<{ action: 'save' | 'load' }>();

  const save = useCallback(
    (request: SaveRequest) => {
      const fail = (message: string) => finish({ kind: 'error', text: `Could not save ${request.label}: ${message}` });
      if (!isDesktop) {
        void downloadInBrowser(downloadUrl('images', { ids: request.refs }, request.engineId), archiveFileName(request.refs)).then(
          (fileName) => finish({ kind: 'done', text: `Downloading ${fileName}: the browser shows its progress.` }),
          (error: unknown) => fail(toBerthError(error).message),
        );
        return;
      }
      const client = clientSource();
      if (client === null) return fail('not connected to Berth.');
      let estimate: number | null = null;
      const subscription = client.subscribe(
        'images.save',
        { ids: request.refs },
        {
          onEvent: (event) => {
            if (event.type === 'saved') {
              finish(event.path === null ? { kind: 'idle' } : { kind: 'done', text: `Saved ${request.label} (${displayByteSize(event.bytes)}) to ${event.path}` });
              return;
            }
            const bytes = event.type === 'progress' ? event.bytes : 0;
            if (event.type === 'started') estimate = event.totalBytes;
            setStatus({ kind: 'working', action: 'save', text: saveProgressText(bytes, estimate), bar: progressValue(bytes, estimate), cancel: stop });
          },
          onError: (error) => fail(error.message),
        },
        { engine: request.engineId },
      );
      const stop = begin('Choose where to save…', () => subscription.dispose(), { action: 'save' });
    },
    [begin, clientSource, finish, isDesktop, setStatus],
  );

  const load = useCallback(
    (file: File | null, engineId: string | undefined) => {
      const fail = (message: string) => finish({ kind: 'error', text: `Could not load ${file?.name ?? 'the archive'}: ${message}` });
      if (file !== null) {
        const upload = uploadImageArchive(file, engineId, (sent, total) =>
          setStatus({ kind: 'working', action: 'load', text: loadProgressText(sent, total), bar: progressValue(sent, total), cancel: stop }),
        );
        const stop = begin(loadProgressText(0, file.size), () => upload.cancel(), { action: 'load' });
        upload.done.then(
          (loaded) => finish({ kind: 'done', text: loadedText(loaded) }),
          (error: unknown) => {
            const wire = toBerthError(error);
            if (wire.code !== 'cancelled') fail(wire.message);
          },
        );
        return;
      }
      const client = clientSource();
      if (client === null) return fail('not connected to Berth.');
      let total: number | null = null;
      const subscription = client.subscribe(
        'images.load',
        {},
        {
          onEvent: (event) => {
            if (event.type === 'loaded') {
              finish(event.path === null ? { kind: 'idle' } : { kind: 'done', text: loadedText(event) });
              return;
            }
            const bytes = event.type === 'progress' ? event.bytes : 0;
            if (event.type === 'started') total = event.totalBytes;
            setStatus({ kind: 'working', action: 'load', text: loadProgressText(bytes, total), bar: progressValue(bytes, total), cancel: stop });
          },
          onError: (error) => fail(error.message),
        },
        engineId === undefined ? {} : { engine: engineId },
      );
      const stop = begin('Choose an archive to load…', () => subscription.dispose(), { action: 'load' });
    },
    [begin, clientSource, finish, setStatus],
  );

  return { status, isDesktop, save, load, dismiss };
}

/**
 * A browser's save: the host's download, started as a link would start it (the browser streams
 * it to disk and shows its progress). A HEAD first, so that a refusal (an image gone meanwhile,
 * an engine away) is said next to the action instead of as a failed download; its reason is then
 * read from the refused GET, which sends nothing but the reason.
 */
export async function downloadInBrowser(url: string, fileName: string): Promise<string> {
  const check = await fetch(url, { method: 'HEAD', cache: 'no-store' });
  if (!check.ok) {
    const refused = await fetch(url, { cache: 'no-store' });
    throw new Error(refused.ok ? `the download was refused (HTTP ${check.status}).` : (await refused.text()).trim() || `HTTP ${refused.status}`);
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  return fileName;
}
