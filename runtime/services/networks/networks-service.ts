import {
  assertNetworkCreatable,
  BerthError,
  creatableDrivers,
  fixedAddressProblem,
  readLogTime,
  readPruneFilters,
  type Instant,
  type NetworkAttachment,
  type NetworkDetails,
  type NetworkPrunePreview,
  type NetworkPruneResult,
  type NetworkSummary,
  type ParsedMethodParams,
  type PruneFilters,
} from '../../api/index.js';
import type { EngineEndpointConfig, EngineNetworkCreateBody } from '../../engine/client/networks.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineNetwork } from '../../engine/json/network.js';
import { mapLimited } from '../images/image-details-service.js';
import { instantOfUnixSeconds } from '../images/prune-plan.js';
import { createRefusal, connectRefusal } from './network-refusals.js';
import { enginePruneFilters, pruneCandidates } from './network-prune.js';
import { attachmentsOf, containerList, endpointOf, NetworkIndex, toNetworkSummary } from './network-summary.js';

/** How many engine requests an inspect or preview keeps in flight. */
const parallelRequests = 8;

/** Told of a container whose attachments Berth changed itself: the engine announces no change to a stopped one. */
export type OnAttachmentsChanged = (containerId: string) => void;

/** Told of networks Berth made or removed itself, so the live list (network-store.ts) shows it at once. */
export interface NetworkWrites {
  created(network: NetworkSummary): void;
  removed(networkId: string): void;
  /** A prune removed networks known only by name: list them all again. */
  pruned(): void;
}

const noWrites: NetworkWrites = { created: () => undefined, removed: () => undefined, pruned: () => undefined };

/** The networks domain on one engine (`runtime/api/networks.ts`). */
export class NetworksService {
  constructor(
    private readonly engine: Pick<EngineConnection, 'client' | 'status'>,
    private readonly onAttachmentsChanged: OnAttachmentsChanged = () => undefined,
    private readonly writes: NetworkWrites = noWrites,
  ) {}

  private get engineId(): string {
    return this.engine.status.engineId;
  }

  private get calls() {
    return this.engine.client.networks;
  }

  async list(signal?: AbortSignal): Promise<NetworkSummary[]> {
    return (await this.calls.list(undefined, signal)).map((network) => toNetworkSummary(this.engineId, network));
  }

  /** One network by its id, as the whole list gives it (the list filtered by id: a prefix, so the exact one is picked); null when gone. */
  async summaryOrNull(networkId: string, signal?: AbortSignal): Promise<NetworkSummary | null> {
    const network = (await this.calls.list({ id: [networkId] }, signal)).find((candidate) => candidate.Id === networkId);
    return network === undefined ? null : toNetworkSummary(this.engineId, network);
  }

  /** Every container's networks (one list of all containers), each entry resolved to its network. */
  async attachments(signal?: AbortSignal): Promise<NetworkAttachment[]> {
    const [containers, networks] = await Promise.all([this.calls.containerNetworks(undefined, signal), this.calls.list(undefined, signal)]);
    return attachmentsOf(containers, new NetworkIndex(networks));
  }

  /**
   * The attachments of the containers named (all their networks; none for one that is gone) and
   * the networks named (null for one that is gone): what a burst of events changed.
   */
  async changes(networkIds: readonly string[], containerIds: readonly string[], signal?: AbortSignal) {
    const containers = containerIds.length > 0 ? await this.calls.containerNetworks({ id: [...containerIds] }, signal) : [];
    const networks = await this.calls.list(undefined, signal);
    const index = new NetworkIndex(networks);
    const attachments = attachmentsOf(containers, index);
    const byId = new Map(networks.map((network) => [network.Id, network]));
    return {
      networks: networkIds.map((networkId) => {
        const network = byId.get(networkId);
        return { networkId, network: network === undefined ? null : toNetworkSummary(this.engineId, network) };
      }),
      containers: containerIds.map((containerId) => ({ containerId, attachments: attachments.filter((attachment) => attachment.containerId === containerId) })),
    };
  }

  async drivers(signal?: AbortSignal): Promise<string[]> {
    const drivers = await this.calls.drivers(signal);
    return creatableDrivers.filter((driver) => drivers.includes(driver));
  }

  async inspect(ref: string, signal?: AbortSignal): Promise<NetworkDetails> {
    const { network, json } = await this.calls.inspect(ref, signal);
    const attached = await this.attachedTo(network, signal);
    // The list gives no aliases: each attached container's inspect does.
    const containers = await mapLimited(attached, parallelRequests, async (attachment) =>
      endpointOf(attachment, await this.engine.client.containers.inspectOrNull(attachment.containerId, signal)),
    );
    return { ...toNetworkSummary(this.engineId, network), containers, raw: json };
  }

