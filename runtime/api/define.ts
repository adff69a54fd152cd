import { z } from 'zod';

/**
 * The building blocks of the contract's domain modules (`containers.ts`, `images.ts`, ...).
 * A domain declares its methods and streams with `method` / `stream`; `contract.ts` merges
 * the domains; the backend implements each domain in one handler slice.
 */

/** A method: validated params in, one result out. `result` is a type-only marker. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R = unknown> {
  params: P;
  doc: string;
  result?: R;
}

/** A stream: validated params in, events out until `end`. `event` is a type-only marker. */
export interface StreamSpec<P extends z.ZodType = z.ZodType, E = unknown> {
  params: P;
  doc: string;
  event?: E;
}

export type MethodMap = Record<string, MethodSpec>;
export type StreamMap = Record<string, StreamSpec>;

/** One domain of the contract: its methods and its streams, each named `domain.verb`. */
export interface Domain<M extends MethodMap = MethodMap, S extends StreamMap = StreamMap> {
  methods: M;
  streams: S;
}

/** Declares a method answering `R`: `method<R>()(params, doc)`. */
export function method<R>() {
  return <P extends z.ZodType>(params: P, doc: string): MethodSpec<P, R> => ({ params, doc });
}

/** Declares a stream delivering `E` events: `stream<E>()(params, doc)`. */
export function stream<E>() {
  return <P extends z.ZodType>(params: P, doc: string): StreamSpec<P, E> => ({ params, doc });
}

/** Declares a domain; a domain without streams may leave them out. */
export function defineDomain<const M extends MethodMap, const S extends StreamMap = Record<never, never>>(domain: {
  methods: M;
  streams?: S;
}): Domain<M, S> {
  return { methods: domain.methods, streams: domain.streams ?? ({} as S) };
}

/**
 * Params are strict at every depth: an unknown key is refused by name, never dropped
 * (a near-miss such as `memory` for `memoryBytes` would otherwise look like a change made).
 * Every object schema of the contract is made with this.
 */
export const params = z.strictObject;

/** For methods that take nothing. */
export const noParams = z.strictObject({});

/** Params as a service receives them (validated, defaults filled). */
export type ParamsOf<S> = S extends { params: infer P extends z.ZodType } ? z.output<P> : never;
/** Params as a caller writes them (defaults may be left out). */
export type InputOf<S> = S extends { params: infer P extends z.ZodType } ? z.input<P> : never;
export type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;
export type EventOf<S> = S extends StreamSpec<z.ZodType, infer E> ? E : never;
