import { describe, expect, it } from 'vitest';
import { notificationTargetHash } from '../../runtime/api/index.js';
import { containerHref } from './routes.js';
import { resolveTheme } from './theme.js';

describe('resolveTheme', () => {
  it('follows the system for `system`, and holds light or dark whatever the system says', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('notificationTargetHash', () => {
  it("is the renderer's own address of the container's page (the desktop app opens it on a click)", () => {
    for (const [engineId, containerId] of [
      ['e1', 'abc'],
      ['unix:///run/docker.sock', 'f'.repeat(64)],
      ['a b/c?', 'x#y'],
    ] as const) {
      expect(notificationTargetHash({ engineId, containerId })).toBe(containerHref(engineId, containerId));
    }
  });
});
