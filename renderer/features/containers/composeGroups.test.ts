import { describe, expect, it } from 'vitest';
import { container } from '../../testing/fakeHost.js';
import { composeProjectLabel, listItems, projectKey } from './composeGroups.js';

const inProject = (project: string) => ({ [composeProjectLabel]: project });
const lone = container({ id: '1'.repeat(64), name: 'lone', created: 300 });
const shopWeb = container({ id: '2'.repeat(64), name: 'shop-web-1', created: 200, labels: inProject('shop') });
const other = container({ id: '3'.repeat(64), name: 'other', created: 150 });
const shopDb = container({ id: '4'.repeat(64), name: 'shop-db-1', created: 100, labels: inProject('shop') });

function shape(items: ReturnType<typeof listItems>) {
  return items.map((item) => (item.kind === 'group' ? `[${item.project}: ${item.members.length}]` : `${item.isMember ? '  ' : ''}${item.container.name}`));
}

describe('compose grouping', () => {
  it('puts a project under one header where its newest container would be, members by name', () => {
    expect(shape(listItems([lone, shopWeb, other, shopDb], new Set()))).toEqual(['lone', '[shop: 2]', '  shop-db-1', '  shop-web-1', 'other']);
  });

  it('hides the members of a collapsed project but keeps its header', () => {
    const items = listItems([lone, shopWeb, other, shopDb], new Set([projectKey('engine-1', 'shop')]));
    expect(shape(items)).toEqual(['lone', '[shop: 2]', 'other']);
  });

  it('treats an empty project label as no project', () => {
    const blank = container({ id: '5'.repeat(64), name: 'blank', labels: inProject('') });
    expect(shape(listItems([blank], new Set()))).toEqual(['blank']);
  });
});
