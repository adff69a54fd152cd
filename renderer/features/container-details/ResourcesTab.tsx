import type { ContainerDetails } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { LiveUsage } from './LiveUsage.js';
import { ResourcesEditor } from './ResourcesEditor.js';
import { useResourcesUpdate } from './useResourcesUpdate.js';
import { useStats } from './useStats.js';

interface ResourcesTabProps {
  engineId: string;
  details: ContainerDetails;
  isRunning: boolean;
  /** The limits changed: read the container again so the form starts from the truth. */
  onChanged: () => void;
}

/** Live use against the configured limits, and the limits that can change without a restart. */
export function ResourcesTab({ engineId, details, isRunning, onChanged }: ResourcesTabProps) {
  // The container's own engine's host, which its limits are checked against.
  const identity = useBerth((s) => s.engine.statuses[engineId]?.status.identity);
  const { sample, error } = useStats(engineId, details.id, isRunning);
  const saving = useResourcesUpdate(engineId, details.id, onChanged);
  return (
    <div className="resources">
      <section aria-labelledby="resources-usage">
        <h2 id="resources-usage">Live use</h2>
        {error && (
          <p role="alert" className="error-text">
            Could not read live use: {error.message}
          </p>
        )}
        {isRunning ? <LiveUsage sample={sample} limits={details.limits} host={identity} /> : <p className="empty">The container is not running.</p>}
      </section>
      <section aria-labelledby="resources-limits">
        <h2 id="resources-limits">Limits</h2>
        <p className="muted">Changes apply at once; the container is not restarted. Other options change with Recreate with changes.</p>
        {/* Keyed by the limits so that the form starts again from what the engine now reports. */}
        <ResourcesEditor
          key={JSON.stringify(details.limits)}
          limits={details.limits}
          host={{ cpus: identity?.cpus, memoryBytes: identity?.memoryBytes }}
          saving={saving}
        />
      </section>
    </div>
  );
}
