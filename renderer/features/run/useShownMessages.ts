import { useMemo } from 'react';
import type { FieldIssue } from '../../../runtime/api/index.js';
import type { BuiltSpec, LocalCheck } from './model/buildSpec.js';
import type { DraftState } from './model/draftReducer.js';
import { visibleFields } from './model/fieldPaths.js';
import { groupByField, type FieldMessages } from './form/runFormContext.js';
import { mergeIssues } from './runFlow.js';
import type { RunOutcomeView } from './runStatus.js';
import type { LiveCheck } from './useLiveCheck.js';

export interface ShownMessages {
  /** Beside their fields. */
  fields: FieldMessages;
  /** Problems and warnings about fields the form does not show (e.g. a row that is gone). */
  unplacedIssues: FieldIssue[];
  unplacedWarnings: FieldIssue[];
  /** Problems shown anywhere. */
  issueCount: number;
  /** Fields that show a problem (in no particular order: sources differ). */
  issueFields: string[];
}

/**
 * Which messages the form shows where. Problems come from three places: the draft itself
 * (text that is not a value, the contract's schema), the live validateRun, and the last Run
 * (validateRun or an engine error). A problem of a field the user has not edited yet stays
 * hidden until a Run or a paste; warnings always show, since they matter before choosing.
 */
export function useShownMessages(state: DraftState, built: BuiltSpec, local: LocalCheck, live: LiveCheck, outcome: RunOutcomeView | null): ShownMessages {
  return useMemo(() => {
    const fromRun = outcome !== null && outcome.built === built ? outcome.issues : [];
    const isShown = (issue: FieldIssue) => state.touchedAll || state.touched[issue.field] === true;
    const issues = mergeIssues(fromRun, [...local.issues, ...live.issues].filter(isShown));
    const visible = visibleFields(state.draft);
    const placed = issues.filter((issue) => visible.has(issue.field));
    const warnings = mergeIssues(live.warnings);
    return {
      fields: { issues: groupByField(placed), warnings: groupByField(warnings.filter((w) => visible.has(w.field))) },
      unplacedIssues: issues.filter((issue) => !visible.has(issue.field)),
      unplacedWarnings: warnings.filter((warning) => !visible.has(warning.field)),
      issueCount: issues.length,
      issueFields: [...new Set(placed.map((issue) => issue.field))],
    };
  }, [state, built, local, live, outcome]);
}
