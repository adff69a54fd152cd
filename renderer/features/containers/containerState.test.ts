import { describe, expect, it } from 'vitest';
import { canStart, healthFromStatus, isStopped, stateText } from './containerState.js';

describe('container state', () => {
  it.each([
    ['Up 2 minutes (healthy)', 'healthy'],
    ['Up 5 seconds (health: starting)', 'starting'],
    ['Up About an hour (unhealthy)', 'unhealthy'],
    ['Up 2 minutes', null],
    ['Exited (0) 3 seconds ago', null],
    ['Restarting (1) 3 seconds ago', null],
    ['Up 1 second (Paused)', null],
  ])('reads health from %j', (status, health) => {
    expect(healthFromStatus(status)).toBe(health);
  });

  it('shows the exit code of an exited container', () => {
    expect(stateText({ state: 'exited', exitCode: 137 })).toBe('exited (137)');
    expect(stateText({ state: 'restarting', exitCode: null })).toBe('restarting');
  });

  it('counts created, exited and dead as stopped, as prune does', () => {
    expect(['created', 'exited', 'dead', 'running', 'paused', 'restarting', 'removing'].filter((state) => isStopped({ state: state as never }))).toEqual([
      'created',
      'exited',
      'dead',
    ]);
    expect(canStart({ state: 'paused' })).toBe(false);
  });
});
