import { useCallback } from 'react';
import { displayByteSize, type ImagePruneResult } from '../../../runtime/api/index.js';
import { useOutcomeCall } from '../../app/useOutcomeCall.js';

export interface PruneRequest {
  engineId: string;
  all: boolean;
  filters: string[];
}

/**
 * `images.prune` on one engine. The deleted rows leave the list through the engine's events
 * stream; what the engine reports (how many images went, the space it reclaimed) is said once,
 * in `outcome`, and a refusal is a notice with the engine's words.
 */
export function usePruneImages(): { isBusy: boolean; outcome: string | null; prune: (request: PruneRequest, known: KnownImages) => void } {
  const { isBusy, outcome, run } = useOutcomeCall('images:prune', 'images', 'Could not prune images');
  const prune = useCallback(
    ({ engineId, all, filters }: PruneRequest, known: KnownImages) => run('images.prune', { all, filters }, engineId, (result) => pruneOutcome(result, known)),
    [run],
  );
  return { isBusy, outcome, prune };
}

/** The ids the preview listed: the images, and the intermediate build images that go with them. */
export interface KnownImages {
  images: ReadonlySet<string>;
  intermediate: ReadonlySet<string>;
}

/**
 * "Deleted 3 images (and 2 intermediate build images) and untagged 2 tags, reclaimed 1.2 MB."
 * The engine's deleted list also names layers, so only ids the preview listed are counted.
 */
export function pruneOutcome(result: ImagePruneResult, known: KnownImages): string {
  const images = result.deleted.filter((id) => known.images.has(id)).length;
  const intermediate = result.deleted.filter((id) => known.intermediate.has(id)).length;
  let text = `Deleted ${images} ${images === 1 ? 'image' : 'images'}`;
  if (intermediate > 0) text += ` (and ${intermediate} intermediate build ${intermediate === 1 ? 'image' : 'images'})`;
  if (result.untagged.length > 0) text += ` and untagged ${result.untagged.length} ${result.untagged.length === 1 ? 'tag' : 'tags'}`;
  return `${text}, reclaimed ${displayByteSize(result.spaceReclaimedBytes)}.`;
}
