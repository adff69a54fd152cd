/**
 * Writes text to the clipboard. Browsers offer the API only in secure contexts (file://,
 * https, 127.0.0.1), and may refuse it; the caller then shows the text for copying by hand.
 */
export async function copyText(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  if (clipboard === undefined) throw new Error('the clipboard is not available here');
  await clipboard.writeText(text);
}
