import { z } from 'zod';
import type {
  ContainerDetails,
  CreateResult,
  FilesystemChange,
  ImageSummary,
  ProcessList,
  PruneResult,
  PullProgress,
  RunCheck,
  RunCommand,
  StatsSample,
} from './container-details.js';
import type { ContainerSummary } from './containers.js';
import { containerNamePattern, resourcesSchema, restartPolicySchema, runSpecSchema, type RunSpecInput } from './run-spec.js';
import type { EngineStatus } from './engine.js';
import { attachSchema, execOpenSchema, terminalFlowSchema, terminalInputSchema, terminalResizeSchema, type TerminalEvent } from './terminal.js';
import type { BerthEvent } from './events.js';
import type { ImageRemoval } from './images.js';

/**
 * THE contract between Berth's backend and anything that drives it (the renderer, `berth api`,
 * tests). Methods answer once; streams deliver events until they end or are unsubscribed.
 * Names are `domain.verb`. Params are validated here, at the boundary, by the host; results
 * are plain data.
 *
 * Adding a method: declare it below, then implement it in one service (`runtime/services`).
 */

/** A method: validated params in, one result out. `result` is a type-only marker. */
export interface MethodSpec<P extends z.ZodType, R> {
  params: P;
  doc: string;
  result?: R;
}

/** A stream: validated params in, events out until `end`. `event` is a type-only marker. */
export interface StreamSpec<P extends z.ZodType, E> {
  params: P;
  doc: string;
  event?: E;
}

function method<R>() {
  return <P extends z.ZodType>(params: P, doc: string): MethodSpec<P, R> => ({ params, doc });
}

function stream<E>() {
  return <P extends z.ZodType>(params: P, doc: string): StreamSpec<P, E> => ({ params, doc });
}

/** An image id (full or unique prefix, with or without `sha256:`) or reference (`repo:tag`, `repo@digest`). */
export const imageRef = z
  .string()
  .min(1, 'is required')
  .max(512, 'is too long')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'must be an image id or reference');

/** A container id (full or unique prefix) or name, as the docker CLI accepts it. */
export const containerRef = z
  .string()
  .min(1, 'is required')
  .max(256, 'is too long')
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be a container id or name');

const noParams = z.object({}).strict();

