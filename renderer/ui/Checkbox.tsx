import './ui.css';
import { useEffect, useRef } from 'react';

interface CheckboxProps {
  label: string;
  checked: boolean;
  /** Some but not all of what it stands for is checked ("Select all" with a partial selection). */
  indeterminate?: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox named by `aria-label`; `indeterminate` is a DOM property only, so it is set here. */
export function Checkbox({ label, checked, indeterminate = false, disabled, onChange }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      aria-checked={indeterminate ? 'mixed' : checked}
      disabled={disabled}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
