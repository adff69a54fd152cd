interface FilterBoxProps {
  /** Accessible name, e.g. "Filter containers". */
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
}

/** The search box above a list page's table. */
export function FilterBox({ label, placeholder, value, onChange }: FilterBoxProps) {
  return <input type="search" className="filter" aria-label={label} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />;
}
