import { memo, useId } from 'react';
import { logTailChoices } from '../../../runtime/api/index.js';
import type { LogReadOptions } from './model/logSession.js';
import { TimeField } from './TimeField.js';

/** Tail choices: few enough to open fast by default, "all" for everything the engine kept (the setting's choices too). */
export const tailChoices = logTailChoices;

interface LogReadOptionsFormProps {
  options: LogReadOptions;
  onChange: (options: LogReadOptions) => void;
}

/** What to read from the engine (`docker logs --tail/--since/--until`); a change reads the log again. */
export const LogReadOptionsForm = memo(function LogReadOptionsForm({ options, onChange }: LogReadOptionsFormProps) {
  const tailId = useId();
  return (
    <div className="log-read-options" role="group" aria-label="What to read">
      <div className="field">
        <label htmlFor={tailId}>Tail</label>
        <select
          id={tailId}
          value={String(options.tail)}
          onChange={(event) => onChange({ ...options, tail: event.target.value === 'all' ? 'all' : Number(event.target.value) })}
        >
          {tailChoices.map((choice) => (
            <option key={choice} value={String(choice)}>
              {choice === 'all' ? 'All lines' : `Last ${choice.toLocaleString('en-US')}`}
            </option>
          ))}
        </select>
      </div>
      <TimeField label="Since" value={options.since} onCommit={(since) => onChange({ ...options, since })} />
      <TimeField label="Until" value={options.until} onCommit={(until) => onChange({ ...options, until })} />
    </div>
  );
});
