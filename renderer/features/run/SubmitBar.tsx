import { forwardRef } from 'react';
import type { FieldIssue } from '../../../runtime/api/index.js';
import { fieldLabel } from './model/fieldPaths.js';
import type { RunOutcomeView, RunStatus } from './runStatus.js';

interface SubmitBarProps {
  status: RunStatus;
  outcome: RunOutcomeView | null;
  unplacedIssues: FieldIssue[];
  unplacedWarnings: FieldIssue[];
  issueCount: number;
  checkUnavailable: string | null;
  onCreateOnly: () => void;
}

const stepText = { checking: 'Checking the settings…', pulling: 'Pulling the image…', creating: 'Creating the container…' };

/**
 * The Run buttons and what the last press said. "Create and start" is the form's submit
 * button, so Enter in a field runs too. While busy the buttons stay focusable (aria-disabled)
 * so keyboard focus is not thrown back to the top of the page.
 */
export const SubmitBar = forwardRef<HTMLDivElement, SubmitBarProps>(function SubmitBar(props, summaryRef) {
  const { status, outcome, unplacedIssues, unplacedWarnings, issueCount, checkUnavailable, onCreateOnly } = props;
  const busy = status.kind === 'busy' || status.kind === 'startFailed';
  // An engine error that names a field is shown there; this only says where to look.
  const refusedAt = outcome !== null && !outcome.blocked ? outcome.issues[0]?.field : undefined;
  return (
    <div className="run-submit">
      {unplacedWarnings.length > 0 && (
        <ul className="field-warning">
          {unplacedWarnings.map((warning, i) => (
            <li key={i}>
              Warning: {fieldLabel(warning.field)}: {warning.message}
            </li>
          ))}
        </ul>
      )}
      <div ref={summaryRef} tabIndex={-1} className="run-summary">
        {outcome?.blocked === true && (
          <div role="alert" className="field-issue">
            <p>
              Nothing was sent: {issueCount} {issueCount === 1 ? 'problem' : 'problems'} to fix{unplacedIssues.length > 0 ? '.' : ', marked beside the fields.'}
            </p>
            {unplacedIssues.length > 0 && (
              <ul>
                {unplacedIssues.map((issue, i) => (
                  <li key={i}>
                    {fieldLabel(issue.field)}: {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {refusedAt !== undefined && (
          <p role="alert" className="field-issue">
            Not created: the reason is shown beside {fieldLabel(refusedAt)}.
          </p>
        )}
        {outcome?.alert != null && (
          <p role="alert" className="field-issue run-engine-message">
            {outcome.alert}
          </p>
        )}
        {outcome?.note != null && <p role="status">{outcome.note}</p>}
      </div>
      <div className="run-actions">
        <button type="submit" className="run-primary" aria-disabled={busy ? true : undefined}>
          Create and start
        </button>
        <button type="button" aria-disabled={busy ? true : undefined} onClick={() => !busy && onCreateOnly()}>
          Create only
        </button>
        <span role="status" className="run-step">
          {status.kind === 'busy' ? stepText[status.step] : ''}
        </span>
      </div>
      {checkUnavailable !== null && <p className="field-hint">The settings could not be checked as you type: {checkUnavailable}</p>}
    </div>
  );
});
