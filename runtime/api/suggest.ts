/**
 * "Did you mean": the known name a mistyped one most likely stands for, or null when none is
 * close enough to be worth saying. A name typed as the start of a longer one (`memory` for
 * `memoryBytes`) or within a few edits of one (`timout` for `timeout`) counts; case is ignored.
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  // Nothing is a near miss of a name far longer than any the contract uses (and comparing costs length squared).
  if (typed.length > 64) return null;
  const wanted = typed.toLowerCase();
  let best: { name: string; score: number } | null = null;
  for (const name of known) {
    const candidate = name.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    // How far the typed name is from the start of this one (a prefix one letter shorter or longer counts).
    const nearPrefix = wanted.length < 4 ? Infinity : Math.min(...[-1, 0, 1].map((extra) => editDistance(wanted, candidate.slice(0, wanted.length + extra))));
    const score = candidate.startsWith(wanted) || wanted.startsWith(candidate)
      ? Math.abs(candidate.length - wanted.length) / 100 // a prefix beats any edit; the shortest completion wins
      : nearPrefix <= Math.max(1, Math.floor(wanted.length / 4))
        ? nearPrefix + 0.5 // `timout` for `timeoutSeconds`
        : editDistance(wanted, candidate);
    if (score > limit + 0.5 || wanted.length === 0) continue;
    if (best === null || score < best.score) best = { name, score };
  }
  return best?.name ?? null;
}

/** Levenshtein distance, with a transposition counted as one edit (`tiemout` -> `timeout`). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = value;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}
