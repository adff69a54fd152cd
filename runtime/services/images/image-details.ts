import type { ImageConfig, ImageDetails, ImageHistoryEntry, ImageUser } from '../../api/index.js';
import type { EngineContainerListItem } from '../../engine/json/container.js';
import type { EngineImageDetails, EngineImageDetailsConfig, EngineImageHistory } from '../../engine/json/image-details.js';
import { toContainerSummary } from '../container-summary.js';

/** The engine's image JSON -> the contract's ImageDetails and ImageHistoryEntry. Pure. */

const noTag = '<none>:<none>';

export function toImageDetails(engineId: string, image: EngineImageDetails, containers: readonly EngineContainerListItem[]): ImageDetails {
  return {
    engineId,
    id: image.Id,
    repoTags: (image.RepoTags ?? []).filter((tag) => tag !== noTag),
    repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
    parentId: image.Parent || null,
    created: image.Created || null,
    os: image.Os ?? '',
    architecture: image.Architecture ?? '',
    variant: image.Variant || null,
    sizeBytes: image.Size ?? 0,
    author: image.Author ?? '',
    comment: image.Comment ?? '',
    config: toImageConfig(image.Config ?? {}),
    layers: image.RootFS?.Layers ?? [],
    containers: imageUsers(engineId, image.Id, containers),
  };
}

const nanosPerSecond = 1e9;
const seconds = (nanos: number | null | undefined) => (nanos ? nanos / nanosPerSecond : null);
const protocols = ['tcp', 'udp', 'sctp'] as const;

export function toImageConfig(config: EngineImageDetailsConfig): ImageConfig {
  const exposedPorts = Object.keys(config.ExposedPorts ?? {})
    .map((key) => {
      const [port = '', protocol = 'tcp'] = key.split('/');
      return { port: Number(port), protocol: protocols.find((known) => known === protocol.toLowerCase()) ?? 'tcp' };
    })
    .filter((exposed) => Number.isInteger(exposed.port) && exposed.port > 0)
    .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  const health = config.Healthcheck;
  return {
    entrypoint: config.Entrypoint && config.Entrypoint.length > 0 ? config.Entrypoint : null,
    cmd: config.Cmd && config.Cmd.length > 0 ? config.Cmd : null,
    env: config.Env ?? [],
    exposedPorts,
    volumes: Object.keys(config.Volumes ?? {}).sort(),
    user: config.User ?? '',
    workingDir: config.WorkingDir ?? '',
    labels: config.Labels ?? {},
    stopSignal: config.StopSignal || null,
    healthcheck:
      health && health.Test && health.Test.length > 0
        ? {
            test: health.Test,
            intervalSeconds: seconds(health.Interval),
            timeoutSeconds: seconds(health.Timeout),
            startPeriodSeconds: seconds(health.StartPeriod),
            retries: health.Retries || null,
          }
        : null,
  };
}

/** Engines write image ids with or without `sha256:` (Podman's list leaves it out). */
export function sameImageId(a: string, b: string): boolean {
  return a.replace(/^sha256:/, '') === b.replace(/^sha256:/, '');
}

/** The containers made from image `imageId`, matched by the image id each container records (never by name). */
export function imageUsers(engineId: string, imageId: string, containers: readonly EngineContainerListItem[]): ImageUser[] {
  return containers
    .filter((container) => container.ImageID && sameImageId(container.ImageID, imageId))
    .map((container) => {
      const { id, name, state } = toContainerSummary(engineId, container);
      return { engineId, id, name, state };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toImageHistory(history: EngineImageHistory): ImageHistoryEntry[] {
  return history.map((item) => ({
    id: item.Id,
    created: item.Created ?? 0,
    createdBy: item.CreatedBy ?? '',
    sizeBytes: item.Size ?? 0,
    comment: item.Comment ?? '',
    tags: (item.Tags ?? []).filter((tag) => tag !== noTag),
  }));
}
