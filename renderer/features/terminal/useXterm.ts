import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useCallback, useState } from 'react';
import { berthStore } from '../../stores/store.js';
import { terminalShortcut } from './shortcuts.js';

/** Opens only http(s) links, and only when clicked: terminal text never navigates by itself. */
const linkHandler = {
  activate(_event: MouseEvent, uri: string) {
    if (/^https?:\/\//i.test(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
  },
  allowNonHttpProtocols: false,
};

/**
 * An xterm.js terminal living in the element given to `ref` while it is mounted, fitted to its
 * box: every change of the box's size refits, and xterm reports the new size through `onResize`.
 */
export function useXterm(label: string): { ref: (element: HTMLElement | null) => (() => void) | undefined; terminal: Terminal | null } {
  const [terminal, setTerminal] = useState<Terminal | null>(null);

  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (element === null) return undefined;
      // The settings (Settings, Terminal) as the terminal opens.
      const { fontSize, scrollbackLines } = berthStore.getState().settings.value.terminal;
      const created = new Terminal({
        cursorBlink: true,
        scrollback: scrollbackLines,
        fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace',
        fontSize,
        linkHandler,
        theme: { background: '#1b1d21', foreground: '#e3e5e8' },
      });
      const fit = new FitAddon();
      created.loadAddon(fit);
      created.open(element);
      created.attachCustomKeyEventHandler((event) => {
        const shortcut = terminalShortcut(event);
        if (shortcut === null) return true;
        // What is copied is the selection's plain text: escape sequences never reach the clipboard.
        if (shortcut === 'copy' && created.hasSelection()) void navigator.clipboard.writeText(created.getSelection()).catch(() => undefined);
        if (shortcut === 'paste') void navigator.clipboard.readText().then((text) => created.paste(text), () => undefined);
        return false;
      });
      created.textarea?.setAttribute('aria-label', label);
      const refit = () => {
        // A hidden panel (another tab selected) has no size; keep the last one.
        if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
      };
      refit();
      const observer = new ResizeObserver(refit);
      observer.observe(element);
      setTerminal(created);
      return () => {
        observer.disconnect();
        created.dispose();
        setTerminal(null);
      };
    },
    [label],
  );

  return { ref, terminal };
}
