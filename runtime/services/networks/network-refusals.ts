import { BerthError, formatSubnet, parseSubnet, subnetsOverlap, type ParsedMethodParams } from '../../api/index.js';
import type { EngineNetwork } from '../../engine/json/network.js';

/**
 * The engine's refusal of a create or a connect, in its own words, with the field it is about
 * named. Which field is told from the status and from what was asked (and, for a subnet, from
 * the networks the engine holds), never from the words: a name in use is the engine's 409; a
 * subnet another network holds, its 403 (a `conflict` by then); no address pool left, its 404; a
 * driver, parent or option it cannot use, its 500.
 */

type CreateParams = Pick<ParsedMethodParams<'networks.create'>, 'driver' | 'parent' | 'subnets' | 'ipv6' | 'options'>;

export function createRefusal(error: unknown, params: CreateParams, networks: readonly EngineNetwork[]): unknown {
  if (!(error instanceof BerthError) || typeof error.details?.status !== 'number') return error;
  const status = error.details.status;
  const refused = (code: BerthError['code'], field: string, note = '') =>
    new BerthError(code, `networks.create: ${field}: ${error.message}${note}`, { ...error.details, field });
  if (status === 409) return refused('conflict', 'name');
  if (status === 403) {
    const clash = overlapWith(params.subnets, networks);
    if (clash) return refused('conflict', `subnets.${clash.index}.subnet`, ` (network ${clash.network} has ${clash.subnet})`);
    return refused('conflict', params.subnets.length > 0 ? 'subnets' : 'driver');
  }
  // No pool to pick a subnet from: an IPv6 network needs its subnet given.
  if (status === 404) {
    const wantsIpv6Pool = params.ipv6 && !params.subnets.some((entry) => entry.subnet.includes(':'));
    return refused('conflict', wantsIpv6Pool ? 'ipv6' : 'subnets');
  }
  if (status >= 500) {
    if (Object.keys(params.options).length > 0) return refused(error.code, 'options');
    if (params.driver !== 'bridge') return refused(error.code, params.parent === undefined ? 'driver' : 'parent');
    return refused(error.code, params.subnets.length > 0 ? 'subnets' : 'driver');
  }
  return refused(error.code, 'name');
}

/** The first subnet asked for that an existing network's subnet overlaps. */
function overlapWith(subnets: CreateParams['subnets'], networks: readonly EngineNetwork[]): { index: number; network: string; subnet: string } | null {
  for (const [index, entry] of subnets.entries()) {
    const asked = parseSubnet(entry.subnet);
    if (!asked.ok) continue;
    for (const network of networks) {
      for (const config of network.IPAM?.Config ?? []) {
        const held = config.Subnet ? parseSubnet(config.Subnet, { allowHostBits: true }) : null;
        if (held?.ok && subnetsOverlap(asked.subnet, held.subnet)) return { index, network: network.Name, subnet: formatSubnet(held.subnet) };
      }
    }
  }
  return null;
}

type ConnectParams = Pick<ParsedMethodParams<'networks.connect'>, 'aliases' | 'ipv4Address' | 'ipv6Address'>;

/**
 * A refused connect: 400 is about what was asked (a fixed address where the subnet was not
 * chosen by the user, an alias on the default bridge, `host` or `none`); 403/409 the container
 * is on the network already, or its fixed address is taken.
 */
export function connectRefusal(error: unknown, params: ConnectParams): unknown {
  if (!(error instanceof BerthError) || typeof error.details?.status !== 'number') return error;
  const status = error.details.status;
  const fixed = params.ipv4Address !== undefined ? 'ipv4Address' : params.ipv6Address !== undefined ? 'ipv6Address' : null;
  let field = 'container';
  if (status === 400) field = fixed ?? (params.aliases.length > 0 ? 'aliases' : 'network');
  else if (status === 403 || status === 409) field = fixed ?? 'container';
  else if (status === 404) return error; // the engine's words name what does not exist
  return new BerthError(error.code, `networks.connect: ${field}: ${error.message}`, { ...error.details, field });
}
