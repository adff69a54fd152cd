/** Containers as the UI lists them. Plain data: built from the engine's `GET /containers/json`. */

/** Every state the engine reports. */
export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerPort {
  /** Port inside the container. */
  privatePort: number;
  /** Port published on the host, when published. */
  publicPort?: number;
  /** Host address the port is bound to, e.g. `0.0.0.0`, `::` or `127.0.0.1`. */
  ip?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ContainerSummary {
  engineId: string;
  /** Full 64-hex id. */
  id: string;
  /** Name without the leading slash. */
  name: string;
  /** Image as the container was created from it (a reference or an id). */
  image: string;
  imageId: string;
  command: string;
  /** Creation time, seconds since the epoch. */
  created: number;
  state: ContainerState;
  /** The engine's own status line, e.g. "Up 3 minutes" or "Exited (137) 2 seconds ago". */
  status: string;
  /** Exit code for exited and dead containers, otherwise null. */
  exitCode: number | null;
  ports: ContainerPort[];
  labels: Record<string, string>;
}
