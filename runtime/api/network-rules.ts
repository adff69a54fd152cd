import { formatSubnet, lastAddressOf, parseIpAddress, parseSubnet, subnetContains, subnetsOverlap, subnetWithin, type IpFamily, type Subnet } from './network-address.js';

/**
 * The rules a new network and a connection must follow, checked before anything reaches the
 * engine, each problem naming its field (a path into the params) and the reason. Pure: the
 * contract's schemas run them at the boundary, and the Create and Connect forms as you type.
 * What only the engine knows (a name already taken, a subnet another network holds) is left to
 * it: its own words come back with the field named (runtime/services/networks/).
 */

export interface FieldProblem {
  /** Where in the params, e.g. `['subnets', 0, 'gateway']`. */
  path: (string | number)[];
  reason: string;
}

/** The drivers Berth creates networks with; an engine may lack macvlan and ipvlan (`networks.drivers` says). */
export const creatableDrivers = ['bridge', 'macvlan', 'ipvlan'] as const;
export type CreatableDriver = (typeof creatableDrivers)[number];

/** Names the engine gives its own networks: never created, never removed. */
export const predefinedNetworkNames: readonly string[] = ['bridge', 'host', 'none'];

/** A network name Berth creates: what the docker CLI's users type and compose makes (`app_default`). */
export const networkNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** A Linux interface name (IFNAMSIZ: 15 bytes), as a macvlan/ipvlan parent (`eth0`, `eth0.10` for a VLAN) or a bridge's name. */
export const interfaceNamePattern = /^(?!\.{1,2}$)[a-zA-Z0-9_.:@-]{1,15}$/;

