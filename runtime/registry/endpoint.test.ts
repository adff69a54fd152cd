import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseRegistryAddress } from './endpoint.js';

describe('parseRegistryAddress', () => {
  it('goes https when no scheme is given', () => {
    expect(parseRegistryAddress('registry.example.com:5000')).toEqual({ host: 'registry.example.com:5000', origin: 'https://registry.example.com:5000', secure: true, insecure: false });
    expect(parseRegistryAddress(' Registry.Example.com/ ')).toMatchObject({ host: 'registry.example.com', origin: 'https://registry.example.com' });
  });

  it('takes plain http for loopback addresses', () => {
    for (const url of ['http://127.0.0.1:5000', 'http://localhost:5000/', 'http://[::1]:5000', 'http://127.3.2.1/v2/']) expect(parseRegistryAddress(url).secure).toBe(false);
    expect(parseRegistryAddress('http://127.0.0.1:5000')).toEqual({ host: '127.0.0.1:5000', origin: 'http://127.0.0.1:5000', secure: false, insecure: false });
  });

  it('refuses plain http to any other host unless it is marked insecure', () => {
    expect(() => parseRegistryAddress('http://registry.lan:5000')).toThrow(/url: plain http is allowed only for loopback addresses and hosts marked insecure; registry.lan:5000 would see credentials/);
    expect(parseRegistryAddress('http://registry.lan:5000', { insecure: true })).toMatchObject({ origin: 'http://registry.lan:5000', insecure: true });
  });

  it('names Docker Hub docker.io and sends it to registry-1.docker.io', () => {
    for (const url of ['docker.io', 'https://index.docker.io', 'registry-1.docker.io']) expect(parseRegistryAddress(url)).toMatchObject({ host: 'docker.io', origin: 'https://registry-1.docker.io' });
  });

  it('refuses what is not a registry address, saying why, in field url', () => {
    expect(() => parseRegistryAddress('')).toThrow(/^url: is required/);
    expect(() => parseRegistryAddress('ftp://x')).toThrow(/ftp:\/\/ is not a registry scheme/);
    expect(() => parseRegistryAddress('https://r.example/some/path')).toThrow(/not under \/some\/path/);
    expect(() => parseRegistryAddress('r.example?x=1')).toThrow(/must not have a query/);
    try {
      parseRegistryAddress('https://me:hunter22@r.example');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_argument', details: { field: 'url' } });
      // The password typed into the address is not repeated.
      expect((error as Error).message).not.toContain('hunter22');
    }
    expect(() => parseRegistryAddress('https://exa mple')).toThrow(/is not a valid registry address/);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses', () => {
    expect(['localhost', 'a.localhost', '127.0.0.1', '127.255.0.9', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'example.com', '128.0.0.1', '::2', 'localhost.example'].some(isLoopbackHost)).toBe(false);
  });
});
