import { compareInstants, type Instant, type PruneFilters } from '../../api/index.js';
import { normalizeImageReference } from '../../api/image-reference.js';

/**
 * What `POST /images/prune` will delete, worked out the way the engine decides it
 * (moby daemon/images/image_prune.go and image_delete.go), without deleting anything. Pure.
 *
 * 1. Which images are looked at: dangling only (`all` false), the images no other image is
 *    built on (the store's "heads"); all, every image. An image with no reference that other
 *    images are built on (an intermediate image of the classic builder) is never a starting point.
 * 2. Filters: `until` keeps images built at or before that instant; `label` keeps images
 *    carrying every label named, `label!` drops images carrying every label it names.
 * 3. Dangling only: an image with a tag is kept (one named only by digests is not). All: every
 *    reference of the image is removed.
 * 4. The engine deletes without force, so an image that a container of any state was made from,
 *    or that images kept are built on, stays. Deleting an image also deletes its parent once
 *    that parent has no reference, no other child and no container (`intermediateIds`).
 *
 * The engine walks the images in no fixed order; an image blocked only by a child that goes too
 * goes as well whatever the order (the child, once deleted, takes its now dangling parent with
 * it), so a fixed point over the rules gives the engine's set.
 */

export interface StoreImage {
  id: string;
  parentId: string | null;
  repoTags: string[];
  repoDigests: string[];
  /** From the image's config (`docker inspect`'s `Created`): the engine compares to the nanosecond. */
  created: Instant | null;
  /** `Config.Labels`; null when the image has no config at all (the engine then lets it through the label filters). */
  labels: Record<string, string> | null;
}

export interface PrunePlan {
  /** The images the prune starts from and deletes. */
  deleted: string[];
  /** Parents deleted with them because nothing else needs them. */
  intermediate: string[];
  /** Images the prune starts from but keeps, losing some or all of their references on the way (see `referencesRemoved`). */
  untaggedOnly: { id: string; references: string[] }[];
}

export function planPrune(store: readonly StoreImage[], usedImageIds: ReadonlySet<string>, options: { all: boolean; filters: PruneFilters; until: Instant | null }): PrunePlan {
  const byId = new Map(store.map((image) => [image.id, image]));
  const children = new Map<string, string[]>();
  for (const image of store) {
    if (image.parentId !== null && byId.has(image.parentId)) children.set(image.parentId, [...(children.get(image.parentId) ?? []), image.id]);
  }
  const hasChildren = (id: string) => (children.get(id)?.length ?? 0) > 0;
  const refsOf = (image: StoreImage) => image.repoTags.length + image.repoDigests.length;

  const wanted = store.filter((image) => {
    if (!options.all && hasChildren(image.id)) return false;
    if (refsOf(image) === 0 && hasChildren(image.id)) return false;
    if (options.until !== null && (image.created === null || compareInstants(image.created, options.until) > 0)) return false;
    if (image.labels !== null && !matchesLabels(options.filters, image.labels)) return false;
    // Dangling only: an image with a tag is not dangling, whatever else names it.
    if (!options.all && image.repoTags.length > 0) return false;
    return true;
  });

  const deleted = new Set<string>();
  const intermediate: string[] = [];
  const isFree = (id: string) => !usedImageIds.has(id) && (children.get(id) ?? []).every((child) => deleted.has(child));
  let changed = true;
  while (changed) {
    changed = false;
    for (const image of wanted) {
      if (deleted.has(image.id) || !isFree(image.id)) continue;
      deleted.add(image.id);
      changed = true;
      // The parent goes once it is dangling: no reference, no child left, no container.
      let parent = image.parentId === null ? undefined : byId.get(image.parentId);
      while (parent !== undefined && !deleted.has(parent.id) && refsOf(parent) === 0 && isFree(parent.id)) {
        deleted.add(parent.id);
        intermediate.push(parent.id);
        parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
      }
    }
  }
  const intermediateSet = new Set(intermediate);
  const untaggedOnly = wanted
    .filter((image) => !deleted.has(image.id))
    .map((image) => ({ id: image.id, references: referencesRemoved([...image.repoTags, ...image.repoDigests], usedImageIds.has(image.id)) }))
    .filter((kept) => kept.references.length > 0);
  return { deleted: store.filter((image) => deleted.has(image.id) && !intermediateSet.has(image.id)).map((image) => image.id), intermediate, untaggedOnly };
}

/**
 * The references the engine removes from an image it starts from but cannot delete. It removes
 * them one by one in its reference store's (lexical) order, without force: removing the last
 * reference of an image a container uses is refused (`isSingleReference`: at most one tag, and
 * digests only of that tag's repository), so such an image keeps one; an image kept only by its
 * children loses them all. Removing a tag also removes the digests of its repository once no tag
 * of that repository is left. (moby daemon/images/image_delete.go)
 */
export function referencesRemoved(references: readonly string[], isUsed: boolean): string[] {
  const key = (reference: string) => normalizeImageReference(reference) ?? reference;
  const isDigest = (reference: string) => reference.includes('@');
  const repository = (reference: string) => key(reference).replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  let remaining = [...references].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const removed: string[] = [];
  for (const reference of [...remaining]) {
    if (!remaining.includes(reference)) continue;
    if (isUsed && isSingleReference(remaining, isDigest, repository)) break;
    remaining = remaining.filter((other) => other !== reference);
    removed.push(reference);
    if (!isDigest(reference) && !remaining.some((other) => !isDigest(other) && repository(other) === repository(reference))) {
      const digests = remaining.filter((other) => isDigest(other) && repository(other) === repository(reference));
      removed.push(...digests);
      remaining = remaining.filter((other) => !digests.includes(other));
    }
  }
  return removed;
}

function isSingleReference(references: readonly string[], isDigest: (reference: string) => boolean, repository: (reference: string) => string): boolean {
  if (references.length <= 1) return references.length === 1;
  const tags = references.filter((reference) => !isDigest(reference));
  if (tags.length > 1) return false;
  const digestRepositories = new Set(references.filter(isDigest).map(repository));
  const single = tags[0] ?? references[0] ?? '';
  return digestRepositories.size === 1 && digestRepositories.has(repository(single));
}

/**
 * The engine's `MatchKVList`: every `label` word must be on the image (`KEY`, or `KEY=VALUE`
 * with that value); and if every `label!` word is on it, it is left out.
 */
export function matchesLabels(filters: Pick<PruneFilters, 'label' | 'label!'>, labels: Record<string, string>): boolean {
  if (!matchesAll(filters.label, labels)) return false;
  return filters['label!'].length === 0 || !matchesAll(filters['label!'], labels);
}

function matchesAll(words: readonly string[], labels: Record<string, string>): boolean {
  if (words.length === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  return words.every((word) => {
    const at = word.indexOf('=');
    const key = at === -1 ? word : word.slice(0, at);
    if (!Object.hasOwn(labels, key)) return false;
    return at === -1 || labels[key] === word.slice(at + 1);
  });
}

/** The engine's time filter as an instant, from the Unix seconds `readLogTime` gives. */
export function instantOfUnixSeconds(unixSeconds: string): Instant {
  const [whole = '0', fraction = ''] = unixSeconds.split('.');
  return { seconds: Number(whole), nanos: Number(fraction.padEnd(9, '0').slice(0, 9)) };
}
