import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../../runtime/api/index.js';
import { readKeyValueLines } from './keyValueLines.js';
import { createdSeconds, usersText, visibleVolumes } from './volumeRows.js';
import { sizeText } from './VolumeTable.js';

const volume = (name: string, overrides: Partial<VolumeSummary> = {}): VolumeSummary => ({
  engineId: 'e1',
  name,
  driver: 'local',
  mountpoint: '',
  created: '2026-01-02T03:04:05Z',
  labels: {},
  scope: 'local',
  options: {},
  isAnonymous: false,
  containers: [],
  ...overrides,
});
const loaded = { loaded: true, sizes: { state: 'idle' as const, byName: {}, error: null } };

describe('the volumes shown', () => {
  it('are every engine\'s (or the one filtered to), matching name, driver, label or user, by name', () => {
    const byEngine = {
      e1: { ...loaded, byName: { web: volume('web', { labels: { team: 'front' } }), db: volume('db', { containers: [{ engineId: 'e1', id: 'x', name: 'postgres', state: 'running' }] }) } },
      e2: { ...loaded, byName: { cache: volume('cache', { engineId: 'e2', driver: 'nfs-plugin' }) } },
    };
    expect(visibleVolumes(byEngine, null, '').rows.map((v) => v.name)).toEqual(['cache', 'db', 'web']);
    expect(visibleVolumes(byEngine, 'e2', '')).toMatchObject({ total: 1 });
    expect(visibleVolumes(byEngine, null, 'FRONT').rows.map((v) => v.name)).toEqual(['web']);
    expect(visibleVolumes(byEngine, null, 'postgres').rows.map((v) => v.name)).toEqual(['db']);
    expect(visibleVolumes(byEngine, null, 'nfs').rows.map((v) => v.name)).toEqual(['cache']);
  });

  it('say their sizes, their users and their age in words', () => {
    expect(sizeText(undefined, 'a')).toBe('loading…');
    expect(sizeText({ state: 'loading', byName: {}, error: null }, 'a')).toBe('loading…');
    expect(sizeText({ state: 'loaded', byName: { a: 1536, b: null }, error: null }, 'a')).toBe('1.5 KiB');
    expect(sizeText({ state: 'loaded', byName: { a: 1536, b: null }, error: null }, 'b')).toBe('unknown');
    expect(sizeText({ state: 'loaded', byName: {}, error: null }, 'new')).toBe('not measured');
    const users = ['a', 'b', 'c'].map((name) => ({ engineId: 'e1', id: name, name, state: 'exited' as const }));
    expect(usersText({ containers: users })).toBe('a (exited), b (exited) and 1 more');
    expect(createdSeconds({ created: '1970-01-01T00:01:00Z' })).toBe(60);
    expect(createdSeconds({ created: null })).toBeNull();
  });

  it('reads KEY=VALUE lines for driver options and labels, naming a bad line', () => {
    expect(readKeyValueLines('type=tmpfs\n\n o=size=64m,uid=1000 \nflag')).toEqual({ ok: true, map: { type: 'tmpfs', o: 'size=64m,uid=1000', flag: '' } });
    expect(readKeyValueLines('=x')).toEqual({ ok: false, message: 'line 1 has no key before "="' });
    expect(readKeyValueLines('a=1\na=2')).toEqual({ ok: false, message: 'line 2 repeats a' });
  });
});
