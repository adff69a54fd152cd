/**
 * The registry client's public face (the one barrel of runtime/registry, so services import
 * one module): RegistryClient and the types of what it answers. The modules behind it are
 * its own business.
 */
export { RegistryClient, defaultRegistryTimeoutMs, type RegistryClientOptions } from './client.js';
export type { HandshakeOutcome } from './handshake.js';
export type { CatalogPage, PageOptions, TagsPage } from './listing.js';
export { defaultPageSize, maxPageSize } from './listing.js';
export type { ManifestSummary } from './manifest.js';
export type { Descriptor, IndexEntry, Platform } from './manifest-read.js';
export type { DeletedTag } from './deletion.js';
export type { RegistryEndpoint } from './endpoint.js';
export { parseRegistryAddress, isLoopbackHost } from './endpoint.js';
export type { CredentialsLookup, RegistryCredentials } from './secrets.js';
export type { TlsProblem, UnreachableReason } from './network-errors.js';
