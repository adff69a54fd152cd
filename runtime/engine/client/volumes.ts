import { readAnswer } from '../json/read.js';
import {
  engineContainerMountsSchema,
  engineDiskUsageVolumesSchema,
  engineVolumeListSchema,
  engineVolumeSchema,
  type EngineContainerMounts,
  type EngineVolume,
} from '../json/volume.js';
import { orNullWhenMissing, pathPart, type EngineTransport } from './transport.js';

/** What `POST /volumes/create` takes (the engine's names). */
export interface EngineVolumeCreate {
  Name?: string | undefined;
  Driver: string;
  DriverOpts: Record<string, string>;
  Labels: Record<string, string>;
}

/** Disk usage can take minutes on a big host: the engine walks every volume. */
const diskUsageTimeoutMs = 10 * 60_000;

/** The engine's volume endpoints, each answer read through its schema (json/volume.ts). */
export class VolumeCalls {
  constructor(private readonly http: EngineTransport) {}

  async list(signal?: AbortSignal): Promise<EngineVolume[]> {
    const answer = await this.http.request({ method: 'GET', path: '/volumes', signal });
    return readAnswer(engineVolumeListSchema, answer, 'GET /volumes')?.Volumes ?? [];
  }

  async inspect(name: string, signal?: AbortSignal): Promise<EngineVolume> {
    const answer = await this.http.request({ method: 'GET', path: `/volumes/${pathPart(name)}`, signal });
    return readAnswer(engineVolumeSchema, answer, 'GET /volumes/{name}');
  }

  /** The volume, or null when the engine has none by that name. */
  inspectOrNull(name: string, signal?: AbortSignal): Promise<EngineVolume | null> {
    return orNullWhenMissing(this.inspect(name, signal));
  }

  /** `docker volume create`. The engine answers an existing name with that volume, not an error: check first. */
  async create(body: EngineVolumeCreate, signal?: AbortSignal): Promise<EngineVolume> {
    const answer = await this.http.request({ method: 'POST', path: '/volumes/create', body, signal });
    return readAnswer(engineVolumeSchema, answer, 'POST /volumes/create');
  }

  /** `docker volume rm`: a volume in use is the engine's 409, naming the containers by id. */
  async remove(name: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `/volumes/${pathPart(name)}`, signal, timeoutMs: 5 * 60_000 });
  }

  /** Every volume with its size (`UsageData`), from `GET /system/df`. */
  async diskUsage(signal?: AbortSignal): Promise<EngineVolume[]> {
    const answer = await this.http.request({ method: 'GET', path: '/system/df', signal, timeoutMs: diskUsageTimeoutMs });
    return readAnswer(engineDiskUsageVolumesSchema, answer, 'GET /system/df').Volumes ?? [];
  }

  /**
   * Every container (any state) with its mounts: who uses which volume. `volume` narrows it to
   * the containers mounting that one (the engine's `volume` filter).
   */
  async mountsOfContainers(volume?: string, signal?: AbortSignal): Promise<EngineContainerMounts[]> {
    const filters = volume === undefined ? undefined : { volume: [volume] };
    const answer = await this.http.request({ method: 'GET', path: '/containers/json', query: { all: true, filters }, signal });
    return readAnswer(engineContainerMountsSchema, answer, 'GET /containers/json') ?? [];
  }
}
