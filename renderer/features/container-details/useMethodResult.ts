import { useCallback, useEffect, useState } from 'react';
import { BerthError, type MethodName, type MethodParams, type MethodResult } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

export interface MethodResultState<T> {
  /** The latest answer; kept while a reload is in flight so the page does not flicker. */
  data: T | null;
  /** Why the latest call failed, or null. */
  error: BerthError | null;
  /** True until the answer for the current params has arrived. */
  isLoading: boolean;
  reload: () => void;
}

export interface MethodResultOptions {
  /** The engine to ask; null: the default engine (for what is no engine's, e.g. registries). */
  engineId: string | null;
  /** Call again whenever this changes (e.g. the item's summary, live from the events stream). */
  refreshKey?: string;
}

/**
 * Calls one method on one engine when `params` or `refreshKey` change (null params: do not
 * call), again on `reload()` and after the link or that engine comes back. A call superseded or
 * abandoned by unmounting is cancelled. Params travel as their JSON so that a fresh object
 * literal each render is not a new request.
 */
export function useMethodResult<M extends MethodName>(
  method: M,
  params: MethodParams<M> | null,
  { engineId, refreshKey = '' }: MethodResultOptions,
): MethodResultState<MethodResult<M>> {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const engineState = useBerth((s) => (engineId === null ? null : (s.engine.statuses[engineId]?.status.state ?? null)));
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ key: string; data: MethodResult<M> | null; error: BerthError | null } | null>(null);
  const paramsJson = params === null ? null : JSON.stringify(params);
  const key = paramsJson === null ? null : `${engineId ?? '(default)'}|${method}|${paramsJson}|${generation}|${linkState}|${engineState}|${refreshKey}`;

  useEffect(() => {
    if (key === null || paramsJson === null) return;
    const controller = new AbortController();
    const client = clientSource();
    const call =
      client === null
        ? Promise.reject(new BerthError('engine_unreachable', 'Not connected to Berth.'))
        : client.call(method, JSON.parse(paramsJson) as MethodParams<M>, { ...(engineId === null ? {} : { engine: engineId }), signal: controller.signal });
    call.then(
      (data) => setResult({ key, data, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult((old) => ({ key, data: old?.data ?? null, error: toBerthError(error) }));
      },
    );
    return () => controller.abort();
  }, [key, paramsJson, method, engineId, clientSource]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: result?.data ?? null, error: result?.error ?? null, isLoading: key !== null && result?.key !== key, reload };
}
