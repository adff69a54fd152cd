import { z } from 'zod';
import { method, params, stream } from './define.js';
import { volumeName, volumePath, type VolumeEntryType } from './volume-paths.js';

/**
 * A volume's files: browse them read-only, open a small text file, download a file or folder as
 * a tar, back the whole volume up to a `.tar.gz`, restore one into a new or empty volume, clone a
 * volume. The engine's archive API does the reading and writing, on a container Berth creates
 * for the call with the volume mounted (read-only unless it writes), never starts, and removes
 * afterwards, also after a failure or a cancel.
 *
 * Files on the backend's machine (`file`) follow the image archives' rule: taken only from
 * `berth api`; the desktop app asks with its save / open dialog; a browser downloads
 * (`/download/volume-backup`, `/download/volume-files`) and uploads (`/upload/volume-restore`).
 */

/** One entry of a folder, as `ls -la` shows it. */
export interface VolumeEntry {
  name: string;
  type: VolumeEntryType;
  /** Bytes of a file (a symbolic link or folder: 0, as the archive records them). */
  sizeBytes: number;
  /** As `ls -l` prints it: `-rw-r--r--`, `drwxr-sr-x`. */
  mode: string;
  /** The permission bits, setuid, setgid and sticky included (07777). */
  permissions: number;
  uid: number;
  gid: number;
  /** The owner's and group's names when the archive carries them; null otherwise. */
  user: string | null;
  group: string | null;
  /** Last modified, seconds since the epoch. */
  modified: number;
  /** What a symbolic link (or hard link) points to; null for anything else. */
  linkTarget: string | null;
  /** A folder: the bytes of every file below it and how many entries it holds in all; null for anything else. */
  contentBytes: number | null;
  itemCount: number | null;
}

/** `volumes.browse`: one folder's entries, sorted by name as the engine walks them (byte order). */
export interface VolumeListing {
  engineId: string;
  volume: string;
  /** The folder, normalized (`/`, `/logs`). */
  path: string;
  entries: VolumeEntry[];
}

/**
 * `volumes.readFolder`: the next entries of the folder, in the engine's walk order, as they are
 * read (a screenful comes long before a folder of 100,000 files is read to its end).
 */
export interface VolumeFolderEntries {
  type: 'entries';
  entries: VolumeEntry[];
  /**
   * Folders sent in an earlier event whose totals grew since (what they hold comes after them
   * in the walk): their `contentBytes` and `itemCount` so far, replacing those sent.
   */
  folders: { name: string; contentBytes: number; itemCount: number }[];
}

/** `volumes.readFolder`'s last event: the folder is read to its end, and this many entries were sent. */
export interface VolumeFolderDone {
  type: 'done';
  engineId: string;
  volume: string;
  /** The folder, normalized (`/`, `/logs`). */
  path: string;
  entryCount: number;
}

export type VolumeFolderEvent = VolumeFolderEntries | VolumeFolderDone;

/** `volumes.readFile`: the start of a file as text (or why it is not shown as text). */
export interface VolumeFileText {
  path: string;
  sizeBytes: number;
  /** The text, when it is UTF-8 without NUL characters; null for a binary file. */
  text: string | null;
  /** Only the first `maxBytes` were read. */
  truncated: boolean;
}

/** First event of a backup, download, restore or clone: the work has begun. */
export interface VolumeTransferStarted {
  type: 'started';
  /** The file written or read (null for a clone). */
  file: string | null;
  /** The bytes to go, when known: a restore's file size; unknown (null) for what the engine reads from a volume. */
  totalBytes: number | null;
}

/** Bytes moved so far (at most one event every 100 ms): the archive read from the volume, or the file read for a restore. */
export interface VolumeTransferProgress {
  type: 'progress';
  bytes: number;
}

/** Last event of a backup or download: the file is whole (or the dialog was cancelled: `file` null). */
export interface VolumeSaved {
  type: 'saved';
  file: string | null;
  /** Bytes of the file written. */
  bytes: number;
}

/** Last event of a restore. */
export interface VolumeRestored {
  type: 'restored';
  /** The file read (null: the dialog was cancelled, nothing done). */
  file: string | null;
  volume: string;
  /** The volume was made for this restore (it did not exist). */
  created: boolean;
  /** Bytes of the file read. */
  bytes: number;
}

/** Last event of a clone. */
export interface VolumeCloned {
  type: 'cloned';
  source: string;
  target: string;
  /** Bytes of archive copied. */
  bytes: number;
}

export type VolumeSaveEvent = VolumeTransferStarted | VolumeTransferProgress | VolumeSaved;
export type VolumeRestoreEvent = VolumeTransferStarted | VolumeTransferProgress | VolumeRestored;
export type VolumeCloneEvent = VolumeTransferStarted | VolumeTransferProgress | VolumeCloned;

/** What a browser's restore upload answers. */
export interface VolumeRestoreResult {
  volume: string;
  created: boolean;
  bytes: number;
}

