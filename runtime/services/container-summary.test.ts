import { describe, expect, it } from 'vitest';
import type { EngineContainerListItem } from '../engine/json/container.js';
import { exitCodeFromStatus, toContainerSummary } from './container-summary.js';

describe('toContainerSummary', () => {
  const base: EngineContainerListItem = {
    Id: 'a'.repeat(64),
    Names: ['/web'],
    Image: 'berth-test/busybox:latest',
    ImageID: 'sha256:' + 'b'.repeat(64),
    Command: 'httpd -f',
    Created: 1_700_000_000,
    Ports: [
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 53, Type: 'udp' },
    ],
    Labels: { a: 'b' },
    State: 'exited',
    Status: 'Exited (137) 2 seconds ago',
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  };

  it('strips the slash, reads the exit code and sorts ports', () => {
    const summary = toContainerSummary('e1', base);
    expect(summary).toMatchObject({ engineId: 'e1', name: 'web', state: 'exited', exitCode: 137 });
    expect(summary.ports).toEqual([
      { privatePort: 53, protocol: 'udp' },
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp' },
    ]);
  });

  it('has no exit code while running', () => {
    expect(toContainerSummary('e1', { ...base, State: 'running', Status: 'Up 3 seconds' }).exitCode).toBeNull();
  });

  it('parses exit codes from status lines', () => {
    expect(exitCodeFromStatus('Exited (0) 1 minute ago')).toBe(0);
    expect(exitCodeFromStatus('Up 2 hours')).toBeNull();
  });
});
