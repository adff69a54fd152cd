import { z } from 'zod';
import type { ContainerState } from './containers.js';
import { defineDomain, method, noParams, params } from './define.js';
import { pruneFilterProblem, pruneFilterWords } from './image-details.js';
import { creatableDrivers, networkAliasPattern, networkCreateProblems, networkNamePattern, type NetworkCreateInput } from './network-rules.js';
import { BerthError } from './errors.js';
import { containerRef } from './refs.js';

/**
 * Networks: the list (with the containers attached to each), create, inspect, remove, prune with
 * a preview, and connecting containers to networks. The rules the params follow are in
 * network-rules.ts (subnets, gateways, options) and network-address.ts (CIDR arithmetic).
 */

/** One subnet of a network, as its IPAM config gives it. */
export interface NetworkSubnet {
  /** CIDR, e.g. `10.1.0.0/24` or `fd00:1::/64`. */
  subnet: string;
  /** Null when the engine chose it (it says so only in `docker network inspect` of a running bridge). */
  gateway: string | null;
  /** The part of the subnet containers are given addresses from; null: the whole subnet. */
  ipRange: string | null;
}

/** `networks.list`: one network (a row of the Networks page). */
export interface NetworkSummary {
  engineId: string;
  /** The full id (64 hex digits on Docker). */
  id: string;
  name: string;
  /** `bridge`, `host`, `null`, `macvlan`, `ipvlan`, `overlay`, ... */
  driver: string;
  /** `local`, `swarm` or `global`. */
  scope: string;
  /** When it was made, as the engine writes it (RFC 3339, to the nanosecond); null when unknown. */
  created: string | null;
  /** No route out of the network: its containers reach only each other. */
  internal: boolean;
  /** Containers may be connected by hand (swarm networks; always true for local ones in practice). */
  attachable: boolean;
  /** IPv6 is on. */
  ipv6: boolean;
  subnets: NetworkSubnet[];
  /** The IPAM driver, `default` unless a plugin's. */
  ipamDriver: string;
  /** Driver options, e.g. `com.docker.network.bridge.name`. */
  options: Record<string, string>;
  labels: Record<string, string>;
  /** `bridge`, `host` and `none`: the engine's own, which cannot be removed. */
  predefined: boolean;
}

/** A container attached to a network (`networks.attachments`), running or not. */
export interface NetworkAttachment {
  networkId: string;
  networkName: string;
  containerId: string;
  /** Without the leading `/`. */
  containerName: string;
  containerState: ContainerState;
  /** Its address on the network; null while it is not running (addresses are given at start). */
  ipv4Address: string | null;
  ipv6Address: string | null;
  macAddress: string | null;
  /** The fixed addresses asked for when it was connected (`--ip`, `--ip6`); null: the engine picks. */
  fixedIpv4Address: string | null;
  fixedIpv6Address: string | null;
}

/** An attached container as `networks.inspect` gives it: with the names it answers to there. */
export interface NetworkEndpoint extends NetworkAttachment {
  /**
   * The names other containers on the network reach it by besides its own name: the aliases it
   * was connected with and, on a user-defined network of Docker, its short id.
   */
  aliases: string[];
}

/** `networks.inspect`: one network with everything attached to it. */
export interface NetworkDetails extends NetworkSummary {
  containers: NetworkEndpoint[];
  /** The engine's whole inspect answer. */
  raw: Record<string, unknown>;
}

/** One network a prune would remove. */
export interface NetworkPruneCandidate {
  id: string;
  name: string;
  driver: string;
  created: string | null;
  labels: Record<string, string>;
  /**
   * Stopped containers still set to use it: the engine prunes a network no running container
   * uses, and these then fail to start until connected to another.
   */
  stoppedContainers: string[];
}

/** `networks.prunePreview`: what `networks.prune` with the same filters would remove; removes nothing. */
export interface NetworkPrunePreview {
  networks: NetworkPruneCandidate[];
}

/** `networks.prune`: what went, and what the preview listed that was kept. */
export interface NetworkPruneResult {
  /** Names of the removed networks, as the engine reports them. */
  removed: string[];
  /** Networks of `only` that were not removed, with why (a container started on it since, or it is gone). */
  kept: { id: string; name: string; reason: string }[];
}

/**
 * The `events` stream's news about networks: one per burst of engine events, with what changed
 * already read, so a list patches its rows without asking again. A container that is created,
 * removed, renamed, started or stopped, connected or disconnected brings its attachments.
 */
export interface NetworksChangedEvent {
  type: 'networks';
  engineId: string;
  /** Networks created, changed or removed: each as it is now, or null when it is gone. */
  networks: { networkId: string; network: NetworkSummary | null }[];
  /** Containers whose attachments changed: every network each is now on (empty when it is gone or on none). */
  containers: { containerId: string; attachments: NetworkAttachment[] }[];
  /** The engine actions of the burst, first seen first, each once, e.g. `['connect', 'start']`. */
  actions: string[];
}

