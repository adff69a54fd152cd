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
 * The CLI spells out every field of an endpoint it sends; an empty endpoint means the same to
 * the engine, so only which endpoints are sent is compared.
 */
function endpointsOnly(body: Record<string, unknown>): Record<string, unknown> {
  const networking = body.NetworkingConfig as { EndpointsConfig: Record<string, unknown> };
  return { ...body, NetworkingConfig: { EndpointsConfig: Object.keys(networking.EndpointsConfig) } };
}

describe('createBody sends what the docker CLI sends for the same docker run -d line', () => {
  it.each(fixtures.cases.map((capture) => [capture.line, capture] as const))('%s', (_line, capture) => {
    const spec = runSpecSchema.parse(parseRunCommand(capture.line).spec);
    const body = JSON.parse(JSON.stringify(createBody(spec))) as Record<string, unknown>;
    expect(endpointsOnly(body)).toEqual(endpointsOnly(capture.body));
    expect(spec.name === undefined ? '' : `name=${spec.name}`).toBe(capture.query);
  });
});

describe('normalizeCapabilities', () => {
  it('upper-cases, prefixes CAP_ (not ALL), drops duplicates and sorts, like the CLI client', () => {
    expect(normalizeCapabilities(['sys_admin', 'NET_ADMIN', 'cap_sys_admin', 'all'])).toEqual(['ALL', 'CAP_NET_ADMIN', 'CAP_SYS_ADMIN']);
    expect(normalizeCapabilities([])).toBeNull();
  });
});
