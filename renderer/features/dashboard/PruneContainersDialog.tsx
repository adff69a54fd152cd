import { useId, useState } from 'react';
import { containerPruneFilterProblem, dockerHumanSize } from '../../../runtime/api/index.js';
import { useFilteredPreview } from '../../app/useFilteredPreview.js';
import { previewProblem, PruneListDialog } from './PruneListDialog.js';

/** What the user confirmed: the filters and exactly the containers the preview listed. */
export interface ContainerPruneRequest {
  engineId: string;
  filters: string[];
  ids: string[];
}

/** **Prune…** for containers: every stopped container (created, exited, dead), optionally narrowed by filter words; only those listed go. */
export function PruneContainersDialog({ engineId, onPrune, onClose }: { engineId: string; onPrune: (request: ContainerPruneRequest) => void; onClose: () => void }) {
  const [filtersText, setFiltersText] = useState('');
  const filtersId = useId();
  const found = useFilteredPreview('containers.prunePreview', engineId, filtersText, containerPruneFilterProblem, {});
  const { wordProblem, asked, preview: current } = found;
  const preview = current === null ? null : { spaceBytes: current.spaceBytes, rows: current.containers.map((container) => ({ key: container.id, cells: [container.name, container.image, container.status, dockerHumanSize(container.sizeRwBytes)] })) };
  return (
    <PruneListDialog
      title="Prune stopped containers"
      listLabel="Containers that would be removed"
      columns={['Container', 'Image', 'Status', 'Size']}
      noun={['container', 'containers']}
      preview={preview}
      problem={previewProblem(found)}
      onCancel={onClose}
      onConfirm={() => {
        if (current === null || asked === null) return;
        onClose();
        onPrune({ engineId, filters: asked.filters, ids: current.containers.map((container) => container.id) });
      }}
    >
      <p>Every container that is created, exited or dead is removed (like docker container prune); their anonymous volumes are kept.</p>
      <div className="field">
        <label htmlFor={filtersId}>Filters (optional)</label>
        <input id={filtersId} type="text" value={filtersText} placeholder="label=team=web label!=keep until=24h" autoComplete="off" spellCheck={false} aria-invalid={wordProblem !== null} onChange={(event) => setFiltersText(event.target.value)} />
        <span className="field-hint">As docker container prune --filter takes them, separated by spaces.</span>
      </div>
    </PruneListDialog>
  );
}
