import { describe, expect, it } from 'vitest';
import { volumeFilterProblem } from '../../api/index.js';
import type { EngineVolume } from '../../engine/json/volume.js';
import { prunePicks } from './prune.js';
import { isAnonymousVolume, usersByVolume } from './volume-summary.js';

const anonymousName = 'a'.repeat(64);
const volumes: EngineVolume[] = [
  { Name: 'data', Labels: { team: 'web' } },
  { Name: 'cache', Labels: { team: 'ops', tmp: '' } },
  { Name: anonymousName, Labels: null },
  { Name: 'labelled-anonymous', Labels: { 'com.docker.volume.anonymous': '' } },
  { Name: 'used', Labels: { team: 'web' } },
];

describe('the volumes a prune picks', () => {
  it('picks unused anonymous volumes only, unless all, then every unused one, sorted by name', () => {
    const used = new Set(['used']);
    expect(prunePicks(volumes, used, { all: false, filters: [] }).map((volume) => volume.Name)).toEqual([anonymousName, 'labelled-anonymous']);
    expect(prunePicks(volumes, used, { all: true, filters: [] }).map((volume) => volume.Name)).toEqual([anonymousName, 'cache', 'data', 'labelled-anonymous']);
  });

  it('keeps only volumes with each label= and without each label!=', () => {
    const pick = (filters: string[]) => prunePicks(volumes, new Set(['used']), { all: true, filters }).map((volume) => volume.Name);
    expect(pick(['label=team'])).toEqual(['cache', 'data']);
    expect(pick(['label=team=web'])).toEqual(['data']);
    expect(pick(['label!=team=web'])).toEqual([anonymousName, 'cache', 'labelled-anonymous']);
    expect(pick(['label=team', 'label!=tmp'])).toEqual(['data']);
  });

  it('refuses filter words docker volume prune does not take', () => {
    expect(volumeFilterProblem('label=a=b')).toBeNull();
    expect(volumeFilterProblem('label!=a')).toBeNull();
    expect(volumeFilterProblem('label=')).toBe('label needs a label key: label=KEY or label=KEY=VALUE');
    expect(volumeFilterProblem('until=24h')).toBe('must be label=KEY[=VALUE] or label!=KEY[=VALUE], not "until=24h"');
    expect(volumeFilterProblem('dangling=true')).toMatch(/^must be label=/);
  });
});

describe('who uses which volume', () => {
  it('lists each container once per named volume, anonymous-looking names included, binds and tmpfs left out', () => {
    const users = usersByVolume('e1', [
      { Id: 'c1', Names: ['/web'], State: 'running', Mounts: [{ Type: 'volume', Name: 'data' }, { Type: 'volume', Name: 'data' }, { Type: 'bind', Name: null }] },
      { Id: 'c2', Names: ['/job'], State: 'exited', Mounts: [{ Type: 'volume', Name: 'data' }, { Type: 'volume', Name: anonymousName }, { Type: 'tmpfs' }] },
      { Id: 'c3', Names: null, State: 'weird', Mounts: null },
    ]);
    expect(users.get('data')).toEqual([
      { engineId: 'e1', id: 'c1', name: 'web', state: 'running' },
      { engineId: 'e1', id: 'c2', name: 'job', state: 'exited' },
    ]);
    expect(users.get(anonymousName)?.map((user) => user.id)).toEqual(['c2']);
    expect(isAnonymousVolume({ Name: anonymousName, Labels: null })).toBe(true);
    expect(isAnonymousVolume({ Name: 'A'.repeat(64), Labels: null })).toBe(false);
  });

  it('shows no helper container of Berth\'s as a user, but counts it where the engine would', () => {
    const containers = [{ Id: 'h1', Names: ['/berth-volume-helper-1'], State: 'created', Labels: { 'berth.helper': 'volume-files' }, Mounts: [{ Type: 'volume', Name: 'data' }] }];
    expect(usersByVolume('e1', containers).get('data')).toBeUndefined();
    expect(usersByVolume('e1', containers, { withHelpers: true }).get('data')?.map((user) => user.name)).toEqual(['berth-volume-helper-1']);
  });
});
