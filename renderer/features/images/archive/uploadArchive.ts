import { BerthError, type ErrorCode } from '../../../../runtime/api/errors.js';
import type { ImageLoadResult } from '../../../../runtime/api/image-archive.js';
import { uploadUrl } from '../../../../runtime/api/uploads.js';

export type UploadedArchive = ImageLoadResult & { bytes: number };

export interface ArchiveUpload {
  /** Settles with what the engine loaded, or rejects with a BerthError (`cancelled` after `cancel`). */
  done: Promise<UploadedArchive>;
  cancel(): void;
}

/**
 * A browser's `docker load`: the file sent as the body of `POST /upload/images` (the page's
 * token cookie and Origin go with it), which the web host streams to the engine.
 */
export function uploadImageArchive(file: Blob, engineId: string | undefined, onProgress: (sentBytes: number, totalBytes: number) => void): ArchiveUpload {
  return uploadToHost(uploadUrl('images', engineId), file, 'application/x-tar', onProgress, uploadAnswer);
}

/** An upload to the web host in flight: its answer, and how to stop it. */
export interface HostUpload<T> {
  /** Settles with the host's answer, or rejects with a BerthError (`cancelled` after `cancel`). */
  done: Promise<T>;
  cancel(): void;
}

/**
 * A file sent as the body of one of the web host's uploads (`url`, from `uploadUrl`), the page's
 * token cookie and Origin going with it. XMLHttpRequest rather than fetch because it reports the
 * bytes sent (`upload.onprogress`); a fetch with a streamed body would need HTTP/2 in Chromium,
 * which the host does not speak. `answerOf` reads the host's status and text.
 */
export function uploadToHost<T>(url: string, file: Blob, contentType: string, onProgress: (sentBytes: number, totalBytes: number) => void, answerOf: (status: number, text: string) => T | BerthError): HostUpload<T> {
  const request = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      const answer = answerOf(request.status, request.responseText);
      if (answer instanceof BerthError) reject(answer);
      else resolve(answer);
    };
    request.onerror = () => reject(new BerthError('engine_unreachable', 'The upload failed: the connection to Berth was lost.'));
    request.onabort = () => reject(new BerthError('cancelled', 'The upload was cancelled.'));
  });
  request.open('POST', url);
  request.setRequestHeader('Content-Type', contentType);
  request.send(file);
  return { done, cancel: () => request.abort() };
}

const codeOfStatus: Record<number, ErrorCode> = { 400: 'invalid_argument', 401: 'unauthorized', 403: 'unauthorized', 404: 'not_found', 409: 'conflict', 503: 'engine_unreachable', 504: 'timeout' };

/** The host's answer to an image upload: the result (200, JSON), or the error its status and text say. */
export function uploadAnswer(status: number, text: string): UploadedArchive | BerthError {
  if (status === 200) {
    try {
      const result = JSON.parse(text) as Partial<UploadedArchive>;
      if (Array.isArray(result.references) && Array.isArray(result.ids) && typeof result.bytes === 'number') {
        return { references: result.references, ids: result.ids, bytes: result.bytes };
      }
    } catch {
      // Falls through to the error below.
    }
    return new BerthError('internal', 'Berth answered the upload with something that is not its result.');
  }
  return uploadRefusal(status, text);
}

/** The error an upload's refusal (a status other than 200, with the reason as text) stands for. */
export function uploadRefusal(status: number, text: string): BerthError {
  const message = text.trim() || `Berth refused the upload (HTTP ${status}).`;
  // 401/403 carry no reason by design (the host tells a stranger nothing): say what it means here.
  if (status === 401 || status === 403) return new BerthError('unauthorized', 'Berth refused the upload: this page\'s session is not valid any more; open Berth again from its URL.');
  return new BerthError(codeOfStatus[status] ?? 'internal', message);
}
