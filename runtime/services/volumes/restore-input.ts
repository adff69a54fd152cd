import { PassThrough, pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BerthError } from '../../api/index.js';

/**
 * What a restore reads: a `.tar.gz` or a `.tar`, told by its first bytes (not its name), checked
 * to be a tar (the first header's checksum) before a byte reaches the engine, and handed on as a
 * plain tar stream. Other compressions are refused by name: the engine would take bzip2 and xz,
 * but Berth could not check them first.
 */

/** The compression a file's first bytes announce, if any. Pure. */
export function compressionOf(head: Buffer): 'gzip' | 'bzip2' | 'xz' | 'zstd' | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 3 && head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return null;
}

/**
 * Why `block` (a stream's first 512 bytes) is not the start of a tar archive, or null when it is:
 * a header whose checksum (bytes 148-155, octal) matches the sum of its bytes with that field as
 * spaces, as every tar writer makes it. Pure.
 */
export function tarHeaderProblem(block: Buffer): string | null {
  if (block.length === 0) return 'it is empty';
  if (block.length < 512) return `it is ${block.length} bytes long, shorter than one tar header (512)`;
  if (block.subarray(0, 512).every((byte) => byte === 0)) return 'it holds no entries (an empty tar archive)';
  const field = block.toString('latin1', 148, 156).replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(field)) return 'its first 512 bytes are no tar header';
  let sum = 0;
  for (let index = 0; index < 512; index++) sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
  return parseInt(field, 8) === sum ? null : 'its first 512 bytes are no tar header (the checksum does not match)';
}

/**
 * Reads up to `count` bytes from the start of `stream` and puts them back: the stream is read again
 * from its start. A stream that ended sooner answers all it held (and is then empty).
 */
export function peek(stream: Readable, count: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (stream.readableEnded) return resolve(Buffer.alloc(0));
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error?: Error) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      const head = Buffer.concat(chunks);
      // After its end a stream takes nothing back; what was read is all there was, and is answered.
      if (head.length > 0 && !stream.readableEnded) stream.unshift(head);
      if (error) reject(error);
      else resolve(head);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (length < count && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= count) finish();
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/**
 * `source` (a file or an upload, as it is read) as a checked plain tar stream. Rejects with
 * `invalid_argument` on `file` naming `label` and the reason when it is no tar. A failure
 * of the gzip data further on is said the same way through `sourceProblem()`.
 */
export async function restoreInput(source: Readable, label: string): Promise<{ tar: Readable; sourceProblem: () => BerthError | null }> {
  let problem: BerthError | null = null;
  const refuse = (reason: string) => new BerthError('invalid_argument', `file: ${label} is not a tar archive (.tar or .tar.gz): ${reason}.`, { field: 'file' });
  const entrance = new PassThrough();
  source.on('error', (error) => entrance.destroy(error));
  source.pipe(entrance);
  const head = await peek(entrance, 6);
  if (head.length < 6 && entrance.readableEnded) throw refuse(tarHeaderProblem(head) ?? 'it is too short');
  const compression = compressionOf(head);
  if (compression !== null && compression !== 'gzip') throw refuse(`it is compressed with ${compression}; Berth restores .tar.gz and .tar files`);
  let tar: Readable = entrance;
  if (compression === 'gzip') {
    const gunzip = createGunzip();
    tar = pipeline(entrance, gunzip, (error) => {
      if (error && problem === null && error.code?.startsWith('Z_')) problem = refuse(`its gzip data is damaged (${error.message})`);
    });
  }
  const block = await peek(tar, 512).catch((error: unknown) => {
    throw problem ?? refuse(`its gzip data is damaged (${error instanceof Error ? error.message : String(error)})`);
  });
  const headerProblem = tarHeaderProblem(block);
  if (headerProblem !== null) {
    tar.destroy();
    throw refuse(headerProblem);
  }
  return { tar, sourceProblem: () => problem };
}
