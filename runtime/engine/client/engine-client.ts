import type Docker from 'dockerode';
import type { BerthError } from '../../api/index.js';
import { ContainerCalls } from './containers.js';
import { ExecCalls } from './exec.js';
import { ImageCalls } from './images.js';
import { SystemCalls } from './system.js';
import { modemTransport, type EngineTransport } from './transport.js';

/**
 * The one client of one engine. Services call these typed methods, never dockerode: each
 * takes `signal` last and passes it to the engine request, reads the answer through its
 * schema (engine/json), and throws only BerthError, mapped once from the engine's HTTP status.
 */
export class EngineClient {
  readonly containers: ContainerCalls;
  readonly exec: ExecCalls;
  readonly images: ImageCalls;
  readonly system: SystemCalls;

  constructor(private readonly http: EngineTransport) {
    this.containers = new ContainerCalls(http);
    this.exec = new ExecCalls(http);
    this.images = new ImageCalls(http);
    this.system = new SystemCalls(http);
  }

  static over(docker: Docker, engineUrl: string): EngineClient {
    return new EngineClient(modemTransport(docker, engineUrl));
  }

  /** A failure of an open stream or hijacked socket, as the BerthError it means. */
  failureOf(error: unknown): BerthError {
    return this.http.failureOf(error);
  }
}
