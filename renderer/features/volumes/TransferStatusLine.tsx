import type { TransferStatus } from './useVolumeTransfers.js';

/** What a backup, download, restore or clone is doing: a bar with its text and Cancel, the result, or the error. */
export function TransferStatusLine({ status, onDismiss }: { status: TransferStatus; onDismiss: () => void }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'working') {
    return (
      <p className="volume-transfer" role="status" aria-label="Volume transfer">
        {status.bar === null ? <progress aria-label="Progress" /> : <progress aria-label="Progress" value={status.bar.value} max={status.bar.max} />}{' '}
        <span>{status.text}</span>{' '}
        <button type="button" className="button-quiet" onClick={status.cancel}>
          Cancel
        </button>
      </p>
    );
  }
  return (
    <p className={status.kind === 'error' ? 'volume-transfer error-text' : 'volume-transfer'} role={status.kind === 'error' ? 'alert' : 'status'} aria-label="Volume transfer">
      <span>{status.text}</span>{' '}
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
