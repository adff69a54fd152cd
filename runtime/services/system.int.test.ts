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

  it('system.version says what the server part of docker version says', async () => {
    const version = await connected.client.call('system.version', {});
    const cli = JSON.parse(await docker('version', '--format', '{{json .Server}}')) as Record<string, unknown>;
    expect(version).toMatchObject({
      version: cli.Version,
      apiVersion: cli.ApiVersion,
      minApiVersion: cli.MinAPIVersion,
      gitCommit: cli.GitCommit,
      goVersion: cli.GoVersion,
      os: cli.Os,
      arch: cli.Arch,
      kernelVersion: cli.KernelVersion,
    });
    const components = (cli.Components as { Name: string; Version: string }[] | undefined) ?? [];
    expect(version.components).toEqual(components.map((component) => ({ name: component.Name, version: component.Version })));
  });

  it('refuses params it does not know, by name', async () => {
    await expect(connected.client.call('system.info', { verbose: true } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'system.info: verbose: unknown field; nothing is allowed here',
    });
  });
});
