import { describe, expect, it } from 'vitest';
import { container } from '../../../testing/fakeHost.js';
import { composeProjectLabel } from '../../containers/composeGroups.js';
import { composeProjects, pickedSources } from './logPick.js';

const web = container({ id: 'w'.repeat(64), name: 'shop-web', labels: { [composeProjectLabel]: 'shop' } });
const db = container({ id: 'd'.repeat(64), name: 'shop-db', state: 'exited', labels: { [composeProjectLabel]: 'shop' } });
const lone = container({ id: 'l'.repeat(64), name: 'lone' });
const elsewhere = container({ id: 'w'.repeat(64), engineId: 'engine-2', name: 'shop-web', labels: { [composeProjectLabel]: 'shop' } });
const all = [web, db, lone, elsewhere];
const names = (sources: { name: string; engineId: string }[]) => sources.map((s) => `${s.name}@${s.engineId}`);

describe('what the Logs page shows', () => {
  it('lists compose projects per engine', () => {
    expect(composeProjects(all)).toEqual([
      { key: 'engine-1/shop', engineId: 'engine-1', project: 'shop', members: 2 },
      { key: 'engine-2/shop', engineId: 'engine-2', project: 'shop', members: 1 },
    ]);
  });

  it('shows the containers picked, a project, or every running one, by name', () => {
    expect(names(pickedSources({ kind: 'containers', keys: [`engine-1/${lone.id}`, `engine-2/${elsewhere.id}`] }, all, new Set()))).toEqual(['lone@engine-1', 'shop-web@engine-2']);
    expect(names(pickedSources({ kind: 'project', key: 'engine-1/shop' }, all, new Set()))).toEqual(['shop-db@engine-1', 'shop-web@engine-1']);
    expect(names(pickedSources({ kind: 'project', key: null }, all, new Set()))).toEqual([]);
    expect(names(pickedSources({ kind: 'running' }, all, new Set()))).toEqual(['lone@engine-1', 'shop-web@engine-1', 'shop-web@engine-2']);
  });

  it('keeps a container that stopped while "all running" was shown', () => {
    expect(names(pickedSources({ kind: 'running' }, all, new Set([`engine-1/${db.id}`])))).toContain('shop-db@engine-1');
  });
});
