import { useCallback, useEffect, useState } from 'react';
import { diskUsageText, dockerHumanSize, type DiskUsageTotals, type SystemDiskUsage } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { toBerthError } from '../../transport/callError.js';
import { useMethodResult } from '../container-details/useMethodResult.js';
import { PruneImagesDialog } from '../images/PruneImagesDialog.js';
import { usePruneImages } from '../images/usePruneImages.js';
import { PruneVolumesDialog } from '../volumes/PruneVolumesDialog.js';
import { useVolumeActions } from '../volumes/useVolumeActions.js';
import { PruneBuildCacheDialog, type BuildCachePruneRequest } from './PruneBuildCacheDialog.js';
import { PruneContainersDialog, type ContainerPruneRequest } from './PruneContainersDialog.js';

type Kind = 'images' | 'containers' | 'volumes' | 'buildCache';

/** The rows of `docker system df`, in its order and with its names. */
const kinds: { kind: Kind; title: string }[] = [
  { kind: 'images', title: 'Images' },
  { kind: 'containers', title: 'Containers' },
  { kind: 'volumes', title: 'Local Volumes' },
  { kind: 'buildCache', title: 'Build Cache' },
];

type Outcome = { kind: 'done' | 'error'; text: string } | null;

/**
 * One engine's disk usage (`system.df`), asked for as the page opens but never waited for: the
 * rest of the Dashboard shows at once, this table says it is loading until the engine has
 * measured every container and volume. Each kind has its **Prune…**, whose dialog lists what
 * would go first; after a prune the table is asked for again.
 */
export function DiskUsage({ engineId, engines }: { engineId: string; engines: EngineTags }) {
  const { data, error, isLoading, reload } = useMethodResult('system.df', {}, { engineId });
  const [open, setOpen] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const images = usePruneImages();
  const volumes = useVolumeActions();
  const own = useOwnPrunes(setOutcome, reload);
  useEffect(() => {
    if (images.outcome !== null) reload();
  }, [images.outcome, reload]);
  useEffect(() => {
    if (volumes.status.kind !== 'idle') reload();
  }, [volumes.status, reload]);
  const said = [images.outcome, volumes.status.kind === 'idle' ? null : volumes.status.text, outcome?.text ?? null].filter((text): text is string => text !== null);

  return (
    <section className="dashboard-section" aria-label="Disk usage">
      <header className="dashboard-section-header">
        <h3>Disk usage</h3>
        <button type="button" disabled={isLoading} onClick={reload}>
          {isLoading && data !== null ? 'Measuring…' : 'Refresh'}
        </button>
      </header>
      {said.map((text) => (
        <p key={text} role="status" className="count">
          {text}
        </p>
      ))}
      {data === null ? (
        error !== null && !isLoading ? (
          <p className="error-text" role="alert">
            Could not read the disk usage: {error.message}
          </p>
        ) : (
          <p className="empty" role="status">
            Loading disk usage… (the engine measures every container and volume)
          </p>
        )
      ) : (
        <DiskUsageTable usage={data} onPrune={setOpen} />
      )}
      {open === 'images' && (
        <PruneImagesDialog
          engineId={engineId}
          engines={{ ...engines, isShown: false }}
          onClose={() => setOpen(null)}
          onPrune={(request, preview) => images.prune(request, { images: new Set(preview.images.map((image) => image.id)), intermediate: new Set(preview.intermediateIds) })}
        />
      )}
      {open === 'volumes' && <PruneVolumesDialog engineId={engineId} engines={{ ...engines, isShown: false }} onPrune={volumes.prune} onClose={() => setOpen(null)} />}
      {open === 'containers' && <PruneContainersDialog engineId={engineId} onPrune={own.containers} onClose={() => setOpen(null)} />}
      {open === 'buildCache' && <PruneBuildCacheDialog engineId={engineId} onPrune={own.buildCache} onClose={() => setOpen(null)} />}
    </section>
  );
}

function DiskUsageTable({ usage, onPrune }: { usage: SystemDiskUsage; onPrune: (kind: Kind) => void }) {
  return (
    <table className="kv-table disk-usage" aria-label="Disk usage by kind">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Total</th>
          <th scope="col">Active</th>
          <th scope="col">Size</th>
          <th scope="col">Reclaimable</th>
          <th scope="col">Prune</th>
        </tr>
      </thead>
      <tbody>
        {kinds.map(({ kind, title }) => {
          const totals: DiskUsageTotals | null = usage[kind];
          if (totals === null) {
            return (
              <tr key={kind} aria-label={title}>
                <th scope="row">{title}</th>
                <td colSpan={5} className="empty">
                  This engine keeps no build cache.
                </td>
              </tr>
            );
          }
          const text = diskUsageText(totals);
          return (
            <tr key={kind} aria-label={title}>
              <th scope="row">{title}</th>
              <td>{totals.total}</td>
              <td>{totals.active}</td>
              <td title={`${totals.sizeBytes} bytes`}>{text.size}</td>
              <td title={`${totals.reclaimableBytes} bytes`}>{text.reclaimable}</td>
              <td>
                <button type="button" aria-label={`Prune ${title.toLowerCase()}…`} onClick={() => onPrune(kind)}>
                  Prune…
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The prunes the Dashboard adds (containers with a preview, build cache): each says what went, then the table is measured again. */
function useOwnPrunes(say: (outcome: Outcome) => void, reload: () => void) {
  const clientSource = useClientSource();
  const containers = useCallback(
    (request: ContainerPruneRequest) => {
      const client = clientSource();
      if (client === null) return say({ kind: 'error', text: 'Could not prune: not connected to Berth.' });
      client.call('containers.prune', { filters: request.filters, ids: request.ids }, { engine: request.engineId }).then(
        (result) => {
          const removed = `Removed ${result.removed.length} ${result.removed.length === 1 ? 'container' : 'containers'}, freeing ${dockerHumanSize(result.spaceReclaimedBytes)}.`;
          const skipped = result.skipped.map((item) => ` Kept ${item.id.slice(0, 12)}: ${item.reason}`).join('');
          say({ kind: result.skipped.length > 0 ? 'error' : 'done', text: `${removed}${skipped}` });
          reload();
        },
        (error: unknown) => say({ kind: 'error', text: `Could not prune containers: ${toBerthError(error).message}` }),
      );
    },
    [clientSource, say, reload],
  );
  const buildCache = useCallback(
    (request: BuildCachePruneRequest) => {
      const client = clientSource();
      if (client === null) return say({ kind: 'error', text: 'Could not prune: not connected to Berth.' });
      client.call('builder.prune', { all: request.all, filters: request.filters }, { engine: request.engineId }).then(
        (result) => {
          say({ kind: 'done', text: `Removed ${result.removed.length} build cache ${result.removed.length === 1 ? 'record' : 'records'}, freeing ${dockerHumanSize(result.spaceReclaimedBytes)}.` });
          reload();
        },
        (error: unknown) => say({ kind: 'error', text: `Could not prune the build cache: ${toBerthError(error).message}` }),
      );
    },
    [clientSource, say, reload],
  );
  return { containers, buildCache };
}
