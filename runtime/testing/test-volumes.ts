// Test-only: volumes (and the containers using them) one integration test file makes on the
// REAL test engine, under unique names, all removed by `removeAll` (afterAll).
import type { BerthClient, StreamEvent, StreamName, StreamParams } from '../api/index.js';
import { docker, testImage, uniqueName } from './real-engine.js';

export class TestVolumes {
  private readonly volumes: string[] = [];
  private readonly containers: string[] = [];

  /** A unique volume name, removed with the rest (whether the test makes the volume or Berth does). */
  name(label: string): string {
    const name = uniqueName(label);
    this.volumes.push(name);
    return name;
  }

  /** `docker volume create` under a unique name, with `args` (`--label`, `-o`); answers the name. */
  async create(label: string, ...args: string[]): Promise<string> {
    const name = this.name(label);
    await docker('volume', 'create', ...args, name);
    return name;
  }

  /** Runs `script` in the test image with `volume` at /v (then removes that container); answers its output. */
  async shell(volume: string, script: string, readOnly = false): Promise<string> {
    return docker('run', '--rm', '--network', 'none', '-v', `${volume}:/v${readOnly ? ':ro' : ''}`, testImage(), 'sh', '-c', script);
  }

  /** A container (unique name, removed with the rest) made by `docker <verb> --name N ARGS...`; answers its name. */
  async container(verb: 'run' | 'create', label: string, ...args: string[]): Promise<string> {
    const name = uniqueName(label);
    this.containers.push(name);
    await docker(verb, ...(verb === 'run' ? ['-d'] : []), '--name', name, '--network', 'none', ...args);
    return name;
  }

  async removeAll(): Promise<void> {
    if (this.containers.length > 0) await docker('rm', '-f', ...this.containers.splice(0)).catch(() => undefined);
    for (const name of this.volumes.splice(0)) await docker('volume', 'rm', '-f', name).catch(() => undefined);
  }
}

/** Berth's helper containers on the test engine (label berth.helper=volume-files): none may be left behind. */
export async function helperContainers(): Promise<string[]> {
  return (await docker('ps', '-aq', '--filter', 'label=berth.helper=volume-files')).split('\n').filter(Boolean);
}

/** Every event of one stream until it ends; rejects with its error. */
export function streamEvents<S extends StreamName>(client: BerthClient, name: S, params: StreamParams<S>, engine?: string): Promise<StreamEvent<S>[]> {
  return new Promise((resolve, reject) => {
    const events: StreamEvent<S>[] = [];
    client.subscribe(name, params, { onEvent: (event) => events.push(event), onEnd: () => resolve(events), onError: reject }, engine === undefined ? {} : { engine });
  });
}
