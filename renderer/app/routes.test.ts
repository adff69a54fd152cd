import { describe, expect, it } from 'vitest';
import { containerHref, containerHrefOnDefault, containerRouteFromHash, pageFromHash, registryHref, registryRouteFromHash, volumeHref, volumeRouteFromHash, networkHref, networkRouteFromHash } from './routes.js';

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

describe('registry routes', () => {
  it('names a registry, a repository with slashes in it, and a tag or digest, and reads each back', () => {
    expect(registryHref('127.0.0.1:5000')).toBe('#/registries/127.0.0.1%3A5000');
    expect(registryHref('127.0.0.1:5000', 'seed/bb')).toBe('#/registries/127.0.0.1%3A5000/seed%2Fbb');
    const digest = `sha256:${'a'.repeat(64)}`;
    for (const [repository, reference] of [
      [null, null],
      ['seed/bb', null],
      ['seed/bb', '1.0'],
      ['a/b/c', digest],
    ] as const) {
      expect(registryRouteFromHash(registryHref('ghcr.io', repository, reference))).toEqual({ registry: 'ghcr.io', repository, reference });
    }
    expect(pageFromHash(registryHref('ghcr.io', 'x'))).toBe('registries');
  });

  it('is the list on #/registries, on another page, and on a malformed address', () => {
    expect(registryRouteFromHash('#/registries')).toBeNull();
    expect(registryRouteFromHash('#/images/x/y')).toBeNull();
    expect(registryRouteFromHash('#/registries/%E0%A4%A')).toBeNull();
    expect(registryRouteFromHash('#/registries/a/b/c/d')).toBeNull();
    expect(registryRouteFromHash('#/registries//b')).toBeNull();
  });
});

describe('a volume page address', () => {
  it('names the engine, the volume and the folder shown, and reads back what it wrote', () => {
    expect(volumeHref('engine-1', 'data')).toBe('#/volumes/engine-1/data');
    expect(volumeHref('engine-1', 'data', '/logs/app x')).toBe('#/volumes/engine-1/data?path=%2Flogs%2Fapp%20x');
    expect(volumeRouteFromHash(volumeHref('engine-1', 'data', '/logs/app x'))).toEqual({ engineId: 'engine-1', name: 'data', path: '/logs/app x' });
    expect(volumeRouteFromHash('#/volumes/engine-1/data')).toEqual({ engineId: 'engine-1', name: 'data', path: '/' });
    expect(volumeRouteFromHash('#/volumes')).toBeNull();
    expect(volumeRouteFromHash('#/volumes/engine-1')).toBeNull();
    expect(volumeRouteFromHash('#/volumes/%E0%A4%A/x')).toBeNull();
    expect(pageFromHash('#/volumes/engine-1/data?path=/x')).toBe('volumes');
  });
});
