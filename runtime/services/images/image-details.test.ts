import { describe, expect, it } from 'vitest';
import { imageUsers, toImageConfig, toImageHistory } from './image-details.js';

describe('image details from the engine JSON', () => {
  it('reads the config: ports sorted with their protocol, volumes sorted, durations in seconds', () => {
    const config = toImageConfig({
      ExposedPorts: { '8080/tcp': {}, '53/udp': {}, '53/tcp': {}, '9000': {} },
      Volumes: { '/data': {}, '/cache': {} },
      Healthcheck: { Test: ['CMD', 'true'], Interval: 5e9, Timeout: 0, Retries: 3 },
      Cmd: [],
      Entrypoint: null,
      StopSignal: '',
    });
    expect(config.exposedPorts).toEqual([
      { port: 53, protocol: 'tcp' },
      { port: 53, protocol: 'udp' },
      { port: 8080, protocol: 'tcp' },
      { port: 9000, protocol: 'tcp' },
    ]);
    expect(config.volumes).toEqual(['/cache', '/data']);
    expect(config.healthcheck).toEqual({ test: ['CMD', 'true'], intervalSeconds: 5, timeoutSeconds: null, startPeriodSeconds: null, retries: 3 });
    expect(config).toMatchObject({ cmd: null, entrypoint: null, stopSignal: null, env: [], labels: {}, user: '', workingDir: '' });
  });

  it('finds the containers of an image by image id, with or without sha256:, never by name', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    const users = imageUsers('e1', id, [
      { Id: 'c1', Names: ['/web'], ImageID: id, Image: 'app:1', State: 'running' },
      { Id: 'c2', Names: ['/db'], ImageID: 'a'.repeat(64), Image: 'other', State: 'exited' },
      { Id: 'c3', Names: ['/app'], ImageID: `sha256:${'b'.repeat(64)}`, Image: 'app:1', State: 'running' },
    ]);
    expect(users).toEqual([
      { engineId: 'e1', id: 'c2', name: 'db', state: 'exited' },
      { engineId: 'e1', id: 'c1', name: 'web', state: 'running' },
    ]);
  });

  it('keeps <missing> ids and drops <none> tags in the history', () => {
    expect(toImageHistory([{ Id: '<missing>', Created: 5, CreatedBy: null, Size: 3, Tags: ['<none>:<none>'], Comment: null }])).toEqual([
      { id: '<missing>', created: 5, createdBy: '', sizeBytes: 3, comment: '', tags: [] },
    ]);
  });
});
