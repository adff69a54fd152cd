import { predefinedNetworkNames, type ContainerState, type NetworkAttachment, type NetworkEndpoint, type NetworkSummary } from '../../api/index.js';
import type { EngineContainer } from '../../engine/json/container.js';
import type { EngineContainerNetworks, EngineNetwork } from '../../engine/json/network.js';

/** The engine's network JSON as the contract's DTOs. Pure. */

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function toNetworkSummary(engineId: string, network: EngineNetwork): NetworkSummary {
  return {
    engineId,
    id: network.Id,
    name: network.Name,
    driver: network.Driver ?? '',
    scope: network.Scope ?? '',
    created: network.Created || null,
    internal: network.Internal === true,
    attachable: network.Attachable === true,
    ipv6: network.EnableIPv6 === true,
    subnets: (network.IPAM?.Config ?? []).flatMap((config) =>
      config.Subnet ? [{ subnet: config.Subnet, gateway: config.Gateway || null, ipRange: config.IPRange || null }] : [],
    ),
    ipamDriver: network.IPAM?.Driver || 'default',
    options: network.Options ?? {},
    labels: network.Labels ?? {},
    predefined: predefinedNetworkNames.includes(network.Name),
  };
}

/**
 * Finds the network a container's entry names. Docker gives the network's id (or "" for a
 * container never started, whose entry is keyed by the network's name); Podman gives the name
 * where the id should be. An entry for a network that no longer exists finds nothing.
 */
export class NetworkIndex {
  private readonly byId = new Map<string, EngineNetwork>();
  /** Null for a name two networks share (made without the duplicate check): neither is guessed. */
  private readonly byName = new Map<string, EngineNetwork | null>();

  constructor(networks: readonly EngineNetwork[]) {
    for (const network of networks) {
      this.byId.set(network.Id, network);
      this.byName.set(network.Name, this.byName.has(network.Name) ? null : network);
    }
  }

  find(key: string, networkId: string | null | undefined): EngineNetwork | null {
    // An id names its network exactly; one not known here is some other network, whatever its name.
    if (networkId) return this.byId.get(networkId) ?? this.byName.get(networkId) ?? null;
    return this.byName.get(key) ?? null;
  }
}

/** Every network entry of these containers, each on a network that exists, by container. */
export function attachmentsOf(containers: readonly EngineContainerNetworks[], index: NetworkIndex): NetworkAttachment[] {
  return containers.flatMap((container) => {
    const containerName = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
    const containerState = states.find((state) => state === container.State) ?? 'dead';
    return Object.entries(container.NetworkSettings?.Networks ?? {}).flatMap(([key, endpoint]) => {
      const network = index.find(key, endpoint?.NetworkID);
      if (network === null) return [];
      return [
        {
          networkId: network.Id,
          networkName: network.Name,
          containerId: container.Id,
          containerName,
          containerState,
          ipv4Address: endpoint?.IPAddress || null,
          ipv6Address: endpoint?.GlobalIPv6Address || null,
          macAddress: endpoint?.MacAddress || null,
          fixedIpv4Address: endpoint?.IPAMConfig?.IPv4Address || null,
          fixedIpv6Address: endpoint?.IPAMConfig?.IPv6Address || null,
        },
      ];
    });
  });
}

/** An attachment with the aliases the container's inspect gives for that network (null: the container is gone). */
export function endpointOf(attachment: NetworkAttachment, inspect: EngineContainer | null): NetworkEndpoint {
  const networks = inspect?.NetworkSettings?.Networks ?? {};
  const own = networks[attachment.networkName] ?? Object.values(networks).find((entry) => entry?.NetworkID === attachment.networkId);
  return { ...attachment, aliases: own?.Aliases ?? [] };
}

/** "web (running), db (exited)": containers as a refusal names them. */
export function containerList(attachments: readonly Pick<NetworkAttachment, 'containerName' | 'containerState'>[]): string {
  return attachments.map((attachment) => `${attachment.containerName} (${attachment.containerState})`).join(', ');
}
