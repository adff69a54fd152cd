/**
 * The full id of the container `ref` names among `containers`, the way the engine resolves a
 * reference, in its order: a full id, then a name (with or without the leading slash), then an
 * id prefix that only one of them has. Undefined when none does, or the prefix is not unique.
 */
export function resolveContainerRef(ref: string, containers: Iterable<{ id: string; name: string }>): string | undefined {
  if (ref === '') return undefined;
  const all = [...containers];
  if (all.some((container) => container.id === ref)) return ref;
  const name = ref.replace(/^\//, '');
  let byPrefix: string | undefined;
  let prefixMatches = 0;
  for (const container of all) {
    if (container.name === name) return container.id;
    if (container.id.startsWith(ref)) {
      byPrefix = container.id;
      prefixMatches += 1;
    }
  }
  return prefixMatches === 1 ? byPrefix : undefined;
}
