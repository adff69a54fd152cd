/**
 * `KEY=VALUE` lines (driver options, labels) as a map, or the first line that is not one. Blank
 * lines are skipped; the value may hold `=`. Pure.
 */
export function readKeyValueLines(text: string): { ok: true; map: Record<string, string> } | { ok: false; message: string } {
  const map: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const at = line.indexOf('=');
    const key = at === -1 ? line : line.slice(0, at).trim();
    if (key === '') return { ok: false, message: `line ${index + 1} has no key before "="` };
    if (Object.hasOwn(map, key)) return { ok: false, message: `line ${index + 1} repeats ${key}` };
    map[key] = at === -1 ? '' : line.slice(at + 1);
  }
  return { ok: true, map };
}
