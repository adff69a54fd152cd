import { useCallback, useState } from 'react';
import { applySettingsPatch, type Settings, type SettingsPatch } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { berthStore, useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/**
 * The settings as the page shows them, and one `settings.update` at a time. What the user just
 * chose shows at once (a radio button or checkbox that waited for the backend would spring back
 * under the pointer); the saved settings the backend answers go into the store (other windows
 * hear them through `settings.watch`). A refusal is kept as the backend said it (it names the
 * field) and the choice goes back.
 */
export function useSettingsUpdate(): { settings: Settings; update: (patch: SettingsPatch) => Promise<boolean>; error: string | null } {
  const clientSource = useClientSource();
  const saved = useBerth((s) => s.settings.value);
  const [pending, setPending] = useState<SettingsPatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const client = clientSource();
      if (client === null) {
        setError('Not connected to Berth: the settings cannot be saved now.');
        return false;
      }
      setPending(patch);
      try {
        berthStore.getState().settings.set(await client.call('settings.update', patch));
        setError(null);
        return true;
      } catch (failure) {
        setError(toBerthError(failure).message);
        return false;
      } finally {
        setPending(null);
      }
    },
    [clientSource],
  );
  return { settings: pending === null ? saved : applySettingsPatch(saved, pending), update, error };
}
