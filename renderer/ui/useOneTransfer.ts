import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * What a file transfer (an image save or load, a volume backup, restore or clone) is doing,
 * shown beside the buttons that started it. `Extra` is what a page adds to the working state
 * (e.g. which action it is).
 */
export type TransferState<Extra extends object = object> =
  | { kind: 'idle' }
  | ({ kind: 'working'; text: string; bar: { value: number; max: number } | null; cancel: () => void } & Extra)
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export interface OneTransfer<Extra extends object> {
  status: TransferState<Extra>;
  /** For progress: the working state again, with the `cancel` that `begin` returned. */
  setStatus: Dispatch<SetStateAction<TransferState<Extra>>>;
  /**
   * Starts one transfer, cancelling the one before; `cancel` stops its work (unsubscribes, aborts
   * the upload). Returns the stop the Cancel button calls: it cancels and goes back to idle.
   */
  begin: (text: string, cancel: () => void, extra: Extra) => () => void;
  /** Ends the current transfer with its outcome (nothing is left to cancel). */
  finish: (next: TransferState<Extra>) => void;
  /** Clears a result or an error; a transfer at work stays. */
  dismiss: () => void;
}

/** One transfer at a time, with its status; leaving the page (unmounting) cancels the one at work. */
export function useOneTransfer<Extra extends object>(): OneTransfer<Extra> {
  const [status, setStatus] = useState<TransferState<Extra>>({ kind: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);

  const begin = useCallback((text: string, cancel: () => void, extra: Extra) => {
    cancelRef.current?.();
    const stop = () => {
      cancel();
      if (cancelRef.current === stop) cancelRef.current = null;
      setStatus({ kind: 'idle' });
    };
    cancelRef.current = stop;
    setStatus({ ...extra, kind: 'working', text, bar: null, cancel: stop });
    return stop;
  }, []);

  const finish = useCallback((next: TransferState<Extra>) => {
    cancelRef.current = null;
    setStatus(next);
  }, []);

  const dismiss = useCallback(() => setStatus((current) => (current.kind === 'working' ? current : { kind: 'idle' })), []);

  return { status, setStatus, begin, finish, dismiss };
}
