import { useState } from 'react';
import type { NetworkPruneResult } from '../../../runtime/api/index.js';
import { effectiveEngineFilter, useDefaultEngineId, type EngineTags } from '../../app/useEngineViews.js';
import { PruneButton } from '../../ui/PruneButton.js';
import { useOutcomeCall } from '../../app/useOutcomeCall.js';
import { PruneNetworksDialog, type PruneNetworksRequest } from './PruneNetworksDialog.js';

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
  const { isBusy, outcome, run } = useOutcomeCall('networks:prune', 'networks', 'Could not prune networks');
  const [isAsking, setAsking] = useState(false);
  const prune = ({ engineId: target, filters, only }: PruneNetworksRequest) => run('networks.prune', { filters, only }, target, pruneOutcome);

  return (
    <>
      <PruneButton isBusy={isBusy} isDisabled={engineId === null} outcome={outcome} onOpen={() => setAsking(true)} />
      {isAsking && engineId !== null && <PruneNetworksDialog engineId={engineId} engines={engines} onClose={() => setAsking(false)} onPrune={prune} />}
    </>
  );
}