  /** The containers on one network, running or not. */
  private async attachedTo(network: EngineNetwork, signal?: AbortSignal): Promise<NetworkAttachment[]> {
    // By name and by id: a container never started names its network only by name.
    const containers = await this.calls.containerNetworks({ network: [network.Name, network.Id] }, signal);
    return attachmentsOf(containers, new NetworkIndex([network])).filter((attachment) => attachment.networkId === network.Id);
  }

  async create(params: ParsedMethodParams<'networks.create'>, signal?: AbortSignal): Promise<NetworkSummary> {
    assertNetworkCreatable(params);
    const body: EngineNetworkCreateBody = {
      Name: params.name,
      CheckDuplicate: true,
      Driver: params.driver,
      EnableIPv6: params.ipv6,
      Internal: params.internal,
      Attachable: params.attachable,
      IPAM: {
        Driver: 'default',
        Config: params.subnets.map((entry) => ({
          Subnet: entry.subnet,
          ...(entry.gateway === undefined ? {} : { Gateway: entry.gateway }),
          ...(entry.ipRange === undefined ? {} : { IPRange: entry.ipRange }),
        })),
      },
      Options: { ...params.options, ...(params.parent === undefined ? {} : { parent: params.parent }) },
      Labels: params.labels,
    };
    let created: { Id: string };
    try {
      created = await this.calls.create(body, signal);
    } catch (error) {
      // The field the refusal is about, told from what was asked and what the engine holds (network-refusals.ts).
      const others = error instanceof BerthError ? await this.calls.list(undefined, signal).catch(() => []) : [];
      throw createRefusal(error, params, others);
    }
    const summary = toNetworkSummary(this.engineId, (await this.calls.inspect(created.Id, signal)).network);
    this.writes.created(summary);
    return summary;
  }

  /**
   * Refuses the predefined networks and any network a container is on (running or stopped)
   * before asking the engine, naming them; the engine itself refuses only running ones.
   */
  async remove(ref: string, signal?: AbortSignal): Promise<null> {
    const { network } = await this.calls.inspect(ref, signal);
    const summary = toNetworkSummary(this.engineId, network);
    if (summary.predefined) throw new BerthError('conflict', `${network.Name} is one of the engine's own networks (bridge, host, none) and cannot be removed.`, { field: 'id' });
    const refuseInUse = (attached: NetworkAttachment[]) =>
      new BerthError(
        'conflict',
        `Network ${network.Name} is in use by ${attached.length === 1 ? '1 container' : `${attached.length} containers`}: ${containerList(attached)}. Disconnect ${attached.length === 1 ? 'it' : 'them'} first.`,
        { field: 'id', containers: attached.map((attachment) => ({ id: attachment.containerId, name: attachment.containerName, state: attachment.containerState })) },
      );
    const attached = await this.attachedTo(network, signal);
    if (attached.length > 0) throw refuseInUse(attached);
    try {
      await this.calls.remove(network.Id, signal);
    } catch (error) {
      // A container connected in between: the engine's refusal, with who it is.
      const now = error instanceof BerthError && error.code === 'conflict' ? await this.attachedTo(network, signal).catch(() => []) : [];
      if (now.length > 0) throw refuseInUse(now);
      throw error;
    }
    this.writes.removed(network.Id);
    return null;
  }

