import { BerthError } from '../../runtime/api/index.js';

/** Whatever a call rejected with, as a BerthError, so the UI decides by `code` and shows `message`. */
export function toBerthError(error: unknown): BerthError {
  if (error instanceof BerthError) return error;
  return new BerthError('internal', error instanceof Error ? error.message : String(error));
}
