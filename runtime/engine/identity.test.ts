import { describe, expect, it } from 'vitest';
import { engineIdFor, identityOf, unsupportedApi } from './identity.js';

describe('engine identity', () => {
  it('names Docker by its platform and Podman by its components', () => {
    const info = { NCPU: 2, MemTotal: 4 * 1024 ** 3 };
    expect(identityOf({ Version: '20.10.24', ApiVersion: '1.41', Os: 'linux', Arch: 'amd64', Platform: { Name: 'Docker Engine - Community ' } }, info)).toEqual({
      name: 'Docker Engine - Community',
      version: '20.10.24',
      apiVersion: '1.41',
      os: 'linux',
      arch: 'amd64',
      cpus: 2,
      memoryBytes: 4 * 1024 ** 3,
    });
    expect(identityOf({ Version: '4.9.3', Platform: { Name: 'linux/amd64/debian-12' }, Components: [{ Name: 'Podman Engine' }] }, {}).name).toBe('Podman Engine');
    expect(identityOf({}, {})).toMatchObject({ name: 'Docker Engine', version: 'unknown', apiVersion: 'unknown', cpus: 0, memoryBytes: 0 });
  });

  it('gives each engine URL a short stable id', () => {
    expect(engineIdFor('unix:///var/run/docker.sock')).toMatch(/^[0-9a-f]{12}$/);
    expect(engineIdFor('unix:///var/run/docker.sock')).toBe(engineIdFor('unix:///var/run/docker.sock'));
    expect(engineIdFor('unix:///run/podman/podman.sock')).not.toBe(engineIdFor('unix:///var/run/docker.sock'));
  });
});

describe('unsupportedApi', () => {
  it('refuses engines older than API 1.40 with what to do, and takes newer ones and Podman', () => {
    expect(unsupportedApi({ name: 'Docker Engine', version: '18.09.1', apiVersion: '1.39' })).toBe(
      'Docker Engine 18.09.1 speaks API 1.39; Berth needs API 1.40 (Docker 19.03) or newer. Upgrade the engine.',
    );
    for (const apiVersion of ['1.40', '1.41', '1.47', '2.0']) expect(unsupportedApi({ name: 'Docker Engine', version: 'x', apiVersion })).toBeNull();
    expect(unsupportedApi({ name: 'Podman Engine', version: '4.3.1', apiVersion: '1.41' })).toBeNull();
    expect(unsupportedApi({ name: 'Docker Engine', version: 'x', apiVersion: 'unknown' })).toBeNull();
  });
});
