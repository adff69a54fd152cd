import { describe, expect, it } from 'vitest';
import type { EngineContainers } from '../stores/containersSlice.js';
import { container } from '../testing/fakeHost.js';
import { resolveContainerRoute } from './resolveContainerRoute.js';

const id = 'a'.repeat(64);
const listed = (...containers: ReturnType<typeof container>[]): EngineContainers => ({
  byId: Object.fromEntries(containers.map((c) => [c.id, c])),
  loaded: true,
  refreshing: false,
  pending: [],
});
const old = { engineId: null, containerId: id, tab: 'terminal' as const };

describe('an old container address, without its engine', () => {
  it('goes to the only engine that has the container, default or not', () => {
    const byEngine = { e1: listed(), e2: listed(container({ engineId: 'e2', id })) };
    expect(resolveContainerRoute(old, byEngine, 'e1', ['e1', 'e2'])).toEqual({ engineId: 'e2', containerId: id, tab: 'terminal' });
  });

  it('goes to the default engine when several or none have it, once every connected engine has listed', () => {
    const both = { e1: listed(container({ engineId: 'e1', id })), e2: listed(container({ engineId: 'e2', id })) };
    expect(resolveContainerRoute(old, both, 'e2', ['e1', 'e2'])?.engineId).toBe('e2');
    expect(resolveContainerRoute(old, { e1: listed() }, 'e1', ['e1'])?.engineId).toBe('e1');
  });

  it('waits while a connected engine has not listed yet, or no default is known', () => {
    expect(resolveContainerRoute(old, { e1: listed() }, 'e1', ['e1', 'e2'])).toBeNull();
    expect(resolveContainerRoute(old, {}, null, [])).toBeNull();
  });

  it('leaves an address that names its engine as it is', () => {
    const route = { engineId: 'e9', containerId: id, tab: null };
    expect(resolveContainerRoute(route, {}, null, [])).toEqual(route);
  });
});
