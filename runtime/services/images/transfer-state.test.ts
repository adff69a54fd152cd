import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayerProgress, TransferProgress } from '../../api/index.js';
import { enginePullLineSchema } from '../../engine/json/image.js';
import { NdjsonReader, SkippedLines } from '../../engine/ndjson.js';
import { TransferState, type TransferDirection } from './transfer-state.js';

// Fixtures are the real engines' answers, captured from the test environment: a pull of a
// 3-layer image whose base layer the engine had, the push of it, and Podman's pull of it.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** Feeds `bytes` in the given chunks; after each chunk takes an event; returns every event and the final one. */
function follow(direction: TransferDirection, chunks: Uint8Array[]): { events: TransferProgress[]; layers: Map<string, LayerProgress>; final: TransferProgress } {
  let clock = 0;
  const state = new TransferState(direction, () => clock);
  const reader = new NdjsonReader(enginePullLineSchema, new SkippedLines('test', () => undefined));
  const events: TransferProgress[] = [];
  const layers = new Map<string, LayerProgress>();
  const take = (done: boolean) => {
    const event = state.take(done);
    for (const layer of event.layers) layers.set(layer.id, layer);
    events.push(event);
    return event;
  };
  for (const chunk of chunks) {
    for (const line of reader.push(chunk)) state.apply(line);
    clock += 100;
    if (state.hasChanges) take(false);
  }
  for (const line of reader.flush()) state.apply(line);
  return { events, layers, final: take(true) };
}

const lines = (bytes: Uint8Array) => {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] === 0x0a) {
      chunks.push(bytes.subarray(start, at + 1));
      start = at + 1;
    }
  }
  if (start < bytes.length) chunks.push(bytes.subarray(start));
  return chunks;
};

describe('TransferState on a Docker pull', () => {
  const pull = fixture('docker-pull.ndjson');

  it('moves each layer through its states, bytes done of total, to complete; the layer the engine had is exists', () => {
    const { events, layers, final } = follow('pull', lines(pull));
    expect([...layers.keys()]).toEqual(['d0e07262198e', '67785386ff97', 'a8ba94f939ae']);
    expect(layers.get('d0e07262198e')).toEqual({ id: 'd0e07262198e', state: 'exists', status: 'Already exists' });
    expect(layers.get('67785386ff97')).toMatchObject({ state: 'complete', status: 'Pull complete', current: 1536642, total: 1536642 });
    const seen = events.flatMap((event) => event.layers.filter((layer) => layer.id === '67785386ff97').map((layer) => layer.state));
    expect([...new Set(seen)]).toEqual(['waiting', 'downloading', 'verifying', 'downloaded', 'extracting', 'complete']);
    expect(final).toMatchObject({
      done: true,
      percent: 100,
      layerCount: 3,
      layersDone: 3,
      bytesDone: 1536642 + 717197,
      bytesTotal: 1536642 + 717197,
      message: 'Status: Downloaded newer image for 127.0.0.1:34367/fixture/app:1',
      digest: 'sha256:7ae3bb2897e9b0d537c56d5ea8d2c93df11958f76307f9433956854a3dbc160a',
    });
  });

  it('never goes back, and says 100 % only at the end', () => {
    const { events } = follow('pull', lines(pull));
    const percents = events.map((event) => event.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.slice(0, -1).every((percent) => percent < 100)).toBe(true);
    expect(events.some((event) => event.percent > 0 && event.percent < 100)).toBe(true);
  });

  it('ends in the same state however the NDJSON is split, at any byte', () => {
    const whole = follow('pull', [pull]);
    for (let cut = 1; cut < pull.length; cut++) {
      const split = follow('pull', [pull.subarray(0, cut), pull.subarray(cut)]);
      expect(split.layers).toEqual(whole.layers);
      expect({ ...split.final, layers: [], elapsedMs: 0, bytesPerSecond: null }).toEqual({ ...whole.final, layers: [], elapsedMs: 0, bytesPerSecond: null });
    }
    // And byte by byte.
    const single = follow('pull', [...pull].map((byte) => Uint8Array.of(byte)));
    expect(single.layers).toEqual(whole.layers);
  });

  it('tells speed and time left from the bytes moved over time', () => {
    let clock = 0;
    const state = new TransferState('pull', () => clock);
    state.apply({ id: 'a', status: 'Downloading', progressDetail: { current: 0, total: 10_000 } });
    expect(state.take()).toMatchObject({ bytesPerSecond: null, secondsLeft: null });
    clock = 1000;
    state.apply({ id: 'a', status: 'Downloading', progressDetail: { current: 2000, total: 10_000 } });
    expect(state.take()).toMatchObject({ bytesDone: 2000, bytesTotal: 10_000, bytesPerSecond: 2000, secondsLeft: 4, elapsedMs: 1000 });
  });

  it('sends only the layers that changed since the last event', () => {
    const state = new TransferState('pull', () => 0);
    state.apply({ id: 'a', status: 'Pulling fs layer' });
    state.apply({ id: 'b', status: 'Pulling fs layer' });
    expect(state.take().layers.map((layer) => layer.id)).toEqual(['a', 'b']);
    state.apply({ id: 'b', status: 'Downloading', progressDetail: { current: 1, total: 2 } });
    expect(state.take().layers).toEqual([{ id: 'b', state: 'downloading', status: 'Downloading', current: 1, total: 2 }]);
    expect(state.hasChanges).toBe(false);
  });

  it('keeps the state and takes the words of a status it does not know (a retry)', () => {
    const state = new TransferState('pull', () => 0);
    state.apply({ id: 'a', status: 'Downloading', progressDetail: { current: 1, total: 2 } });
    state.apply({ id: 'a', status: 'Retrying in 5 seconds' });
    expect(state.take().layers[0]).toMatchObject({ state: 'downloading', status: 'Retrying in 5 seconds', current: 1, total: 2 });
  });
});

describe('TransferState on a Docker push', () => {
  it('pushing to pushed, a mounted layer exists, and the digest from the aux line', () => {
    const { layers, events, final } = follow('push', lines(fixture('docker-push.ndjson')));
    expect(layers.get('fea4c03893d7')).toMatchObject({ state: 'exists', status: 'Mounted from exp/bb' });
    expect(layers.get('c46f154798eb')).toMatchObject({ state: 'complete', status: 'Pushed' });
    expect(events.flatMap((event) => event.layers.map((layer) => layer.state))).toContain('pushing');
    expect(final).toMatchObject({ done: true, percent: 100, layerCount: 3, layersDone: 3, digest: 'sha256:7ae3bb2897e9b0d537c56d5ea8d2c93df11958f76307f9433956854a3dbc160a' });
    expect(final.bytesTotal).toBeGreaterThan(0);
    expect(final.bytesDone).toBe(final.bytesTotal);
  });
});

describe('TransferState on a Podman pull (no byte counts)', () => {
  it('counts by layers, and every layer is complete at the end', () => {
    const { events, layers, final } = follow('pull', lines(fixture('podman-pull.ndjson')));
    expect(events.every((event) => event.bytesTotal === 0)).toBe(true);
    expect(events.slice(0, -1).map((event) => event.percent).some((percent) => percent > 0 && percent < 100)).toBe(true);
    expect([...layers.values()].map((layer) => layer.state)).toEqual(['exists', 'complete', 'complete', 'complete']);
    expect(final).toMatchObject({ percent: 100, layersDone: 4, layerCount: 4, bytesTotal: 0 });
  });
});
