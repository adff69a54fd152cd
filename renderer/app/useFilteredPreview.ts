import { useMemo } from 'react';
import type { BerthError, MethodName, MethodParams, MethodResult } from '../../runtime/api/index.js';
import { useMethodResult } from '../features/container-details/useMethodResult.js';
import { useSettled } from '../ui/useSettled.js';

/** The preview methods whose params carry filter words (`images.prunePreview`, `builder.prunePreview`, ...). */
type FilteredMethod = { [M in MethodName]: MethodParams<M> extends { filters?: string[] } ? M : never }[MethodName];

export interface FilteredPreview<M extends FilteredMethod, O> {
  /** The filter words as typed, split on spaces. */
  words: string[];
  /** Why the first bad word is bad (the contract's own check), or null. */
  wordProblem: string | null;
  /** The params of the last call: the form's once typing has paused, null while a word is bad. */
  asked: (O & { filters: string[] }) | null;
  /** True when `asked` is what the form says now (typing has paused). */
  isSettled: boolean;
  /** The engine's answer for exactly what the form says now, or null: only this may be confirmed. */
  preview: MethodResult<M> | null;
  error: BerthError | null;
  isLoading: boolean;
}

/**
 * The preview half of a **Prune…** dialog: splits the filter words, checks each with the rule
 * the backend checks them with, and asks `method` for what would go once typing pauses for
 * 300 ms. `options` are the method's other params (e.g. `{ all }`); they are compared by value,
 * so a fresh literal each render is not a new request.
 */
export function useFilteredPreview<M extends FilteredMethod, O extends Omit<MethodParams<M>, 'filters'>>(
  method: M,
  engineId: string,
  filtersText: string,
  filterProblem: (word: string) => string | null,
  options: O,
): FilteredPreview<M, O> {
  const words = useMemo(() => filtersText.split(/\s+/).filter((word) => word !== ''), [filtersText]);
  const wordProblem = words.map((word) => filterProblem(word)).find((found) => found !== null) ?? null;
  const optionsJson = JSON.stringify(options);
  const wanted = useMemo(
    () => (wordProblem === null ? { ...(JSON.parse(optionsJson) as O), filters: words } : null),
    [optionsJson, words, wordProblem],
  );
  const asked = useSettled(wanted, 300);
  const { data, error, isLoading } = useMethodResult(method, asked as MethodParams<M> | null, { engineId });
  const isSettled = asked === wanted;
  const preview = asked === null || !isSettled || isLoading ? null : data;
  return { words, wordProblem, asked, isSettled, preview, error, isLoading };
}
