import { useId, useState } from 'react';
import type { RunSpecInput } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';

type PasteState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'filled'; warnings: string[] } | { kind: 'failed'; message: string };

/**
 * "Paste a docker run command": the backend parses it (`containers.parseRunCommand`, the same
 * parser `berth api` uses) and the whole form is replaced by what it says.
 */
export function PasteCommand({ engineId, onSpec }: { engineId: string | undefined; onSpec: (spec: RunSpecInput) => void }) {
  const clientSource = useClientSource();
  const id = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<PasteState>({ kind: 'idle' });
  const reportId = `${id}-report`;

  const fill = () => {
    const client = clientSource();
    if (text.trim() === '') return setState({ kind: 'failed', message: 'Paste a command first, e.g. docker run -p 8080:80 nginx' });
    if (client === null) return setState({ kind: 'failed', message: 'Not connected to Berth.' });
    setState({ kind: 'busy' });
    client.call('containers.parseRunCommand', { command: text }, { engine: engineId }).then(
      ({ spec, warnings }) => {
        onSpec(spec);
        setState({ kind: 'filled', warnings });
      },
      (error: unknown) => setState({ kind: 'failed', message: toBerthError(error).message }),
    );
  };

  return (
    <div className="run-paste">
      <label htmlFor={id} className="run-label">
        Paste a docker run command
      </label>
      <textarea
        id={id}
        className="run-mono"
        rows={2}
        value={text}
        spellCheck={false}
        placeholder="docker run -d --name web -p 8080:80 nginx:1.27"
        aria-invalid={state.kind === 'failed' ? true : undefined}
        aria-describedby={state.kind === 'failed' || state.kind === 'filled' ? reportId : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="run-actions">
        <button type="button" aria-disabled={state.kind === 'busy' ? true : undefined} onClick={() => state.kind !== 'busy' && fill()}>
          Fill form from command
        </button>
      </div>
      {state.kind === 'failed' && (
        <p id={reportId} role="alert" className="field-issue">
          {state.message}
        </p>
      )}
      {state.kind === 'filled' && (
        <div id={reportId} role="status" className="field-hint">
          <p>Filled the form from the command. Check it, then run.</p>
          {state.warnings.length > 0 && (
            <ul className="field-warning">
              {state.warnings.map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
