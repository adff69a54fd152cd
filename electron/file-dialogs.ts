// The desktop app's file dialogs as the backend asks for them (BackendOptions.chooseSavePath /
// chooseOpenPath): Electron's options built here and its answers read here, pure, so they are
// unit-tested without an Electron binary. main.ts only calls `dialog` with them.
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenFileRequest } from '../runtime/services/images/archive.js';

/** A save dialog in `folder` (the user's Downloads), suggesting `suggestedName`, confirming an overwrite. */
export function saveDialogOptions(folder: string, suggestedName: string): SaveDialogOptions {
  return { defaultPath: path.join(folder, suggestedName), properties: ['createDirectory', 'showOverwriteConfirmation'] };
}

/** An open dialog for one existing file of the request's types (any file still choosable: a `.tar` may be named otherwise). */
export function openDialogOptions(folder: string, request: OpenFileRequest): OpenDialogOptions {
  return {
    title: request.title,
    defaultPath: folder,
    properties: ['openFile', 'dontAddToRecent'],
    filters: [...request.filters, { name: 'All files', extensions: ['*'] }],
  };
}

/** The file the save dialog chose, or null when the user cancelled. */
export function savedPathOf(answer: { canceled: boolean; filePath?: string | undefined }): string | null {
  return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
}

/** The file the open dialog chose, or null when the user cancelled. */
export function openedPathOf(answer: { canceled: boolean; filePaths: readonly string[] }): string | null {
  const [first] = answer.filePaths;
  return answer.canceled || first === undefined || first === '' ? null : first;
}
