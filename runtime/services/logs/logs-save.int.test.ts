import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type MethodParams } from '../../api/index.js';
import { shell } from '../../testing/log-helpers.js';
import { connectBackend, docker, TestContainers, testImage, type Connected } from '../../testing/real-engine.js';

// logs.save against the REAL engine: the file must hold exactly what `docker logs` prints.

let connected: Connected;
let dir: string;
const containers = new TestContainers();
let plain: string;
let tty: string;

/** Both streams, text that is not valid UTF-8, a bare CR, a long line, no newline at the end. */
const script = [
  'echo out one',
  'echo err one >&2',
  'printf "bad \\377\\376 bytes\\n"',
  'printf "progress 10%%\\rprogress 100%%\\n"',
  'head -c 40000 /dev/zero | tr "\\0" y; echo',
  'i=0; while [ $i -lt 20 ]; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); done',
  'printf "no newline"',
].join('; ');

beforeAll(async () => {
  connected = await connectBackend();
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-logs-save-'));
  plain = await containers.run('save', testImage(), 'sh', '-c', script);
  tty = await containers.run('save-tty', '-t', testImage(), 'sh', '-c', script);
  await docker('wait', plain, tty);
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
  await rm(dir, { recursive: true, force: true });
});

async function save(params: MethodParams<'logs.save'>): Promise<Buffer> {
  const result = await connected.client.call('logs.save', params);
  expect(result.path).toBe(params.path);
  const saved = await readFile(params.path!);
  expect(result.bytes).toBe(saved.length);
  return saved;
}

describe('logs.save writes what docker logs prints, byte for byte', () => {
  it('stdout and stderr in the engine\'s order, each alone, with timestamps, tail and since', async () => {
    const file = path.join(dir, 'both.log');
    expect(await save({ id: plain, path: file })).toEqual(await shell(`docker logs ${plain} 2>&1`));
    expect(await save({ id: plain, path: file, stderr: false })).toEqual(await shell(`docker logs ${plain} 2>/dev/null`));
    expect(await save({ id: plain, path: file, stdout: false })).toEqual(await shell(`docker logs ${plain} 2>&1 >/dev/null`));
    expect(await save({ id: plain, path: file, timestamps: true })).toEqual(await shell(`docker logs -t ${plain} 2>&1`));
    expect(await save({ id: plain, path: file, tail: 7, timestamps: true })).toEqual(await shell(`docker logs -t --tail 7 ${plain} 2>&1`));
    const middle = (await shell(`docker logs -t ${plain} 2>/dev/null`)).toString('latin1').split('\n')[10]!.split(' ')[0]!;
    expect(await save({ id: plain, path: file, since: middle })).toEqual(await shell(`docker logs --since ${middle} ${plain} 2>&1`));
    // The json-file driver itself stores invalid UTF-8 as U+FFFD (it keeps JSON text): the file has what the engine has.
    expect((await save({ id: plain, path: file })).includes(Buffer.from('bad \uFFFD\uFFFD bytes'))).toBe(true);
  });

  it('a TTY container\'s bytes as they are', async () => {
    const file = path.join(dir, 'tty.log');
    expect(await save({ id: tty, path: file })).toEqual(await shell(`docker logs ${tty}`));
    expect(await save({ id: tty, path: file, timestamps: true, tail: 3 })).toEqual(await shell(`docker logs -t --tail 3 ${tty}`));
  });

  it('replaces an existing file, and leaves nothing else in the folder', async () => {
    const sub = await mkdtemp(path.join(dir, 'replace-'));
    const file = path.join(sub, 'old.log');
    await writeFile(file, 'old content that is longer than nothing');
    expect(await save({ id: plain, path: file, tail: 1 })).toEqual(await shell(`docker logs --tail 1 ${plain} 2>&1`));
    expect(await readdir(sub)).toEqual(['old.log']);
  });

  it('refuses a path it cannot write, naming the field, and leaves nothing behind', async () => {
    const missing = path.join(dir, 'no-such-folder', 'x.log');
    await expect(connected.client.call('logs.save', { id: plain, path: missing })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
    await expect(connected.client.call('logs.save', { id: plain, path: 'relative.log' })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
  });

  it('without a path and without a save dialog, asks for the path', async () => {
    const refused = await connected.client.call('logs.save', { id: plain }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
  });

  it('without a path, asks the host\'s save dialog with the container\'s name, and writes nothing when the user cancels', async () => {
    const asked: string[] = [];
    let answer: string | null = path.join(dir, 'chosen.log');
    const withDialog = await connectBackend(undefined, {
      acceptsPaths: false,
      chooseSavePath: (suggestedName) => {
        asked.push(suggestedName);
        return Promise.resolve(answer);
      },
    });
    try {
      const result = await withDialog.client.call('logs.save', { id: plain, stderr: false });
      expect(asked).toEqual([`${plain}.log`]);
      expect(result.path).toBe(answer);
      expect(await readFile(answer)).toEqual(await shell(`docker logs ${plain} 2>/dev/null`));
      answer = null;
      expect(await withDialog.client.call('logs.save', { id: plain })).toEqual({ path: null, bytes: 0 });
    } finally {
      withDialog.close();
    }
  });

  it('takes no path from the desktop app or a browser, only the dialog\'s choice: a page never names a file to write', async () => {
    const target = path.join(dir, 'named-by-a-page.log');
    const desktop = await connectBackend(undefined, { acceptsPaths: false, chooseSavePath: () => Promise.resolve(null) });
    const browser = await connectBackend(undefined, { acceptsPaths: false });
    try {
      await expect(desktop.client.call('logs.save', { id: plain, path: target })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
      await expect(browser.client.call('logs.save', { id: plain, path: target })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
      await expect(browser.client.call('logs.save', { id: plain })).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'path' } });
      await expect(readdir(dir)).resolves.not.toContain('named-by-a-page.log');
    } finally {
      desktop.close();
      browser.close();
    }
  });

  it('removes its temporary file when the save is cancelled', async () => {
    const big = await containers.run('save-big', testImage(), 'sh', '-c', 'head -c 60000000 /dev/zero | tr "\\0" "z" | fold -w 99');
    await docker('wait', big);
    const sub = await mkdtemp(path.join(dir, 'cancel-'));
    const abort = new AbortController();
    const saving = connected.client.call('logs.save', { id: big, path: path.join(sub, 'big.log') }, { signal: abort.signal });
    // Cancel once the temporary file has begun.
    for (let tries = 0; tries < 200 && (await readdir(sub)).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await expect(saving).rejects.toMatchObject({ code: 'cancelled' });
    await expect.poll(() => readdir(sub), { timeout: 5_000 }).toEqual([]);
  });
});
