import { useCallback } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/** The image an action is about: its engine, the tag or id to call with, and how to speak of it. */
export interface ImageTarget {
  engineId: string;
  ref: string;
  label: string;
  /** The image's full id, when known: the dialog names the containers made from it. */
  imageId?: string;
}

export function imageBusyKey(engineId: string, ref: string): string {
  return `image:${itemKey(engineId, ref)}`;
}

/**
 * "Remove" for a row, sent to the row's engine: resolves true when the engine removed it, false
 * when it refused (the reason, e.g. a container using it, is then a notice about the image with
 * the engine's own words); never rejects. The row itself goes away through the events stream,
 * not from here.
 */
export function useRemoveImage(): (target: ImageTarget, options: { force: boolean }) => Promise<boolean> {
  const clientSource = useClientSource();
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const dismissNoticesAbout = useBerth((s) => s.ui.dismissNoticesAbout);

  return useCallback(
    async (target, { force }) => {
      dismissNoticesAbout(target.ref, target.engineId);
      const fail = (error: unknown) => {
        const { code, message } = toBerthError(error);
        const subject = { kind: 'image', engineId: target.engineId, id: target.ref, name: target.label } as const;
        pushNotice({ area: 'images', code, message: `Could not remove ${target.label}: ${message}`, subject, failedAction: 'remove' });
        return false;
      };
      const client = clientSource();
      if (client === null) return fail(new Error('not connected to Berth.'));
      const key = imageBusyKey(target.engineId, target.ref);
      setBusy(key, true);
      try {
        await client.call('images.remove', { id: target.ref, force }, { engine: target.engineId });
        return true;
      } catch (error) {
        return fail(error);
      } finally {
        setBusy(key, false);
      }
    },
    [clientSource, dismissNoticesAbout, pushNotice, setBusy],
  );
}
