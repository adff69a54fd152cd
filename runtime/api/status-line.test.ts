import { describe, expect, it } from 'vitest';
import { humanDuration, statusAt } from './status-line.js';

const now = Date.parse('2026-12-01T12:00:00Z');

describe('statusAt', () => {
  it('writes the duration again for the time now, keeping the rest of the line', () => {
    expect(statusAt('Up Less than a second', now - 5_000, now)).toBe('Up 5 seconds');
    expect(statusAt('Up 2 seconds (health: starting)', now - 3 * 60_000, now)).toBe('Up 3 minutes (health: starting)');
    expect(statusAt('Up 1 second (healthy)', now - 3_600_000, now)).toBe('Up About an hour (healthy)');
    expect(statusAt('Up 4 seconds (unhealthy)', now - 61_000, now)).toBe('Up About a minute (unhealthy)');
    expect(statusAt('Up 10 minutes (Paused)', now - 2 * 86_400_000, now)).toBe('Up 2 days (Paused)');
    expect(statusAt('Exited (137) 2 seconds ago', now - 7_200_000, now)).toBe('Exited (137) 2 hours ago');
    expect(statusAt('Exited (-1) Less than a second ago', now - 90_000, now)).toBe('Exited (-1) About a minute ago');
    expect(statusAt('Restarting (1) 1 second ago', now - 4_000, now)).toBe('Restarting (1) 4 seconds ago');
  });

  it('leaves a line without a duration, or without a time to count from, as it is', () => {
    expect(statusAt('Created', now - 5_000, now)).toBe('Created');
    expect(statusAt('Dead', now - 5_000, now)).toBe('Dead');
    expect(statusAt('Removal In Progress', now - 5_000, now)).toBe('Removal In Progress');
    expect(statusAt('Up 3 minutes', undefined, now)).toBe('Up 3 minutes');
    expect(statusAt('Exited (1)', now - 5_000, now)).toBe('Exited (1)');
  });
});

describe('humanDuration', () => {
  it('rounds durations like the engine', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1_000)).toBe('1 second');
    expect(humanDuration(61_000)).toBe('About a minute');
    expect(humanDuration(30 * 3_600_000)).toBe('30 hours');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
    expect(humanDuration(20 * 86_400_000)).toBe('2 weeks');
    expect(humanDuration(3 * 365 * 86_400_000)).toBe('3 years');
  });
});
