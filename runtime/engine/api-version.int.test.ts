import { afterAll, beforeAll, expect, it } from 'vitest';
import { EngineRelay } from '../testing/engine-relay.js';
import { connectBackend, docker, type Connected } from '../testing/real-engine.js';
import { maximumApiVersion } from './identity.js';

// Berth reaches the real engine through a relay that records every request line, to see which
// API version each request is sent at.
let relay: EngineRelay;
let connected: Connected;

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  connected.close();
  await relay.stop();
});

it("speaks the version negotiated from the engine's /version on every request after it, as the docker CLI does", async () => {
  const engineApi = await docker('version', '--format', '{{.Server.APIVersion}}');
  const [major, minor] = engineApi.split('.').map(Number) as [number, number];
  const [maxMajor, maxMinor] = maximumApiVersion.split('.').map(Number) as [number, number];
  const expected = major < maxMajor || (major === maxMajor && minor < maxMinor) ? engineApi : maximumApiVersion;

  await connected.client.call('containers.list', { all: true });
  await connected.client.call('images.list', {});
  const lines = relay.requests;
  // Only the probe and the two questions that decide the version go unversioned.
  expect(lines.filter((line) => !line.includes(` /v${expected}/`)).map((line) => line.split('?')[0])).toEqual(
    expect.arrayContaining(['GET /version', 'GET /info']),
  );
  const unversioned = lines.filter((line) => !line.includes(` /v${expected}/`));
  expect(unversioned.every((line) => /^(GET|HEAD) \/(_ping|version|info)$/.test(line)), unversioned.join('\n')).toBe(true);
  expect(lines.some((line) => line.startsWith(`GET /v${expected}/containers/json`))).toBe(true);
  expect(lines.some((line) => line.startsWith(`GET /v${expected}/events`))).toBe(true);
});
