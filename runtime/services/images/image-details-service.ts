import {
  BerthError,
  readLogTime,
  readPruneFilters,
  type ImageDetails,
  type ImageHistoryEntry,
  type ImagePrunePreview,
  type ImagePruneResult,
  type Instant,
  type ParsedMethodParams,
  type PruneFilters,
} from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineImageDetails } from '../../engine/json/image-details.js';
import { instantOf } from '../../api/engine-time.js';
import { toImageDetails, toImageHistory } from './image-details.js';
import { instantOfUnixSeconds, planPrune, type StoreImage } from './prune-plan.js';
import { freedBytes, layerSizes, type LayeredImage } from './prune-space.js';

type PruneParams = ParsedMethodParams<'images.prune'>;

/** How many engine requests a preview keeps in flight: enough to hide round trips, few enough to leave the engine to others. */
const parallelRequests = 8;

/** images.inspect, images.history, images.prunePreview and images.prune on one engine. */
export class ImageDetailsService {
  constructor(private readonly engine: EngineConnection) {}

  private get engineId(): string {
    return this.engine.status.engineId;
  }

  async inspect(id: string, signal?: AbortSignal): Promise<ImageDetails> {
    const [image, containers] = await Promise.all([this.engine.client.images.inspectDetails(id, signal), this.engine.client.containers.list({ all: true }, signal)]);
    return toImageDetails(this.engineId, image, containers);
  }

  async history(id: string, signal?: AbortSignal): Promise<ImageHistoryEntry[]> {
    return toImageHistory(await this.engine.client.images.history(id, signal));
  }

  async prunePreview(params: PruneParams, signal?: AbortSignal): Promise<ImagePrunePreview> {
    const { filters, until } = pruneFiltersOf(params);
    const { images, containers } = this.engine.client;
    const [listed, users] = await Promise.all([images.listAll(signal), containers.list({ all: true }, signal)]);
    // The list leaves out what the plan needs to the letter: the creation time to the nanosecond and the layers.
    const inspected = (await mapLimited(listed, parallelRequests, (image) => images.inspectDetails(image.Id, signal).catch(goneAsNull))).filter(
      (image): image is EngineImageDetails => image !== null,
    );
    const store = inspected.map(toStoreImage);
    const storeIds = new Map(store.map((image) => [image.id.replace(/^sha256:/, ''), image.id]));
    // Podman's container list writes image ids without `sha256:`.
    const used = new Set(users.flatMap((container) => (container.ImageID ? [storeIds.get(container.ImageID.replace(/^sha256:/, '')) ?? container.ImageID] : [])));
    const plan = planPrune(store, used, { all: params.all, filters, until });
    const going = new Set([...plan.deleted, ...plan.intermediate]);
    const layered: LayeredImage[] = await mapLimited(inspected, parallelRequests, async (image) => {
      const layers = image.RootFS?.Layers ?? [];
      // Sizes matter only for layers that may go: those of the images that go.
      if (!going.has(image.Id)) return { id: image.Id, layers, layerBytes: [] };
      const history = toImageHistory(await images.history(image.Id, signal));
      return { id: image.Id, layers, layerBytes: layerSizes(history, layers.length) };
    });
    const byId = new Map(inspected.map((image) => [image.Id, image]));
    return {
      // Newest first, then by id: the engine lists images created in the same second in no fixed order.
      images: plan.deleted
        .flatMap((id) => {
          const image = byId.get(id);
          if (image === undefined) return [];
          const store = toStoreImage(image);
          return [{ id, repoTags: store.repoTags, repoDigests: store.repoDigests, created: store.created?.seconds ?? 0, sizeBytes: image.Size ?? 0 }];
        })
        .sort((a, b) => b.created - a.created || a.id.localeCompare(b.id)),
      intermediateIds: [...plan.intermediate].sort(),
      untaggedOnly: [...plan.untaggedOnly].sort((a, b) => a.id.localeCompare(b.id)),
      spaceBytes: freedBytes(going, layered),
    };
  }

  async prune(params: PruneParams, signal?: AbortSignal): Promise<ImagePruneResult> {
    const { filters, until } = pruneFiltersOf(params);
    const engineFilters: Record<string, string[]> = { dangling: [String(!params.all)] };
    if (filters.label.length > 0) engineFilters.label = filters.label;
    if (filters['label!'].length > 0) engineFilters['label!'] = filters['label!'];
    // The instant the preview used for the same words, not the words again (a local time, a duration: read on the engine's host and clock).
    if (until !== null) engineFilters.until = [`${until.seconds}.${String(until.nanos).padStart(9, '0')}`];
    const answer = await this.engine.client.images.prune(engineFilters, signal);
    const result: ImagePruneResult = { untagged: [], deleted: [], spaceReclaimedBytes: answer.SpaceReclaimed ?? 0 };
    for (const item of answer.ImagesDeleted ?? []) {
      if (item.Untagged) result.untagged.push(item.Untagged);
      if (item.Deleted) result.deleted.push(item.Deleted);
    }
    return result;
  }
}

/** The params' filter words read (the schema has checked them), with `until` as an instant of now. */
function pruneFiltersOf(params: PruneParams): { filters: PruneFilters; until: Instant | null } {
  const read = readPruneFilters(params.filters);
  if (!read.ok) throw new BerthError('invalid_argument', `filters.${read.index} ${read.message}`, { field: `filters.${read.index}` });
  if (read.filters.until === null) return { filters: read.filters, until: null };
  const time = readLogTime(read.filters.until);
  if (!time.ok) throw new BerthError('invalid_argument', `until ${time.message}`, { field: 'filters' });
  return { filters: read.filters, until: instantOfUnixSeconds(time.unixSeconds) };
}

function toStoreImage(image: EngineImageDetails): StoreImage {
  return {
    id: image.Id,
    parentId: image.Parent || null,
    repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
    created: image.Created ? instantOf(image.Created) : null,
    labels: image.Config ? (image.Config.Labels ?? {}) : null,
  };
}

/** An image deleted between the list and its inspect is simply not there any more. */
function goneAsNull(error: unknown): null {
  if (error instanceof BerthError && error.code === 'not_found') return null;
  throw error;
}

/** `work` over `items`, at most `limit` at a time, answers in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
