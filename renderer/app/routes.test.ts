import { describe, expect, it } from 'vitest';
import { containerHref, containerIdFromHash, containerTabFromHash, pageFromHash } from './routes.js';

describe('routes', () => {
  it('names a container page, optionally on one of its tabs, and reads both back', () => {
    const id = 'a'.repeat(64);
    expect(containerHref(id)).toBe(`#/containers/${id}`);
    expect(containerHref(id, 'terminal')).toBe(`#/containers/${id}/terminal`);
    expect(containerIdFromHash(containerHref(id, 'terminal'))).toBe(id);
    expect(containerTabFromHash(containerHref(id, 'terminal'))).toBe('terminal');
    expect(containerTabFromHash(containerHref(id))).toBeNull();
    expect(containerTabFromHash('#/images/x/terminal')).toBeNull();
    expect(pageFromHash(containerHref(id, 'terminal'))).toBe('containers');
  });
});
