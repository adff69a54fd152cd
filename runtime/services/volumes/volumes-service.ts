import { BerthError, type ParsedMethodParams, type VolumeDetails, type VolumeSizes, type VolumeSummary } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import { describeUsers } from '../images/in-use.js';
import { toVolumeSummary, usersByVolume } from './volume-summary.js';

/** volumes.list, sizes, inspect, create and remove. */
export class VolumesService {
  constructor(private readonly engine: Pick<EngineConnection, 'client' | 'status'>) {}

  private get engineId(): string {
    return this.engine.status.engineId;
  }

  /** The volumes and the containers list (for who uses which), asked for at once. */
  async list(signal?: AbortSignal): Promise<VolumeSummary[]> {
    const { client } = this.engine;
    const [volumes, containers] = await Promise.all([client.volumes.list(signal), client.volumes.mountsOfContainers(undefined, signal)]);
    const users = usersByVolume(this.engineId, containers);
    return volumes.map((volume) => toVolumeSummary(this.engineId, volume, users.get(volume.Name) ?? []));
  }

  /** One volume with its users (the engine's `volume` filter), or null when it is gone. */
  async summaryOrNull(name: string, signal?: AbortSignal): Promise<VolumeDetails | null> {
    const { client } = this.engine;
    const [volume, containers] = await Promise.all([client.volumes.inspectOrNull(name, signal), client.volumes.mountsOfContainers(name, signal)]);
    if (volume === null) return null;
    return { ...toVolumeSummary(this.engineId, volume, usersByVolume(this.engineId, containers).get(name) ?? []), status: volume.Status ?? null };
  }

  async inspect(name: string, signal?: AbortSignal): Promise<VolumeDetails> {
    const details = await this.summaryOrNull(name, signal);
    if (details === null) throw noSuchVolume(name);
    return details;
  }

  /** Sizes from `GET /system/df`; -1 (the driver cannot tell) is null. */
  async sizes(signal?: AbortSignal): Promise<VolumeSizes> {
    const volumes = await this.engine.client.volumes.diskUsage(signal);
    return {
      engineId: this.engineId,
      sizes: volumes.map((volume) => {
        const size = volume.UsageData?.Size;
        return { name: volume.Name, sizeBytes: typeof size === 'number' && size >= 0 ? size : null };
      }),
    };
  }

  /**
   * `docker volume create`. The engine answers a name already taken with the volume it has (no
   * error), so a taken name is refused here first; the driver's refusals are the engine's words,
   * named by the field they are about.
   */
  async create(params: ParsedMethodParams<'volumes.create'>, signal?: AbortSignal): Promise<VolumeSummary> {
    const { client } = this.engine;
    if (params.name !== undefined && (await client.volumes.inspectOrNull(params.name, signal)) !== null) {
      throw new BerthError('conflict', `name: a volume named "${params.name}" already exists on this engine.`, { field: 'name' });
    }
    try {
      const volume = await client.volumes.create({ Name: params.name, Driver: params.driver, DriverOpts: params.driverOptions, Labels: params.labels }, signal);
      return toVolumeSummary(this.engineId, volume, []);
    } catch (error) {
      throw createRefusal(error, params.driver);
    }
  }

  /** `docker volume rm`. In use: the engine's 409, said with the names of the containers using it. */
  async remove(name: string, signal?: AbortSignal): Promise<null> {
    try {
      await this.engine.client.volumes.remove(name, signal);
      return null;
    } catch (error) {
      if (error instanceof BerthError && error.code === 'not_found') throw noSuchVolume(name);
      throw await this.namingUsers(error, name, signal);
    }
  }

  /** A 409 naming the containers using the volume (by name and state), with the engine's words. */
  async namingUsers(error: unknown, name: string, signal?: AbortSignal): Promise<unknown> {
    if (!(error instanceof BerthError) || error.code !== 'conflict') return error;
    try {
      const users = usersByVolume(this.engineId, await this.engine.client.volumes.mountsOfContainers(name, signal), { withHelpers: true }).get(name) ?? [];
      if (users.length === 0) return error;
      return new BerthError('conflict', `${name} is used by ${describeUsers(users)}. ${error.message}`, { ...error.details, containers: users });
    } catch {
      return error; // Looking further failed: the engine's refusal still says why.
    }
  }
}

export function noSuchVolume(name: string): BerthError {
  return new BerthError('not_found', `name: no volume "${name}" on this engine.`, { field: 'name' });
}

/** The driver's refusal, named by its field: an unknown driver (the engine's 404) or options it does not take (400). */
function createRefusal(error: unknown, driver: string): unknown {
  if (!(error instanceof BerthError)) return error;
  if (error.code === 'not_found') return new BerthError('invalid_argument', `driver: "${driver}" is no volume driver this engine has: ${error.message}`, { ...error.details, field: 'driver' });
  if (error.code === 'invalid_argument') return new BerthError('invalid_argument', `driverOptions: ${error.message}`, { ...error.details, field: 'driverOptions' });
  return error;
}
