import { describe, expect, it } from 'vitest';
import { toSystemInfo, toSystemVersion } from './system.js';

describe('toSystemInfo', () => {
  it('reads rootless from the security options and fills what an engine leaves out', () => {
    const info = toSystemInfo('e1', { SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'], NCPU: 4 });
    expect(info).toMatchObject({ engineId: 'e1', rootless: true, cpus: 4, hostName: '', containers: { total: 0, running: 0, paused: 0, stopped: 0 } });
    expect(toSystemInfo('e1', { SecurityOptions: null }).rootless).toBe(false);
  });
});

describe('toSystemVersion', () => {
  it('reads the server version and its components, and fills what an engine leaves out', () => {
    const version = toSystemVersion('e1', { Version: '20.10.24', ApiVersion: '1.41', Components: [{ Name: 'containerd', Version: '1.6.20' }] });
    expect(version).toMatchObject({ engineId: 'e1', version: '20.10.24', apiVersion: '1.41', minApiVersion: '', experimental: false });
    expect(version.components).toEqual([{ name: 'containerd', version: '1.6.20' }]);
    expect(toSystemVersion('e1', { Components: null }).components).toEqual([]);
  });
});
