import { useMemo, useState } from 'react';
import type { EngineTags } from '../../../app/useEngineViews.js';
import { itemKey } from '../../../stores/itemKey.js';
import { Checkbox } from '../../../ui/Checkbox.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import type { ImageRow } from '../imageRows.js';
import type { SaveRequest } from './useImageArchive.js';

interface SaveImagesDialogProps {
  /** The rows the page shows (one per tag), in its order. */
  rows: readonly ImageRow[];
  engines: EngineTags;
  /** "Save" in the desktop app (a save dialog follows), "Download" in a browser. */
  confirmLabel: string;
  onSave: (request: SaveRequest) => void;
  onClose: () => void;
}

/** The most images one save takes (the contract's limit). */
const maxImages = 100;

/**
 * Choosing the images of a save: one checkbox per row (a tag is saved with its tag, an untagged
 * image by its id). A save is of one engine's images: once one is chosen, other engines' rows
 * cannot be, and say why.
 */
export function SaveImagesDialog({ rows, engines, confirmLabel, onSave, onClose }: SaveImagesDialogProps) {
  const [chosen, setChosen] = useState<ReadonlyMap<string, ImageRow>>(new Map());
  const engineId = chosen.values().next().value?.image.engineId ?? null;
  const keyOf = (row: ImageRow) => itemKey(row.image.engineId, row.key);
  const engineName = (id: string) => engines.byId.get(id)?.name ?? id;
  const isFull = chosen.size >= maxImages;

  const toggle = (row: ImageRow, checked: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (checked) next.set(keyOf(row), row);
      else next.delete(keyOf(row));
      return next;
    });

  const request = useMemo((): SaveRequest | null => {
    const picked = [...chosen.values()];
    const first = picked[0];
    if (first === undefined) return null;
    const labels = picked.map((row) => row.label);
    return { engineId: first.image.engineId, refs: picked.map((row) => row.ref), label: labels.length <= 3 ? labels.join(', ') : `${labels.length} images` };
  }, [chosen]);

  return (
    <ConfirmDialog
      title="Save images to a tar file"
      confirmLabel={confirmLabel}
      tone="normal"
      confirmDisabled={request === null}
      onConfirm={() => {
        if (request === null) return;
        onSave(request);
        onClose();
      }}
      onCancel={onClose}
    >
      <p>Choose the images to save, as `docker save` writes them. Tags are kept; an untagged image is saved by its id.</p>
      <ul className="archive-choices" aria-label="Images to save">
        {rows.map((row) => {
          const key = keyOf(row);
          const isChosen = chosen.has(key);
          const otherEngine = engineId !== null && row.image.engineId !== engineId;
          const name = engines.isShown ? `${row.label} (${engineName(row.image.engineId)})` : row.label;
          return (
            <li key={key} className="check" title={otherEngine ? `Only images of ${engineName(engineId)} can be saved with the ones chosen.` : undefined}>
              <Checkbox label={`Save ${name}`} checked={isChosen} disabled={!isChosen && (otherEngine || isFull)} onChange={(checked) => toggle(row, checked)} />
              <span aria-hidden="true">{name}</span>
            </li>
          );
        })}
      </ul>
      <p className="field-hint" aria-live="polite">
        {chosen.size === 0 ? 'No image chosen.' : `${chosen.size} ${chosen.size === 1 ? 'image' : 'images'} chosen${isFull ? ` (at most ${maxImages} at once)` : ''}.`}
        {engineId !== null && engines.isShown ? ` Only images of ${engineName(engineId)} can join them.` : ''}
      </p>
    </ConfirmDialog>
  );
}
