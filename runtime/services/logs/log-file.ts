import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { BerthError, type DownloadParams } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { Download } from '../../rpc/handlers.js';
import { FrameDemuxer } from '../../streams/frames.js';
import { engineTime, openLog, type LogFacts } from './log-source.js';

/**
 * A container's log as `docker logs [-t] [--tail N] [--since T] [--until T]` prints it, for a
 * file: the engine's bytes with nothing parsed, the frames' payloads in the engine's order for
 * a container without a TTY (stdout and stderr interleaved, as the docker CLI writes them to a
 * terminal), the bytes as they come for a TTY one.
 */
export async function openLogFile(client: EngineClient, facts: LogFacts, params: DownloadParams<'logs'>, signal: AbortSignal): Promise<Download> {
  const query = {
    follow: false,
    stdout: params.stdout,
    stderr: params.stderr,
    timestamps: params.timestamps,
    since: engineTime(params.since),
    until: engineTime(params.until),
    tail: params.tail,
  };
  const opened = await openLog(client, facts, query, signal);
  if (opened.unreadable) throw new BerthError('conflict', opened.unreadable.message, { logDriver: opened.unreadable.logDriver });
  const body = facts.tty ? opened.stream : pipeline(opened.stream, new FramePayloads(), () => undefined);
  return { fileName: logFileName(facts.name), contentType: 'text/plain; charset=utf-8', body };
}

/** `<name>.log`, with anything a file name should not hold replaced (container names are safe already). */
export function logFileName(containerName: string): string {
  const safe = containerName.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 200);
  return `${safe || 'container'}.log`;
}

/** The payloads of the frames, in order: what the docker CLI writes (stdin frames go to stdout there too). */
class FramePayloads extends Transform {
  private readonly frames = new FrameDemuxer();

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const payloads: Uint8Array[] = [];
    try {
      this.frames.each(chunk, (_stream, data) => payloads.push(data));
    } catch (error) {
      done(error as Error);
      return;
    }
    if (payloads.length > 0) this.push(Buffer.concat(payloads));
    done();
  }

  override _flush(done: TransformCallback): void {
    done(this.frames.pendingBytes === 0 ? null : new Error('The engine ended its log in the middle of a frame.'));
  }
}

/**
 * Streams `body` into `target`: into a temporary file beside it, renamed over `target` at the
 * end, so a failed or cancelled save leaves no half file (and an existing file stays until the
 * new one is whole). Answers the bytes written.
 */
export async function writeLogFile(body: Readable, target: string, signal: AbortSignal): Promise<number> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipelineAsync(body, counter, createWriteStream(temporary, { flags: 'wx', mode: 0o644 }), { signal });
    await rename(temporary, target);
    return bytes;
  } catch (error) {
    body.destroy();
    await rm(temporary, { force: true });
    throw fileError(error, target);
  }
}

/** A file system refusal names the path: the caller chose it. */
function fileError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ABORT_ERR') return new BerthError('cancelled', 'The save was cancelled.');
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of it is not a folder',
    EACCES: 'Berth may not write there',
    EPERM: 'Berth may not write there',
    EROFS: 'that file system is read-only',
    EISDIR: 'it is a folder',
    ENOSPC: 'the disk is full',
  };
  const reason = code === undefined ? undefined : reasons[code];
  if (reason === undefined) return error;
  return new BerthError('invalid_argument', `path: cannot write ${target}: ${reason}.`, { field: 'path' });
}
