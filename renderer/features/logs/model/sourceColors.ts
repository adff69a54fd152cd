/** How many container colours the theme defines (`--log-source-0` ...). */
export const sourceColorCount = 10;

/** FNV-1a: a container's name always hashes to the same colour, across views and sessions. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The colour of a container joining a view: its name's own, unless another container of the
 * view has it already and a free one is left (then the next free one), so a few containers side
 * by side are always told apart.
 */
export function pickSourceColor(name: string, taken: ReadonlySet<number>): number {
  const preferred = nameHash(name) % sourceColorCount;
  if (taken.size >= sourceColorCount) return preferred;
  for (let step = 0; step < sourceColorCount; step++) {
    const color = (preferred + step) % sourceColorCount;
    if (!taken.has(color)) return color;
  }
  return preferred;
}