  async prunePreview(params: ParsedMethodParams<'networks.prunePreview'>, signal?: AbortSignal): Promise<NetworkPrunePreview> {
    const { filters, until } = pruneFiltersOf(params.filters);
    const [networks, containers] = await Promise.all([this.calls.list(undefined, signal), this.calls.containerNetworks(undefined, signal)]);
    const going = await this.withoutEndpoints(pruneCandidates(networks, filters, until), signal);
    const attachments = attachmentsOf(containers, new NetworkIndex(networks));
    return {
      networks: going
        .map((network) => ({
          id: network.Id,
          name: network.Name,
          driver: network.Driver ?? '',
          created: network.Created || null,
          labels: network.Labels ?? {},
          stoppedContainers: attachments.filter((attachment) => attachment.networkId === network.Id).map((attachment) => attachment.containerName).sort(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    };
  }

  async prune(params: ParsedMethodParams<'networks.prune'>, signal?: AbortSignal): Promise<NetworkPruneResult> {
    const { filters, until } = pruneFiltersOf(params.filters);
    if (params.only === undefined) {
      const removed = await this.calls.prune(enginePruneFilters(filters, until), signal);
      if (removed.length > 0) this.writes.pruned();
      return { removed, kept: [] };
    }
    // Only what the preview showed, and of that only what the prune would still take.
    const networks = await this.calls.list(undefined, signal);
    const wanted = new Set(params.only);
    const still = new Set((await this.withoutEndpoints(pruneCandidates(networks, filters, until), signal)).map((network) => network.Id));
    const result: NetworkPruneResult = { removed: [], kept: [] };
    const known = new Map(networks.map((network) => [network.Id, network]));
    for (const id of wanted) {
      const network = known.get(id);
      if (network === undefined) {
        result.kept.push({ id, name: id.slice(0, 12), reason: 'it no longer exists' });
        continue;
      }
      if (!still.has(id)) {
        result.kept.push({ id, name: network.Name, reason: 'a container started on it since, or it no longer matches the filters' });
        continue;
      }
      try {
        await this.calls.remove(id, signal);
        this.writes.removed(id);
        result.removed.push(network.Name);
      } catch (error) {
        if (signal?.aborted) throw error;
        result.kept.push({ id, name: network.Name, reason: error instanceof BerthError ? error.message : String(error) });
      }
    }
    return result;
  }

  /** Of these networks, those with no endpoint (no running container on them), as each one's inspect says. */
  private async withoutEndpoints(networks: readonly EngineNetwork[], signal?: AbortSignal): Promise<EngineNetwork[]> {
    const inspected = await mapLimited(networks, parallelRequests, async (network) => {
      try {
        return (await this.calls.inspect(network.Id, signal)).network;
      } catch (error) {
        if (error instanceof BerthError && error.code === 'not_found') return null; // removed meanwhile
        throw error;
      }
    });
    return inspected.filter((network): network is EngineNetwork => network !== null && Object.keys(network.Containers ?? {}).length === 0);
  }

  async connect(params: ParsedMethodParams<'networks.connect'>, signal?: AbortSignal): Promise<null> {
    const [{ network }, container] = await Promise.all([this.calls.inspect(params.network, signal), this.engine.client.containers.inspect(params.container, signal)]);
    const containerName = (container.Name ?? params.container).replace(/^\//, '');
    const already = Object.entries(container.NetworkSettings?.Networks ?? {}).some(([key, entry]) => key === network.Name || entry?.NetworkID === network.Id);
    if (already) throw new BerthError('conflict', `networks.connect: container: ${containerName} is already connected to network ${network.Name}`, { field: 'container' });
    const subnets = (network.IPAM?.Config ?? []).flatMap((config) => (config.Subnet ? [config.Subnet] : []));
    for (const [field, family] of [['ipv4Address', 4], ['ipv6Address', 6]] as const) {
      const address = params[field];
      if (address === undefined) continue;
      const problem = fixedAddressProblem(address, family, network.Name, subnets);
      if (problem) throw new BerthError('invalid_argument', `networks.connect: ${field}: ${problem}`, { field });
    }
    const endpoint: EngineEndpointConfig = {};
    if (params.aliases.length > 0) endpoint.Aliases = params.aliases;
    if (params.ipv4Address !== undefined || params.ipv6Address !== undefined) {
      endpoint.IPAMConfig = { ...(params.ipv4Address === undefined ? {} : { IPv4Address: params.ipv4Address }), ...(params.ipv6Address === undefined ? {} : { IPv6Address: params.ipv6Address }) };
    }
    try {
      await this.calls.connect(network.Id, container.Id, endpoint, signal);
    } catch (error) {
      throw connectRefusal(error, params);
    }
    this.onAttachmentsChanged(container.Id);
    return null;
  }

  async disconnect(params: ParsedMethodParams<'networks.disconnect'>, signal?: AbortSignal): Promise<null> {
    const [{ network }, container] = await Promise.all([this.calls.inspect(params.network, signal), this.engine.client.containers.inspect(params.container, signal)]);
    await this.calls.disconnect(network.Id, container.Id, params.force, signal);
    this.onAttachmentsChanged(container.Id);
    return null;
  }
}

/** The params' filter words read (the schema has checked them), with `until` as an instant of now. */
function pruneFiltersOf(words: readonly string[]): { filters: PruneFilters; until: Instant | null } {
  const read = readPruneFilters(words);
  if (!read.ok) throw new BerthError('invalid_argument', `filters.${read.index}: ${read.message}`, { field: `filters.${read.index}` });
  if (read.filters.until === null) return { filters: read.filters, until: null };
  const time = readLogTime(read.filters.until);
  if (!time.ok) throw new BerthError('invalid_argument', `filters: until ${time.message}`, { field: 'filters' });
  return { filters: read.filters, until: instantOfUnixSeconds(time.unixSeconds) };
}
