import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesFilePath, loadEngines, saveEngines, type EnginesFile } from './engines-file.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-engines-file-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const sample: EnginesFile = {
  version: 1,
  engines: [
    { url: 'tcp://10.0.0.5:2376', name: 'build', color: '#3b82f6', addedByUser: true, enabled: true, tls: { caPath: '/certs/ca.pem', certPath: '/certs/cert.pem', keyPath: '/certs/key.pem', verify: true } },
  ],
  defaultUrl: 'tcp://10.0.0.5:2376',
};

describe('engines.json', () => {
  it('is empty before anything was saved', async () => {
    expect(await loadEngines(dataDir)).toEqual({ file: { version: 1, engines: [] } });
  });

  it('reads back what was saved, and leaves no temporary file behind', async () => {
    await saveEngines(dataDir, sample);
    expect((await loadEngines(dataDir)).file).toEqual(sample);
    expect(await readdir(dataDir)).toEqual(['engines.json']);
  });

  it('sets a corrupt file aside with the reason instead of failing or overwriting it', async () => {
    await writeFile(enginesFilePath(dataDir), '{"version": 1, "engines": [{"url": 5}]}');
    const loaded = await loadEngines(dataDir, new Date('2026-11-30T08:00:00Z'));
    expect(loaded.file.engines).toEqual([]);
    expect(loaded.problem?.message).toMatch(/engines\.json could not be read \(engines\.0\.url: .*\); it was set aside as .*unreadable-2026-11-30T08-00-00-000Z/);
    expect(await readFile(loaded.problem?.setAsideAs ?? '', 'utf8')).toContain('"url": 5');
    expect(await readdir(dataDir)).not.toContain('engines.json');
  });

  it('sets aside a file that is not JSON', async () => {
    await writeFile(enginesFilePath(dataDir), 'not json');
    expect((await loadEngines(dataDir)).problem?.message).toContain('not JSON');
  });
});
