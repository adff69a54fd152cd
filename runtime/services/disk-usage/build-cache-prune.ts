import { parseGoDuration } from '../../api/go-duration.js';
import type { EngineBuildCacheRecord } from '../../engine/json/disk-usage.js';

/**
 * The build cache records `POST /build/prune` removes, worked out from `GET /system/df` the way
 * BuildKit's cache manager decides (moby builder/builder-next and buildkit `cache/manager.go`
 * prune), without removing anything. Pure.
 * - A record in use is never removed.
 * - Without `all`, records shared with an image and BuildKit's own internal and frontend records
 *   stay too (checked against `docker builder prune`, which removes exactly the rest).
 * - `until` (a duration) keeps the records used within it: last used after `now - until`.
 */
export function buildCachePicks(
  records: readonly EngineBuildCacheRecord[],
  options: { all: boolean; filters: readonly string[]; now: number },
): EngineBuildCacheRecord[] {
  const keepMs = keepDurationMs(options.filters);
  const cutoff = keepMs === null ? null : options.now - keepMs;
  return records.filter((record) => {
    if (record.InUse === true) return false;
    if (!options.all && (record.Shared === true || record.Type === 'internal' || record.Type === 'frontend')) return false;
    if (cutoff !== null && record.LastUsedAt) {
      const lastUsed = Date.parse(record.LastUsedAt);
      if (Number.isFinite(lastUsed) && lastUsed > cutoff) return false;
    }
    return true;
  });
}

/** The `until=` word's duration in milliseconds, or null when none (the schema has checked the words). */
export function keepDurationMs(filters: readonly string[]): number | null {
  const word = filters.find((filter) => filter.startsWith('until='));
  if (word === undefined) return null;
  const duration = parseGoDuration(word.slice('until='.length));
  return duration.ok ? duration.nanos / 1e6 : null;
}
