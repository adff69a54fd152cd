import './logs.css';
import { useMemo, useState } from 'react';
import { useEngineTags } from '../../app/useEngineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { containersOf } from '../containers/containerFilter.js';
import { LogSourcePicker } from './LogSourcePicker.js';
import { LogView } from './LogView.js';
import { composeProjects, pickedSources, type LogPick } from './model/logPick.js';

/** `#/logs`: the logs of many containers at once (picked, a compose project, or all running), interleaved by engine time. */
export function LogsPage() {
  const byEngine = useBerth((s) => s.containers.byEngine);
  const containers = useMemo(() => Object.values(containersOf(byEngine, null)).sort((a, b) => a.name.localeCompare(b.name)), [byEngine]);
  const projects = useMemo(() => composeProjects(containers), [containers]);
  const engines = useEngineTags();
  const [pick, setPick] = useState<LogPick>({ kind: 'containers', keys: [] });

  // "All running" keeps what ran while it was chosen: a container that stops keeps its lines and its exit mark.
  const [seenRunning, setSeenRunning] = useState<ReadonlySet<string>>(new Set());
  const runningKeys = pick.kind === 'running' ? containers.filter((c) => c.state === 'running').map((c) => itemKey(c.engineId, c.id)) : [];
  if (runningKeys.some((key) => !seenRunning.has(key))) setSeenRunning(new Set([...seenRunning, ...runningKeys]));
  const choose = (next: LogPick) => {
    if (next.kind !== pick.kind) setSeenRunning(new Set());
    setPick(next);
  };

  const sources = useMemo(() => pickedSources(pick, containers, seenRunning), [pick, containers, seenRunning]);
  const engineName = engines.isShown ? (engineId: string) => engines.byId.get(engineId)?.name ?? engineId : null;
  return (
    <section className="page logs-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Logs</h1>
      </header>
      <LogSourcePicker pick={pick} onChange={choose} containers={containers} projects={projects} engineName={engineName} />
      {sources.length === 0 ? (
        <p className="empty">{pick.kind === 'running' ? 'No container is running.' : pick.kind === 'project' ? 'Choose a compose project.' : 'Pick one or more containers to see their logs together.'}</p>
      ) : (
        <LogView sources={sources} label={sources.length === 1 ? `Log of ${sources[0]!.name}` : `Logs of ${sources.length} containers`} showsSourceNames />
      )}
    </section>
  );
}
