import { useCallback, useState } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import {
  addEngineFieldOf,
  addEngineLabels,
  addEngineParams,
  checkAddEngineDraft,
  type AddEngineDraft,
  type AddEngineErrors,
  type AddEngineField,
} from './addEngineForm.js';

export interface AddEngineState {
  isAdding: boolean;
  /** Problems with one field, shown next to it: found here, or named by the backend (`details.field`). */
  fieldErrors: AddEngineErrors;
  /** A refusal about no field in particular, as the backend wrote it. */
  formError: string | null;
  /** Said once an engine was added, e.g. "Added build (connecting)." */
  added: string | null;
  /** Resolves true when the engine was added (the form then starts empty); nothing is added otherwise. */
  add: (draft: AddEngineDraft) => Promise<boolean>;
}

/** "Add engine": checks what can be checked here, then `engines.add`, which connects it. */
export function useAddEngine(): AddEngineState {
  const clientSource = useClientSource();
  const [state, setState] = useState<Omit<AddEngineState, 'add'>>({ isAdding: false, fieldErrors: {}, formError: null, added: null });

  const add = useCallback(
    async (draft: AddEngineDraft) => {
      const local = checkAddEngineDraft(draft);
      if (Object.keys(local).length > 0) {
        setState({ isAdding: false, fieldErrors: local, formError: null, added: null });
        return false;
      }
      const client = clientSource();
      if (client === null) {
        setState({ isAdding: false, fieldErrors: {}, formError: 'Could not add the engine: not connected to Berth.', added: null });
        return false;
      }
      setState({ isAdding: true, fieldErrors: {}, formError: null, added: null });
      try {
        const entry = await client.call('engines.add', addEngineParams(draft));
        setState({ isAdding: false, fieldErrors: {}, formError: null, added: `Added ${entry.name} (${entry.state}).` });
        return true;
      } catch (thrown) {
        const error = toBerthError(thrown);
        const field = addEngineFieldOf(error.details?.field);
        setState(
          field === null
            ? { isAdding: false, fieldErrors: {}, formError: `Could not add the engine: ${error.message}`, added: null }
            : { isAdding: false, fieldErrors: { [field]: fieldMessage(field, error.message, error.details?.issues) }, formError: null, added: null },
        );
        return false;
      }
    },
    [clientSource],
  );

  return { ...state, add };
}

/**
 * A refused field's message, next to it: the reason validation gave for that field ("URL: is
 * required"), or the backend's own sentence (a conflict names what it conflicts with).
 */
function fieldMessage(field: AddEngineField, message: string, issues: unknown): string {
  const list: readonly unknown[] = Array.isArray(issues) ? (issues as unknown[]) : [];
  const reason = list.find((issue) => isIssue(issue) && addEngineFieldOf(issue.field) === field);
  return isIssue(reason) ? `${addEngineLabels[field]}: ${reason.reason}` : message;
}

function isIssue(value: unknown): value is { field: string; reason: string } {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string' && typeof (value as { reason?: unknown }).reason === 'string';
}
