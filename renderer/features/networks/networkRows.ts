import type { NetworkAttachment, NetworkSummary } from '../../../runtime/api/index.js';
import type { EngineNetworks } from '../../stores/networksSlice.js';

/** One row of the Networks page: a network and the containers on it (null while they are being listed). */
export interface NetworkRow {
  network: NetworkSummary;
  containers: NetworkAttachment[] | null;
}

/** The containers on each network of one engine, by network id, from the attachments held by container. */
export function containersByNetwork(attachments: Record<string, NetworkAttachment[]> | null): Map<string, NetworkAttachment[]> | null {
  if (attachments === null) return null;
  const byNetwork = new Map<string, NetworkAttachment[]>();
  for (const list of Object.values(attachments)) {
    for (const attachment of list) {
      const on = byNetwork.get(attachment.networkId);
      if (on) on.push(attachment);
      else byNetwork.set(attachment.networkId, [attachment]);
    }
  }
  for (const list of byNetwork.values()) list.sort((a, b) => a.containerName.localeCompare(b.containerName));
  return byNetwork;
}

/** Every engine's networks (or one engine's), each with its containers, sorted: user networks by name, then the engine's own. */
export function networkRows(byEngine: Record<string, EngineNetworks>, engineFilter: string | null): NetworkRow[] {
  const rows: NetworkRow[] = [];
  for (const [engineId, engine] of Object.entries(byEngine)) {
    if (engineFilter !== null && engineId !== engineFilter) continue;
    const attached = containersByNetwork(engine.attachments);
    for (const network of Object.values(engine.byId)) rows.push({ network, containers: attached === null ? null : (attached.get(network.id) ?? []) });
  }
  return rows.sort(
    (a, b) =>
      Number(a.network.predefined) - Number(b.network.predefined) ||
      a.network.name.localeCompare(b.network.name) ||
      a.network.engineId.localeCompare(b.network.engineId) ||
      a.network.id.localeCompare(b.network.id),
  );
}

/** Rows whose name, id, driver, subnet or container names hold every word typed (case-insensitive). */
export function filterNetworkRows(rows: readonly NetworkRow[], text: string): NetworkRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = [
      row.network.name,
      row.network.id.slice(0, 12),
      row.network.driver,
      ...row.network.subnets.map((subnet) => subnet.subnet),
      ...(row.containers ?? []).map((container) => container.containerName),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** `10.1.0.0/24 via 10.1.0.1`: a network's subnets and gateways, as one line. */
export function subnetsText(network: Pick<NetworkSummary, 'subnets'>): string {
  return network.subnets.map((subnet) => (subnet.gateway === null ? subnet.subnet : `${subnet.subnet} via ${subnet.gateway}`)).join(', ');
}

/** `internal, attachable, IPv6`, or empty. */
export function flagsText(network: Pick<NetworkSummary, 'internal' | 'attachable' | 'ipv6'>): string {
  return [network.internal && 'internal', network.attachable && 'attachable', network.ipv6 && 'IPv6'].filter(Boolean).join(', ');
}

/** `web 10.1.0.2, db (exited)`: the containers on a network with their addresses, as one line. */
export function containersText(containers: readonly NetworkAttachment[]): string {
  return containers
    .map((container) => {
      const addresses = [container.ipv4Address, container.ipv6Address].filter((address) => address !== null).join(' ');
      return addresses === '' ? `${container.containerName} (${container.containerState})` : `${container.containerName} ${addresses}`;
    })
    .join(', ');
}
