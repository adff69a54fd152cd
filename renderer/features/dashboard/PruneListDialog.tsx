import type { ReactNode } from 'react';
import { dockerHumanSize } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

/** What a preview found: one row per item, its cells in the dialog's columns. */
export interface PruneListPreview {
  rows: { key: string; cells: string[] }[];
  spaceBytes: number;
}

interface PruneListDialogProps {
  title: string;
  /** The list's accessible name, e.g. "Containers that would be removed". */
  listLabel: string;
  columns: readonly string[];
  /** E.g. ['container', 'containers']. */
  noun: readonly [string, string];
  /** Null while the preview is being worked out (or cannot be, see `problem`). */
  preview: PruneListPreview | null;
  /** Why there is no preview: a filter word that is wrong, or the engine's refusal. */
  problem: string | null;
  /** The form above the list (filters, options). */
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What the list says in place of a preview: the first bad filter word, or why the engine could not work the preview out; null while it is being worked out. */
export function previewProblem({ wordProblem, preview, error, isLoading }: { wordProblem: string | null; preview: unknown; error: { message: string } | null; isLoading: boolean }): string | null {
  if (wordProblem !== null) return `Filters: ${wordProblem}`;
  return error !== null && preview === null && !isLoading ? `Could not work out what would go: ${error.message}` : null;
}

/**
 * A prune's dialog for the prunes the Dashboard adds (stopped containers, build cache): its
 * options, then exactly what would go and the space it frees, before anything is removed. Sizes
 * as `docker system df` and the CLI's prunes print them. Images and volumes keep their own
 * dialogs (features/images, features/volumes), which the Dashboard opens as they are.
 */
export function PruneListDialog({ title, listLabel, columns, noun, preview, problem, children, onConfirm, onCancel }: PruneListDialogProps) {
  const count = preview?.rows.length ?? 0;
  const word = count === 1 ? noun[0] : noun[1];
  return (
    <ConfirmDialog title={title} confirmLabel={preview === null || count === 0 ? 'Remove' : `Remove ${count} ${word}`} confirmDisabled={preview === null || count === 0} onConfirm={onConfirm} onCancel={onCancel}>
      {children}
      <div aria-live="polite" className="prune-preview">
        {problem !== null ? (
          <p className="error-text">{problem}</p>
        ) : preview === null ? (
          <p className="empty">Working out what would go…</p>
        ) : count === 0 ? (
          <p>Nothing to prune: no {noun[0]} matches.</p>
        ) : (
          <>
            <p>
              {count} {word} would be removed, freeing <strong>{dockerHumanSize(preview.spaceBytes)}</strong>:
            </p>
            <table className="kv-table prune-list" aria-label={listLabel}>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, index) => (
                      <td key={columns[index]} className={index === 0 ? 'mono' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
