import { useEffect, useId, useRef } from 'react';
import type { CreateResult } from '../../../runtime/api/index.js';

interface StartFailureProps {
  created: CreateResult;
  removing: boolean;
  removeError: string | null;
  onKeep: () => void;
  onRemove: () => void;
}

/** Created but not started: nothing is left half-done silently; the user keeps it or removes it. */
export function StartFailure({ created, removing, removeError, onKeep, onRemove }: StartFailureProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus comes here so keyboard users meet the choice right after pressing Run.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section role="alert" className="run-start-failure" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {created.name} was created but did not start
      </h2>
      <p className="run-engine-message">{created.startError?.message}</p>
      <p>Keep the stopped container to look into it, or remove it so that nothing is left behind.</p>
      {removeError !== null && (
        <p className="field-issue">
          Could not remove {created.name}: {removeError}
        </p>
      )}
      <div className="run-actions">
        <button type="button" aria-disabled={removing ? true : undefined} onClick={() => !removing && onKeep()}>
          Keep container
        </button>
        <button type="button" className="button-danger" aria-disabled={removing ? true : undefined} onClick={() => !removing && onRemove()}>
          Remove container
        </button>
      </div>
    </section>
  );
}
