import type { ContainerPort } from '../../../runtime/api/index.js';

/** A port as the list shows it: a link for published TCP ports, text otherwise. */
export type PortView =
  | { kind: 'link'; key: string; href: string; text: string; title: string }
  | { kind: 'text'; key: string; text: string };

/**
 * The host to open a published port on. A wildcard bind (or none reported) is reachable on
 * loopback; a specific address only there. IPv6 literals need brackets in a URL.
 */
export function portHost(ip: string | undefined): string {
  if (ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::') return '127.0.0.1';
  return ip.includes(':') ? `[${ip}]` : ip;
}

export function portUrl(port: ContainerPort): string | null {
  if (port.publicPort === undefined || port.protocol !== 'tcp') return null;
  return `http://${portHost(port.ip)}:${port.publicPort}/`;
}

/**
 * Engines report a port bound on both `0.0.0.0` and `::` twice; both open the same URL, so
 * duplicates are dropped.
 */
export function portViews(ports: readonly ContainerPort[]): PortView[] {
  const views: PortView[] = [];
  const seen = new Set<string>();
  for (const port of ports) {
    const inside = `${port.privatePort}/${port.protocol}`;
    const href = portUrl(port);
    const view: PortView =
      href !== null
        ? { kind: 'link', key: `${href}>${inside}`, href, text: `${port.publicPort} → ${inside}`, title: `Open ${href}` }
        : port.publicPort !== undefined
          ? { kind: 'text', key: `${port.ip ?? ''}:${port.publicPort}>${inside}`, text: `${port.publicPort} → ${inside}` }
          : { kind: 'text', key: inside, text: inside };
    if (seen.has(view.key)) continue;
    seen.add(view.key);
    views.push(view);
  }
  return views;
}