export const methods = {
  'engine.info': method<EngineStatus>()(
    noParams,
    'The engine Berth is connected to (or trying to reach), why it was chosen, and the managed engine.',
  ),
  'engine.startManaged': method<EngineStatus>()(
    noParams,
    "Start Berth's own engine (dockerd with its own socket and data root) and connect to it.",
  ),
  'engine.stopManaged': method<EngineStatus>()(
    noParams,
    "Stop Berth's own engine. Its containers stop with it; they start again with the engine per their restart policy.",
  ),
  'containers.list': method<ContainerSummary[]>()(
    z
      .object({
        /** Include stopped containers (like `docker ps -a`). Default true. */
        all: z.boolean().default(true),
      })
      .strict(),
    'Every container (like `docker ps -a`), newest first. Never asks the engine for sizes.',
  ),
  'containers.start': method<null>()(
    z.object({ id: containerRef }).strict(),
    'Start a container. Starting a running container is not an error.',
  ),
  'containers.stop': method<null>()(
    z
      .object({
        id: containerRef,
        /** Seconds to wait after SIGTERM before SIGKILL; the container's own default when absent. */
        timeoutSeconds: z.number().int().min(0).max(3600).optional(),
      })
      .strict(),
    'Stop a container (SIGTERM, then SIGKILL after the timeout). Stopping a stopped container is not an error.',
  ),
  'containers.remove': method<null>()(
    z
      .object({
        id: containerRef,
        /** Remove even when running (kills it first). Without it a running container is a `conflict`. */
        force: z.boolean().default(false),
        /** Also remove the container's anonymous volumes. */
        volumes: z.boolean().default(false),
      })
      .strict(),
    'Remove a container.',
  ),
  'containers.restart': method<null>()(
    z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    'Restart a container (stop with the timeout, then start).',
  ),
  'containers.kill': method<null>()(
    z
      .object({
        id: containerRef,
        /** Signal name or number, e.g. `SIGKILL`, `HUP`, `9`. Default SIGKILL. */
        signal: z.string().regex(/^(SIG)?[A-Z0-9+-]+$|^\d+$/, 'must be a signal name like SIGTERM or a number').optional(),
      })
      .strict(),
    'Send a signal to the main process of a running container.',
  ),
  'containers.pause': method<null>()(z.object({ id: containerRef }).strict(), 'Freeze every process of a container.'),
  'containers.unpause': method<null>()(z.object({ id: containerRef }).strict(), 'Thaw a paused container.'),
  'containers.rename': method<null>()(
    z.object({ id: containerRef, name: z.string().regex(containerNamePattern, 'must start with a letter or digit and use only letters, digits, _ . -') }).strict(),
    'Rename a container.',
  ),
  'containers.prune': method<PruneResult>()(noParams, 'Remove every stopped container (like `docker container prune`).'),
  'containers.inspect': method<ContainerDetails>()(
    z.object({ id: containerRef }).strict(),
    'Everything about one container: the overview, its limits, and the engine\'s full inspect JSON.',
  ),
  'containers.top': method<ProcessList>()(z.object({ id: containerRef }).strict(), 'The processes running in a container (`docker top`).'),
  'containers.diff': method<FilesystemChange[]>()(
    z.object({ id: containerRef }).strict(),
    'Files added, changed or deleted in the container\'s filesystem since it was created (`docker diff`).',
  ),
  'containers.update': method<{ warnings: string[] }>()(
    z.object({ id: containerRef, resources: resourcesSchema.default({}), restart: restartPolicySchema.optional() }).strict(),
    'Change limits and restart policy of a container without restarting it (`docker update`).',
  ),
  'containers.create': method<CreateResult>()(
    z
      .object({
        spec: runSpecSchema,
        /** Start it once created ("create and start"); false = "create only". */
        start: z.boolean().default(true),
        /** Pull the image first when it is not present. */
        pull: z.boolean().default(true),
      })
      .strict(),
    'Create a container from a RunSpec, exactly as `docker run` would, and start it unless asked not to.',
  ),
  'containers.validateRun': method<RunCheck>()(
    z.object({ spec: z.record(z.string(), z.unknown()) }).strict(),
    'Check a RunSpec before running it: every field problem (named) and every dangerous choice.',
  ),
  'containers.parseRunCommand': method<{ spec: RunSpecInput; warnings: string[] }>()(
    z.object({ command: z.string().min(1, 'is empty').max(100_000) }).strict(),
    'Turn a pasted `docker run ...` command line into a RunSpec.',
  ),
  'containers.runCommand': method<RunCommand>()(
    z.object({ id: containerRef }).strict(),
    'The `docker run` command line (and RunSpec) that recreates a container ("Copy as docker run").',
  ),
  'containers.recreate': method<CreateResult>()(
    z.object({ id: containerRef, spec: runSpecSchema }).strict(),
    'Replace a container by one made from an edited RunSpec, under the same name. On failure the original is left as it was.',
  ),
  'images.list': method<ImageSummary[]>()(noParams, 'Images present on the engine (like `docker images`).'),
  'images.remove': method<ImageRemoval>()(
    z
      .object({
        /**
         * What to remove. A reference (`repo:tag`) removes that tag, and the image with it when
         * no other tag names it; an id removes the image.
         */
        id: imageRef,
        /**
         * Remove even when a container uses it, or when an id has several tags (all go). Without
         * it either is a `conflict`. An image a running container uses loses the tag but stays.
         */
        force: z.boolean().default(false),
      })
      .strict(),
    'Remove an image or one of its tags (like `docker rmi`). Containers using it are a `conflict`, with the engine\'s own words.',
  ),
  'terminal.input': method<null>()(
    terminalInputSchema,
    'Send keystrokes or pasted text to an open terminal session (`containers.attach` / `exec.open`).',
  ),
  'terminal.resize': method<null>()(
    terminalResizeSchema,
    'Tell the process in an open terminal session its new size (SIGWINCH). Only for TTY sessions.',
  ),
  'terminal.flow': method<null>()(
    terminalFlowSchema,
    'Pause or resume reading a terminal session\'s output. A screen that falls behind pauses; the process then blocks on its writes, as on a slow terminal.',
  ),
} as const;

export const streams = {
  events: stream<BerthEvent>()(
    noParams,
    'Engine status changes, container changes and image changes, as they happen. Starts with the current engine status.',
  ),
  'containers.stats': stream<StatsSample>()(
    z.object({ id: containerRef }).strict(),
    'Live resource use of one running container, about one sample a second.',
  ),
  'images.pull': stream<PullProgress>()(
    z.object({ reference: z.string().min(1, 'is required').max(512) }).strict(),
    'Pull an image, reporting progress per layer; ends when the image is present.',
  ),
  'containers.attach': stream<TerminalEvent>()(
    attachSchema.extend({ id: containerRef }),
    "A terminal on a running container's main process (`docker attach`): its output, and its input when started with `-i`. Ends when the process does.",
  ),
  'exec.open': stream<TerminalEvent>()(
    execOpenSchema.extend({ id: containerRef }),
    'Run a new process in a running container with a terminal (`docker exec -it`), e.g. a shell. Ends when the process exits.',
  ),
} as const;

type Methods = typeof methods;
type Streams = typeof streams;

export type MethodName = keyof Methods;
export type StreamName = keyof Streams;

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
