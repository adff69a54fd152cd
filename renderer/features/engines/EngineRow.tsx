import type { EngineEntry } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { ColorInput } from './ColorInput.js';
import { engineStateText, latencyText } from './engineText.js';
import { engineBusyKey, type EngineActions } from './useEngineActions.js';

export type EngineRequest = { kind: 'rename' | 'remove'; engine: EngineEntry };

interface EngineRowProps {
  entry: EngineEntry;
  actions: EngineActions;
  onRequest: (request: EngineRequest) => void;
}

/**
 * One engine: what it is, how it is doing, and what can be done to it. Names, URLs and reasons
 * come from the user's files and the engines themselves, so all of it is rendered as text.
 */
export function EngineRow({ entry, actions, onRequest }: EngineRowProps) {
  const isBusy = useBerth((s) => s.ui.busy[engineBusyKey(entry.engineId)] === true);
  const { identity, name } = entry;
  return (
    <tr aria-label={name} className={`engine-row engine-row-${entry.state}`}>
      <th scope="row">
        <span className="engine-name-text">
          <span className="engine-swatch" style={{ background: entry.color }} aria-hidden="true" />
          <span>{name}</span>
        </span>
      </th>
      <td className="engine-url">
        <span className="mono">{entry.url}</span>
        <span className="engine-why">{entry.why}</span>
        {entry.warning !== undefined && (
          <span role="note" className="engine-warning">
            {entry.warning}
          </span>
        )}
      </td>
      <td>{identity?.name ?? '–'}</td>
      <td>{identity?.version ?? '–'}</td>
      <td>{identity?.apiVersion ?? '–'}</td>
      <td>{identity ? `${identity.os}/${identity.arch}` : '–'}</td>
      <td className={`engine-state state state-${entry.state}`}>{engineStateText(entry)}</td>
      <td className="engine-latency">{latencyText(entry.latency)}</td>
      <td>{entry.isDefault ? 'default' : ''}</td>
      <td>
        <div className="engine-actions-list">
          <EngineRowActions entry={entry} isBusy={isBusy} actions={actions} onRequest={onRequest} />
        </div>
      </td>
    </tr>
  );
}

interface EngineRowActionsProps {
  entry: EngineEntry;
  isBusy: boolean;
  actions: EngineActions;
  onRequest: (request: EngineRequest) => void;
}

/** Every control is named after the engine, so a row's buttons are told apart when spoken. */
function EngineRowActions({ entry, isBusy, actions, onRequest }: EngineRowActionsProps) {
  const { name, isDefault } = entry;
  const ref = { engineId: entry.engineId, name };
  const isConnected = entry.state !== 'disconnected';
  // The default engine serves every request that names none: it stays connected and cannot go.
  const defaultStays = isDefault ? 'The default engine stays connected: make another engine the default first.' : undefined;
  return (
    <>
      {isConnected ? (
        <button type="button" aria-label={`Disconnect ${name}`} title={defaultStays} disabled={isBusy || isDefault} onClick={() => void actions.disconnect(ref)}>
          Disconnect
        </button>
      ) : (
        <button type="button" aria-label={`Connect ${name}`} disabled={isBusy} onClick={() => void actions.connect(ref)}>
          Connect
        </button>
      )}
      <button type="button" aria-label={`Make ${name} the default`} disabled={isBusy || isDefault} onClick={() => void actions.makeDefault(ref)}>
        Make default
      </button>
      <button type="button" aria-label={`Rename ${name}`} disabled={isBusy} onClick={() => onRequest({ kind: 'rename', engine: entry })}>
        Rename
      </button>
      <ColorInput key={entry.color} label={`Colour of ${name}`} color={entry.color} disabled={isBusy} onCommit={(color) => void actions.recolor(ref, color)} />
      {entry.source === 'user' && (
        <button
          type="button"
          className="button-danger"
          aria-label={`Remove ${name}`}
          title={defaultStays}
          disabled={isBusy || isDefault}
          onClick={() => onRequest({ kind: 'remove', engine: entry })}
        >
          Remove
        </button>
      )}
    </>
  );
}
