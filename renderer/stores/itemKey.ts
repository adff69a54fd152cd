/**
 * A container or image id is unique only within its engine, so everything that names an item
 * across engines (selection, busy flags, React keys) names it by both: `<engineId>/<id>`.
 * Neither engine ids nor item ids contain a slash.
 */
export function itemKey(engineId: string, id: string): string {
  return `${engineId}/${id}`;
}
