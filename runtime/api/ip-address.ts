/**
 * Is this text an IP address, as the docker CLI checks a host IP (`-p 127.0.0.1:8080:80`)?
 * Pure, so the UI and the backend check alike without Node's `net`. Dotted IPv4 without
 * leading zeros; IPv6 with one `::` at most and an optional dotted IPv4 tail. No zone
 * (`%eth0`): the engine cannot bind a published port to one, and the CLI refuses it too.
 */

const ipv4Part = /^(?:0|[1-9]\d{0,2})$/;
const ipv6Group = /^[0-9a-fA-F]{1,4}$/;

export function isIpv4Address(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => ipv4Part.test(part) && Number(part) <= 255);
}

export function isIpv6Address(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  // A dotted IPv4 may stand for the last two groups (`::ffff:192.0.2.1`).
  const last = all.at(-1);
  const tail = last !== undefined && last.includes('.') ? last : undefined;
  if (tail !== undefined && !isIpv4Address(tail)) return false;
  const hexGroups = tail === undefined ? all : all.slice(0, -1);
  if (!hexGroups.every((group) => ipv6Group.test(group))) return false;
  const count = hexGroups.length + (tail === undefined ? 0 : 2);
  // Without `::` all eight groups are written; with it, it stands for at least one.
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIpAddress(text: string): boolean {
  return isIpv4Address(text) || isIpv6Address(text);
}
