import { parseWholeNumber } from '../../../../runtime/api/resource-text.js';
import type { Note } from './buildSpec.js';
import type { EnvRow, LabelRow, MountRow, PortRow } from './runDraft.js';

/** For each RunSpec row, the draft row it came from (blank draft rows are not sent). */
export interface RowMaps {
  env: number[];
  ports: number[];
  mounts: number[];
  /** Labels are a record in the RunSpec: label key -> draft row. A Map, because keys are user text. */
  labels: Map<string, number>;
}

interface Built<T> {
  values: T[];
  rows: number[];
}

function collect<R, T>(rows: readonly R[], isBlank: (row: R) => boolean, toValue: (row: R, index: number) => T): Built<T> {
  const built: Built<T> = { values: [], rows: [] };
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    built.values.push(toValue(row, index));
    built.rows.push(index);
  });
  return built;
}

export function buildEnv(rows: readonly EnvRow[]): Built<Record<string, unknown>> {
  return collect(
    rows,
    (row) => row.key.trim() === '' && (row.value ?? '') === '',
    // Values are sent as typed: leading spaces in a value can be meaningful.
    (row) => (row.value === undefined ? { key: row.key.trim() } : { key: row.key.trim(), value: row.value }),
  );
}

export function buildPorts(rows: readonly PortRow[], note: Note): Built<Record<string, unknown>> {
  return collect(
    rows,
    (row) => row.hostIp.trim() === '' && row.hostPort.trim() === '' && row.containerPort.trim() === '',
    (row, index) => {
      const port: Record<string, unknown> = { protocol: row.protocol };
      if (row.hostIp.trim() !== '') port.hostIp = row.hostIp.trim();
      // `8000-8010`: a range of host ports, the engine takes a free one.
      const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(row.hostPort);
      const hostPort = portNumber(range ? (range[1] ?? '') : row.hostPort, `ports.${index}.hostPort`, note);
      if (hostPort !== undefined) port.hostPort = hostPort;
      if (range) port.hostPortEnd = Number(range[2]);
      if (row.containerPort.trim() === '') note(`ports.${index}.containerPort`, 'is required');
      const containerPort = portNumber(row.containerPort, `ports.${index}.containerPort`, note);
      if (containerPort !== undefined) port.containerPort = containerPort;
      return port;
    },
  );
}

function portNumber(text: string, field: string, note: Note): number | undefined {
  if (text.trim() === '') return undefined;
  const value = parseWholeNumber(text);
  if (value === null) note(field, 'must be a port number (1-65535)');
  return value ?? undefined;
}

export function buildMounts(rows: readonly MountRow[]): Built<Record<string, unknown>> {
  return collect(
    rows,
    (row) => row.source.trim() === '' && row.target.trim() === '' && row.options.trim() === '',
    (row) => {
      const target = row.target.trim();
      switch (row.type) {
        case 'bind':
        case 'volume': {
          const mount = { type: row.type, source: row.source.trim(), target, readOnly: row.readOnly };
          return row.options.trim() === '' ? mount : { ...mount, options: row.options.trim() };
        }
        case 'anonymous':
          return { type: row.type, target };
        case 'tmpfs':
          return row.options.trim() === '' ? { type: row.type, target } : { type: row.type, target, options: row.options.trim() };
      }
    },
  );
}

export function buildLabels(rows: readonly LabelRow[], note: Note): { values: Record<string, string>; rows: Map<string, number> } {
  const byKey = new Map<string, number>();
  const entries: [string, string][] = [];
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.value === '') return;
    const first = byKey.get(key);
    if (key === '') note(`labels.${index}.key`, 'is empty');
    else if (first !== undefined) note(`labels.${index}.key`, `repeats the key of label ${first + 1}`);
    else {
      entries.push([key, row.value]);
      byKey.set(key, index);
    }
  });
  // fromEntries defines own properties, so even a key like `__proto__` stays a label.
  return { values: Object.fromEntries(entries), rows: byKey };
}