const hostFile = z
  .string()
  .max(4096, 'is too long')
  .regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path');

const saveFile = (what: string) =>
  hostFile
    .optional()
    .describe(
      `The ${what} to write (absolute; an existing file is replaced once the new one is whole), taken only from \`berth api\` on this machine. In the desktop app leave it out: the app asks with its save dialog. A browser downloads instead.`,
    );

/** The most `volumes.readFile` reads of a file. */
export const readFileMaxBytes = 8 * 1024 * 1024;

const overwrite = z
  .boolean()
  .default(false)
  .describe(
    'Restore into a volume that holds files already: the archive\'s files replace those of the same name, the others stay. Without it such a volume is refused (`conflict`) and nothing is written.',
  );

export const volumesRestoreSchema = params({
  name: volumeName.describe('The volume to restore into: a new name (the volume is created, and removed again should the restore fail) or an empty volume.'),
  file: hostFile
    .optional()
    .describe(
      'The backup to read: a `.tar.gz` or `.tar` (absolute), taken only from `berth api` on this machine. In the desktop app leave it out: the app asks with its open dialog. A browser uploads the file instead (`POST /upload/volume-restore`).',
    ),
  overwrite,
});

/** The web host's restore upload (`POST /upload/volume-restore?name=...`): the file is the body. */
export const volumeRestoreUploadSchema = volumesRestoreSchema.omit({ file: true });

export const volumesBackupSchema = params({ name: volumeName, file: saveFile('`.tar.gz` backup') });
export const volumeBackupDownloadSchema = volumesBackupSchema.omit({ file: true });

export const volumesDownloadSchema = params({
  name: volumeName,
  path: volumePath.describe('The file or folder to download, from the volume\'s root (`/` is the whole volume), as a tar.'),
  file: saveFile('tar file'),
});
export const volumeFilesDownloadSchema = volumesDownloadSchema.omit({ file: true });

const folderParams = params({
  name: volumeName,
  path: volumePath.default('/').describe('The folder to list, from the volume\'s root: `/` (the default), `/logs`. `..` is refused.'),
});

export const volumeFileMethods = {
  'volumes.browse': method<VolumeListing>()(
    folderParams,
    "One folder of a volume, read-only: each entry's name, type, size, mode, owner, modification time and link target (like `ls -la`), folders with the bytes they hold. Reads the folder's whole content from the engine.",
  ),
  'volumes.readFile': method<VolumeFileText>()(
    params({
      name: volumeName,
      path: volumePath.describe('The file, from the volume\'s root (`/config/app.yml`).'),
      maxBytes: z
        .number()
        .int()
        .min(1)
        .max(readFileMaxBytes)
        .default(1024 * 1024)
        .describe('Read at most this many bytes (default 1 MiB, at most 8 MiB); a longer file is cut there (`truncated`).'),
    }),
    'The start of a file of a volume as text (UTF-8), read-only; a binary file answers `text: null`.',
  ),
} as const;

export const volumeFileStreams = {
  'volumes.readFolder': stream<VolumeFolderEvent>()(
    folderParams,
    "`volumes.browse` as it reads: `entries` events (at most one every 50 ms, or every 256 entries), each with the folders sent earlier whose totals grew, then `done` {entryCount}. What the file browser shows, so a big folder's first screen does not wait for its last entry; unsubscribing stops the engine's read.",
  ),
  'volumes.download': stream<VolumeSaveEvent>()(
    volumesDownloadSchema,
    'Save a file or folder of a volume as a tar file, streamed from the engine. Events: `started`, `progress` {bytes}, last `saved` {file (null: the dialog was cancelled), bytes}.',
  ),
  'volumes.backup': stream<VolumeSaveEvent>()(
    volumesBackupSchema,
    "Back a volume up to a `.tar.gz` of its whole content (entries `./...`, owners, modes and times kept; what `tar czf - -C <volume> .` writes), streamed, never held whole. Events: `started`, `progress` {bytes of the volume's archive read}, last `saved` {file, bytes written}.",
  ),
  'volumes.restore': stream<VolumeRestoreEvent>()(
    volumesRestoreSchema,
    'Restore a `.tar.gz` or `.tar` into a new or empty volume (or, with `overwrite`, one holding files). A file that is no tar is refused before anything is written. Events: `started` {file, totalBytes}, `progress` {bytes read}, last `restored` {file, volume, created, bytes}.',
  ),
  'volumes.clone': stream<VolumeCloneEvent>()(
    params({
      name: volumeName.describe('The volume to copy.'),
      target: volumeName.describe('The new volume: a name not taken (a taken one is refused). It gets the source\'s driver and labels, not its driver options (they may name the same storage).'),
    }),
    'Copy a volume into a new one, file for file (owners, modes, times kept). A clone that fails removes the new volume. Events: `started`, `progress` {bytes copied}, last `cloned` {source, target, bytes}.',
  ),
} as const;
