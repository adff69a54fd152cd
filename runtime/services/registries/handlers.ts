import { BerthError, type RegistrySearchResult, type registriesContract } from '../../api/index.js';
import { registryOfRepository } from '../../api/image-reference.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import type { RegistriesService } from './registries-service.js';

/**
 * The registries domain on one engine's connection: every method answers from the one
 * RegistriesService of the backend (registries are not an engine's), except `registries.search`,
 * which the engine the request names runs against Docker Hub.
 */
export function registriesHandlers(registries: RegistriesService, engine: EngineConnection): HandlerSlice<typeof registriesContract> {
  return {
    methods: {
      'registries.list': (_params, signal) => registries.list(signal),
      'registries.add': (params) => registries.add(params),
      'registries.remove': (params, signal) => registries.remove(params, signal),
      'registries.test': (params, signal) => registries.test(params, signal),
      'registries.signInOptions': (params) => registries.signInOptions(params),
      'registries.login': (params, signal) => registries.login(params, signal),
      'registries.logout': (params, signal) => registries.logout(params, signal),
      'registries.catalog': (params, signal) => registries.catalog(params, signal),
      'registries.tags': (params, signal) => registries.tags(params, signal),
      'registries.manifest': (params, signal) => registries.manifest(params, signal),
      'registries.deleteTag': (params, signal) => registries.deleteTag(params, signal),
      'registries.search': async (params, signal): Promise<RegistrySearchResult[]> => {
        const results = await engine.client.images.search(params.term, params.limit, signal).catch((error: unknown) => {
          // The engine answers 500 in its own words when it cannot reach Docker Hub (no internet, DNS, a proxy),
          // or the registry a `host/term` names.
          const registry = registryOfRepository(params.term.trim());
          const where = registry === 'docker.io' ? 'Docker Hub' : registry;
          if (error instanceof BerthError && error.code === 'conflict') throw new BerthError('conflict', `The engine could not search ${where}: ${error.message}`, error.details);
          throw error;
        });
        return results.map((result) => ({ name: result.name, description: result.description ?? '', stars: result.star_count ?? 0, official: result.is_official === true }));
      },
    },
    streams: {},
  };
}
