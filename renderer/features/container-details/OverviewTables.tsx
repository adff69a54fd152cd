import type { ReactNode } from 'react';
import type { ContainerDetails } from '../../../runtime/api/index.js';

/** A plain table of text cells; every value is a string from the engine, rendered as text. */
function TextTable({ label, headers, rows, empty }: { label: string; headers: string[]; rows: string[][]; empty: string }) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="kv-table" aria-label={label}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) => (
              <Cell key={column}>{cell}</Cell>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ children }: { children: ReactNode }) {
  return <td className="mono">{children}</td>;
}

export function PortTable({ ports }: Pick<ContainerDetails, 'ports'>) {
  const rows = ports.map((port) => [
    `${port.containerPort}/${port.protocol}`,
    port.hostPort === null ? 'not published' : `${port.hostIp === '' ? '0.0.0.0' : port.hostIp}:${port.hostPort}`,
  ]);
  return <TextTable label="Ports" headers={['Container port', 'Published on']} rows={rows} empty="No ports." />;
}

export function MountTable({ mounts }: Pick<ContainerDetails, 'mounts'>) {
  const rows = mounts.map((mount) => [mount.type, mount.name ?? mount.source, mount.destination, mount.readOnly ? 'read-only' : 'read-write']);
  return <TextTable label="Mounts" headers={['Type', 'Source', 'Destination', 'Mode']} rows={rows} empty="No mounts." />;
}

export function LabelTable({ labels }: Pick<ContainerDetails, 'labels'>) {
  const rows = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => [key, value]);
  return <TextTable label="Labels" headers={['Label', 'Value']} rows={rows} empty="No labels." />;
}
