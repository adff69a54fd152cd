import { useCallback, useEffect, useState } from 'react';
import type { RegistryPage } from '../../../runtime/api/index.js';
import { toBerthError } from '../../transport/callError.js';

/**
 * Reads one page: its items, where the next starts, and anything else the page says. `signal`
 * aborts when the page is no longer wanted (another filter typed, the view closed), so the
 * backend stops reading the registry for it.
 */
export type PageReader<P extends RegistryPage<string>> = (last: string | undefined, signal: AbortSignal) => Promise<P>;

export interface PagedList<P extends RegistryPage<string>> {
  items: string[];
  /** The last page read (for what else it says, e.g. a catalog the registry does not offer). */
  lastPage: P | null;
  isLoading: boolean;
  /** More pages remain. */
  hasMore: boolean;
  error: string | null;
  /** Reads the next page and adds its items (or tries the failed one again). */
  loadMore: () => void;
}

interface PagedState<P extends RegistryPage<string>> {
  read: PageReader<P> | null;
  items: string[];
  lastPage: P | null;
  error: string | null;
  /** Pages asked for, and answered: a page is being read while they differ. */
  requested: number;
  answered: number;
}

function initial<P extends RegistryPage<string>>(read: PageReader<P> | null): PagedState<P> {
  return { read, items: [], lastPage: null, error: null, requested: read === null ? 0 : 1, answered: 0 };
}

/**
 * A list read one page at a time (a registry's catalog, a repository's tags): the first page
 * at once, the next only when asked ("Load more"), never all at once. A new `read` (another
 * filter, another repository) starts over: the older one's page still on its way is cancelled.
 */
export function usePagedList<P extends RegistryPage<string>>(read: PageReader<P> | null): PagedList<P> {
  const [state, setState] = useState<PagedState<P>>(() => initial(read));
  let current = state;
  if (state.read !== read) {
    // Another list: start over (set while rendering, so no frame shows the old one's items).
    current = initial(read);
    setState(current);
  }
  const { items, lastPage, error, requested, answered } = current;

  useEffect(() => {
    if (read === null || requested <= answered || error !== null) return;
    let isCurrent = true;
    const controller = new AbortController();
    read(lastPage?.next ?? undefined, controller.signal).then(
      (page) => {
        if (isCurrent) setState((old) => (old.read === read ? { ...old, items: [...old.items, ...page.items], lastPage: page, answered: old.answered + 1 } : old));
      },
      (thrown: unknown) => {
        if (isCurrent) setState((old) => (old.read === read ? { ...old, error: toBerthError(thrown).message, requested: old.answered } : old));
      },
    );
    return () => {
      isCurrent = false;
      // A page already answered is not affected; one still on its way is cancelled.
      controller.abort();
    };
  }, [read, requested, answered, lastPage, error]);

  const loadMore = useCallback(() => {
    setState((old) => {
      const canAsk = old.read === read && old.requested === old.answered && (old.lastPage === null || old.lastPage.next !== null);
      return canAsk ? { ...old, error: null, requested: old.requested + 1 } : old;
    });
  }, [read]);

  return { items, lastPage, isLoading: requested > answered, hasMore: lastPage !== null && lastPage.next !== null, error, loadMore };
}
