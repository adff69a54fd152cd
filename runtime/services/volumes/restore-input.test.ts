import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressionOf, restoreInput, tarHeaderProblem } from './restore-input.js';

const fixture = readFileSync(new URL('./fixtures/docker-volume.tar', import.meta.url));
/** A source that hands its bytes over in small pieces, as a file or upload does. */
const piecemeal = (bytes: Buffer, size = 100) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size)));

describe('what a restore reads', () => {
  it('tells compressions by their first bytes', () => {
    expect(compressionOf(gzipSync(Buffer.from('x')))).toBe('gzip');
    expect(compressionOf(Buffer.from('BZh91AY'))).toBe('bzip2');
    expect(compressionOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]))).toBe('xz');
    expect(compressionOf(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00]))).toBe('zstd');
    expect(compressionOf(fixture)).toBeNull();
  });

  it('takes a tar header by its checksum, and says why anything else is not one', () => {
    expect(tarHeaderProblem(fixture.subarray(0, 512))).toBeNull();
    expect(tarHeaderProblem(Buffer.alloc(0))).toBe('it is empty');
    expect(tarHeaderProblem(Buffer.alloc(100, 1))).toBe('it is 100 bytes long, shorter than one tar header (512)');
    expect(tarHeaderProblem(Buffer.alloc(1024))).toBe('it holds no entries (an empty tar archive)');
    expect(tarHeaderProblem(Buffer.alloc(512, 'a'))).toBe('its first 512 bytes are no tar header');
    const damaged = Buffer.from(fixture.subarray(0, 512));
    damaged[0] = 'X'.charCodeAt(0);
    expect(tarHeaderProblem(damaged)).toBe('its first 512 bytes are no tar header (the checksum does not match)');
  });

  it('hands on a .tar and a .tar.gz as the same plain tar, read from its first byte', async () => {
    for (const source of [piecemeal(fixture), piecemeal(gzipSync(fixture), 37)]) {
      const { tar } = await restoreInput(source, 'backup.tar.gz');
      const bytes = Buffer.concat(await tar.toArray());
      expect(bytes.equals(fixture)).toBe(true);
    }
  });

  it('refuses what is no tar before handing anything on, naming the file and why', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('these are notes\n'.repeat(100)), 'its first 512 bytes are no tar header'],
      [gzipSync(Buffer.from('still notes\n'.repeat(100))), 'its first 512 bytes are no tar header'],
      [Buffer.from('BZh91AY&SY'), 'it is compressed with bzip2; Berth restores .tar.gz and .tar files'],
      [Buffer.from('tiny'), 'it is 4 bytes long, shorter than one tar header (512)'],
      [Buffer.alloc(0), 'it is empty'],
      [gzipSync(fixture).subarray(0, 30), 'its gzip data is damaged'],
    ];
    for (const [bytes, reason] of cases) {
      const refused = await restoreInput(piecemeal(bytes), 'x.tar.gz').then(
        () => null,
        (error: unknown) => error as Error & { details?: unknown },
      );
      expect(refused?.message, reason).toContain(`file: x.tar.gz is not a tar archive (.tar or .tar.gz): ${reason}`);
      expect(refused?.details).toEqual({ field: 'file' });
    }
  });

  it('leaves the source readable for the next reader when it refuses (a browser hears the answer)', async () => {
    const source = piecemeal(Buffer.from('not a tar\n'.repeat(100_000)), 1000);
    await expect(restoreInput(source, 'notes')).rejects.toThrow(/is not a tar archive/);
    expect(source.destroyed).toBe(false);
    source.unpipe();
    expect((await text(source)).length).toBeGreaterThan(0);
  });
});
