import { z } from 'zod';
import { defineDomain, method, params } from './define.js';
import { pruneFilterWords } from './image-details.js';
import { parseGoDuration } from './go-duration.js';

/**
 * The engine's disk usage (`docker system df`) and the build cache's prune
 * (`docker builder prune`). Images, volumes and containers have their own prunes in their domains.
 */

/** What `docker system df` prints in one row. */
export interface DiskUsageTotals {
  /** How many there are. */
  total: number;
  /** Images used by a container; containers running, paused or restarting; volumes mounted by a container; build cache records in use. */
  active: number;
  /**
   * Images: every layer counted once (the engine's `LayersSize`); containers: their writable
   * layers; volumes: their contents (volumes whose size the driver cannot tell count nothing);
   * build cache: the records not shared with images.
   */
  sizeBytes: number;
  /**
   * What removing the inactive ones would free, as the docker CLI works it out: images, the size
   * less what the images containers use hold alone; containers and volumes, the inactive ones'
   * sizes; build cache, the size less the records in use.
   */
  reclaimableBytes: number;
  /** Reclaimable as a whole percentage of the size (cut, not rounded), where the CLI prints one (not for build cache, nor for a size of 0); else null. */
  reclaimablePercent: number | null;
}

/** One image of `docker system df -v`. */
export interface DiskUsageImage {
  id: string;
  repoTags: string[];
  /** Seconds since the epoch. */
  created: number;
  /** Its whole size, shared layers included. */
  sizeBytes: number;
  /** The part other images hold too; null when the engine did not compute it. */
  sharedSizeBytes: number | null;
  /** The part only this image holds: what removing it alone frees; null when the engine did not compute it. */
  uniqueSizeBytes: number | null;
  /** How many containers use it. */
  containers: number;
}

/** One container of `docker system df -v`. */
export interface DiskUsageContainer {
  id: string;
  /** Without the leading slash. */
  name: string;
  image: string;
  command: string;
  /** Seconds since the epoch. */
  created: number;
  state: string;
  /** The engine's status line, e.g. "Exited (0) 2 minutes ago". */
  status: string;
  /** Its writable layer: what removing it frees. */
  sizeRwBytes: number;
  /** How many volumes it mounts. */
  localVolumes: number;
}

/** One volume of `docker system df -v`. */
export interface DiskUsageVolume {
  name: string;
  driver: string;
  /** How many containers mount it; null when the engine did not say. */
  links: number | null;
  /** Null when the driver cannot tell. */
  sizeBytes: number | null;
}

/** One build cache record of `docker system df -v` (BuildKit's). */
export interface BuildCacheRecord {
  id: string;
  parents: string[];
  /** `regular`, `internal`, `frontend`, `source.local`, `source.git.checkout`, `exec.cachemount`. */
  type: string;
  /** What made it, e.g. `mount / from exec /bin/sh -c make`. */
  description: string;
  inUse: boolean;
  /** Shared with an image: removing the record frees none of those bytes while the image stays. */
  shared: boolean;
  sizeBytes: number;
  /** As the engine writes it (RFC 3339); empty when it does not say. */
  createdAt: string;
  lastUsedAt: string | null;
  usageCount: number;
}

/** `system.df -v`'s lists, one item per image, container, volume and build cache record. */
export interface DiskUsageItems {
  images: DiskUsageImage[];
  containers: DiskUsageContainer[];
  volumes: DiskUsageVolume[];
  buildCache: BuildCacheRecord[];
}

/** `system.df`: `docker system df`, row by row, and with `verbose` its lists. */
export interface SystemDiskUsage {
  engineId: string;
  images: DiskUsageTotals;
  containers: DiskUsageTotals;
  /** "Local Volumes". */
  volumes: DiskUsageTotals;
  /** Null when the engine keeps no BuildKit build cache (Podman). */
  buildCache: DiskUsageTotals | null;
  /** Only when asked with `verbose`; else null. */
  items: DiskUsageItems | null;
}

/** `builder.prunePreview`: what `builder.prune` with the same params would remove. */
export interface BuildCachePrunePreview {
  records: BuildCacheRecord[];
  /** Their sizes added up: the engine counts the same as reclaimed. */
  spaceBytes: number;
}

/** `builder.prune`: what the engine did. */
export interface BuildCachePruneResult {
  /** The ids of the records removed. */
  removed: string[];
  /** The engine's own count (its SpaceReclaimed). */
  spaceReclaimedBytes: number;
}

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/**
 * A size as the docker CLI prints it (go-units `HumanSize`): decimal units, four significant
 * digits, no trailing zeros: `0B`, `512B`, `10.34kB`, `2.292MB`, `1GB`. Rounded as Go rounds
 * (half to even on the exact value), so the text is the CLI's to the character. Pure.
 */