/** A network named by its name, its full id or a unique prefix of the id. */
export const networkRef = z
  .string()
  .min(1, 'is required')
  .max(256, 'is too long')
  // A path part is escaped, but a `/` or a control character is never part of a network's name or id.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^/\u0000-\u001f\u007f]+$/, 'must be a network name or id')
  // `/networks/..` is another path: the engine redirects it (301), and the redirect is followed to no host.
  .refine((ref) => ref !== '.' && ref !== '..', 'must be a network name or id, not . or ..')
  // Half of a UTF-16 surrogate pair is no character: it cannot be sent in a path.
  .refine((ref) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(ref), 'must be a network name or id')
  .describe('The network: its name, its full id or a unique prefix of the id.');

/**
 * Addresses and subnets are checked here for their shape only; whether they are addresses at
 * all, inside which subnet, overlapping what, is `networkCreateProblems` / `fixedAddressProblem`,
 * which the service runs before anything is sent (so params generated from these schemas, by the
 * contract fuzz, need not be filtered out of random text). An IPv4 address is exact already.
 */
const ipv4Octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = z.string().regex(new RegExp(`^${ipv4Octet}(?:\\.${ipv4Octet}){3}$`), 'must be an IPv4 address, e.g. 10.1.0.5');
const ipv6 = z.string().max(64, 'is too long').regex(/^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/, 'must be an IPv6 address, e.g. fd00:1::5');
const addressShape = z.string().max(64, 'is too long').regex(/^[0-9a-fA-F:.]+$/, 'must be an IP address, e.g. 10.1.0.1 or fd00:1::1');
const subnetShape = z.string().max(64, 'is too long').regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'must be a subnet in CIDR form, e.g. 10.1.0.0/24 or fd00:1::/64');

const keyValues = (what: string) =>
  z
    .record(z.string().max(1024, 'is too long'), z.string().max(8192, 'is too long'))
    .refine((entries) => Object.keys(entries).length <= 64, `has too many ${what}: at most 64`);

const subnetEntry = params({
  subnet: subnetShape.describe('The subnet in CIDR form: `10.1.0.0/24`, or an IPv6 one such as `fd00:1::/64` (with `ipv6`).'),
  gateway: addressShape.optional().describe("The bridge's own address in the subnet; the engine picks the first free one when absent."),
  ipRange: subnetShape
    .optional()
    .describe('Containers get addresses from this part of the subnet only (CIDR inside it, like `--ip-range`); the whole subnet when absent.'),
});

const createParams = params({
  name: z
    .string()
    .min(1, 'is required')
    .max(128, 'is too long')
    .regex(networkNamePattern, 'must start with a letter or digit and use only letters, digits, _ . -')
    .describe('The new network\'s name: letters, digits, `_`, `.` and `-`, starting with a letter or digit. A name in use is refused (`conflict`, the engine\'s words).'),
  driver: z
    .enum(creatableDrivers)
    .default('bridge')
    .describe('`bridge` (a private network on this host), or `macvlan` / `ipvlan` (containers appear on the parent interface\'s network) where the engine has them: see `networks.drivers`.'),
  parent: z
    .string()
    .max(15, 'is too long: an interface name has at most 15 characters')
    .regex(/^[a-zA-Z0-9_.:@-]+$/, 'must be an interface name, e.g. eth0, or eth0.10 for VLAN 10')
    .optional()
    .describe('macvlan / ipvlan only: the host interface the network rides on (`eth0`; `eth0.10` makes VLAN 10 on it). Without it the engine uses a dummy interface and the network reaches nothing outside.'),
  subnets: z
    .array(subnetEntry)
    .max(8, 'has too many subnets: at most 8')
    .default([])
    .describe('The subnets with their gateway and IP range (like `--subnet`, `--gateway`, `--ip-range`); the engine picks an IPv4 subnet when empty. At most one of each family is usual.'),
  ipv6: z.boolean().default(false).describe('Give the network IPv6 (like `--ipv6`); it then needs an IPv6 subnet unless the engine has an IPv6 address pool.'),
  internal: z.boolean().default(false).describe('No route out of the network: its containers reach only each other (like `--internal`).'),
  attachable: z.boolean().default(false).describe('Let containers be connected by hand (like `--attachable`; matters for swarm networks).'),
  labels: keyValues('labels').default({}).describe('Labels, KEY: VALUE (like `--label`).'),
  options: keyValues('options')
    .default({})
    .describe(
      'Driver options (like `--opt`), e.g. `com.docker.network.driver.mtu`, `com.docker.network.bridge.name`, `com.docker.network.bridge.enable_icc`, `macvlan_mode`, `ipvlan_mode`. Values the engine reads are checked first; an option the engine refuses comes back in its words.',
    ),
});

