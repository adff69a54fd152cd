import { describe, expect, it } from 'vitest';
import { containerHref, containerHrefOnDefault, containerRouteFromHash, networkHref, networkRouteFromHash, pageFromHash } from './routes.js';

const id = 'a'.repeat(64);
const engineId = '0123456789ab';

describe('routes', () => {
  it('names a container page by engine and id, optionally on one of its tabs, and reads all three back', () => {
    expect(containerHref(engineId, id)).toBe(`#/containers/${engineId}/${id}`);
    expect(containerHref(engineId, id, 'terminal')).toBe(`#/containers/${engineId}/${id}/terminal`);
    expect(containerRouteFromHash(containerHref(engineId, id, 'terminal'))).toEqual({ engineId, containerId: id, tab: 'terminal' });
    expect(containerRouteFromHash(containerHref(engineId, id))).toEqual({ engineId, containerId: id, tab: null });
    expect(pageFromHash(containerHref(engineId, id, 'terminal'))).toBe('containers');
  });

  it('escapes what it puts in the address and unescapes it back', () => {
    const href = containerHref('engine one', 'web/1');
    expect(href).toBe('#/containers/engine%20one/web%2F1');
    expect(containerRouteFromHash(href)).toEqual({ engineId: 'engine one', containerId: 'web/1', tab: null });
  });

  it('still reads the old addresses, without the engine, for the app to resolve', () => {
    expect(containerRouteFromHash(`#/containers/${id}`)).toEqual({ engineId: null, containerId: id, tab: null });
    expect(containerRouteFromHash(`#/containers/${id}/terminal`)).toEqual({ engineId: null, containerId: id, tab: 'terminal' });
    expect(containerHrefOnDefault(id, 'inspect')).toBe(`#/containers/${id}/inspect`);
  });

  it('is no container page on the list, another page, or a malformed address', () => {
    expect(containerRouteFromHash('#/containers')).toBeNull();
    expect(containerRouteFromHash('#/images/x/terminal')).toBeNull();
    expect(containerRouteFromHash('#/containers/%E0%A4%A/x')).toBeNull();
    expect(containerRouteFromHash(`#/containers/${engineId}/${id}/terminal/more`)).toBeNull();
  });

  it('routes the Engines page', () => {
    expect(pageFromHash('#/engines')).toBe('engines');
  });

  it('names a network page by engine and id, and reads both back', () => {
    expect(networkHref(engineId, id)).toBe(`#/networks/${engineId}/${id}`);
    expect(networkRouteFromHash(networkHref('engine one', id))).toEqual({ engineId: 'engine one', networkId: id });
    expect(pageFromHash(networkHref(engineId, id))).toBe('networks');
    expect(networkRouteFromHash('#/networks')).toBeNull();
    expect(networkRouteFromHash(`#/networks/${engineId}`)).toBeNull();
    expect(networkRouteFromHash('#/networks/%E0%A4%A/x')).toBeNull();
  });
});