export function dockerHumanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < decimalUnits.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${fourSignificantDigits(size)}${decimalUnits[unit]}`;
}

/**
 * Go's `%.4g` for the values `dockerHumanSize` hands it (0, or at least 1 and below 1000, which
 * rounding can make 1000): four significant digits, never an exponent there, no trailing zeros.
 */
function fourSignificantDigits(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  if (value < 0) return `-${fourSignificantDigits(-value)}`;
  if (value < 1) return String(Number(value.toPrecision(4)));
  // The exact decimal value of the double: 60 digits hold every double below 10^4 exactly.
  const [whole = '0', fraction = ''] = value.toPrecision(60).split('.');
  const digits = whole + fraction;
  let kept = BigInt(digits.slice(0, 4).padEnd(4, '0'));
  const rest = digits.slice(4).replace(/0+$/, '');
  const first = rest === '' ? 0 : Number(rest[0]);
  const exactlyHalf = first === 5 && rest.length === 1;
  if (first > 5 || (first === 5 && !exactlyHalf) || (exactlyHalf && kept % 2n === 1n)) kept += 1n;
  let text = kept.toString();
  let point = whole.length;
  if (text.length > 4) {
    // 999.96 rounds up to 1000.
    text = text.slice(0, 4);
    point += 1;
  }
  const placed = point >= text.length ? text + '0'.repeat(point - text.length) : `${text.slice(0, point)}.${text.slice(point)}`;
  return placed.includes('.') ? placed.replace(/0+$/, '').replace(/\.$/, '') : placed;
}

/** One row's SIZE and RECLAIMABLE as `docker system df` prints them (`2.292MB`, `2.292MB (100%)`). Pure. */
export function diskUsageText(totals: DiskUsageTotals): { size: string; reclaimable: string } {
  const reclaimable = dockerHumanSize(totals.reclaimableBytes);
  return {
    size: dockerHumanSize(totals.sizeBytes),
    reclaimable: totals.reclaimablePercent === null ? reclaimable : `${reclaimable} (${totals.reclaimablePercent}%)`,
  };
}

/**
 * `until=DURATION`, as `docker builder prune --filter` takes it: the engine reads it as a Go
 * duration (`24h`, `90m`, `1h30m`) and keeps the records used within it; it refuses a date.
 */
export function buildCacheFilterProblem(word: string): string | null {
  if (!word.startsWith('until=')) return `must be until=DURATION (e.g. until=24h), not "${word}"`;
  const duration = parseGoDuration(word.slice('until='.length));
  if (!duration.ok) return `until ${duration.reason}`;
  return duration.nanos <= 0 ? 'until must be a duration above 0 (e.g. 24h)' : null;
}

const buildCacheFilters = (doc: string) =>
  pruneFilterWords(buildCacheFilterProblem, doc, { regex: /^until=(?:\d{1,6}(?:\.\d{1,3})?(?:ns|us|µs|ms|s|m|h))+$/, message: 'must be until=DURATION' });

export const diskUsageContract = defineDomain({
  methods: {
    'system.df': method<SystemDiskUsage>()(
      params({
        verbose: z.boolean().default(false).describe('true: every image, container, volume and build cache record too, as `docker system df -v` lists them.'),
      }),
      "The engine's disk usage per kind (images, containers, local volumes, build cache): how many, how many in use, the size and what is reclaimable, as `docker system df` prints them. Slow on a big host: the engine measures every container and volume.",
    ),
    'builder.prunePreview': method<BuildCachePrunePreview>()(
      params({
        all: z
          .boolean()
          .default(false)
          .describe('false: unused records that no image shares and that are not BuildKit internal or frontend records, as `docker builder prune`; true: every unused record, as `docker builder prune -a`.'),
        filters: buildCacheFilters('`docker builder prune --filter` words: `until=DURATION` (only records not used within it, e.g. `until=24h`).'),
      }),
      'What `builder.prune` with the same params would remove and the space it would free; removes nothing.',
    ),
    'builder.prune': method<BuildCachePruneResult>()(
      params({
        all: z.boolean().default(false).describe('As for builder.prunePreview.'),
        filters: buildCacheFilters('As for builder.prunePreview.'),
      }),
      "Remove unused build cache (like `docker builder prune [-a] [--filter until=...]`) and report what went and the space the engine reclaimed. Podman keeps none: refused there.",
    ),
  },
});
