import { describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { checkRegistryKey, dockerHubKey, registryKey } from './registry-key.js';

describe('the key a registry login is kept under', () => {
  it.each([
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['https://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['registry.example.com/some/repo', 'registry.example.com'],
    ['https://registry.example.com', 'registry.example.com'],
    ['  localhost:5000  ', 'localhost:5000'],
    ['http://[::1]:5000/v2/', '[::1]:5000'],
    ['https://[::1]/', '::1'],
  ])('%s -> %s (scheme and path stripped, as the docker CLI does)', (text, key) => {
    expect(registryKey(text)).toBe(key);
  });

  it.each(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/', 'https://registry-1.docker.io/v2/', 'Docker.IO'])('%s is Docker Hub, kept under the CLI\'s https://index.docker.io/v1/', (text) => {
    expect(registryKey(text)).toBe(dockerHubKey);
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['https:///v2/', 'names no host'],
    ['not a host', 'is not a registry host'],
    ['host:99999', 'port outside'],
    ['exa_mple.com', 'is not a registry host'],
  ])('refuses %j: %s', (text, reason) => {
    const result = checkRegistryKey(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('refuses a user and password in the registry without repeating them', () => {
    for (const text of ['https://alice:hunter2secret@registry.example.com', 'alice:hunter2secret@registry.example.com']) {
      let error: unknown;
      try {
        registryKey(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(BerthError);
      expect((error as BerthError).code).toBe('invalid_argument');
      expect((error as BerthError).details).toEqual({ field: 'registry' });
      expect((error as BerthError).message).toMatch(/^registry holds a user or password/);
      expect((error as BerthError).message).not.toContain('hunter2secret');
    }
  });
});
