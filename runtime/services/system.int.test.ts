import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBackend, docker, type Connected } from '../testing/real-engine.js';

let connected: Connected;

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(() => connected.close());

describe('system on the real engine', () => {
  it('system.info says what docker info says', async () => {
    const info = await connected.client.call('system.info', {});
    const cli = JSON.parse(await docker('info', '--format', '{{json .}}')) as Record<string, unknown>;
    expect(info).toMatchObject({
      hostName: cli.Name,
      operatingSystem: cli.OperatingSystem,
      kernelVersion: cli.KernelVersion,
      architecture: cli.Architecture,
      cpus: cli.NCPU,
      memoryBytes: cli.MemTotal,
      storageDriver: cli.Driver,
      cgroupDriver: cli.CgroupDriver,
      rootless: false,
      securityOptions: cli.SecurityOptions,
      images: cli.Images,
    });
    expect(info.engineId).toBe((await connected.client.call('engine.info', {})).engineId);
    expect(info.containers.total).toBe(info.containers.running + info.containers.paused + info.containers.stopped);
  });

  it('refuses params it does not know, by name', async () => {
    await expect(connected.client.call('system.info', { verbose: true } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'system.info: verbose: unknown field; nothing is allowed here',
    });
  });
});
