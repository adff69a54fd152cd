import { useId } from 'react';
import { TransferProgressView } from '../transfers/TransferProgressView.js';
import type { PullState } from './pullProgress.js';

/** The pull before create: overall progress and one line per layer, a bar where the engine gives byte totals. */
export function PullProgressView({ pull, onCancel }: { pull: PullState; onCancel: () => void }) {
  const titleId = useId();
  return (
    <section className="run-pull" aria-labelledby={titleId}>
      <h2 id={titleId}>Pulling {pull.reference}</h2>
      <p role="status">{pull.overall?.message || 'Starting the pull'}</p>
      <TransferProgressView transfer={pull} />
      <button type="button" onClick={onCancel}>
        Cancel pull
      </button>
    </section>
  );
}
