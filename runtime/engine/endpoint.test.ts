import { describe, expect, it } from 'vitest';
import { parseEngineUrl } from './endpoint.js';

describe('parseEngineUrl', () => {
  it('reads unix sockets and tcp hosts as DOCKER_HOST spells them', () => {
    expect(parseEngineUrl('unix:///var/run/docker.sock')).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
    expect(parseEngineUrl('tcp://10.0.0.5:2376')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 2376, tls: false });
    expect(parseEngineUrl('tcp://[::1]:2375')).toEqual({ kind: 'tcp', host: '::1', port: 2375, tls: false });
    expect(parseEngineUrl('unix://relative.sock')).toMatchObject({ kind: 'unsupported' });
  });

  it('reads ssh://[user@]host[:port] as the docker CLI does', () => {
    expect(parseEngineUrl('ssh://me@build.example.com')).toEqual({ kind: 'ssh', user: 'me', host: 'build.example.com' });
    expect(parseEngineUrl('ssh://me@127.0.0.1:2222')).toEqual({ kind: 'ssh', user: 'me', host: '127.0.0.1', port: 2222 });
    expect(parseEngineUrl('ssh://build')).toEqual({ kind: 'ssh', host: 'build' });
    expect(parseEngineUrl('ssh://me@[::1]:22/')).toEqual({ kind: 'ssh', user: 'me', host: '::1', port: 22 });
  });

  it('refuses ssh URLs that could not be meant, or would reach ssh as an option', () => {
    expect(parseEngineUrl('ssh://me:secret@host')).toMatchObject({ kind: 'unsupported', message: expect.stringContaining('a password in the URL is never used') as unknown });
    expect(parseEngineUrl('ssh://me@host:99999')).toMatchObject({ kind: 'unsupported' });
    expect(parseEngineUrl('ssh://-oProxyCommand=x')).toMatchObject({ kind: 'unsupported' });
    expect(parseEngineUrl('ssh://me@host/path')).toMatchObject({ kind: 'unsupported' });
    expect(parseEngineUrl('ssh://')).toMatchObject({ kind: 'unsupported' });
  });
});
