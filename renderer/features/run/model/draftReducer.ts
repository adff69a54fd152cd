import type { EnvVar, RunSpecInput } from '../../../../runtime/api/index.js';
import { joinShellWords, splitShellWords } from '../../../../runtime/api/shell-words.js';
import {
  blankRow,
  emptyDraft,
  type ArgvDraft,
  type NetworkDraft,
  type ResourcesDraft,
  type RestartDraft,
  type RowList,
  type RowLists,
  type RunDraft,
} from './runDraft.js';
import { specToDraft } from './specToDraft.js';

/**
 * The Run form's state: the draft, plus which fields the user has edited. Problems with a
 * field are shown once it was edited (or after a Run, or a paste), not on a blank form.
 */
export interface DraftState {
  draft: RunDraft;
  /** Draft field paths (`image`, `ports.0.hostPort`) the user has edited. */
  touched: Record<string, true>;
  /** Show every field's problems: after a Run attempt, or after a paste. */
  touchedAll: boolean;
  nextRowId: number;
}

type ScalarKey = { [K in keyof RunDraft]: RunDraft[K] extends string | boolean ? K : never }[keyof RunDraft];
type Which = 'command' | 'entrypoint';

export type DraftAction =
  | { [K in ScalarKey]: { type: 'set'; key: K; value: RunDraft[K] } }[ScalarKey]
  | { type: 'setArgvText'; which: Which; text: string }
  | { type: 'setArg'; which: Which; index: number; value: string }
  | { type: 'addArg'; which: Which }
  | { type: 'removeArg'; which: Which; index: number }
  | { type: 'toggleArgvMode'; which: Which }
  | { type: 'setResource'; key: keyof ResourcesDraft; value: string }
  | { type: 'setRestart'; patch: Partial<RestartDraft> }
  | { type: 'setNetwork'; patch: Partial<NetworkDraft> }
  | { type: 'addRow'; list: RowList }
  | { [L in RowList]: { type: 'appendRow'; list: L; values: Omit<RowLists[L], 'rowId'> } }[RowList]
  | { type: 'removeRow'; list: RowList; index: number }
  | { [L in RowList]: { type: 'updateRow'; list: L; index: number; patch: Partial<Omit<RowLists[L], 'rowId'>> } }[RowList]
  | { type: 'importEnv'; vars: EnvVar[] }
  /** A flag of the Advanced part, by long name; its field is the flag table's. */
  | { type: 'setAdvanced'; name: string; field: string; value: string }
  | { type: 'fillFromSpec'; spec: RunSpecInput }
  | { type: 'touchAll' };

export function initialDraftState(image = ''): DraftState {
  return { draft: emptyDraft(image), touched: {}, touchedAll: false, nextRowId: 1 };
}

/** Where "Run a container with this volume" mounts it until the user says otherwise. */
export const offeredVolumeTarget = '/data';

