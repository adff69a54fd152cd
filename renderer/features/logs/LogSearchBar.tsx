import { useId, type KeyboardEvent, type RefObject } from 'react';
import type { SearchCompilation, SearchQuery } from './model/logSearch.js';

/** What the user asked to find, and whether to show only the lines that match. */
export interface LogQuery extends SearchQuery {
  onlyMatching: boolean;
}

export const emptyQuery: LogQuery = { text: '', isRegex: false, matchCase: false, onlyMatching: false };

interface LogSearchBarProps {
  query: LogQuery;
  compilation: SearchCompilation;
  onChange: (query: LogQuery) => void;
  onStep: (direction: 1 | -1) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  matchCount: number;
  currentOrdinal: number | null;
  isComplete: boolean;
}

function countText({ compilation, matchCount, currentOrdinal, isComplete }: Pick<LogSearchBarProps, 'compilation' | 'matchCount' | 'currentOrdinal' | 'isComplete'>): string {
  if (compilation.kind !== 'ok') return '';
  const lines = `${matchCount.toLocaleString('en-US')} matching line${matchCount === 1 ? '' : 's'}`;
  const found = currentOrdinal === null ? lines : `${currentOrdinal.toLocaleString('en-US')} of ${lines}`;
  return isComplete ? (matchCount === 0 ? 'No matches' : found) : `${found} so far, searching…`;
}

const toggles: readonly { key: 'isRegex' | 'matchCase' | 'onlyMatching'; label: string }[] = [
  { key: 'isRegex', label: 'Regular expression' },
  { key: 'matchCase', label: 'Match case' },
  { key: 'onlyMatching', label: 'Only matching lines' },
];

/** Search across every line held: Enter for the next match, Shift+Enter for the previous. */
export function LogSearchBar({ query, compilation, onChange, onStep, inputRef, ...counts }: LogSearchBarProps) {
  const errorId = useId();
  const hasSearch = compilation.kind === 'ok';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onStep(event.shiftKey ? -1 : 1);
  };
  return (
    <div className="log-search" role="search" aria-label="Search the log">
      <input
        ref={inputRef}
        type="search"
        className="log-search-input"
        aria-label="Search"
        placeholder="Search (/ or Ctrl+F)"
        value={query.text}
        spellCheck={false}
        aria-invalid={compilation.kind === 'invalid'}
        aria-describedby={compilation.kind === 'invalid' ? errorId : undefined}
        onChange={(event) => onChange({ ...query, text: event.target.value })}
        onKeyDown={onKeyDown}
      />
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!hasSearch} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={!hasSearch} onClick={() => onStep(1)}>
        ↓
      </button>
      {toggles.map(({ key, label }) => (
        <label key={key} className="log-check">
          <input type="checkbox" checked={query[key]} onChange={(event) => onChange({ ...query, [key]: event.target.checked })} />
          {label}
        </label>
      ))}
      <span className="log-search-count" role="status">
        {countText({ compilation, ...counts })}
      </span>
      {compilation.kind === 'invalid' && (
        <span id={errorId} className="field-error" role="alert">
          Search: {compilation.message}
        </span>
      )}
    </div>
  );
}
