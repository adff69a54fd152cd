import { createContext, useContext, type Dispatch } from 'react';
import type { DraftAction } from '../model/draftReducer.js';

/** Messages to show beside fields, by draft field path. */
export interface FieldMessages {
  issues: ReadonlyMap<string, readonly string[]>;
  warnings: ReadonlyMap<string, readonly string[]>;
}

export interface RunFormContextValue {
  dispatch: Dispatch<DraftAction>;
  messages: FieldMessages;
  /** The engine the form runs on (undefined: the default, not known yet): sections suggest from it and check against its host. */
  engineId: string | undefined;
}

/** Saves threading `dispatch` and the messages through every section of a long form. */
export const RunFormContext = createContext<RunFormContextValue | null>(null);

export function useRunForm(): RunFormContextValue {
  const value = useContext(RunFormContext);
  if (value === null) throw new Error('Run form fields are used only inside RunForm.');
  return value;
}

export function groupByField(list: readonly { field: string; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { field, message } of list) map.set(field, [...(map.get(field) ?? []), message]);
  return map;
}
