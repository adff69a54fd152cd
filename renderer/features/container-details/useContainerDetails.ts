import type { BerthError, ContainerDetails, ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { useMethodResult } from './useMethodResult.js';

export interface ContainerDetailsState {
  details: ContainerDetails | null;
  /** The list's summary of it, live from the events stream; undefined when not (or no longer) listed. */
  summary: ContainerSummary | undefined;
  error: BerthError | null;
  isLoading: boolean;
  /** The container was removed while the page was open (or never existed). */
  isGone: boolean;
  reload: () => void;
}

/**
 * One container's inspect answer from its engine, fetched again whenever that engine's events
 * stream brings news of it (its summary in the store changes): the page stays live without polling.
 */
export function useContainerDetails(engineId: string, containerId: string): ContainerDetailsState {
  const summary = useBerth((s) => s.containers.byEngine[engineId]?.byId[containerId]);
  const refreshKey = summary === undefined ? 'unlisted' : JSON.stringify(summary);
  const { data, error, isLoading, reload } = useMethodResult('containers.inspect', { id: containerId }, { engineId, refreshKey });
  // When the container goes, its summary leaves the store, which re-inspects: not_found is the proof.
  const isGone = error?.code === 'not_found';
  return { details: isGone ? null : data, summary, error, isLoading, isGone, reload };
}
