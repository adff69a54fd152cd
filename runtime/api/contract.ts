import type { z } from 'zod';
import { containerDetailsContract } from './container-details.js';
import { containersContract } from './containers.js';
import { diskUsageContract } from './disk-usage.js';
import type { Domain, MethodMap, MethodSpec, StreamMap, StreamSpec } from './define.js';
import { engineContract } from './engine.js';
import { engineEventsContract } from './engine-events.js';
import { enginesContract } from './engines.js';
import { eventsContract } from './events.js';
import { imageDetailsContract } from './image-details.js';
import { imagesContract } from './images.js';
import { logsContract } from './logs.js';
import { registriesContract } from './registries.js';
import { networksContract } from './networks.js';
import { notificationsContract } from './notifications.js';
import { runContract } from './run.js';
import { settingsContract } from './settings.js';
import { statsContract } from './stats.js';
import { systemContract } from './system.js';
import { terminalContract } from './terminal.js';
import { volumesContract } from './volumes.js';

/**
 * THE contract between Berth's backend and anything that drives it (the renderer, `berth api`,
 * tests): the merge of one module per domain. Each domain module declares its methods and
 * streams (`domain.verb`) with their params, docs and results; the backend implements each
 * domain in one handler slice (`runtime/services`). A new domain adds one line below.
 */
const domains = [
  engineContract,
  enginesContract,
  eventsContract,
  systemContract,
  diskUsageContract,
  containersContract,
  containerDetailsContract,
  runContract,
  statsContract,
  imagesContract,
  imageDetailsContract,
  terminalContract,
  logsContract,
  registriesContract,
  volumesContract,
  networksContract,
  engineEventsContract,
  notificationsContract,
  settingsContract,
] as const;

type Domains = typeof domains;

/** Names declared by more than one domain; the compiler refuses the contract unless there are none. */
type Duplicates<T extends readonly object[], Seen extends PropertyKey = never> = T extends readonly [infer Head extends object, ...infer Rest extends readonly object[]]
  ? (keyof Head & Seen) | Duplicates<Rest, Seen | keyof Head>
  : never;
type MethodMaps<T extends readonly Domain[]> = { [I in keyof T]: T[I]['methods'] };
type StreamMaps<T extends readonly Domain[]> = { [I in keyof T]: T[I]['streams'] };
type Each<T extends readonly object[]> = T[number];
type Merged<U> = (U extends unknown ? (merged: U) => void : never) extends (merged: infer I) => void ? I : never;

type Methods = Merged<Each<MethodMaps<Domains>>> & MethodMap;
type Streams = Merged<Each<StreamMaps<Domains>>> & StreamMap;

type DuplicateNames = Duplicates<[...MethodMaps<Domains>, ...StreamMaps<Domains>]>;
const noDuplicateNames: [DuplicateNames] extends [never] ? true : { declaredTwice: DuplicateNames } = true;
void noDuplicateNames;

export const methods = Object.assign({}, ...domains.map((domain) => domain.methods)) as Methods;
export const streams = Object.assign({}, ...domains.map((domain) => domain.streams)) as Streams;

export type MethodName = Extract<keyof Merged<Each<MethodMaps<Domains>>>, string>;
export type StreamName = Extract<keyof Merged<Each<StreamMaps<Domains>>>, string>;

/** Params as the caller writes them (defaults may be omitted). */
export type MethodParams<M extends MethodName> = z.input<Methods[M]['params']>;
/** Params as a service receives them (validated, defaults filled). */
export type ParsedMethodParams<M extends MethodName> = z.output<Methods[M]['params']>;
export type MethodResult<M extends MethodName> = Methods[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type StreamParams<S extends StreamName> = z.input<Streams[S]['params']>;
export type ParsedStreamParams<S extends StreamName> = z.output<Streams[S]['params']>;
export type StreamEvent<S extends StreamName> = Streams[S] extends StreamSpec<z.ZodType, infer E> ? E : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(streams, name);
}
