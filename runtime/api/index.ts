// The contract's public surface. The only barrel file in Berth (STYLE.md).
export * from './errors.js';
export * from './disposable.js';
export * from './wire.js';
export * from './wire-frames.js';
export * from './contract.js';
export * from './validation.js';
export * from './client.js';
export * from './run-spec.js';
export * from './byte-size.js';
export * from './resource-rules.js';
export * from './terminal.js';
export type * from './engine.js';
export type * from './containers.js';
export type * from './events.js';
export type * from './container-details.js';
export type * from './images.js';
