import { z } from 'zod';
import { defineDomain, method, noParams, params, stream } from './define.js';
import type { EngineConnectionState, EngineIdentity, EngineSource, UnreachableReason } from './engine.js';

/**
 * Every engine Berth knows, several connected at once: the ones found the way the docker CLI
 * finds them and the ones the user added. A request names its engine in the wire envelope
 * (see wire.ts), never in its params; these methods manage the list itself and answer the
 * same whichever engine a request names.
 */

/** An engine reference in params: its id (`engineId` of its items) or its name. */
const engineRefParam = z.string().min(1, 'is required').max(256, 'is too long').describe('The engine: its id (the `engineId` its items carry) or its name.');

const engineName = z
  .string()
  .min(1, 'is empty')
  .max(64, 'is longer than 64 characters')
  .regex(/^\S(?:.*\S)?$/s, 'must not start or end with a space')
  .describe('A name to show for the engine, e.g. `build-server`; unique among engines.');

const engineColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3b82f6')
  .describe('The colour its rows are tagged with, as `#rrggbb`.');

/** TLS for a `tcp://` engine, as `DOCKER_TLS_VERIFY` + `DOCKER_CERT_PATH` give it: file paths, never the keys themselves. */
export const engineTlsSchema = params({
  caPath: z.string().min(1).max(4096).optional().describe("The CA certificate that signed the engine's certificate (`ca.pem`), as an absolute path."),
  certPath: z.string().min(1).max(4096).optional().describe('The client certificate (`cert.pem`), as an absolute path.'),
  keyPath: z.string().min(1).max(4096).optional().describe("The client certificate's key (`key.pem`), as an absolute path. Berth stores the path, never the key."),
  verify: z.boolean().default(true).describe("Check the engine's certificate against the CA (like `DOCKER_TLS_VERIFY=1`). Turning it off is for test engines only."),
});
export type EngineTls = z.output<typeof engineTlsSchema>;

/** How a request to an engine has been going lately, from calls Berth makes anyway (no extra pings). */
export interface EngineLatency {
  /** Median round-trip of the recent calls, in milliseconds; null before the first. */
  medianMs: number | null;
  /** The slowest of them. */
  maxMs: number | null;
  /** How many recent calls these are drawn from (at most the last 50). */
  samples: number;
}

/** One engine of the Engines page (`engines.list`, `engines.watch`). */
export interface EngineEntry {
  /** Stable id, carried by every item from this engine as `engineId`. */
  engineId: string;
  name: string;
  color: string;
  /** `unix:///path`, `tcp://host:port` or `ssh://user@host[:port]`. */
  url: string;
  /** Where Berth found it: the docker CLI's places, Podman's sockets, the managed engine, or `user` (added by hand). */
  source: EngineSource | 'user';
  /** One sentence: why it is in the list, e.g. "docker context \"build\"". */
  why: string;
  /** Requests that name no engine go here. */
  isDefault: boolean;
  /** Berth keeps it connected (and reconnects it); false after the user disconnected it. */
  enabled: boolean;
  state: EngineConnectionState | 'disconnected';
  /** Set when connected: Docker or Podman, versions, OS and architecture. */
  identity?: EngineIdentity;
  /** Set when unreachable: the exact reason. */
  reason?: { code: UnreachableReason; message: string };
  /** When unreachable: milliseconds until the next attempt. */
  retryInMs?: number;
  latency: EngineLatency;
  /** TLS file paths, for a `tcp://` engine that uses TLS. */
  tls?: EngineTls;
  /** For an `ssh://` engine: the ssh config file used instead of `~/.ssh/config`. */
  sshConfigPath?: string;
  /** A one-line warning to show with it, e.g. for plain `tcp://` to another host. */
  warning?: string;
}

export const enginesContract = defineDomain({
  methods: {
    'engines.list': method<EngineEntry[]>()(noParams, 'Every engine Berth knows, found or added, with its state, identity and recent round-trip times.'),
    'engines.add': method<EngineEntry>()(
      params({
        url: z
          .string()
          .min(1, 'is required')
          .max(4096, 'is too long')
          .describe('`unix:///path/to/docker.sock`, `tcp://host:port` (with `tls` for TLS) or `ssh://user@host[:port]` (through `docker system dial-stdio`, with your ssh config, agent, keys and known_hosts).'),
        name: engineName.optional(),
        color: engineColor.optional(),
        tls: engineTlsSchema.optional().describe('TLS for a `tcp://` engine: the CA, client certificate and key as file paths.'),
        sshConfigPath: z
          .string()
          .min(1)
          .max(4096)
          .optional()
          .describe('For an `ssh://` engine: an ssh config file to use instead of `~/.ssh/config` (like `ssh -F`), e.g. for a key or known_hosts of its own.'),
      }),
      'Add an engine by URL and connect to it. It is kept in Berth\'s data directory (paths only, no secrets).',
    ),
    'engines.update': method<EngineEntry>()(
      params({ engine: engineRefParam, name: engineName.optional(), color: engineColor.optional() }).refine(
        (update) => update.name !== undefined || update.color !== undefined,
        { message: 'nothing to change: give a name or a color', path: ['name'], when: (payload) => payload.issues.length === 0 },
      ),
      'Rename an engine or change its colour.',
    ),
    'engines.remove': method<null>()(
      params({ engine: engineRefParam }),
      'Forget an engine the user added (found ones come back while they are found; disconnect those instead). Its containers are not touched.',
    ),
    'engines.connect': method<EngineEntry>()(params({ engine: engineRefParam }), 'Connect to an engine and keep it connected, reconnecting with backoff.'),
    'engines.disconnect': method<EngineEntry>()(params({ engine: engineRefParam }), 'Disconnect from an engine until connected again. Its containers keep running.'),
    'engines.setDefault': method<EngineEntry>()(params({ engine: engineRefParam }), 'Make an engine the one that requests naming no engine go to.'),
  },
  streams: {
    'engines.watch': stream<EngineEntry[]>()(noParams, 'The list of engines now, then again each time an engine is added, removed, renamed, connects, disconnects or fails.'),
  },
});
