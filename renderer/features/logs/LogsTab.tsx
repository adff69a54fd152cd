import { useMemo } from 'react';
import { LogView } from './LogView.js';

interface LogsTabProps {
  /** The container's engine: the log is read there. */
  engineId: string;
  containerId: string;
  name: string;
}

/** The Logs tab of a container's page. */
export function LogsTab({ engineId, containerId, name }: LogsTabProps) {
  const sources = useMemo(() => [{ engineId, containerId, name }], [engineId, containerId, name]);
  return (
    <div className="logs-tab">
      <LogView sources={sources} label={`Log of ${name}`} showsSourceNames={false} />
    </div>
  );
}
