import { useEffect, useMemo, useRef, useState } from 'react';
import { maskInspectSecrets, splitMatches } from './jsonSearch.js';
import { useCopy } from './useCopy.js';

/**
 * The engine's full inspect JSON, searchable (every match marked, Enter / the buttons walk
 * through them) and copyable. Secret-looking env values are masked on screen unless asked;
 * "Copy JSON" copies the real, full answer.
 */
export function InspectTab({ raw }: { raw: Record<string, unknown> }) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [showSecrets, setShowSecrets] = useState(false);
  const { copy, copyState } = useCopy();
  const preRef = useRef<HTMLPreElement>(null);
  const fullText = useMemo(() => JSON.stringify(raw, null, 2), [raw]);
  const shownText = useMemo(() => (showSecrets ? fullText : JSON.stringify(maskInspectSecrets(raw), null, 2)), [raw, fullText, showSecrets]);
  const segments = useMemo(() => splitMatches(shownText, query), [shownText, query]);
  const matchCount = segments.filter((segment) => segment.matchIndex !== null).length;
  const currentMatch = matchCount === 0 ? -1 : current % matchCount;

  useEffect(() => {
    if (currentMatch < 0) return;
    preRef.current?.querySelector(`[data-match="${currentMatch}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [currentMatch, query]);

  const step = (by: number) => setCurrent((currentMatch + by + matchCount) % Math.max(matchCount, 1));
  return (
    <div className="inspect">
      <div className="inspect-bar">
        <input
          type="search"
          aria-label="Search inspect JSON"
          placeholder="Search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setCurrent(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') step(event.shiftKey ? -1 : 1);
          }}
        />
        <span role="status" className="muted">
          {query === '' ? '' : matchCount === 0 ? 'No matches' : `${currentMatch + 1} of ${matchCount} matches`}
        </span>
        <button type="button" disabled={matchCount === 0} onClick={() => step(-1)}>
          Previous match
        </button>
        <button type="button" disabled={matchCount === 0} onClick={() => step(1)}>
          Next match
        </button>
        <label className="check">
          <input type="checkbox" checked={showSecrets} onChange={(event) => setShowSecrets(event.target.checked)} />
          Show secret values
        </label>
        <button type="button" onClick={() => copy(fullText)}>
          Copy JSON
        </button>
        <span role="status">{copyState}</span>
      </div>
      <pre ref={preRef} className="inspect-json" role="region" aria-label="Inspect JSON" tabIndex={0}>
        {segments.map((segment, index) =>
          segment.matchIndex === null ? (
            segment.text
          ) : (
            <mark key={index} data-match={segment.matchIndex} className={segment.matchIndex === currentMatch ? 'mark-current' : undefined}>
              {segment.text}
            </mark>
          ),
        )}
      </pre>
    </div>
  );
}
