import { imageRouteFromHash, networkRouteFromHash, registryRouteFromHash, volumeRouteFromHash, type ImageRoute, type NetworkRoute, type RegistryRoute, type VolumeRoute } from './routes.js';
import { useHash } from './useHashRoute.js';

/** The image whose details page the hash shows (`#/images/<engineId>/<id>`), or null. */
export function useImageRoute(): ImageRoute | null {
  return imageRouteFromHash(useHash());
}

/** The registry browser the hash shows (`#/registries/<registry>[/<repository>[/<reference>]]`), or null. */
export function useRegistryRoute(): RegistryRoute | null {
  return registryRouteFromHash(useHash());
}

/** The volume whose page the hash shows (`#/volumes/<engineId>/<name>[?path=...]`), or null. */
export function useVolumeRoute(): VolumeRoute | null {
  return volumeRouteFromHash(useHash());
}

/** The network whose page the hash shows (`#/networks/<engineId>/<id>`), or null. */
export function useNetworkRoute(): NetworkRoute | null {
  return networkRouteFromHash(useHash());
}
