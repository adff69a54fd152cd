import { useEffect, useState } from 'react';
import { BerthError, type ProcessList } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { usePageVisible } from '../../ui/usePageVisible.js';

/** How often the process list is fetched while the Processes tab is open and visible. */
export const topIntervalMs = 2_000;

export interface TopState {
  processes: ProcessList | null;
  error: BerthError | null;
  /** Whether it is being refreshed right now (tab open, window visible, container running). */
  isLive: boolean;
}

/**
 * `containers.top` every 2 s — the one periodic fetch in the app — only while the tab that shows
 * it is mounted, the window is visible and the container runs. The next fetch is scheduled
 * after the answer, so a slow engine is never asked twice at once; leaving cancels both.
 */
export function useTopPolling(engineId: string, containerId: string, isRunning: boolean): TopState {
  const clientSource = useClientSource();
  const isVisible = usePageVisible();
  const isLive = isRunning && isVisible;
  const [result, setResult] = useState<{ processes: ProcessList | null; error: BerthError | null }>({ processes: null, error: null });

  useEffect(() => {
    if (!isLive) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchOnce = () => {
      const client = clientSource();
      const call = client === null ? Promise.reject(new BerthError('engine_unreachable', 'Not connected to Berth.')) : client.call('containers.top', { id: containerId }, { engine: engineId, signal: controller.signal });
      call
        .then(
          (processes) => setResult({ processes, error: null }),
          (error: unknown) => {
            if (!controller.signal.aborted) setResult((old) => ({ processes: old.processes, error: toBerthError(error) }));
          },
        )
        .finally(() => {
          if (!controller.signal.aborted) timer = setTimeout(fetchOnce, topIntervalMs);
        });
    };
    fetchOnce();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [engineId, containerId, isLive, clientSource]);

  return { ...result, isLive };
}
