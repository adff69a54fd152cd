import { describe, expect, it } from 'vitest';
import { archiveContent, tarEntries } from './tar-entries.js';

/** One ustar header block with the given name, size and type, then the content padded to 512. */
function entry(name: string, content: string, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'latin1');
  header.write(content.length.toString(8).padStart(11, '0'), 124, 'latin1');
  header.write('00000000000', 136, 'latin1');
  header.write(type, 156, 'latin1');
  header.write('ustar', 257, 'latin1');
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  body.write(content, 'latin1');
  return Buffer.concat([header, body]);
}

describe('tarEntries', () => {
  it('reads each entry\'s name, type, size and content hash, and stops at the end blocks', () => {
    const archive = Buffer.concat([entry('dir/', '', '5'), entry('dir/a.txt', 'x'.repeat(700)), entry('manifest.json', '[]'), Buffer.alloc(1024)]);
    const entries = tarEntries(archive);
    expect(entries.map(({ name, type, size }) => ({ name, type, size }))).toEqual([
      { name: 'dir/', type: '5', size: 0 },
      { name: 'dir/a.txt', type: '0', size: 700 },
      { name: 'manifest.json', type: '0', size: 2 },
    ]);
    expect(entries[2]!.sha256).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
  });

  it('reads manifest.json as its images in config order, so two orders of the same images compare equal', () => {
    const a = { Config: 'a.json', RepoTags: ['x:1'], Layers: ['l1/layer.tar'] };
    const b = { Config: 'b.json', RepoTags: null, Layers: ['l1/layer.tar', 'l2/layer.tar'] };
    const archive = (manifest: unknown[]) => Buffer.concat([entry('l1/layer.tar', 'layer'), entry('manifest.json', JSON.stringify(manifest)), Buffer.alloc(1024)]);
    expect(archiveContent(archive([b, a]))).toEqual(archiveContent(archive([a, b])));
    expect(archiveContent(archive([a, b])).manifest).toEqual([a, b]);
    expect(archiveContent(archive([a, b])).entries.map((item) => item.name)).toEqual(['l1/layer.tar']);
    expect(archiveContent(archive([a]))).not.toEqual(archiveContent(archive([a, b])));
  });
});
