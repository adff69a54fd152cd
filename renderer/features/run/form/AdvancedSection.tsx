import { useId, useState } from 'react';
import { tableFlags, type FlagSection, type TableFlag } from '../../../../runtime/api/run-flag-table.js';
import { CheckboxField, TextAreaField, TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

const sections: FlagSection[] = ['Healthcheck', 'Limits', 'Devices', 'Security', 'Networking', 'Logging', 'Lifecycle', 'Mounts'];

/** Does the flag answer the search: its name (`--ulimit`, `ulimit`, an alias) or its label (`Ulimits`)? */
export function flagMatches(flag: TableFlag, search: string): boolean {
  const words = search.trim().toLowerCase().replace(/^-+/, '');
  if (words === '') return true;
  return [flag.name, ...(flag.aliases ?? []), flag.label.toLowerCase(), flag.section.toLowerCase()].some((name) => name.includes(words));
}

/**
 * Every `docker run` flag beyond the everyday ones, each with a place: grouped as the flag
 * table groups them, found by typing its name. Open by itself when a pasted command set one of
 * them, so what was pasted is in view. A flag that repeats takes one value per line.
 */
export function AdvancedSection({ advanced }: { advanced: Record<string, string> }) {
  const { dispatch } = useRunForm();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const inUse = tableFlags.filter((flag) => (advanced[flag.name] ?? '') !== '').length;
  const [opened, setOpened] = useState<boolean | null>(null);
  const open = opened ?? inUse > 0;
  const set = (flag: TableFlag) => (value: string) => dispatch({ type: 'setAdvanced', name: flag.name, field: flag.field, value });
  const shown = tableFlags.filter((flag) => flagMatches(flag, search));
  return (
    <details
      className="run-section run-advanced"
      open={open}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        if (isOpen !== open) setOpened(isOpen);
      }}
    >
      <summary>
        Advanced: every other docker run flag{inUse > 0 ? ` (${inUse} set)` : ''}
      </summary>
      <div className="run-field">
        <label htmlFor={searchId} className="run-label">
          Find a flag
        </label>
        <input id={searchId} type="search" value={search} placeholder="--ulimit, health, mount…" autoComplete="off" spellCheck={false} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {shown.length === 0 && <p className="run-empty">No docker run flag is called “{search}”.</p>}
      {sections.map((section) => {
        const flags = shown.filter((flag) => flag.section === section);
        if (flags.length === 0) return null;
        return (
          <fieldset key={section} className="run-subsection">
            <legend>{section} (advanced)</legend>
            {flags.map((flag) => (
              <AdvancedFlag key={flag.name} flag={flag} value={advanced[flag.name] ?? ''} onChange={set(flag)} />
            ))}
          </fieldset>
        );
      })}
    </details>
  );
}

function AdvancedFlag({ flag, value, onChange }: { flag: TableFlag; value: string; onChange: (value: string) => void }) {
  if (flag.kind === 'switch') return <CheckboxField field={flag.field} checked={value === 'true'} onChange={(checked) => onChange(checked ? 'true' : '')} />;
  if (flag.kind === 'list') return <TextAreaField field={flag.field} value={value} placeholder={flag.example} onChange={onChange} />;
  return <TextField field={flag.field} value={value} placeholder={flag.example} onChange={onChange} />;
}
