import { useCallback, useState } from 'react';
import type { MethodParams } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';

/**
 * Sends one `settings.update`; the store hears the saved settings through `settings.watch`, so
 * every window (this one too) shows the change the same way. A refusal is kept as the backend
 * said it (it names the field).
 */
export function useSettingsUpdate(): { update: (patch: MethodParams<'settings.update'>) => Promise<boolean>; error: string | null; isSaving: boolean } {
  const clientSource = useClientSource();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const update = useCallback(
    async (patch: MethodParams<'settings.update'>) => {
      const client = clientSource();
      if (client === null) {
        setError('Not connected to Berth: the settings cannot be saved now.');
        return false;
      }
      setSaving(true);
      try {
        await client.call('settings.update', patch);
        setError(null);
        return true;
      } catch (failure) {
        setError(toBerthError(failure).message);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [clientSource],
  );
  return { update, error, isSaving };
}
