import './ui.css';
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** E.g. while a field in the dialog is invalid: the dialog stays open and nothing is sent. */
  confirmDisabled?: boolean;
  /** `danger` (the default) for what destroys or interrupts; `normal` for harmless changes like a rename. */
  tone?: 'danger' | 'normal';
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, makes the rest of the
 * page inert and maps Escape to cancel. Focus starts on Cancel (the safe choice) and returns to
 * whatever opened the dialog.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, confirmDisabled = false, tone = 'danger' }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && !dialog.contains(active) ? active : null;
    // Test DOMs may lack showModal; an open, non-modal dialog is still a dialog.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    cancelRef.current?.focus();
    return () => {
      // Closed here too, so that StrictMode's re-run of this effect can open it again.
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault(); // React state closes the dialog, not the browser.
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {/* A form so that Enter in a field of the dialog confirms, like clicking the button. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // React events bubble through the component tree, not the DOM: a form around whoever
          // opened the dialog must not see this submit.
          event.stopPropagation();
          if (!confirmDisabled) onConfirm();
        }}
      >
        <div id={bodyId}>{children}</div>
        <div className="dialog-buttons">
          <button type="button" ref={cancelRef} onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={tone === 'danger' ? 'button-danger' : 'button-primary'} disabled={confirmDisabled}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
