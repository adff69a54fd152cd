import { useState } from 'react';
import type { NetworkPruneResult } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { effectiveEngineFilter, useDefaultEngineId, type EngineTags } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { PruneNetworksDialog, type PruneNetworksRequest } from './PruneNetworksDialog.js';

const busyKey = 'networks:prune';

/** "Removed 2 networks." and, for those the preview listed that stayed, why. */
export function pruneOutcome(result: NetworkPruneResult): string {
  const removed = `Removed ${result.removed.length} ${result.removed.length === 1 ? 'network' : 'networks'}.`;
  if (result.kept.length === 0) return removed;
  return `${removed} Kept ${result.kept.map((network) => `${network.name} (${network.reason})`).join(', ')}.`;
}

/** **Prune…** on the Networks page: the dialog with its preview, then what went, said once. */
export function PruneNetworksButton({ engines, engineFilter }: { engines: EngineTags; engineFilter: string | null }) {
  const defaultEngineId = useDefaultEngineId();
  const engineId = effectiveEngineFilter(engineFilter, engines) ?? defaultEngineId;
  const clientSource = useClientSource();
  const isBusy = useBerth((s) => s.ui.busy[busyKey] === true);
  const setBusy = useBerth((s) => s.ui.setBusy);
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isAsking, setAsking] = useState(false);

  const prune = ({ engineId: target, filters, only }: PruneNetworksRequest) => {
    const client = clientSource();
    const fail = (error: unknown) => pushNotice({ area: 'networks', code: toBerthError(error).code, message: `Could not prune networks: ${toBerthError(error).message}` });
    if (client === null) return fail(new Error('not connected to Berth.'));
    setOutcome(null);
    setBusy(busyKey, true);
    client
      .call('networks.prune', { filters, only }, { engine: target })
      .then((result) => setOutcome(pruneOutcome(result)), fail)
      .finally(() => setBusy(busyKey, false));
  };

  return (
    <>
      <button type="button" disabled={isBusy || engineId === null} onClick={() => setAsking(true)}>
        {isBusy ? 'Pruning…' : 'Prune…'}
      </button>
      <span role="status" className="count">
        {outcome}
      </span>
      {isAsking && engineId !== null && <PruneNetworksDialog engineId={engineId} engines={engines} onClose={() => setAsking(false)} onPrune={prune} />}
    </>
  );
}
