import { useCallback, useMemo } from 'react';
import type { BerthClient } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/** The container an action is about: its id to call with, its name to speak of it. */
export interface ContainerRef {
  id: string;
  name: string;
}

export interface ContainerActions {
  start: (container: ContainerRef) => void;
  stop: (container: ContainerRef) => void;
  remove: (container: ContainerRef, options: { force: boolean }) => void;
}

export function containerBusyKey(containerId: string): string {
  return `container:${containerId}`;
}

/**
 * Start / stop / remove. The row's buttons are disabled while its action runs; the result
 * reaches the list through the events stream (no refetch), and failures become notices.
 */
export function useContainerActions(): ContainerActions {
  const clientSource = useClientSource();
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const dismissNoticesAbout = useBerth((s) => s.ui.dismissNoticesAbout);

  const run = useCallback(
    (container: ContainerRef, verb: string, invoke: (client: BerthClient) => Promise<unknown>) => {
      // An old error about this container is answered by trying again.
      dismissNoticesAbout(container.id);
      const fail = (error: unknown) => {
        const { code, message } = toBerthError(error);
        const subject = { kind: 'container', id: container.id, name: container.name } as const;
        pushNotice({ area: 'containers', code, message: `Could not ${verb} ${container.name}: ${message}`, subject });
      };
      const client = clientSource();
      if (client === null) {
        fail(new Error('not connected to Berth.'));
        return;
      }
      const key = containerBusyKey(container.id);
      setBusy(key, true);
      void invoke(client)
        .catch(fail)
        .finally(() => setBusy(key, false));
    },
    [clientSource, dismissNoticesAbout, pushNotice, setBusy],
  );

  return useMemo(
    () => ({
      start: (c) => run(c, 'start', (client) => client.call('containers.start', { id: c.id })),
      stop: (c) => run(c, 'stop', (client) => client.call('containers.stop', { id: c.id })),
      remove: (c, { force }) => run(c, 'remove', (client) => client.call('containers.remove', { id: c.id, force })),
    }),
    [run],
  );
}
