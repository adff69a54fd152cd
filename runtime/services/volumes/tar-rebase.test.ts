import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { entryPathOf, rebaseTar } from './tar-rebase.js';
import { readTarHeaders, type TarHeader } from './tar-listing.js';

const fixture = () => Readable.from(readFileSync(new URL('./fixtures/docker-volume.tar', import.meta.url)));

async function headersOf(source: Readable): Promise<TarHeader[]> {
  const headers: TarHeader[] = [];
  await readTarHeaders(source, (header) => headers.push(header));
  return headers;
}

async function contentsOf(source: Readable): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  const extract = tarStream.extract();
  await new Promise<void>((resolve, reject) => {
    extract.on('entry', (header: TarHeader, body: Readable, next: () => void) => {
      const chunks: Buffer[] = [];
      body.on('data', (chunk: Buffer) => chunks.push(chunk));
      body.on('end', () => {
        contents.set(header.name, Buffer.concat(chunks).toString());
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
    source.on('error', reject);
    source.pipe(extract);
  });
  return contents;
}

describe('an archive moved under a folder for restoring', () => {
  it('reads entry names from the root, and refuses one that leaves it', () => {
    expect(entryPathOf('./')).toBe('');
    expect(entryPathOf('./a/b')).toBe('a/b');
    expect(entryPathOf('/etc/passwd')).toBe('etc/passwd');
    expect(entryPathOf('a//./b/')).toBe('a/b');
    expect(entryPathOf('../x')).toBeNull();
    expect(entryPathOf('a/../../x')).toBeNull();
  });

  it('moves every entry, the root and hard links\' targets too, keeping owners, modes, times and contents', async () => {
    const before = await headersOf(fixture());
    const after = await headersOf(rebaseTar(fixture(), 'volume', 'backup.tar'));
    expect(after.map((header) => header.name)).toEqual(before.map((header) => header.name.replace(/^\.\//, 'volume/')));
    // The type is said by the entry's type, not again in its mode (tar-stream writes the permission bits alone).
    const facts = ({ name: _name, linkname: _linkname, mode = 0, ...rest }: TarHeader) => ({ ...rest, permissions: mode & 0o7777 });
    expect(after.map(facts)).toEqual(before.map(facts));
    expect(after.find((header) => header.type === 'link')?.linkname).toBe('volume/a.txt');
    expect(after.find((header) => header.type === 'symlink')?.linkname).toBe('a.txt');
    const contents = await contentsOf(rebaseTar(fixture(), 'volume', 'backup.tar'));
    expect(contents.get('volume/a.txt')).toBe('hello\n');
    expect(contents.get('volume/sub/deep/f')).toBe('x\n');
  });

  it('keeps a long name (pax) whole under the folder', async () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(120)}`;
    const pack = tarStream.pack();
    pack.entry({ name: long, mtime: new Date(1_000_000_000_000) }, 'long');
    pack.finalize();
    const [header] = await headersOf(rebaseTar(pack, 'volume', 'x.tar'));
    expect(header?.name).toBe(`volume/${long}`);
    expect(header?.mtime?.getTime()).toBe(1_000_000_000_000);
  });

  it('fails the stream naming the file when an entry would leave the volume', async () => {
    const pack = tarStream.pack();
    pack.entry({ name: './ok' }, 'fine');
    pack.entry({ name: '../../etc/cron.d/x' }, 'evil');
    pack.finalize();
    await expect(headersOf(rebaseTar(pack, 'volume', 'evil.tar'))).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'file: evil.tar: the entry ../../etc/cron.d/x would leave the volume (..); nothing of it is restored.',
    });
  });
});
