import { useCallback, useState } from 'react';
import type { RunSpec } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { containerHref } from '../../app/routes.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { recreateFieldOf, type RecreateField } from './recreateForm.js';

export interface RecreateState {
  isRecreating: boolean;
  /** The engine's refusal as it wrote it; the original container is then left as it was. */
  error: string | null;
  /** The field the refusal names (`details.field`), when it is one the editor shows. */
  errorField: RecreateField | null;
  recreate: (spec: RunSpec) => void;
}

/**
 * `containers.recreate` on the container's engine: the new container takes the old one's name.
 * On success the page moves to the new container; if it was created but would not start, that is
 * said there as a notice.
 */
export function useRecreate(engineId: string, containerId: string): RecreateState {
  const clientSource = useClientSource();
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [state, setState] = useState<Omit<RecreateState, 'recreate'>>({ isRecreating: false, error: null, errorField: null });

  const recreate = useCallback(
    (spec: RunSpec) => {
      const client = clientSource();
      if (client === null) {
        setState({ isRecreating: false, error: 'Could not recreate: not connected to Berth.', errorField: null });
        return;
      }
      setState({ isRecreating: true, error: null, errorField: null });
      client.call('containers.recreate', { id: containerId, spec }, { engine: engineId }).then(
        (created) => {
          setState({ isRecreating: false, error: null, errorField: null });
          if (created.startError) {
            const subject = { kind: 'container', engineId, id: created.id, name: created.name } as const;
            pushNotice({ area: 'containers', code: created.startError.code, message: `${created.name} was recreated but did not start: ${created.startError.message}`, subject });
          }
          window.location.hash = containerHref(engineId, created.id);
        },
        (thrown: unknown) => {
          const error = toBerthError(thrown);
          setState({ isRecreating: false, error: `Could not recreate: ${error.message}`, errorField: recreateFieldOf(error.details?.field) });
        },
      );
    },
    [clientSource, engineId, containerId, pushNotice],
  );

  return { ...state, recreate };
}
