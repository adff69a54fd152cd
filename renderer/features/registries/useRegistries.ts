import { useCallback, useState } from 'react';
import type { RegistryEntry } from '../../../runtime/api/index.js';
import { useMethodResult } from '../container-details/useMethodResult.js';

export interface RegistriesState {
  /** null until the first answer. */
  entries: RegistryEntry[] | null;
  /** Why the list could not be read, in the backend's words. */
  error: string | null;
  /** Reads the list again (after an add, a sign-in, a removal). */
  reload: () => void;
}

/**
 * The registries Berth knows (`registries.list`). They change only when the user changes them
 * (here, or with `docker login`), so the list is read when the page opens and after each action,
 * never polled. Registries belong to no engine: the call names none, and answers with no engine connected.
 */
export function useRegistries(): RegistriesState {
  const [version, setVersion] = useState(0);
  const result = useMethodResult('registries.list', {}, { engineId: null, refreshKey: String(version) });
  const reload = useCallback(() => setVersion((old) => old + 1), []);
  return { entries: result.data, error: result.error?.message ?? null, reload };
}
