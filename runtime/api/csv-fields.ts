/**
 * One record of comma-separated fields, as Go's `encoding/csv` reads the values of `--mount` and
 * `--gpus`: a field may be double-quoted to hold commas (`"device=0,1"`), with `""` for a quote
 * inside. And the inverse, quoting only the fields that need it.
 */

export type CsvRecord = { ok: true; fields: string[] } | { ok: false; reason: string };

export function readCsvRecord(text: string): CsvRecord {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    if (text[index] === '"') {
      let field = '';
      index += 1;
      for (;;) {
        if (index >= text.length) return { ok: false, reason: 'extraneous or missing " in quoted-field' };
        const char = text[index] as string;
        index += 1;
        if (char !== '"') field += char;
        else if (text[index] === '"') {
          field += '"';
          index += 1;
        } else break;
      }
      if (index < text.length && text[index] !== ',') return { ok: false, reason: 'extraneous or missing " in quoted-field' };
      fields.push(field);
    } else {
      const comma = text.indexOf(',', index);
      const field = text.slice(index, comma < 0 ? text.length : comma);
      if (field.includes('"')) return { ok: false, reason: 'bare " in non-quoted-field' };
      fields.push(field);
      index = comma < 0 ? text.length : comma;
    }
    if (index >= text.length) return { ok: true, fields };
    index += 1; // the comma
  }
}

/** Fields joined with commas; a field holding a comma, a quote or a line break is quoted. */
export function writeCsvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
