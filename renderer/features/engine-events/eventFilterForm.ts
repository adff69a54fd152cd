import type { EngineEventFilter } from '../../../runtime/api/index.js';

/** The Events page's filter controls as typed. */
export interface EventFilterForm {
  /** One type, or '' for every type. */
  type: string;
  /** One or more actions separated by commas (`die, oom`), or '' for every action. */
  actions: string;
  name: string;
}

export const emptyEventFilterForm: EventFilterForm = { type: '', actions: '', name: '' };

/** The types the Type filter offers (the engine may send others; they show under "All types"). */
export const eventTypes = ['container', 'image', 'volume', 'network', 'daemon', 'plugin'] as const;

/** The `eventlog.watch` params for what the user typed: empty parts left out, actions split at commas. */
export function filterOfForm(form: EventFilterForm): EngineEventFilter {
  const filter: EngineEventFilter = {};
  if (form.type !== '') filter.types = [form.type];
  const actions = form.actions
    .split(',')
    .map((action) => action.trim())
    .filter((action) => action !== '')
    .slice(0, 32)
    .map((action) => action.slice(0, 128));
  if (actions.length > 0) filter.actions = actions;
  const name = form.name.trim().slice(0, 256);
  if (name !== '') filter.name = name;
  return filter;
}
