import { memo } from 'react';
import type { SourceView } from './model/logSession.js';

/** One line per container that has something to say: a TTY, an unreadable log driver, a failure. */
export const LogSourceNotes = memo(function LogSourceNotes({ sources, showsNames }: { sources: readonly SourceView[]; showsNames: boolean }) {
  const notes = sources.flatMap((source) => {
    const who = showsNames ? `${source.name}: ` : '';
    const { status } = source;
    if (status.kind === 'open' && status.tty) return [{ key: source.key, isError: false, text: `${who}a TTY container writes stdout and stderr as one stream: they cannot be told apart (every line shows as stdout).` }];
    if (status.kind === 'unreadable') return [{ key: source.key, isError: false, text: `${who}${status.message}` }];
    if (status.kind === 'failed') return [{ key: source.key, isError: true, text: `${who}could not read the log: ${status.message}` }];
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <ul className="log-notes">
      {notes.map((note) => (
        <li key={note.key} className={note.isError ? 'error-text' : undefined}>
          {note.text}
        </li>
      ))}
    </ul>
  );
});
