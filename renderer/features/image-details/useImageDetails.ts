import { useMemo } from 'react';
import type { BerthError, ImageDetails, ImageHistoryEntry, ImageSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { useMethodResult } from '../container-details/useMethodResult.js';

export interface ImageDetailsState {
  details: ImageDetails | null;
  history: ImageHistoryEntry[] | null;
  /** The list's summary of it, live from the events stream; undefined when not (or no longer) listed. */
  summary: ImageSummary | undefined;
  error: BerthError | null;
  historyError: BerthError | null;
  /** The image was removed while the page was open (or never existed). */
  isGone: boolean;
}

/**
 * One image's inspect and history from its engine. Asked again when the engine's events bring
 * news of it (its summary in the store changes: a tag added or removed) or of the containers
 * made from it (one created, started, stopped or removed): live without polling.
 */
export function useImageDetails(engineId: string, imageId: string): ImageDetailsState {
  const summary = useBerth((s) => s.images.byEngine[engineId]?.byId[imageId]);
  const users = useBerth((s) => s.containers.byEngine[engineId]?.byId);
  const usersKey = useMemo(
    () =>
      Object.values(users ?? {})
        .filter((container) => container.imageId === imageId)
        .map((container) => `${container.id}:${container.name}:${container.state}`)
        .sort()
        .join(','),
    [users, imageId],
  );
  const summaryKey = summary === undefined ? 'unlisted' : JSON.stringify(summary);
  const inspect = useMethodResult('images.inspect', { id: imageId }, { engineId, refreshKey: `${summaryKey}|${usersKey}` });
  const history = useMethodResult('images.history', { id: imageId }, { engineId, refreshKey: summaryKey });
  const isGone = inspect.error?.code === 'not_found';
  return { details: isGone ? null : inspect.data, history: history.data, summary, error: inspect.error, historyError: history.error, isGone };
}
