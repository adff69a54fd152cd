import { useId, useState } from 'react';
import { buildCacheFilterProblem, dockerHumanSize } from '../../../runtime/api/index.js';
import { useFilteredPreview } from '../../app/useFilteredPreview.js';
import { previewProblem, PruneListDialog } from './PruneListDialog.js';

export interface BuildCachePruneRequest {
  engineId: string;
  all: boolean;
  filters: string[];
}

/** **Prune…** for the build cache: unused records (with "all", shared and internal ones too), optionally only those not used within `until`. */
export function PruneBuildCacheDialog({ engineId, onPrune, onClose }: { engineId: string; onPrune: (request: BuildCachePruneRequest) => void; onClose: () => void }) {
  const [all, setAll] = useState(false);
  const [filtersText, setFiltersText] = useState('');
  const filtersId = useId();
  const found = useFilteredPreview('builder.prunePreview', engineId, filtersText, buildCacheFilterProblem, { all });
  const { wordProblem, asked, preview: current } = found;
  const preview =
    current === null
      ? null
      : { spaceBytes: current.spaceBytes, rows: current.records.map((record) => ({ key: record.id, cells: [record.id.slice(0, 12), record.type, record.description, dockerHumanSize(record.sizeBytes)] })) };
  return (
    <PruneListDialog
      title="Prune build cache"
      listLabel="Build cache records that would be removed"
      columns={['Record', 'Type', 'Made by', 'Size']}
      noun={['record', 'records']}
      preview={preview}
      problem={previewProblem(found)}
      onCancel={onClose}
      onConfirm={() => {
        if (current === null || asked === null) return;
        onClose();
        onPrune({ engineId, ...asked });
      }}
    >
      <label className="check">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        All unused build cache (records shared with images and BuildKit&apos;s own too), as docker builder prune -a
      </label>
      <div className="field">
        <label htmlFor={filtersId}>Filters (optional)</label>
        <input id={filtersId} type="text" value={filtersText} placeholder="until=24h" autoComplete="off" spellCheck={false} aria-invalid={wordProblem !== null} onChange={(event) => setFiltersText(event.target.value)} />
        <span className="field-hint">until=DURATION keeps the records used within it, as docker builder prune --filter.</span>
      </div>
    </PruneListDialog>
  );
}
