import { describe, expect, it } from 'vitest';
import { toSystemInfo } from './system.js';

describe('toSystemInfo', () => {
  it('reads rootless from the security options and fills what an engine leaves out', () => {
    const info = toSystemInfo('e1', { SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'], NCPU: 4 });
    expect(info).toMatchObject({ engineId: 'e1', rootless: true, cpus: 4, hostName: '', containers: { total: 0, running: 0, paused: 0, stopped: 0 } });
    expect(toSystemInfo('e1', { SecurityOptions: null }).rootless).toBe(false);
  });
});
