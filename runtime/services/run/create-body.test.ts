import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSpecSchema } from '../../api/index.js';
import { createBody, normalizeCapabilities } from './create-body.js';
import { parseRunCommand } from './parse-run-command.js';

interface Capture {
  line: string;
  query: string;
  body: Record<string, unknown> & { NetworkingConfig: { EndpointsConfig: Record<string, unknown> } };
}

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/cli-create-bodies.json', import.meta.url), 'utf8')) as { cases: Capture[] };

/**
 * The CLI spells out every field of an endpoint it sends, zero values included (Go has no
 * "absent"); a zero field means the same to the engine as a missing one, so endpoints are
 * compared by the fields that say something.
 */
function withPlainEndpoints(body: Record<string, unknown>): Record<string, unknown> {
  const networking = body.NetworkingConfig as { EndpointsConfig: Record<string, Record<string, unknown>> };
  const said = (value: unknown) => !(value === null || value === '' || value === 0 || (Array.isArray(value) && value.length === 0));
  const endpoints = Object.fromEntries(
    Object.entries(networking.EndpointsConfig).map(([name, endpoint]) => [name, Object.fromEntries(Object.entries(endpoint).filter(([, value]) => said(value)))]),
  );
  return { ...body, NetworkingConfig: { EndpointsConfig: endpoints } };
}

describe('createBody sends what the docker CLI sends for the same docker run -d line', () => {
  it.each(fixtures.cases.map((capture) => [capture.line, capture] as const))('%s', (_line, capture) => {
    const spec = runSpecSchema.parse(parseRunCommand(capture.line).spec);
    const body = JSON.parse(JSON.stringify(createBody(spec))) as Record<string, unknown>;
    expect(withPlainEndpoints(body)).toEqual(withPlainEndpoints(capture.body));
    const query = new URLSearchParams();
    if (spec.name !== undefined) query.set('name', spec.name);
    if (spec.lifecycle.platform !== undefined) query.set('platform', spec.lifecycle.platform);
    expect(query.toString()).toBe(capture.query);
  });

  it('puts --mac-address in Config before API 1.44 (as CLI 20.10 does) and on the endpoint from then on (as CLI 25+ does)', () => {
    const spec = runSpecSchema.parse(parseRunCommand('docker run -d --mac-address 92:d0:c6:0a:29:33 --network n b').spec);
    expect(createBody(spec)).toMatchObject({ MacAddress: '92:d0:c6:0a:29:33', NetworkingConfig: { EndpointsConfig: {} } });
    const newer = createBody(spec, { apiVersion: '1.44' });
    expect(newer.MacAddress).toBeUndefined();
    expect(newer.NetworkingConfig.EndpointsConfig).toEqual({ n: { MacAddress: '92:d0:c6:0a:29:33' } });
  });

  it('sends an annotation and a health start interval as the newer engines take them', () => {
    const spec = runSpecSchema.parse(parseRunCommand('docker run -d --annotation a=b --health-cmd true --health-start-interval 2s b').spec);
    const body = createBody(spec, { apiVersion: '1.44' });
    expect(body.HostConfig.Annotations).toEqual({ a: 'b' });
    expect(body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], StartInterval: 2_000_000_000 });
  });
});

describe('normalizeCapabilities', () => {
  it('upper-cases, prefixes CAP_ (not ALL), drops duplicates and sorts, like the CLI client', () => {
    expect(normalizeCapabilities(['sys_admin', 'NET_ADMIN', 'cap_sys_admin', 'all'])).toEqual(['ALL', 'CAP_NET_ADMIN', 'CAP_SYS_ADMIN']);
    expect(normalizeCapabilities([])).toBeNull();
  });
});
