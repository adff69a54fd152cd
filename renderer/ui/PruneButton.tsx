/** A list page's **Prune…** (Pruning… while one runs), with what the last prune did beside it, as a status. */
export function PruneButton({ isBusy, isDisabled, outcome, onOpen }: { isBusy: boolean; isDisabled: boolean; outcome: string | null; onOpen: () => void }) {
  return (
    <>
      <button type="button" disabled={isBusy || isDisabled} onClick={onOpen}>
        {isBusy ? 'Pruning…' : 'Prune…'}
      </button>
      <span role="status" className="count">
        {outcome}
      </span>
    </>
  );
}
