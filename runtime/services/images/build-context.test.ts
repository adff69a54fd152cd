import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tarStream from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextRules, packBuildContext, prepareBuildContext, readPatterns } from './build-context.js';

let scratch: string;

async function fixture(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(scratch, 'ctx-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await writeFile(path.join(directory, name), text);
  }
  return directory;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'berth-context-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('readPatterns', () => {
  it('reads a .dockerignore as the engine does: comments, blanks, leading slashes, trailing slashes, .. cleaned', () => {
    expect(readPatterns('# comment\n\n  /build/  \r\n!keep/./me\n a/../b\n!\n#!not-an-exception\n')).toEqual(['build', '!keep/me', 'b']);
  });
});

describe('ContextRules', () => {
  const rules = new ContextRules('node_modules\n*.log\n/docs\n!docs/keep.md\nsecret/**\nDockerfile.dev\n.dockerignore\n', 'Dockerfile.dev');

  it.each([
    ['app.js', false, 'send'],
    ['a.log', false, 'skip'],
    ['sub/a.log', false, 'send'], // `*.log` is the top level only, as in Docker
    ['node_modules', true, 'skip'],
    ['sub/node_modules', true, 'send'],
    ['docs', true, 'walk'], // excluded, but an exception starts inside it
    ['docs/other.md', false, 'skip'],
    ['docs/keep.md', false, 'send'],
    ['secret', true, 'send'], // `secret/**` matches what is inside, not the directory itself
    ['secret/key', false, 'skip'],
    ['Dockerfile.dev', false, 'send'], // always sent, as the CLI does
    ['.dockerignore', false, 'send'],
  ] as const)('%s (directory: %s) -> %s', (relativePath, isDirectory, decision) => {
    expect(rules.decide(relativePath, isDirectory)).toBe(decision);
  });
});

describe('prepareBuildContext', () => {
  it('lists what goes to the engine in walk order, with the count and size of the files', async () => {
    const directory = await fixture({
      Dockerfile: 'FROM scratch\n',
      '.dockerignore': '*.tmp\ncache\n',
      'b.txt': 'bb',
      'a.txt': 'a',
      'x.tmp': 'skipped',
      'cache/big.bin': 'skipped',
      'src/main.c': 'int main;',
    });
    await symlink('a.txt', path.join(directory, 'link'));
    const context = await prepareBuildContext(directory, 'Dockerfile');
    expect(context.entries).toEqual(['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'link', 'src', 'src/main.c']);
    expect(context.files).toBe(6);
    expect(context.bytes).toBe(['*.tmp\ncache\n', 'FROM scratch\n', 'a', 'bb', 'int main;'].join('').length);
    expect(context.dockerfile).toBe('Dockerfile');
  });

  it('packs exactly those entries as a tar, owned by root, the symbolic link as a link', async () => {
    const directory = await fixture({ Dockerfile: 'FROM scratch\n', '.dockerignore': 'out\n', 'out/x': 'no', 'in/y': 'yes' });
    await symlink('in/y', path.join(directory, 'link'));
    const context = await prepareBuildContext(directory, 'Dockerfile');
    const entries: { name: string; type: string; uid: number; linkname?: string | null; text: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const extract = tarStream.extract();
      extract.on('entry', (header, body, next) => {
        const chunks: Buffer[] = [];
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.on('end', () => {
          entries.push({ name: header.name, type: header.type ?? '', uid: header.uid ?? -1, linkname: header.linkname, text: Buffer.concat(chunks).toString() });
          next();
        });
      });
      extract.on('finish', resolve);
      extract.on('error', reject);
      packBuildContext(context).pipe(extract);
    });
    expect(entries.map((entry) => [entry.name, entry.type])).toEqual([
      ['.dockerignore', 'file'],
      ['Dockerfile', 'file'],
      ['in', 'directory'],
      ['in/y', 'file'],
      ['link', 'symlink'],
    ]);
    expect(entries.every((entry) => entry.uid === 0)).toBe(true);
    expect(entries.find((entry) => entry.name === 'link')?.linkname).toBe('in/y');
    expect(entries.find((entry) => entry.name === 'in/y')?.text).toBe('yes');
  });

  it('takes a Dockerfile elsewhere in the context, by relative or absolute path', async () => {
    const directory = await fixture({ 'docker/App.dockerfile': 'FROM scratch\n' });
    expect((await prepareBuildContext(directory, 'docker/App.dockerfile')).dockerfile).toBe('docker/App.dockerfile');
    expect((await prepareBuildContext(directory, path.join(directory, 'docker', 'App.dockerfile'))).dockerfile).toBe('docker/App.dockerfile');
  });

  it('refuses, naming the field: a missing context, a file as context, a Dockerfile missing, outside, or not a file', async () => {
    const directory = await fixture({ Dockerfile: 'FROM scratch\n', 'sub/Dockerfile': 'FROM scratch\n' });
    const other = await fixture({ Dockerfile: 'FROM scratch\n' });
    const cases: [string, string, RegExp][] = [
      [path.join(directory, 'nope'), 'Dockerfile', /^context: .*nope does not exist$/],
      [path.join(directory, 'Dockerfile'), 'Dockerfile', /^context: .*Dockerfile is not a directory$/],
      [directory, 'Missing', /^dockerfile: Missing not found in the context /],
      [directory, '../Dockerfile', /^dockerfile: \.\.\/Dockerfile is outside the context /],
      [directory, path.join(other, 'Dockerfile'), /is outside the context/],
      [directory, 'sub', /^dockerfile: sub in the context .* is not a file$/],
      [directory, '.', /^dockerfile: \. is outside the context/],
    ];
    for (const [context, dockerfile, message] of cases) {
      await expect(prepareBuildContext(context, dockerfile)).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(message) as string });
    }
  });
});
