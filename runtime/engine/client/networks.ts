import { BerthError } from '../../api/index.js';
import {
  engineContainerNetworksListSchema,
  engineNetworkCreatedSchema,
  engineNetworkListSchema,
  engineNetworkPluginsSchema,
  engineNetworkSchema,
  engineNetworksPrunedSchema,
  type EngineContainerNetworks,
  type EngineNetwork,
  type EngineNetworkCreated,
} from '../json/network.js';
import { readAnswer } from '../json/read.js';
import { pathPart, type EngineRequest, type EngineTransport } from './transport.js';

/** `POST /networks/create`'s body, in the engine's names. */
export interface EngineNetworkCreateBody {
  Name: string;
  /** Without it the engine (API < 1.44) creates a second network of the same name. */
  CheckDuplicate: true;
  Driver: string;
  EnableIPv6: boolean;
  Internal: boolean;
  Attachable: boolean;
  IPAM: { Driver: 'default'; Config: { Subnet: string; Gateway?: string; IPRange?: string }[] };
  Options: Record<string, string>;
  Labels: Record<string, string>;
}

/** `POST /networks/{id}/connect`'s endpoint settings. */
export interface EngineEndpointConfig {
  Aliases?: string[];
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string };
}

/** Removing a network tears down its bridge; a prune may remove hundreds. */
const longWorkTimeoutMs = 5 * 60_000;

/**
 * The engine's network endpoints, each answer read through its schema (json/network.ts).
 *
 * The engine answers a network refused in its present state with 403 (Docker's "forbidden": a
 * predefined network, active endpoints, a pool that overlaps, a container already connected).
 * That is no question of credentials, so for these calls it is a `conflict`, as the engine's 500s
 * are: still decided from the status, never from the words.
 */
export class NetworkCalls {
  constructor(private readonly http: EngineTransport) {}

  private async request(request: EngineRequest): Promise<unknown> {
    try {
      return await this.http.request(request);
    } catch (error) {
      if (error instanceof BerthError && error.details?.status === 403) throw new BerthError('conflict', error.message, error.details);
      throw error;
    }
  }

  /** `filters` as the engine takes them, e.g. `{ id: [fullId] }`. */
  async list(filters?: Record<string, string[]>, signal?: AbortSignal): Promise<EngineNetwork[]> {
    const answer = await this.request({ method: 'GET', path: '/networks', query: { filters }, signal });
    return readAnswer(engineNetworkListSchema, answer, 'GET /networks') ?? [];
  }

  /** The network read, and the engine's JSON exactly as it came (for the Inspect view). */
  async inspect(ref: string, signal?: AbortSignal): Promise<{ network: EngineNetwork; json: Record<string, unknown> }> {
    const answer = await this.request({ method: 'GET', path: `/networks/${pathPart(ref)}`, signal });
    const json = readAnswer(engineNetworkSchema, answer, 'GET /networks/{id}');
    return { network: json, json };
  }

  async create(body: EngineNetworkCreateBody, signal?: AbortSignal): Promise<EngineNetworkCreated> {
    const answer = await this.request({ method: 'POST', path: '/networks/create', body, signal });
    return readAnswer(engineNetworkCreatedSchema, answer, 'POST /networks/create');
  }

  async remove(ref: string, signal?: AbortSignal): Promise<void> {
    await this.request({ method: 'DELETE', path: `/networks/${pathPart(ref)}`, signal, timeoutMs: longWorkTimeoutMs });
  }

  /** `docker network prune`: `filters` as the engine takes them (`label`, `label!`, `until`). Answers the names removed. */
  async prune(filters: Record<string, string[]>, signal?: AbortSignal): Promise<string[]> {
    const answer = await this.request({ method: 'POST', path: '/networks/prune', query: { filters }, signal, timeoutMs: longWorkTimeoutMs });
    return readAnswer(engineNetworksPrunedSchema, answer, 'POST /networks/prune').NetworksDeleted ?? [];
  }

  async connect(ref: string, container: string, endpoint: EngineEndpointConfig, signal?: AbortSignal): Promise<void> {
    await this.request({ method: 'POST', path: `/networks/${pathPart(ref)}/connect`, body: { Container: container, EndpointConfig: endpoint }, signal });
  }

  async disconnect(ref: string, container: string, force: boolean, signal?: AbortSignal): Promise<void> {
    await this.request({ method: 'POST', path: `/networks/${pathPart(ref)}/disconnect`, body: { Container: container, Force: force }, signal });
  }

  /**
   * Every container (`all=1`) read for its networks: `GET /containers/json` gives each one's
   * networks with addresses, running or not (but no aliases). `filters` narrows it, e.g.
   * `{ id: [...] }` for the containers a burst of events named.
   */
  async containerNetworks(filters?: Record<string, string[]>, signal?: AbortSignal): Promise<EngineContainerNetworks[]> {
    const answer = await this.request({ method: 'GET', path: '/containers/json', query: { all: true, filters }, signal });
    return readAnswer(engineContainerNetworksListSchema, answer, 'GET /containers/json') ?? [];
  }

  /** The network drivers the engine has (`docker info`'s plugins). */
  async drivers(signal?: AbortSignal): Promise<string[]> {
    const answer = await this.request({ method: 'GET', path: '/info', signal });
    return readAnswer(engineNetworkPluginsSchema, answer, 'GET /info').Plugins?.Network ?? [];
  }
}
