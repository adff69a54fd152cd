import { useId, useState } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { itemKey } from '../../stores/itemKey.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { matchesFilter } from '../containers/containerFilter.js';
import type { ComposeProject, LogPick } from './model/logPick.js';

interface LogSourcePickerProps {
  pick: LogPick;
  onChange: (pick: LogPick) => void;
  containers: readonly ContainerSummary[];
  projects: readonly ComposeProject[];
  /** Several engines: projects and containers name theirs. */
  engineName: ((engineId: string) => string) | null;
}

const modes: readonly { kind: LogPick['kind']; label: string }[] = [
  { kind: 'containers', label: 'Containers I pick' },
  { kind: 'project', label: 'A compose project' },
  { kind: 'running', label: 'All running containers' },
];

/** Which containers the Logs page follows. */
export function LogSourcePicker({ pick, onChange, containers, projects, engineName }: LogSourcePickerProps) {
  const name = useId();
  const [filter, setFilter] = useState('');
  const shown = containers.filter((container) => matchesFilter(container, filter));
  const onEngine = (engineId: string) => (engineName === null ? '' : ` (${engineName(engineId)})`);
  const toggle = (key: string, isChecked: boolean) => {
    const keys = pick.kind === 'containers' ? pick.keys : [];
    onChange({ kind: 'containers', keys: isChecked ? [...keys, key] : keys.filter((k) => k !== key) });
  };
  return (
    <fieldset className="log-picker">
      <legend>Show the logs of</legend>
      <div className="log-picker-modes">
        {modes.map((mode) => (
          <label key={mode.kind} className="log-check">
            <input
              type="radio"
              name={name}
              checked={pick.kind === mode.kind}
              onChange={() => onChange(mode.kind === 'containers' ? { kind: 'containers', keys: [] } : mode.kind === 'project' ? { kind: 'project', key: projects[0]?.key ?? null } : { kind: 'running' })}
            />
            {mode.label}
          </label>
        ))}
      </div>
      {pick.kind === 'containers' && (
        <div className="log-picker-containers">
          <FilterBox label="Filter containers to pick" placeholder="Filter by name, image or state" value={filter} onChange={setFilter} />
          <ul className="log-picker-list" aria-label="Containers">
            {shown.map((container) => {
              const key = itemKey(container.engineId, container.id);
              return (
                <li key={key}>
                  <label className="log-check">
                    <input type="checkbox" checked={pick.keys.includes(key)} onChange={(event) => toggle(key, event.target.checked)} />
                    {container.name}
                    {onEngine(container.engineId)} <span className="log-picker-state">{container.state}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {pick.kind === 'project' && (
        <label className="log-check">
          Project
          <select value={pick.key ?? ''} onChange={(event) => onChange({ kind: 'project', key: event.target.value === '' ? null : event.target.value })}>
            {projects.length === 0 && <option value="">No compose projects</option>}
            {projects.map((project) => (
              <option key={project.key} value={project.key}>
                {project.project}
                {onEngine(project.engineId)} · {project.members} container{project.members === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
