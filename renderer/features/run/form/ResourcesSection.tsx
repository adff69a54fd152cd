import { useBerth } from '../../../stores/store.js';
import { parseByteSize } from '../../../../runtime/api/index.js';
import { describeBytes } from '../model/units.js';
import type { ResourcesDraft } from '../model/runDraft.js';
import { TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

export function ResourcesSection({ resources }: { resources: ResourcesDraft }) {
  const { dispatch, engineId } = useRunForm();
  const identity = useBerth((s) => (engineId === undefined ? undefined : s.engine.statuses[engineId]?.status.identity));
  const set = (key: keyof ResourcesDraft) => (value: string) => dispatch({ type: 'setResource', key, value });
  return (
    <fieldset className="run-section">
      <legend>Resources</legend>
      {identity && (
        <p className="run-empty">
          The engine's host has {identity.cpus} {identity.cpus === 1 ? 'CPU' : 'CPUs'} and {describeBytes(identity.memoryBytes)} of memory. Empty fields:
          no limit.
        </p>
      )}
      <div className="run-grid">
        <TextField field="resources.memoryBytes" value={resources.memoryBytes} placeholder="512m" hint={sizeHint(resources.memoryBytes)} onChange={set('memoryBytes')} />
        <TextField
          field="resources.memoryReservationBytes"
          value={resources.memoryReservationBytes}
          placeholder="256m"
          hint={sizeHint(resources.memoryReservationBytes, 'A soft limit, enforced when the host runs short.')}
          onChange={set('memoryReservationBytes')}
        />
        <TextField
          field="resources.memorySwapBytes"
          value={resources.memorySwapBytes}
          placeholder="1g"
          hint={resources.memorySwapBytes.trim() === '-1' ? 'Unlimited swap.' : sizeHint(resources.memorySwapBytes, 'Memory plus swap; -1 for unlimited swap.')}
          onChange={set('memorySwapBytes')}
        />
        <TextField field="resources.cpus" value={resources.cpus} inputMode="decimal" placeholder="1.5" onChange={set('cpus')} />
        <TextField
          field="resources.cpuShares"
          value={resources.cpuShares}
          inputMode="numeric"
          placeholder="1024"
          hint="A relative weight when CPUs are contended."
          onChange={set('cpuShares')}
        />
        <TextField field="resources.cpusetCpus" value={resources.cpusetCpus} placeholder="0-2,4" hint="Which CPUs it may run on." onChange={set('cpusetCpus')} />
        <TextField field="resources.pidsLimit" value={resources.pidsLimit} inputMode="numeric" placeholder="-1" hint="-1: unlimited." onChange={set('pidsLimit')} />
      </div>
    </fieldset>
  );
}

/** Shows the exact byte count a size becomes, so `1g` versus `1000m` is never a guess. */
function sizeHint(text: string, otherwise = 'Sizes like 256m or 1g (1g = 1024m).'): string {
  if (text.trim() === '') return otherwise;
  const bytes = parseByteSize(text);
  return bytes === null ? otherwise : `= ${describeBytes(bytes)}`;
}
