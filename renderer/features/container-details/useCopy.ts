import { useCallback, useState } from 'react';
import { copyText } from '../../ui/clipboard.js';

/** Copies text and says how that went, in words for a role="status" next to the button. */
export function useCopy(): { copy: (text: string) => void; copyState: string } {
  const [copyState, setCopyState] = useState('');
  const copy = useCallback((text: string) => {
    setCopyState('');
    copyText(text).then(
      () => setCopyState('Copied to the clipboard.'),
      (error: unknown) => setCopyState(`Could not copy: ${error instanceof Error ? error.message : String(error)}.`),
    );
  }, []);
  return { copy, copyState };
}
