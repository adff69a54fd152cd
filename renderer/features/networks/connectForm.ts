import { fixedAddressProblem, networkAliasPattern, type NetworkSummary } from '../../../runtime/api/index.js';

/** The Connect form as typed: aliases separated by spaces or commas, and optional fixed addresses. */
export interface ConnectForm {
  aliases: string;
  ipv4Address: string;
  ipv6Address: string;
}

export type ConnectField = keyof ConnectForm;

export interface ReadConnectForm {
  aliases: string[];
  ipv4Address: string | undefined;
  ipv6Address: string | undefined;
  problems: Partial<Record<ConnectField, string>>;
}

/** The form read, each problem naming its field: aliases the engine would refuse, addresses outside the network's subnets. */
export function readConnectForm(form: ConnectForm, network: Pick<NetworkSummary, 'name' | 'subnets'> | null): ReadConnectForm {
  const problems: Partial<Record<ConnectField, string>> = {};
  const aliases = form.aliases.split(/[\s,]+/).filter((alias) => alias !== '');
  const bad = aliases.find((alias) => !networkAliasPattern.test(alias));
  if (bad !== undefined) problems.aliases = `Aliases: "${bad}" must start with a letter or digit and use only letters, digits, _ . -`;
  const ipv4Address = form.ipv4Address.trim() || undefined;
  const ipv6Address = form.ipv6Address.trim() || undefined;
  const subnets = network?.subnets.map((subnet) => subnet.subnet) ?? [];
  if (network !== null && ipv4Address !== undefined) {
    const problem = fixedAddressProblem(ipv4Address, 4, network.name, subnets);
    if (problem) problems.ipv4Address = `IPv4 address: ${problem}`;
  }
  if (network !== null && ipv6Address !== undefined) {
    const problem = fixedAddressProblem(ipv6Address, 6, network.name, subnets);
    if (problem) problems.ipv6Address = `IPv6 address: ${problem}`;
  }
  return { aliases, ipv4Address, ipv6Address, problems };
}
