import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../api/index.js';
import { connectBackend, testEngineUrl, type Connected } from '../../testing/real-engine.js';
import { captureLog } from '../../testing/streaming-client.js';

let dataDir: string;
const open: Connected[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-settings-'));
});

afterEach(async () => {
  for (const each of open.splice(0)) each.close();
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

/** A whole backend (as `berth serve` or the desktop app makes one) on this test's data directory. */
async function backend(): Promise<Connected> {
  const connected = await connectBackend(testEngineUrl(), { dataDir });
  open.push(connected);
  return connected;
}

describe('settings in the data directory', () => {
  it('survive a restart of the backend, written as settings.json', async () => {
    const first = await backend();
    expect(await first.client.call('settings.get', {})).toEqual(defaultSettings);
    const saved = await first.client.call('settings.update', { theme: 'dark', notifications: { oom: false }, logs: { bufferLines: 50_000 } });
    expect(saved).toEqual({ ...defaultSettings, theme: 'dark', notifications: { ...defaultSettings.notifications, oom: false }, logs: { ...defaultSettings.logs, bufferLines: 50_000 } });
    first.close();

    const second = await backend();
    expect(await second.client.call('settings.get', {})).toEqual(saved);
    const file = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { version: number; settings: Settings };
    expect(file).toEqual({ version: 1, settings: saved });
  });

  it('set a corrupt file aside, say so in the log, and go on with the defaults', async () => {
    const logged = captureLog();
    await writeFile(path.join(dataDir, 'settings.json'), '{"version":1,"settings":{"theme":"purple"');
    const connected = await backend();
    expect(await connected.client.call('settings.get', {})).toEqual(defaultSettings);
    const files = await readdir(dataDir);
    expect(files.filter((name) => name.startsWith('settings.json.unreadable-'))).toHaveLength(1);
    expect(files).not.toContain('settings.json');
    expect(logged.join('')).toMatch(/settings: .*settings\.json could not be read \(not JSON .*\); it was set aside as .*settings\.json\.unreadable-/);
    // A value out of bounds (written by hand) is set aside the same way, naming the field.
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, settings: { logs: { bufferLines: 5 } } }));
    const again = await backend();
    expect(await again.client.call('settings.get', {})).toEqual(defaultSettings);
    expect(logged.join('')).toContain('(settings.logs.bufferLines: must be at least 1,000 lines)');
  });

  it('refuse a bad update by field, and change nothing', async () => {
    const connected = await backend();
    await expect(connected.client.call('settings.update', { theme: 'dark', logs: { bufferLines: 0 } })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'settings.update: logs.bufferLines: must be at least 1,000 lines',
    });
    expect(await connected.client.call('settings.get', {})).toEqual(defaultSettings);
    expect(await readdir(dataDir)).not.toContain('settings.json');
  });

  it('tell every watcher of a change, from this backend or from another Berth process writing the file', async () => {
    const app = await backend();
    const seen: Settings[] = [];
    app.client.subscribe('settings.watch', {}, { onEvent: (settings) => seen.push(settings) });
    await vi.waitFor(() => expect(seen).toEqual([defaultSettings]));
    await app.client.call('settings.update', { theme: 'light' });
    await vi.waitFor(() => expect(seen.at(-1)?.theme).toBe('light'));
    // `berth api settings.update` from a shell is a second backend on the same data directory.
    const shell = await backend();
    await shell.client.call('settings.update', { terminal: { fontSize: 16 } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ ...defaultSettings, theme: 'light', terminal: { ...defaultSettings.terminal, fontSize: 16 } }), { timeout: 3000 });
  });
});
