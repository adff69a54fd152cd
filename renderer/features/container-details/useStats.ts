import { useEffect, useState } from 'react';
import type { BerthError, StatsSample } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';

export interface StatsState {
  /** The latest sample only: the stream is a gauge, not a history. */
  sample: StatsSample | null;
  error: BerthError | null;
}

/**
 * Subscribes to `containers.stats` on the container's engine while the caller is mounted and the container runs; leaving
 * (or the container stopping) disposes the subscription, which aborts the engine request. A new
 * link to Berth subscribes again.
 */
export function useStats(engineId: string, containerId: string, isRunning: boolean): StatsState {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const [state, setState] = useState<StatsState & { key: string }>({ key: '', sample: null, error: null });
  const key = `${engineId}|${containerId}|${linkState}`;

  useEffect(() => {
    const client = clientSource();
    if (!isRunning || client === null) return;
    const subscription = client.subscribe(
      'containers.stats',
      { id: containerId },
      {
        onEvent: (sample) => setState({ key, sample, error: null }),
        onError: (error) => setState((old) => ({ ...old, key, error })),
      },
      { engine: engineId },
    );
    return () => subscription.dispose();
  }, [engineId, containerId, isRunning, clientSource, key]);

  // A sample from before a restart or for another container is not shown as current.
  return isRunning && state.key === key ? state : { sample: null, error: null };
}
