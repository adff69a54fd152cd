import { useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  hint: string;
  /** Saves the number; answers whether it was taken. */
  onSave: (value: number) => Promise<boolean>;
}

/** A number typed, then saved with Enter or Save; the backend checks the bounds and says what is wrong. */
export function NumberSetting({ label, value, min, max, hint, onSave }: NumberSettingProps) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const save = async () => {
    if (text === null) return;
    if (await onSave(Number(text))) setText(null);
  };
  return (
    <div className="setting-number">
      <label>
        {label}{' '}
        <input type="number" min={min} max={max} value={shown} onChange={(event) => setText(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && void save()} />
      </label>
      <button type="button" disabled={text === null || text === String(value)} onClick={() => void save()}>
        Save
      </button>
      <span className="setting-hint">{hint}</span>
    </div>
  );
}
