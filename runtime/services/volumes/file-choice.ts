import { BerthError } from '../../api/index.js';
import type { ImageArchiveHost, OpenFileRequest } from '../images/archive.js';

/** What the program hosting Berth offers volume backups, downloads and restores: the same dialogs as image archives. */
export type VolumeFilesHost = ImageArchiveHost;

type Direction = 'save' | 'open';

/**
 * A file on the backend's machine is named only from `berth api`: the desktop app asks with its
 * dialog (a file named by its window is refused), and `berth serve` reads and writes no files for
 * a browser, which downloads and uploads instead (`instead` says how).
 */
export function checkFileRule(method: string, given: string | undefined, host: VolumeFilesHost, direction: Direction, instead: string): void {
  if (given === undefined || host.acceptsPaths === true) return;
  const hasDialog = direction === 'save' ? host.chooseSavePath !== undefined : host.chooseOpenPath !== undefined;
  const message = hasDialog
    ? `${method}: file: leave it out: the app asks with its ${direction} dialog (a file is named only from berth api).`
    : `${method}: file: files are not ${direction === 'save' ? 'written' : 'read'} from here; ${instead}.`;
  throw new BerthError('invalid_argument', message, { field: 'file' });
}

/** The caller's file, or the dialog's choice (null: cancelled). */
export async function chosenFile(method: string, given: string | undefined, host: VolumeFilesHost, request: { save: string } | { open: OpenFileRequest }): Promise<string | null> {
  if (given !== undefined) return given;
  if ('save' in request) {
    if (host.chooseSavePath === undefined) throw new BerthError('invalid_argument', `${method}: file: is required here: only the desktop app has a save dialog to ask with.`, { field: 'file' });
    return host.chooseSavePath(request.save);
  }
  if (host.chooseOpenPath === undefined) throw new BerthError('invalid_argument', `${method}: file: is required here: only the desktop app has an open dialog to ask with.`, { field: 'file' });
  return host.chooseOpenPath(request.open);
}

/** A file system refusal about the chosen file, said on `file` (the log writer says `path`). */
export function onFileField(error: unknown): unknown {
  if (error instanceof BerthError && error.details?.field === 'path' && error.message.startsWith('path: ')) {
    return new BerthError(error.code, `file: ${error.message.slice('path: '.length)}`, { ...error.details, field: 'file' });
  }
  return error;
}

/** A file name for a download: the volume's or the entry's name, without anything a file system would mind. */
export function safeFileName(name: string, extension: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '').slice(0, 120);
  return `${safe || 'volume'}${extension}`;
}
