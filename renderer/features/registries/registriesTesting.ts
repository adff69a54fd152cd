import type { CatalogPage, ManifestView, RegistryEntry, SignInOptions } from '../../../runtime/api/index.js';

/** Registries page fixtures for renderer tests: what the backend's answers look like. */

/** An anonymous registry on 127.0.0.1:5000 that the user added. */
export function registryEntry(overrides: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    registry: '127.0.0.1:5000',
    url: 'http://127.0.0.1:5000',
    insecure: false,
    signedInAs: null,
    credentialStore: null,
    source: 'user',
    ...overrides,
  };
}

/** `registries.signInOptions` where no helper or keychain decides: the user chooses. */
export function signInOptions(overrides: Partial<SignInOptions> = {}): SignInOptions {
  return {
    registry: '127.0.0.1:5000',
    store: null,
    choices: ['session', 'docker-config'],
    dockerConfigPath: '/home/user/.docker/config.json',
    dockerConfigWarning: 'Your password will be stored unencrypted in /home/user/.docker/config.json.',
    ...overrides,
  };
}

export function catalogPage(items: string[], next: string | null = null, extra: Partial<CatalogPage> = {}): CatalogPage {
  return { items, next, scanned: items.length, ...extra };
}

export const layerDigest = (digit: string): string => `sha256:${digit.repeat(64)}`;

/** An image manifest of two layers. */
export function imageManifest(overrides: Partial<ManifestView> = {}): ManifestView {
  return {
    registry: '127.0.0.1:5000',
    repository: 'team/app',
    reference: '1',
    digest: layerDigest('d'),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    kind: 'image',
    layers: [
      { digest: layerDigest('1'), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', sizeBytes: 2_097_152 },
      { digest: layerDigest('2'), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', sizeBytes: 512 },
    ],
    totalSizeBytes: 2_097_664,
    created: '2024-01-02T03:04:05Z',
    os: 'linux',
    architecture: 'amd64',
    ...overrides,
  };
}
