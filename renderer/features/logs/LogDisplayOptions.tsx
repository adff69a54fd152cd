import { memo } from 'react';

/** How lines are shown; none of it reads the log again. */
export interface LogDisplay {
  timestamps: boolean;
  showStdout: boolean;
  showStderr: boolean;
  wrap: boolean;
}

export const defaultDisplay: LogDisplay = { timestamps: false, showStdout: true, showStderr: true, wrap: false };

const choices: readonly { key: keyof LogDisplay; label: string }[] = [
  { key: 'timestamps', label: 'Timestamps' },
  { key: 'showStdout', label: 'stdout' },
  { key: 'showStderr', label: 'stderr' },
  { key: 'wrap', label: 'Wrap lines' },
];

export const LogDisplayOptions = memo(function LogDisplayOptions({ display, onChange }: { display: LogDisplay; onChange: (display: LogDisplay) => void }) {
  return (
    <div className="log-display-options" role="group" aria-label="Show">
      {choices.map(({ key, label }) => (
        <label key={key} className={key === 'showStderr' ? 'log-check log-check-stderr' : 'log-check'}>
          <input type="checkbox" checked={display[key]} onChange={(event) => onChange({ ...display, [key]: event.target.checked })} />
          {label}
        </label>
      ))}
    </div>
  );
});
