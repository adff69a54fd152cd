import type { Duplex } from 'node:stream';
import { engineExecCreatedSchema, engineExecSchema, type EngineExec } from '../json/container.js';
import { readAnswer } from '../json/read.js';
import type { TerminalSize } from './containers.js';
import { pathPart, type EngineTransport } from './transport.js';

/** What `POST /containers/{id}/exec` takes, in the engine's own spelling. */
export interface ExecOptions {
  Cmd: string[];
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  DetachKeys: string;
  Tty: boolean;
  Env?: string[] | undefined;
  User?: string | undefined;
  WorkingDir?: string | undefined;
}

/** The engine's exec endpoints: a new process in a running container. */
export class ExecCalls {
  constructor(private readonly http: EngineTransport) {}

  /** Creates the process (not yet started); answers its exec id. */
  async create(containerId: string, options: ExecOptions, signal?: AbortSignal): Promise<string> {
    const answer = await this.http.request({ method: 'POST', path: `/containers/${pathPart(containerId)}/exec`, body: options, signal });
    return readAnswer(engineExecCreatedSchema, answer, 'POST /containers/{id}/exec').Id;
  }

  /** Starts it, attached: the connection becomes the process's terminal (input included). */
  start(execId: string, options: { tty: boolean }, signal?: AbortSignal): Promise<Duplex> {
    return this.http.hijack({ method: 'POST', path: `/exec/${pathPart(execId)}/start`, body: { Detach: false, Tty: options.tty }, stdin: true, signal });
  }

  /** Only after the process has started: the engine refuses to size one that has not. */
  async resize(execId: string, size: TerminalSize, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/exec/${pathPart(execId)}/resize`, query: { h: size.rows, w: size.cols }, signal });
  }

  async inspect(execId: string, signal?: AbortSignal): Promise<EngineExec> {
    return readAnswer(engineExecSchema, await this.http.request({ method: 'GET', path: `/exec/${pathPart(execId)}/json`, signal }), 'GET /exec/{id}/json');
  }
}
