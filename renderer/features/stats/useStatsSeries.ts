import { useEffect, useState } from 'react';
import type { BerthError, StatsSample } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { usePageVisible } from '../../ui/usePageVisible.js';
import { appendSample, columnsOfHistory, emptyColumns, type StatsColumns } from './statsSeries.js';

export interface StatsSeriesState {
  /** Mutated in place as samples come; `version` says when. */
  columns: StatsColumns;
  latest: StatsSample | null;
  /** Counts the changes to `columns`, so a chart knows to draw again. */
  version: number;
  error: BerthError | null;
  isLoading: boolean;
}

/**
 * One container's kept history (`stats.history`), then its live samples (`containers.stats`,
 * read by the backend from the stream it keeps anyway) appended. While the page is hidden the
 * live subscription stops; when it shows again the history is read afresh, gap included.
 */
export function useStatsSeries(engineId: string, containerId: string, isRunning: boolean): StatsSeriesState {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const isVisible = usePageVisible();
  const [state, setState] = useState<StatsSeriesState>(() => ({ columns: emptyColumns(), latest: null, version: 0, error: null, isLoading: true }));

  useEffect(() => {
    const client = clientSource();
    if (client === null || !isVisible) return;
    const controller = new AbortController();
    // Samples that come before the history answers wait for it.
    let columns: StatsColumns | null = null;
    const early: StatsSample[] = [];
    const take = (sample: StatsSample) => {
      if (columns === null) {
        early.push(sample);
        return;
      }
      const target = columns;
      if (appendSample(target, sample)) setState((old) => ({ ...old, columns: target, latest: sample, version: old.version + 1 }));
    };
    client.call('stats.history', { id: containerId }, { engine: engineId, signal: controller.signal }).then(
      (history) => {
        const loaded = columnsOfHistory(history);
        for (const sample of early) appendSample(loaded, sample);
        columns = loaded;
        setState((old) => ({ columns: loaded, latest: early.at(-1) ?? history.latest, version: old.version + 1, error: null, isLoading: false }));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((old) => ({ ...old, error: toBerthError(error), isLoading: false }));
      },
    );
    const subscription = isRunning
      ? client.subscribe('containers.stats', { id: containerId }, { onEvent: take, onError: (error) => setState((old) => ({ ...old, error })) }, { engine: engineId })
      : null;
    return () => {
      controller.abort();
      subscription?.dispose();
    };
  }, [engineId, containerId, isRunning, isVisible, linkState, clientSource]);

  return state;
}
