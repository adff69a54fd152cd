/**
 * The space a prune frees, estimated before it runs. Pure.
 *
 * Images share layers: an image built `FROM busybox` holds busybox's layer too, and
 * `docker images` counts it in both sizes. Deleting an image frees only the layers no image
 * that stays still holds, so the estimate is the sum of the sizes of the layers (each counted
 * once) that the deleted images hold and the kept ones do not. That is how the engine counts
 * its SpaceReclaimed too: it adds up the sizes of the layers it actually deleted. The two agree
 * unless images come or go between the preview and the prune, or a layer's size is
 * attributed to the wrong layer (see `layerSizes`).
 *
 * A layer is named by its chain: the image's layer digests up to and including it, which is
 * what the engine's layer store keys by (two images share the layer only if they share
 * everything below it too).
 */

export interface LayeredImage {
  id: string;
  /** `RootFS.Layers`, base first. */
  layers: readonly string[];
  /** Each layer's own size, base first (`layerSizes`); same length as `layers`. */
  layerBytes: readonly number[];
}

export function freedBytes(deletedIds: ReadonlySet<string>, images: readonly LayeredImage[]): number {
  const kept = new Set<string>();
  for (const image of images) if (!deletedIds.has(image.id)) for (const chain of chainsOf(image.layers)) kept.add(chain);
  const counted = new Set<string>();
  let total = 0;
  for (const image of images) {
    if (!deletedIds.has(image.id)) continue;
    chainsOf(image.layers).forEach((chain, index) => {
      if (kept.has(chain) || counted.has(chain)) return;
      counted.add(chain);
      total += image.layerBytes[index] ?? 0;
    });
  }
  return total;
}

function chainsOf(layers: readonly string[]): string[] {
  const chains: string[] = [];
  let chain = '';
  for (const layer of layers) {
    chain = chain === '' ? layer : `${chain}|${layer}`;
    chains.push(chain);
  }
  return chains;
}

/** Instructions that change only the config: the classic builder's `#(nop)`, and BuildKit's metadata instructions. */
const configOnly = /#\(nop\)|^(CMD|ENTRYPOINT|ENV|LABEL|EXPOSE|VOLUME|WORKDIR|USER|STOPSIGNAL|HEALTHCHECK|ARG|ONBUILD|SHELL|MAINTAINER)\b/;

/**
 * Each layer's size from the image's history (`docker history`, newest first): the engine gives
 * every instruction that made a layer that layer's own size, and 0 to the others. The API does
 * not say which instructions made a layer, so: every instruction with a size did; of those
 * with none, the ones that are not config-only (a `RUN` that changed nothing still makes an
 * empty layer), oldest first, until there are as many as the image has layers. A layer of size 0
 * placed wrongly shifts no bytes between images unless the images share only part of their
 * layers around it; the estimate can then differ from the engine's count.
 */
export function layerSizes(historyNewestFirst: readonly { sizeBytes: number; createdBy: string }[], layerCount: number): number[] {
  const entries = [...historyNewestFirst].reverse();
  let missing = layerCount - entries.filter((entry) => entry.sizeBytes > 0).length;
  const isLayer = entries.map((entry) => entry.sizeBytes > 0);
  for (const pass of [(createdBy: string) => !configOnly.test(createdBy.trim()), () => true]) {
    entries.forEach((entry, index) => {
      if (missing > 0 && !isLayer[index] && pass(entry.createdBy)) {
        isLayer[index] = true;
        missing--;
      }
    });
  }
  const sizes = entries.filter((_, index) => isLayer[index]).map((entry) => entry.sizeBytes);
  // A history that does not match the layers (an engine's own shape): the sizes in order, cut or padded.
  return Array.from({ length: layerCount }, (_, index) => sizes[index] ?? 0);
}
