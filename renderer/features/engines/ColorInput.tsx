import { useEffect, useRef, useState } from 'react';

interface ColorInputProps {
  label: string;
  color: string;
  disabled: boolean;
  onCommit: (color: string) => void;
}

/**
 * A colour picker that sends only the colour chosen, not every one passed while dragging: the
 * native `change` event fires once the picker closes (React's onChange fires on every input).
 */
export function ColorInput({ label, color, disabled, onCommit }: ColorInputProps) {
  const [shown, setShown] = useState(color);
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  }, [onCommit]);
  useEffect(() => {
    const input = ref.current;
    if (input === null) return;
    const onChange = () => {
      if (input.value.toLowerCase() !== color.toLowerCase()) commit.current(input.value);
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [color]);
  return <input ref={ref} type="color" aria-label={label} value={shown} disabled={disabled} onChange={(event) => setShown(event.target.value)} />;
}
