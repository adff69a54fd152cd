import { describe, expect, it } from 'vitest';
import { engineIdFor, identityOf, maximumApiVersion, negotiateApiVersion } from './identity.js';

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

describe('negotiateApiVersion', () => {
  const docker = (apiVersion: string) => ({ name: 'Docker Engine', version: 'x', apiVersion });

  it('speaks the highest version both know, as the docker CLI negotiates', () => {
    expect(negotiateApiVersion(docker('1.40'))).toEqual({ ok: true, version: '1.40' });
    expect(negotiateApiVersion(docker('1.41'), '1.12')).toEqual({ ok: true, version: '1.41' });
    expect(negotiateApiVersion(docker(maximumApiVersion))).toEqual({ ok: true, version: maximumApiVersion });
    // Docker 29 speaks 1.52 and accepts 1.44 and newer: Berth speaks its own newest.
    expect(negotiateApiVersion(docker('1.52'), '1.44')).toEqual({ ok: true, version: maximumApiVersion });
    expect(negotiateApiVersion(docker('2.0'))).toEqual({ ok: true, version: maximumApiVersion });
    expect(negotiateApiVersion({ name: 'Podman Engine', version: '4.3.1', apiVersion: '1.41' }, '1.24')).toEqual({ ok: true, version: '1.41' });
  });

  it('speaks unversioned to an engine that does not say its version', () => {
    expect(negotiateApiVersion(docker('unknown'))).toEqual({ ok: true, version: null });
    expect(negotiateApiVersion(docker(''), 'junk')).toEqual({ ok: true, version: null });
  });

  it('refuses engines older than API 1.40, and engines that no longer accept what Berth speaks, saying what to do', () => {
    expect(negotiateApiVersion({ name: 'Docker Engine', version: '18.09.1', apiVersion: '1.39' })).toEqual({
      ok: false,
      message: 'Docker Engine 18.09.1 speaks API 1.39; Berth needs API 1.40 (Docker 19.03) or newer. Upgrade the engine.',
    });
    expect(negotiateApiVersion({ name: 'Docker Engine', version: '35.0.0', apiVersion: '1.60' }, '1.50')).toEqual({
      ok: false,
      message: `Docker Engine 35.0.0 accepts API 1.50 or newer only; this Berth speaks API 1.40 to ${maximumApiVersion}. Update Berth.`,
    });
  });
});