/** A name a container answers to on a network (`--network-alias`): a DNS-style name. */
export const networkAliasPattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Control characters: never in a label or an option, where they would hide in every listing. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** What `networks.create` takes, as far as these rules look at it. */
export interface NetworkCreateInput {
  driver: CreatableDriver;
  parent?: string | undefined;
  subnets: { subnet: string; gateway?: string | undefined; ipRange?: string | undefined }[];
  ipv6: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

/** Go's strconv.ParseBool, which the engine reads its true/false options with. */
const goBooleans = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

/** The driver options whose values the engine reads, with what it takes; others pass as written. */
const knownOptions: Record<string, { drivers: readonly CreatableDriver[]; check: (value: string) => string | null }> = {
  'com.docker.network.driver.mtu': {
    drivers: creatableDrivers,
    check: (value) => (/^\d{1,5}$/.test(value) && Number(value) >= 68 && Number(value) <= 65535 ? null : `must be a whole number of bytes from 68 to 65535, not "${value}"`),
  },
  'com.docker.network.bridge.name': {
    drivers: ['bridge'],
    check: (value) => (interfaceNamePattern.test(value) ? null : `must be an interface name: 1 to 15 letters, digits or _ . : @ -, not "${value}"`),
  },
  'com.docker.network.bridge.enable_icc': { drivers: ['bridge'], check: booleanOption },
  'com.docker.network.bridge.enable_ip_masquerade': { drivers: ['bridge'], check: booleanOption },
  'com.docker.network.bridge.host_binding_ipv4': {
    drivers: ['bridge'],
    check: (value) => (parseIpAddress(value)?.family === 4 ? null : `must be an IPv4 address, not "${value}"`),
  },
  macvlan_mode: { drivers: ['macvlan'], check: oneOf(['bridge', 'vepa', 'passthru', 'private']) },
  ipvlan_mode: { drivers: ['ipvlan'], check: oneOf(['l2', 'l3', 'l3s']) },
  ipvlan_flag: { drivers: ['ipvlan'], check: oneOf(['bridge', 'private', 'vepa']) },
};

function booleanOption(value: string): string | null {
  return goBooleans.includes(value) ? null : `must be true or false, not "${value}"`;
}

function oneOf(values: readonly string[]): (value: string) => string | null {
  return (value) => (values.includes(value) ? null : `must be one of ${values.join(', ')}, not "${value}"`);
}

/** Why a label key or value, or a driver option, cannot be sent, or null. */
export function keyValueProblem(kind: 'label' | 'option', key: string, value: string): { on: 'key' | 'value'; reason: string } | null {
  const a = kind === 'option' ? 'an' : 'a';
  if (key === '') return { on: 'key', reason: `${a} ${kind} needs a key` };
  if (key.length > 256) return { on: 'key', reason: `${a} ${kind} key is at most 256 characters` };
  if (/\s/.test(key) || controlCharacters.test(key)) return { on: 'key', reason: `${a} ${kind} key cannot hold white space or control characters` };
  if (kind === 'label' && key.includes('=')) return { on: 'key', reason: 'a label key cannot hold "="' };
  if (value.length > 4096) return { on: 'value', reason: `${a} ${kind} value is at most 4096 characters` };
  if (controlCharacters.test(value)) return { on: 'value', reason: `${a} ${kind} value cannot hold control characters` };
  return null;
}

/** Every problem with a new network's addressing, parent, options and labels (the name and the flags are the schema's). */
export function networkCreateProblems(input: NetworkCreateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const read: { index: number; subnet: Subnet }[] = [];
  input.subnets.forEach((entry, index) => {
    const at = (field: string) => ['subnets', index, field];
    const parsed = parseSubnet(entry.subnet);
    if (!parsed.ok) {
      problems.push({ path: at('subnet'), reason: parsed.reason });
      return;
    }
    const { subnet } = parsed;
    const text = formatSubnet(subnet);
    if (subnet.family === 6 && !input.ipv6) problems.push({ path: at('subnet'), reason: `${text} is an IPv6 subnet: set ipv6 to give the network IPv6` });
    const clash = read.find((other) => subnetsOverlap(other.subnet, subnet));
    if (clash) problems.push({ path: at('subnet'), reason: `${text} overlaps subnets.${clash.index} (${formatSubnet(clash.subnet)})` });
    read.push({ index, subnet });
    if (entry.gateway !== undefined) {
      const problem = addressInSubnetProblem(entry.gateway, subnet, 'gateway');
      if (problem) problems.push({ path: at('gateway'), reason: problem });
    }
    if (entry.ipRange !== undefined) {
      const range = parseSubnet(entry.ipRange);
      if (!range.ok) problems.push({ path: at('ipRange'), reason: range.reason });
      else if (!subnetWithin(range.subnet, subnet)) problems.push({ path: at('ipRange'), reason: `${formatSubnet(range.subnet)} is outside the subnet ${text}` });
    }
  });

  if (input.parent !== undefined && input.driver === 'bridge') problems.push({ path: ['parent'], reason: 'only macvlan and ipvlan networks have a parent interface' });
  if (input.parent !== undefined && !interfaceNamePattern.test(input.parent)) {
    problems.push({ path: ['parent'], reason: `must be an interface name (eth0, or eth0.10 for VLAN 10): 1 to 15 letters, digits or _ . : @ -, not "${input.parent}"` });
  }

  for (const [key, value] of Object.entries(input.options)) {
    const problem = keyValueProblem('option', key, value);
    if (problem) {
      problems.push({ path: ['options', key], reason: problem.reason });
      continue;
    }
    if (key === 'parent') {
      problems.push({ path: ['options', key], reason: 'give the parent interface as parent, not as a driver option' });
      continue;
    }
    const known = knownOptions[key];
    if (known === undefined) continue;
    if (!known.drivers.includes(input.driver)) {
      problems.push({ path: ['options', key], reason: `is an option of ${known.drivers.join(' and ')} networks; a ${input.driver} network does not read it` });
      continue;
    }
    const reason = known.check(value);
    if (reason) problems.push({ path: ['options', key], reason });
  }

  for (const [key, value] of Object.entries(input.labels)) {
    const problem = keyValueProblem('label', key, value);
    if (problem) problems.push({ path: ['labels', key], reason: problem.reason });
  }
  return problems;
}

/**
 * Why `text` cannot be the gateway of (or a fixed address in) `subnet`, or null: it must be an
 * address of the subnet's family, inside it, and neither its first address (the subnet itself)
 * nor, for IPv4, its broadcast address.
 */
export function addressInSubnetProblem(text: string, subnet: Subnet, what: string): string | null {
  const address = parseIpAddress(text);
  const subnetText = formatSubnet(subnet);
  if (address === null) return `"${text}" is not an IP address`;
  if (!subnetContains(subnet, address)) return `${what} ${text} is outside the subnet ${subnetText}`;
  const hasBroadcast = subnet.family === 4 && subnet.prefixLength < 31;
  if (subnet.prefixLength < bitsOf(subnet.family) - 1 && address.value === subnet.first) return `${what} ${text} is the subnet's own address (${subnetText}), which no host can have`;
  if (hasBroadcast && address.value === lastAddressOf(subnet)) return `${what} ${text} is the broadcast address of ${subnetText}`;
  return null;
}

const bitsOf = (family: IpFamily) => (family === 4 ? 32 : 128);

/**
 * Why a fixed address cannot be given to a container on a network with these subnets (as the
 * engine lists them), or null. The engine itself only checks it when the container starts, so a
 * stopped container would take any address and then fail to start.
 */
export function fixedAddressProblem(text: string, family: IpFamily, networkName: string, subnets: readonly string[]): string | null {
  const address = parseIpAddress(text);
  if (address === null || address.family !== family) return `"${text}" is not an IPv${family} address`;
  const own = subnets.flatMap((entry) => {
    const parsed = parseSubnet(entry, { allowHostBits: true });
    return parsed.ok && parsed.subnet.family === family ? [parsed.subnet] : [];
  });
  if (own.length === 0) return `network ${networkName} has no IPv${family} subnet`;
  if (own.some((subnet) => addressInSubnetProblem(text, subnet, 'address') === null)) return null;
  const inside = own.find((subnet) => subnetContains(subnet, address));
  if (inside) return addressInSubnetProblem(text, inside, 'address');
  return `${text} is outside the IPv${family} ${own.length === 1 ? 'subnet' : 'subnets'} of network ${networkName} (${own.map(formatSubnet).join(', ')})`;
}
