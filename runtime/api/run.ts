import { z } from 'zod';
import { defineDomain, method, params } from './define.js';
import type { WireError } from './errors.js';
import { containerRef } from './refs.js';
import { runSpecSchema, type FieldIssue, type RunSpec, type RunSpecInput, type RunWarning } from './run-spec.js';

/**
 * Running containers the way `docker run` does: create from a RunSpec, check one first, parse
 * a pasted command line into one, print one back ("Copy as docker run"), and recreate a
 * container from an edited one.
 */

/** `containers.create`: what happened, step by step. */
export interface CreateResult {
  id: string;
  name: string;
  /** The engine's own warnings on create. */
  warnings: string[];
  started: boolean;
  /**
   * Set when create succeeded but start failed: the container exists, stopped. The user then
   * chooses to keep it or remove it (`containers.remove`).
   */
  startError?: WireError;
}

/** `containers.validateRun`: problems that would make the run fail, and dangers to show. */
export interface RunCheck {
  issues: FieldIssue[];
  warnings: RunWarning[];
}

/** `containers.runCommand`: "Copy as docker run". */
export interface RunCommand {
  command: string;
  spec: RunSpec;
}

export const runContract = defineDomain({
  methods: {
    'containers.create': method<CreateResult>()(
      params({
        spec: runSpecSchema.describe('What to run: the image, command, environment, ports, mounts, limits and options, as `docker run` flags say them.'),
        start: z.boolean().default(true).describe('Start it once created ("create and start"); false = "create only".'),
        pull: z.boolean().default(true).describe('Pull the image first when the engine does not have it.'),
      }),
      'Create a container from a RunSpec, exactly as `docker run` would, and start it unless asked not to.',
    ),
    'containers.validateRun': method<RunCheck>()(
      params({
        spec: z
          .record(z.string(), z.unknown())
          .describe('A RunSpec as far as it is filled in; every problem is reported by field, none is thrown.'),
      }),
      'Check a RunSpec before running it: every field problem (named) and every dangerous choice.',
    ),
    'containers.parseRunCommand': method<{ spec: RunSpecInput; warnings: string[] }>()(
      params({
        command: z.string().min(1, 'is empty').max(100_000, 'is longer than 100,000 characters').describe('A `docker run ...` command line as pasted, line continuations included.'),
      }),
      'Turn a pasted `docker run ...` command line into a RunSpec.',
    ),
    'containers.runCommand': method<RunCommand>()(
      params({ id: containerRef }),
      'The `docker run` command line (and RunSpec) that recreates a container ("Copy as docker run").',
    ),
    'containers.recreate': method<CreateResult>()(
      params({ id: containerRef, spec: runSpecSchema.describe('The edited RunSpec the new container is made from.') }),
      'Replace a container by one made from an edited RunSpec, under the same name. On failure the original is left as it was.',
    ),
  },
});