/** The form opened for an image and, from a volume's page, with that named volume already mounted (at /data, changeable). */
export function initialRunState({ image, volume }: { image: string; volume: string | null }): DraftState {
  const state = initialDraftState(image);
  if (volume === null || volume === '') return state;
  const mount = { rowId: state.nextRowId, type: 'volume' as const, source: volume, target: offeredVolumeTarget, readOnly: false, options: '' };
  return { ...state, draft: { ...state.draft, mounts: [mount] }, nextRowId: state.nextRowId + 1 };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  const { draft } = state;
  switch (action.type) {
    case 'set':
      return edit(state, { ...draft, [action.key]: action.value }, action.key === 'clearEntrypoint' ? 'entrypoint' : action.key);
    case 'setArgvText':
      return edit(state, { ...draft, [action.which]: { ...draft[action.which], text: action.text } }, action.which);
    case 'setArg':
    case 'addArg':
    case 'removeArg':
      return edit(state, { ...draft, [action.which]: editArgs(draft[action.which], action) }, action.which);
    case 'toggleArgvMode':
      return { ...state, draft: { ...draft, [action.which]: toggleMode(draft[action.which]) } };
    case 'setResource':
      return edit(state, { ...draft, resources: { ...draft.resources, [action.key]: action.value } }, `resources.${action.key}`);
    case 'setRestart':
      return edit(state, { ...draft, restart: { ...draft.restart, ...action.patch } }, ...Object.keys(action.patch).map((k) => `restart.${k}`));
    case 'setNetwork':
      return edit(state, { ...draft, network: { ...draft.network, ...action.patch } }, ...networkFields(action.patch));
    case 'addRow':
      return {
        ...state,
        draft: { ...draft, [action.list]: [...draft[action.list], blankRow(action.list, state.nextRowId)] },
        nextRowId: state.nextRowId + 1,
      };
    case 'appendRow':
      // A row filled in at once (what the image offers, once the user takes it up).
      return {
        ...state,
        draft: { ...draft, [action.list]: [...draft[action.list], { ...action.values, rowId: state.nextRowId }] },
        nextRowId: state.nextRowId + 1,
      };
    case 'removeRow': {
      // Indices after the removed row shift, so what was touched in that list no longer lines up.
      const touched = Object.fromEntries(Object.entries(state.touched).filter(([field]) => !field.startsWith(`${action.list}.`)));
      const rows = draft[action.list].filter((_, index) => index !== action.index);
      return { ...state, touched, draft: { ...draft, [action.list]: rows } };
    }
    case 'updateRow': {
      const rows = (draft[action.list] as RowLists[RowList][]).map((row, index) => (index === action.index ? { ...row, ...action.patch } : row));
      const fields = Object.keys(action.patch).map((key) => `${action.list}.${action.index}.${key}`);
      return edit(state, { ...draft, [action.list]: rows }, ...fields);
    }
    case 'importEnv':
      return importEnv(state, action.vars);
    case 'setAdvanced':
      return edit(state, { ...draft, advanced: { ...draft.advanced, [action.name]: action.value } }, action.field);
    case 'fillFromSpec': {
      let nextRowId = state.nextRowId;
      const filled = specToDraft(action.spec, () => nextRowId++);
      return { draft: filled, touched: {}, touchedAll: true, nextRowId };
    }
    case 'touchAll':
      return state.touchedAll ? state : { ...state, touchedAll: true };
  }
}

function edit(state: DraftState, draft: RunDraft, ...fields: string[]): DraftState {
  const touched = { ...state.touched };
  for (const field of fields) touched[field] = true;
  return { ...state, draft, touched };
}

function networkFields(patch: Partial<NetworkDraft>): string[] {
  const names: Record<keyof NetworkDraft, string> = { mode: 'network', container: 'networkContainer', name: 'networkName' };
  return (Object.keys(patch) as (keyof NetworkDraft)[]).map((key) => names[key]);
}

type ArgAction = Extract<DraftAction, { type: 'setArg' | 'addArg' | 'removeArg' }>;

function editArgs(argv: ArgvDraft, action: ArgAction): ArgvDraft {
  if (action.type === 'addArg') return { ...argv, args: [...argv.args, ''] };
  if (action.type === 'removeArg') return { ...argv, args: argv.args.filter((_, i) => i !== action.index) };
  return { ...argv, args: argv.args.map((arg, i) => (i === action.index ? action.value : arg)) };
}

/** Switching keeps the meaning: text is split into words, words are quoted back into text. */
function toggleMode(argv: ArgvDraft): ArgvDraft {
  if (argv.mode === 'list') return { ...argv, mode: 'text', text: joinShellWords(argv.args) };
  const split = splitShellWords(argv.text);
  // Text that does not split (an unclosed quote) stays text; its problem is shown beside it.
  return split.ok ? { ...argv, mode: 'list', args: split.words } : argv;
}

/** Imported variables replace rows with the same key and are appended otherwise; blank rows go. */
function importEnv(state: DraftState, vars: readonly EnvVar[]): DraftState {
  let nextRowId = state.nextRowId;
  const rows = state.draft.env.filter((row) => row.key !== '' || (row.value ?? '') !== '');
  for (const variable of vars) {
    const index = rows.findIndex((row) => row.key === variable.key);
    if (index === -1) rows.push({ rowId: nextRowId++, key: variable.key, value: variable.value });
    else rows[index] = { ...rows[index]!, value: variable.value };
  }
  const touched = Object.fromEntries(Object.entries(state.touched).filter(([field]) => !field.startsWith('env.')));
  return { ...state, touched, nextRowId, draft: { ...state.draft, env: rows } };
}
