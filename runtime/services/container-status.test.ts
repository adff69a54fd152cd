import { describe, expect, it } from 'vitest';
import { statusLine, statusSinceOf, summaryFromInspect } from './container-status.js';

const now = Date.parse('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('statusLine', () => {
  it('writes what docker ps writes', () => {
    expect(statusLine({ Status: 'running', Running: true, StartedAt: ago(180) }, now)).toBe('Up 3 minutes');
    expect(statusLine({ Status: 'running', Running: true, StartedAt: ago(5), Health: { Status: 'healthy' } }, now)).toBe('Up 5 seconds (healthy)');
    expect(statusLine({ Status: 'running', Running: true, StartedAt: ago(5), Health: { Status: 'starting' } }, now)).toBe('Up 5 seconds (health: starting)');
    expect(statusLine({ Status: 'paused', Running: true, Paused: true, StartedAt: ago(3600) }, now)).toBe('Up About an hour (Paused)');
    expect(statusLine({ Status: 'restarting', Running: true, Restarting: true, ExitCode: 1, FinishedAt: ago(2) }, now)).toBe('Restarting (1) 2 seconds ago');
    expect(statusLine({ Status: 'exited', StartedAt: ago(100), FinishedAt: ago(7200), ExitCode: 137 }, now)).toBe('Exited (137) 2 hours ago');
    expect(statusLine({ Status: 'created', StartedAt: '0001-01-01T00:00:00Z' }, now)).toBe('Created');
    expect(statusLine({ Status: 'dead', Dead: true, StartedAt: ago(1) }, now)).toBe('Dead');
  });
});

describe('statusSinceOf', () => {
  it('counts from the start while up or paused, from the finish while restarting or exited, from nothing for a line without a duration', () => {
    expect(statusSinceOf({ Status: 'running', Running: true, StartedAt: ago(180) })).toBe(now - 180_000);
    expect(statusSinceOf({ Status: 'paused', Running: true, Paused: true, StartedAt: ago(60) })).toBe(now - 60_000);
    expect(statusSinceOf({ Status: 'restarting', Running: true, Restarting: true, StartedAt: ago(9), FinishedAt: ago(2) })).toBe(now - 2_000);
    expect(statusSinceOf({ Status: 'exited', StartedAt: ago(100), FinishedAt: ago(7200) })).toBe(now - 7_200_000);
    expect(statusSinceOf({ Status: 'created', StartedAt: '0001-01-01T00:00:00Z' })).toBeNull();
    expect(statusSinceOf({ Status: 'dead', Dead: true, StartedAt: ago(1) })).toBeNull();
  });

  it('is by the engine clock: summaryFromInspect gives it by this machine', () => {
    const summary = summaryFromInspect('e1', { Id: 'abc', State: { Status: 'running', Running: true, StartedAt: ago(60) } }, now, 5_000);
    expect(summary.statusSince).toBe(now - 65_000);
  });
});

describe('summaryFromInspect', () => {
  it("writes the command as the engine's list does: an argument with a space in it quoted", () => {
    const summary = summaryFromInspect('e1', { Id: 'abc', Path: 'sh', Args: ['-c', 'echo hi; sleep 1'], State: { Status: 'created' } }, now);
    expect(summary.command).toBe("sh -c 'echo hi; sleep 1'");
  });

  it('builds the list row from inspect, with the exit code and ports', () => {
    const summary = summaryFromInspect(
      'e1',
      {
        Id: 'abc',
        Name: '/web',
        Created: '2026-11-23T11:00:00Z',
        Image: 'sha256:1',
        Path: 'httpd',
        Args: ['-f', '-p', '80'],
        State: { Status: 'exited', ExitCode: 2, StartedAt: ago(60), FinishedAt: ago(30) },
        Config: { Image: 'busybox', Labels: { a: 'b' } },
        NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }], '53/udp': null } },
      },
      now,
    );
    expect(summary).toEqual({
      engineId: 'e1',
      id: 'abc',
      name: 'web',
      image: 'busybox',
      imageId: 'sha256:1',
      command: 'httpd -f -p 80',
      created: Date.parse('2026-11-23T11:00:00Z') / 1000,
      state: 'exited',
      status: 'Exited (2) 30 seconds ago',
      statusSince: now - 30_000,
      exitCode: 2,
      ports: [
        { privatePort: 53, protocol: 'udp' },
        { privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '0.0.0.0' },
      ],
      labels: { a: 'b' },
    });
  });
});
