import { useId, useState } from 'react';
import type { EnvVar } from '../../../../runtime/api/index.js';
import { parseDotenv, type DotenvError } from '../model/dotenv.js';

type ImportState = { kind: 'none' } | { kind: 'done'; fileName: string; count: number; errors: DotenvError[] } | { kind: 'failed'; message: string };

/**
 * "Import .env file": the file is read here, in the page (it never reaches the backend as a
 * file), its good lines become rows, and each bad line is named by its number and reason.
 */
export function EnvImport({ onImport }: { onImport: (vars: EnvVar[]) => void }) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ kind: 'none' });
  const reportId = `${id}-report`;

  const readFile = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      const { vars, errors } = parseDotenv(text);
      onImport(vars);
      setState({ kind: 'done', fileName: file.name, count: vars.length, errors });
    };
    reader.onerror = () => setState({ kind: 'failed', message: `Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}` });
    reader.readAsText(file);
  };

  return (
    <div className="run-field run-env-import">
      <label htmlFor={id} className="run-label">
        Import .env file
      </label>
      <input
        id={id}
        type="file"
        accept=".env,text/plain"
        aria-describedby={state.kind === 'none' ? undefined : reportId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after editing it) imports it again.
          event.target.value = '';
          if (file) readFile(file);
        }}
      />
      {state.kind === 'done' && <ImportReport id={reportId} {...state} />}
      {state.kind === 'failed' && (
        <p id={reportId} role="alert" className="field-issue">
          {state.message}
        </p>
      )}
    </div>
  );
}

function ImportReport({ id, fileName, count, errors }: { id: string; fileName: string; count: number; errors: DotenvError[] }) {
  const summary = `Imported ${count} ${count === 1 ? 'variable' : 'variables'} from ${fileName}.`;
  if (errors.length === 0)
    return (
      <p id={id} role="status" className="field-hint">
        {summary}
      </p>
    );
  return (
    <div id={id} role="alert" className="field-issue">
      <p>
        {summary} {errors.length} {errors.length === 1 ? 'line was' : 'lines were'} skipped:
      </p>
      <ul>
        {errors.map((error) => (
          <li key={error.line}>
            Line {error.line}: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
