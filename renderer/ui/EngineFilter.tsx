import './engines.css';

interface EngineFilterProps {
  engines: readonly { engineId: string; name: string }[];
  /** The engine shown, or null for all. */
  value: string | null;
  onChange: (engineId: string | null) => void;
}

const all = '';

/** "Engine: all / each engine by name", above a list that holds several engines' items. */
export function EngineFilter({ engines, value, onChange }: EngineFilterProps) {
  return (
    <label className="engine-filter">
      Engine
      <select value={value ?? all} onChange={(event) => onChange(event.target.value === all ? null : event.target.value)}>
        <option value={all}>All engines</option>
        {engines.map((engine) => (
          <option key={engine.engineId} value={engine.engineId}>
            {engine.name}
          </option>
        ))}
      </select>
    </label>
  );
}
