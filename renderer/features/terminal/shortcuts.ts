/**
 * Ctrl+C and Ctrl+V belong to the program in the terminal (interrupt, literal next), so copying
 * and pasting use Ctrl+Shift+C / Ctrl+Shift+V, as in Linux terminals. Plain paste (the browser's
 * paste event, the context menu) works too; xterm handles that itself.
 */
export type TerminalShortcut = 'copy' | 'paste' | null;

export function terminalShortcut(event: Pick<KeyboardEvent, 'type' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'code'>): TerminalShortcut {
  if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return null;
  if (event.code === 'KeyC') return 'copy';
  if (event.code === 'KeyV') return 'paste';
  return null;
}
