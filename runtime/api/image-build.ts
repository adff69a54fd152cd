import { z } from 'zod';
import { params } from './define.js';
import { checkImageReference } from './image-reference.js';

/**
 * `images.build`: an image built from a directory on the machine Berth's backend runs on, as
 * `docker build` with the classic builder does it: the directory is packed (honouring its
 * `.dockerignore`) and streamed to the engine, and the engine's log comes back step by step.
 */
export type BuildEvent = BuildContextSent | BuildStep | BuildOutput | BuildDone;

/** First event: what of the directory goes to the engine (after `.dockerignore`), before the engine reads it. */
export interface BuildContextSent {
  type: 'context';
  /** Files and symbolic links sent (directories not counted). */
  files: number;
  /** Their size in bytes, before the tar headers. */
  bytes: number;
}

/** A step begins: `Step 2/5 : RUN make` as the engine numbers them (across every stage). */
export interface BuildStep {
  type: 'step';
  /** 1-based. */
  index: number;
  /** Steps in the whole Dockerfile. */
  total: number;
  /** The instruction as the engine echoes it, e.g. `RUN make`. */
  instruction: string;
}

/**
 * Lines of the build's log, in order: the output of the step announced last (or, before the
 * first step, of the engine), and the engine's own notes (` ---> Running in 1a2b`, warnings).
 * Text as written, without the line ending; escape sequences kept (the engine colours a RUN's
 * stderr red with them): render as text only.
 */
export interface BuildOutput {
  type: 'output';
  lines: string[];
}

/** Last event: the image is built and tagged. The stream ends after it. */
export interface BuildDone {
  type: 'built';
  /** The full image id, `sha256:...`. */
  imageId: string;
  /** The tags given, each now naming the image. */
  tags: string[];
}

/**
 * Details of the error a build that failed at a step ends with (any code): which step, as the
 * engine numbered it, and the exit code of a RUN that failed.
 */
export interface BuildFailure {
  step?: { index: number; total: number; instruction: string };
  exitCode?: number;
}

/** A build-arg name: what `ARG NAME` and `--build-arg NAME=value` can carry (no `=`, no white space or controls). */
const buildArgNamePattern = /^[^=\s\p{Cc}]+$/u;
/** A stage name, as `FROM image AS name` takes it (case does not matter to the engine). */
const stageNamePattern = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
/** `/x` on POSIX; `C:\x` or `\\server\x` when the backend runs on Windows. */
const absolutePathPattern = /^(?:\/|[a-zA-Z]:[\\/]|\\\\)/;

/** A tag for the built image, checked as the docker CLI checks `-t`: a name with an optional tag, no digest, no id. */
export function checkBuildTag(text: string): { ok: true } | { ok: false; reason: string } {
  const check = checkImageReference(text);
  if (!check.ok) return check;
  if (check.reference === null) return { ok: false, reason: `"${text}" is an image id; a tag must be a name (e.g. app:2)` };
  if (check.reference.digest !== undefined) return { ok: false, reason: `"${text}" has a digest; a build tag cannot contain one` };
  return { ok: true };
}

/** Why a build-arg name cannot be one, or null. */
export function buildArgNameProblem(name: string): string | null {
  if (name === '') return 'a build-arg name is required';
  if (name.length > 256) return 'is too long (at most 256 characters)';
  if (!buildArgNamePattern.test(name)) return 'must not contain "=", white space or control characters';
  return null;
}

export const buildTag = z
  .string()
  .max(512, 'is too long')
  .superRefine((text, context) => {
    const check = checkBuildTag(text);
    if (!check.ok) context.addIssue({ code: 'custom', message: check.reason });
  });

export const imagesBuildSchema = params({
  context: z
    .string()
    .min(1, 'is required')
    .max(4096, 'is too long')
    .regex(absolutePathPattern, 'must be an absolute path (e.g. /home/me/app)')
    .describe(
      'The build context: an absolute path of a directory on the machine where Berth\'s backend runs (not the browser\'s). Packed and sent to the engine as `docker build DIR` does, leaving out what its `.dockerignore` excludes.',
    ),
  dockerfile: z
    .string()
    .min(1, 'is required')
    .max(4096, 'is too long')
    .default('Dockerfile')
    .describe('The Dockerfile: a path relative to the context, or an absolute one inside it (`docker build -f`). It is always sent, even when `.dockerignore` excludes it. Default `Dockerfile`.'),
  tags: z
    .array(buildTag)
    .max(100, 'at most 100')
    .default([])
    .describe('Names for the image, `name[:tag]` (`docker build -t`, once per tag). None: the image is known by its id only.'),
  buildArgs: z
    .record(z.string(), z.string().max(65_536, 'is too long'))
    // Names checked here rather than as the record's key schema, whose refusals read only "Invalid key in record".
    .superRefine((args, context) => {
      for (const name of Object.keys(args)) {
        const problem = buildArgNameProblem(name);
        if (problem !== null) context.addIssue({ code: 'custom', message: problem, path: [name] });
      }
    })
    .default({})
    .describe('Values of the Dockerfile\'s `ARG`s, by name (`docker build --build-arg NAME=value`).'),
  target: z
    .string()
    .max(128, 'is too long')
    .regex(stageNamePattern, 'must be a stage name: a letter, then letters, digits, _ . or -')
    .optional()
    .describe('Build up to this stage of a multi-stage Dockerfile (`FROM ... AS name`; `docker build --target`).'),
  noCache: z.boolean().default(false).describe('Run every step again instead of reusing the cache (`--no-cache`). Default false.'),
  pull: z.boolean().default(false).describe('Pull newer versions of the base images first (`--pull`). Default false.'),
});
