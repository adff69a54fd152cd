import type { Readable } from 'node:stream';
import { readAnswer } from '../json/read.js';
import { engineInfoSchema, engineVersionSchema, type EngineInfo, type EngineVersion } from '../json/system.js';
import type { EngineTransport } from './transport.js';

/** The engine's own endpoints: what it is, and what happens on it. */
export class SystemCalls {
  constructor(private readonly http: EngineTransport) {}

  async info(signal?: AbortSignal): Promise<EngineInfo> {
    return readAnswer(engineInfoSchema, await this.http.request({ method: 'GET', path: '/info', signal }), 'GET /info');
  }

  async version(signal?: AbortSignal): Promise<EngineVersion> {
    return readAnswer(engineVersionSchema, await this.http.request({ method: 'GET', path: '/version', signal }), 'GET /version');
  }

  /** The NDJSON `/events` stream of every type (json/streams.ts reads its lines). */
  events(signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'GET', path: '/events', signal });
  }
}
