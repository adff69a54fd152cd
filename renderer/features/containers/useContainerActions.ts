import { useCallback, useMemo } from 'react';
import type { BerthClient, RequestOptions } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

/** The container an action is about: its engine and id to call with, its name to speak of it. */
export interface ContainerRef {
  engineId: string;
  id: string;
  name: string;
}

export interface RemoveOptions {
  force: boolean;
  /** Also remove the container's anonymous volumes. */
  volumes?: boolean;
}

/**
 * Lifecycle actions on one container. Each resolves true when the engine did it, false when it
 * refused (the reason is then a notice); none rejects, so callers may fire and forget.
 */
export interface ContainerActions {
  start: (container: ContainerRef) => Promise<boolean>;
  stop: (container: ContainerRef, options?: { timeoutSeconds?: number }) => Promise<boolean>;
  restart: (container: ContainerRef) => Promise<boolean>;
  kill: (container: ContainerRef, options?: { signal?: string }) => Promise<boolean>;
  pause: (container: ContainerRef) => Promise<boolean>;
  unpause: (container: ContainerRef) => Promise<boolean>;
  remove: (container: ContainerRef, options: RemoveOptions) => Promise<boolean>;
  rename: (container: ContainerRef, newName: string) => Promise<boolean>;
}

export function containerBusyKey(engineId: string, containerId: string): string {
  return `container:${itemKey(engineId, containerId)}`;
}

/**
 * Every action goes to the container's own engine. The row's (and the details page's) buttons
 * are disabled while an action on that container runs; the result reaches the list through the events stream (no refetch), and failures
 * become notices about the container, so a follow-up like "Force remove" can be offered.
 */
export function useContainerActions(): ContainerActions {
  const clientSource = useClientSource();
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const dismissNoticesAbout = useBerth((s) => s.ui.dismissNoticesAbout);

  const run = useCallback(
    async (container: ContainerRef, verb: string, invoke: (client: BerthClient, to: RequestOptions) => Promise<unknown>): Promise<boolean> => {
      // An old error about this container is answered by trying again.
      dismissNoticesAbout(container.id, container.engineId);
      const fail = (error: unknown) => {
        const { code, message } = toBerthError(error);
        const subject = { kind: 'container', engineId: container.engineId, id: container.id, name: container.name } as const;
        pushNotice({ area: 'containers', code, message: `Could not ${verb} ${container.name}: ${message}`, subject, failedAction: verb });
        return false;
      };
      const client = clientSource();
      if (client === null) return fail(new Error('not connected to Berth.'));
      const key = containerBusyKey(container.engineId, container.id);
      setBusy(key, true);
      try {
        await invoke(client, { engine: container.engineId });
        return true;
      } catch (error) {
        return fail(error);
      } finally {
        setBusy(key, false);
      }
    },
    [clientSource, dismissNoticesAbout, pushNotice, setBusy],
  );

  return useMemo(
    () => ({
      start: (c) => run(c, 'start', (client, to) => client.call('containers.start', { id: c.id }, to)),
      stop: (c, options = {}) => run(c, 'stop', (client, to) => client.call('containers.stop', { id: c.id, ...options }, to)),
      restart: (c) => run(c, 'restart', (client, to) => client.call('containers.restart', { id: c.id }, to)),
      kill: (c, options = {}) => run(c, 'kill', (client, to) => client.call('containers.kill', { id: c.id, ...options }, to)),
      pause: (c) => run(c, 'pause', (client, to) => client.call('containers.pause', { id: c.id }, to)),
      unpause: (c) => run(c, 'unpause', (client, to) => client.call('containers.unpause', { id: c.id }, to)),
      remove: (c, { force, volumes }) =>
        run(c, 'remove', (client, to) => client.call('containers.remove', volumes ? { id: c.id, force, volumes } : { id: c.id, force }, to)),
      rename: (c, name) => run(c, 'rename', (client, to) => client.call('containers.rename', { id: c.id, name }, to)),
    }),
    [run],
  );
}
