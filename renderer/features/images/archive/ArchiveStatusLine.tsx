import type { ArchiveStatus } from './useImageArchive.js';

/** What Save… / Load… are doing, beside them: a bar with its text and Cancel, the result, or the error. */
export function ArchiveStatusLine({ status, onDismiss }: { status: ArchiveStatus; onDismiss: () => void }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'working') {
    const name = status.action === 'save' ? 'Saving images' : 'Loading images';
    return (
      <span className="archive-status" role="status" aria-label="Save and load">
        {status.bar === null ? <progress aria-label={name} /> : <progress aria-label={name} value={status.bar.value} max={status.bar.max} />}
        <span>{status.text}</span>
        <button type="button" className="button-quiet" onClick={status.cancel}>
          {status.action === 'save' ? 'Cancel save' : 'Cancel load'}
        </button>
      </span>
    );
  }
  return (
    <span className={status.kind === 'error' ? 'archive-status error-text' : 'archive-status'} role={status.kind === 'error' ? 'alert' : 'status'} aria-label="Save and load">
      <span>{status.text}</span>
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </span>
  );
}