/**
 * The rules across fields (network-rules.ts), as the boundary words them: `networks.create:
 * subnets.0.gateway: ...; ...`, `invalid_argument` naming the first field. The service runs
 * this before it sends anything.
 */
export function assertNetworkCreatable(input: NetworkCreateInput): void {
  const problems = networkCreateProblems(input);
  const first = problems[0];
  if (first === undefined) return;
  const issues = problems.map((problem) => ({ field: problem.path.join('.'), reason: problem.reason }));
  throw new BerthError('invalid_argument', `networks.create: ${issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ')}`, { field: issues[0]?.field, issues });
}

/** Why a filter word cannot narrow a network prune, or null. */
export function networkPruneFilterProblem(word: string): string | null {
  if (word === 'dangling' || word.startsWith('dangling=')) return 'dangling is no network prune filter: use label=..., label!=... or until=...';
  return pruneFilterProblem(word);
}

const pruneFilters = pruneFilterWords(
  networkPruneFilterProblem,
  '`docker network prune --filter` words: `label=KEY`, `label=KEY=VALUE` (only networks with it), `label!=KEY[=VALUE]` (only networks without it), `until=TIME` (only networks made before: a date and time, Unix seconds, or a duration back from now such as `24h`).',
);

const byId = params({ id: networkRef });

export const networksContract = defineDomain({
  methods: {
    'networks.list': method<NetworkSummary[]>()(
      noParams,
      'Every network (like `docker network ls`), with subnets, gateways, flags, options and labels. One engine call: the containers attached are `networks.attachments`.',
    ),
    'networks.attachments': method<NetworkAttachment[]>()(
      noParams,
      'Which container is on which network, running or not, with its addresses (one engine call for all networks; what `networks.list` leaves out so that it stays as fast as the engine).',
    ),
    'networks.drivers': method<string[]>()(noParams, 'The drivers this engine can create networks with, of `bridge`, `macvlan` and `ipvlan`.'),
    'networks.inspect': method<NetworkDetails>()(
      byId,
      'One network with every container attached to it, their addresses and the names they answer to there (like `docker network inspect`, stopped containers included).',
    ),
    'networks.create': method<NetworkSummary>()(
      createParams,
      'Create a network (like `docker network create`). Everything is checked first; a name or subnet the engine refuses comes back in its words, with the field named.',
    ),
    'networks.remove': method<null>()(
      byId,
      'Remove a network (like `docker network rm`). `bridge`, `host` and `none`, and a network any container is on (running or not: a stopped one would no longer start), are refused (`conflict`) naming them.',
    ),
    'networks.prunePreview': method<NetworkPrunePreview>()(
      params({ filters: pruneFilters }),
      'What `networks.prune` with the same filters would remove (every network no running container uses, except `bridge`, `host` and `none`); removes nothing.',
    ),
    'networks.prune': method<NetworkPruneResult>()(
      params({
        filters: pruneFilters,
        only: z
          .array(z.string().regex(/^[0-9a-zA-Z][0-9a-zA-Z_.-]*$/, 'must be a network id').max(256, 'is too long'))
          .max(10_000, 'has too many ids')
          .optional()
          .describe(
            'The ids the preview listed: only these are removed, and each only if the prune would still remove it, so nothing goes that was not shown. Without it, the engine prunes whatever is unused at that moment (`docker network prune`).',
          ),
      }),
      'Remove every network no running container uses (like `docker network prune -f`), or only those of `only`; says which went and which of `only` stayed.',
    ),
    'networks.connect': method<null>()(
      params({
        network: networkRef,
        container: containerRef,
        aliases: z
          .array(z.string().min(1, 'is empty').max(253, 'is too long').regex(networkAliasPattern, 'must start with a letter or digit and use only letters, digits, _ . -'))
          .max(32, 'has too many aliases: at most 32')
          .default([])
          .describe('More names the container answers to on this network (like `--alias`); only on a user-defined network.'),
        ipv4Address: ipv4.optional().describe("A fixed IPv4 address inside the network's subnet (like `--ip`); the engine picks one when absent."),
        ipv6Address: ipv6.optional().describe("A fixed IPv6 address inside the network's IPv6 subnet (like `--ip6`)."),
      }),
      'Connect a container to a network (like `docker network connect`). A fixed address outside the subnet is refused before anything is sent; a stopped container gets its address when it starts.',
    ),
    'networks.disconnect': method<null>()(
      params({
        network: networkRef,
        container: containerRef,
        force: z.boolean().default(false).describe('Disconnect even when the engine cannot reach the container cleanly (like `docker network disconnect -f`).'),
      }),
      'Disconnect a container from a network (like `docker network disconnect`).',
    ),
  },
});
