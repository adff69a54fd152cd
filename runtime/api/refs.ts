import { z } from 'zod';

/** Name rule of the engine: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, optionally with the leading `/` inspect shows. */
export const containerNamePattern = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** A container id (full or unique prefix) or name, as the docker CLI accepts it. */
export const containerRef = z
  .string()
  .min(1, 'is required')
  .max(256, 'is too long')
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be a container id or name')
  // The name as inspect shows it, `/web`, is `web` to the engine. Sent as it is, the engine
  // redirects `/containers//web/json` (301), and dockerode follows that to a host named
  // `containers`: an error nobody catches.
  .overwrite((ref) => ref.replace(/^\//, ''))
  .describe('The container: its name, its full id or a unique prefix of the id.');

/** An image id (full or unique prefix, with or without `sha256:`) or reference (`repo:tag`, `repo@digest`). */
export const imageRef = z
  .string()
  .min(1, 'is required')
  .max(512, 'is too long')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'must be an image id or reference')
  // `a/./b`, `a/../b` and `a//b` are no reference, and the engine redirects (301) such a path
  // instead of answering it.
  .refine((ref) => !/(^|\/)\.{1,2}(\/|$)|\/\/|\/$/.test(ref), 'must not hold empty, `.` or `..` path components')
  .describe('The image: a reference (`repo:tag`, `repo@sha256:...`) or an id (full, or a unique prefix, with or without `sha256:`).');

/** Seconds a stop waits for the process to exit after SIGTERM before SIGKILL. */
export const stopTimeoutSeconds = z
  .number()
  .int()
  .min(0)
  .max(3600)
  .describe("Seconds to wait after SIGTERM before SIGKILL (0-3600); the container's own stop timeout when absent (10 s unless set at create).");
