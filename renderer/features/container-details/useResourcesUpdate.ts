import { useCallback, useState } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { fieldLabels, fieldOfError, type FieldErrors, type ResourcesUpdate } from './resourcesForm.js';

export interface ResourcesUpdateState {
  isSaving: boolean;
  /** Engine errors about one field, shown next to it. */
  fieldErrors: FieldErrors;
  /** An engine error about no field in particular, as the engine wrote it. */
  error: string | null;
  /** What the engine said on success (its warnings included). */
  outcome: string | null;
  apply: (update: ResourcesUpdate) => void;
}

/** `containers.update` on the container's engine: changes limits in place; the container keeps running. */
export function useResourcesUpdate(engineId: string, containerId: string, onApplied: () => void): ResourcesUpdateState {
  const clientSource = useClientSource();
  const [state, setState] = useState<Omit<ResourcesUpdateState, 'apply'>>({ isSaving: false, fieldErrors: {}, error: null, outcome: null });

  const apply = useCallback(
    (update: ResourcesUpdate) => {
      const client = clientSource();
      if (client === null) {
        setState({ isSaving: false, fieldErrors: {}, error: 'Could not apply: not connected to Berth.', outcome: null });
        return;
      }
      setState({ isSaving: true, fieldErrors: {}, error: null, outcome: null });
      client.call('containers.update', { id: containerId, ...update }, { engine: engineId }).then(
        ({ warnings }) => {
          const outcome = ['Applied without restarting the container.', ...warnings].join(' ');
          setState({ isSaving: false, fieldErrors: {}, error: null, outcome });
          onApplied();
        },
        (thrown: unknown) => {
          const error = toBerthError(thrown);
          const field = fieldOfError(error.details?.field);
          setState(
            field === null
              ? { isSaving: false, fieldErrors: {}, error: `Could not apply: ${error.message}`, outcome: null }
              : { isSaving: false, fieldErrors: { [field]: `${fieldLabels[field]}: ${error.message}` }, error: null, outcome: null },
          );
        },
      );
    },
    [clientSource, engineId, containerId, onApplied],
  );

  return { ...state, apply };
}
