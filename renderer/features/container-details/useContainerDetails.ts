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
 * stream brings news of it (its summary or its networks in the store change): the page stays
 * live without polling.
 */
export function useContainerDetails(engineId: string, containerId: string): ContainerDetailsState {
  const summary = useBerth((s) => s.containers.byEngine[engineId]?.byId[containerId]);
  // Its networks change without its summary changing (a connect): those are news too, once listed.
  const attachments = useBerth((s) => s.networks.byEngine[engineId]?.attachments?.[containerId]);
  const refreshKey = `${summary === undefined ? 'unlisted' : JSON.stringify(summary)}|${JSON.stringify(attachments ?? null)}`;
  const { data, error, isLoading, reload } = useMethodResult('containers.inspect', { id: containerId }, { engineId, refreshKey });
  // When the container goes, its summary leaves the store, which re-inspects: not_found is the proof.
  const isGone = error?.code === 'not_found';
  return { details: isGone ? null : data, summary, error, isLoading, isGone, reload };
}
