import { useState } from 'react';
import { displayByteSize, type ImageHistoryEntry } from '../../../runtime/api/index.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { useNow } from '../../ui/useNow.js';

/** The classic builder's prefix of an instruction that changed only the config. */
const nopPrefix = /^\/bin\/sh -c #\(nop\)\s+/;

/** The instruction as a person reads it first: `CMD ["sh"]` rather than `/bin/sh -c #(nop)  CMD ["sh"]`, on one line. */
export function instructionSummary(createdBy: string): string {
  return createdBy.replace(nopPrefix, '').replace(/\s+/g, ' ').trim();
}

/**
 * `docker history`: one row per instruction, newest first, with the size of the layer it made
 * and its age. The instruction is shortened to a line; **Show full** opens the row to the whole
 * text exactly as the engine recorded it. Every value is rendered as text.
 */
export function HistoryTable({ history }: { history: readonly ImageHistoryEntry[] }) {
  const nowMs = useNow(60_000);
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (index: number) =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  if (history.length === 0) return <p className="empty">No history recorded.</p>;
  return (
    <table className="kv-table history-table" aria-label="Layers">
      <thead>
        <tr>
          <th scope="col">Size</th>
          <th scope="col">Created</th>
          <th scope="col">Instruction</th>
          <th scope="col">Step</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry, index) => {
          const isOpen = open.has(index);
          const summary = instructionSummary(entry.createdBy);
          const step = history.length - index;
          const detailsId = `history-step-${step}`;
          return (
            <tr key={index} aria-label={`Step ${step}`}>
              <td className="history-size" title={`${entry.sizeBytes} bytes`}>
                {entry.sizeBytes === 0 ? '0 B' : displayByteSize(entry.sizeBytes)}
              </td>
              <td title={fullDate(entry.created)}>{relativeTime(entry.created, nowMs)}</td>
              <td className="mono history-instruction">
                {isOpen ? (
                  <pre id={detailsId} className="history-full">
                    {entry.createdBy === '' ? '(not recorded)' : entry.createdBy}
                    {entry.comment !== '' && `\n# ${entry.comment}`}
                  </pre>
                ) : (
                  <span className="history-summary">{summary === '' ? <span className="muted">{entry.comment || '(not recorded)'}</span> : summary}</span>
                )}
                {entry.tags.length > 0 && <span className="muted"> · {entry.tags.join(', ')}</span>}
              </td>
              <td>
                <span className="muted mono" title={entry.id}>
                  {entry.id === '<missing>' ? '<missing>' : entry.id.replace(/^sha256:/, '').slice(0, 12)}
                </span>{' '}
                <button type="button" className="button-quiet" aria-expanded={isOpen} aria-controls={isOpen ? detailsId : undefined} onClick={() => toggle(index)}>
                  {isOpen ? `Hide step ${step}` : `Show full step ${step}`}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
