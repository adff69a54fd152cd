import type { CreateResult, FieldIssue } from '../../../runtime/api/index.js';
import type { BuiltSpec } from './model/buildSpec.js';
import type { PullState } from './pullProgress.js';
import type { RunStep } from './runFlow.js';

/** Where a Run stands: nothing happening, a step in progress, or waiting on the user's choice. */
export type RunStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; step: RunStep; pull: PullState | null }
  /** Created, but it did not start: keep it or remove it. */
  | { kind: 'startFailed'; engineId: string | undefined; result: CreateResult; removing: boolean; removeError: string | null }
  | { kind: 'removed'; name: string };

/**
 * What the last Run said about the draft it was given. Shown only while the draft is that
 * one: an edit makes it stale, and the live check takes over.
 */
export interface RunOutcomeView {
  built: BuiltSpec;
  /** validateRun (or the local check) found problems, so nothing was sent. */
  blocked: boolean;
  /** Draft-field problems: from validateRun, or an engine error that names a field. */
  issues: FieldIssue[];
  /** An error that names no field, shown in role=alert as the backend wrote it. */
  alert: string | null;
  /** Something to say that is not an error, e.g. that a pull was cancelled. */
  note: string | null;
}
