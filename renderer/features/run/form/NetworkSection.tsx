import { useId, useMemo } from 'react';
import { useBerth } from '../../../stores/store.js';
import { containersOf } from '../../containers/containerFilter.js';
import type { NetworkDraft, NetworkMode } from '../model/runDraft.js';
import { SelectField, TextField, type Choice } from './controls.js';
import { useRunForm } from './runFormContext.js';

const modes: Choice<NetworkMode>[] = [
  { value: 'default', label: "Default (the engine's)" },
  { value: 'bridge', label: 'bridge' },
  { value: 'host', label: 'host' },
  { value: 'none', label: 'none' },
  { value: 'container', label: "container: share another container's" },
  { value: 'user', label: 'A user network…' },
];

interface NetworkSectionProps {
  network: NetworkDraft;
  hostname: string;
  extraHosts: string;
  dns: string;
}

export function NetworkSection({ network, hostname, extraHosts, dns }: NetworkSectionProps) {
  const { dispatch, engineId } = useRunForm();
  const listId = useId();
  // Only a container on the same engine can share its network.
  const byEngine = useBerth((s) => s.containers.byEngine);
  const names = useMemo(
    () => Object.values(containersOf(byEngine, engineId ?? null)).map((c) => c.name).sort((a, b) => a.localeCompare(b)),
    [byEngine, engineId],
  );
  return (
    <fieldset className="run-section">
      <legend>Network</legend>
      <SelectField field="network" value={network.mode} choices={modes} onChange={(mode) => dispatch({ type: 'setNetwork', patch: { mode } })} />
      {network.mode === 'container' && (
        <>
          <TextField
            field="networkContainer"
            value={network.container}
            list={listId}
            placeholder="container name"
            onChange={(container) => dispatch({ type: 'setNetwork', patch: { container } })}
          />
          <datalist id={listId}>
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
      {network.mode === 'user' && (
        // No networks.list yet, so the name is typed; the engine says if it does not exist.
        <TextField field="networkName" value={network.name} placeholder="my-network" onChange={(name) => dispatch({ type: 'setNetwork', patch: { name } })} />
      )}
      <TextField field="hostname" value={hostname} placeholder="the container id" onChange={(value) => dispatch({ type: 'set', key: 'hostname', value })} />
      <TextField
        field="extraHosts"
        value={extraHosts}
        placeholder="db:10.0.0.2 cache:10.0.0.3"
        hint="NAME:IP entries for /etc/hosts, separated by spaces or commas."
        onChange={(value) => dispatch({ type: 'set', key: 'extraHosts', value })}
      />
      <TextField
        field="dns"
        value={dns}
        placeholder="1.1.1.1 9.9.9.9"
        hint="Addresses separated by spaces or commas."
        onChange={(value) => dispatch({ type: 'set', key: 'dns', value })}
      />
    </fieldset>
  );
}
