import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockOffsetOf, EngineClient } from './engine-client.js';
import { modemTransport } from './transport.js';

/** What the fake engine saw of one request. */
interface Seen {
  method: string;
  url: string;
  body: string;
  contentType: string | undefined;
}

type Answer = { status: number; json?: unknown; text?: string; hang?: boolean };

/**
 * A fake engine on a unix socket (a unit test: the request Berth sends and how it reads each
 * answer, through dockerode's real modem). Integration tests use the real engine.
 */
let dir: string;
let server: http.Server;
let client: EngineClient;
const seen: Seen[] = [];
let answer: (seen: Seen) => Answer = () => ({ status: 200, json: {} });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-client-'));
  const socketPath = path.join(dir, 'engine.sock');
  server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', body, contentType: request.headers['content-type'] };
      seen.push(entry);
      const reply = answer(entry);
      if (reply.hang) return;
      response.writeHead(reply.status, { 'Content-Type': reply.text === undefined ? 'application/json' : 'text/plain' });
      response.end(reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json)));
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  client = EngineClient.over(new Docker({ socketPath }), `unix://${socketPath}`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const last = (): Seen => seen.at(-1) ?? { method: '', url: '', body: '', contentType: undefined };

describe('EngineClient requests', () => {
  it('sends filters as JSON in the query, leaves out what is not set, and sends no body it was not given', async () => {
    answer = () => ({ status: 200, json: [] });
    await client.containers.list({ all: true, filters: { name: ['^/web$'] } });
    expect(last()).toMatchObject({ method: 'GET', url: `/containers/json?all=true&filters=${encodeURIComponent('{"name":["^/web$"]}')}` });

    answer = () => ({ status: 204 });
    await client.containers.stop('web', undefined);
    expect(last()).toMatchObject({ method: 'POST', url: '/containers/web/stop', body: '' });
    await client.containers.kill('web', 'SIGTERM');
    expect(last()).toMatchObject({ url: '/containers/web/kill?signal=SIGTERM', body: '' });
  });

  it('puts a create body only in the body, and the name only in the query', async () => {
    answer = () => ({ status: 201, json: { Id: 'c1', Warnings: null } });
    const created = await client.containers.create('web', { Image: 'busybox', Env: ['A=1'] });
    expect(created).toEqual({ id: 'c1', warnings: [] });
    expect(last()).toMatchObject({ url: '/containers/create?name=web', body: '{"Image":"busybox","Env":["A=1"]}', contentType: 'application/json' });
  });

  it('escapes ids in the path, but keeps the slashes and colons of image references', async () => {
    answer = () => ({ status: 200, json: { Id: 'x' } });
    await client.containers.inspect('a?b#c');
    expect(last().url).toBe('/containers/a%3Fb%23c/json');
    await client.images.inspect('registry.local:5000/team/app:1');
    expect(last().url).toBe('/images/registry.local:5000/team/app:1/json');
  });
});

describe('EngineClient answers', () => {
  it('takes any 2xx as success, and 304 as done only where it means "already so"', async () => {
    answer = () => ({ status: 201 });
    await expect(client.exec.resize('e1', { cols: 80, rows: 24 })).resolves.toBeUndefined();
    expect(last().url).toBe('/exec/e1/resize?h=24&w=80');
    answer = () => ({ status: 304 });
    await expect(client.containers.start('web')).resolves.toBeUndefined();
    await expect(client.containers.stop('web', 5)).resolves.toBeUndefined();
    await expect(client.containers.restart('web', undefined)).rejects.toMatchObject({ code: 'internal', details: { status: 304 } });
  });

  it('maps the status once: 404 is not_found with the engine\'s words, or null where the caller asks for it', async () => {
    answer = () => ({ status: 404, json: { message: 'No such container: ghost' } });
    await expect(client.containers.start('ghost')).rejects.toMatchObject({ code: 'not_found', message: 'No such container: ghost', details: { status: 404 } });
    await expect(client.images.remove('ghost', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.containers.inspectOrNull('ghost')).resolves.toBeNull();
    await expect(client.images.inspectOrNull('ghost')).resolves.toBeNull();
    answer = () => ({ status: 409, json: { message: 'You cannot remove a running container' } });
    await expect(client.containers.remove('web', { force: false })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reads a null answer as null, and refuses an answer of the wrong shape naming the field', async () => {
    answer = () => ({ status: 200, text: 'null' });
    await expect(client.containers.changes('web')).resolves.toBeNull();
    answer = () => ({ status: 200, json: { Id: 'x', State: { Running: 'yes' } } });
    await expect(client.containers.inspect('web')).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('State.Running') as unknown });
  });

  it('hands back the inspect JSON exactly as the engine wrote it, unknown fields included', async () => {
    const json = { Id: 'x', Name: '/web', Platform: 'linux', Config: { Image: 'busybox', Domainname: '' } };
    answer = () => ({ status: 200, json });
    expect((await client.containers.inspectWithJson('web')).json).toEqual(json);
  });

  it('cancels the engine request with the signal', async () => {
    answer = () => ({ status: 200, hang: true });
    const abort = new AbortController();
    const pending = client.system.info(abort.signal);
    await expect.poll(() => last().url).toBe('/info');
    abort.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('calls an engine that accepts the request but never answers a timeout naming the engine, and times the ones it answers', async () => {
    const times: number[] = [];
    const http = modemTransport(new Docker({ socketPath: path.join(dir, 'engine.sock') }), 'unix://hanging', { onRoundTrip: (ms) => times.push(ms) });
    answer = () => ({ status: 200, json: {} });
    await http.request({ method: 'GET', path: '/info' });
    answer = () => ({ status: 404, json: { message: 'No such container: web' } });
    await expect(http.request({ method: 'GET', path: '/containers/web/json' })).rejects.toMatchObject({ code: 'not_found' });
    expect(times).toHaveLength(2);
    answer = () => ({ status: 200, hang: true });
    await expect(http.request({ method: 'GET', path: '/info', timeoutMs: 100 })).rejects.toMatchObject({
      code: 'timeout',
      message: 'unix://hanging did not answer GET /info within 0.1 s.',
    });
    expect(times).toHaveLength(2);
  });

  it("reads a Podman engine's images and containers as Docker names them, and keeps the inspect JSON as it came", async () => {
    const podman = EngineClient.over(new Docker({ socketPath: path.join(dir, 'engine.sock') }), 'unix://podman', 'podman');
    answer = () => ({ status: 200, json: [{ Id: 'sha256:1', RepoTags: ['localhost/mine:latest'], Created: 1, Size: 2 }] });
    expect((await podman.images.list())[0]?.RepoTags).toEqual(['mine:latest']);
    expect((await client.images.list())[0]?.RepoTags).toEqual(['localhost/mine:latest']);
    answer = () => ({ status: 200, json: { Id: 'c', Image: 'sha256:1', Config: { Image: 'localhost/mine:latest' } } });
    const { container, json } = await podman.containers.inspectWithJson('c');
    expect(container.Config?.Image).toBe('mine:latest');
    expect(json).toMatchObject({ Config: { Image: 'localhost/mine:latest' } });
  });

  it('says the engine is unreachable, with the reason, when nothing listens', async () => {
    const gone = EngineClient.over(new Docker({ socketPath: path.join(dir, 'missing.sock') }), `unix://${path.join(dir, 'missing.sock')}`);
    await expect(gone.system.version()).rejects.toMatchObject({ code: 'engine_unreachable', details: { reason: 'socket_missing' } });
  });
});

describe('clockOffsetOf', () => {
  it("reads the engine's clock against the middle of the round trip, nanoseconds and zones included; 0 when it says nothing readable", () => {
    const sent = Date.parse('2026-12-01T10:00:00.000Z');
    expect(clockOffsetOf('2026-12-01T10:00:05.050123456Z', sent, sent + 100)).toBe(5_000);
    expect(clockOffsetOf('2026-12-01T11:00:00.050+01:00', sent, sent + 100)).toBe(0);
    expect(clockOffsetOf('2026-12-01T09:59:58.050Z', sent, sent + 100)).toBe(-2_000);
    // Within the round trip: written at some moment of it by a clock that may well be ours.
    expect(clockOffsetOf('2026-12-01T10:00:00.090Z', sent, sent + 100)).toBe(0);
    expect(clockOffsetOf('2026-12-01T10:00:00.000Z', sent, sent + 100)).toBe(0);
    expect(clockOffsetOf(undefined, sent, sent + 100)).toBe(0);
    expect(clockOffsetOf('not a time', sent, sent + 100)).toBe(0);
  });
});
