/**
 * The closed set of error codes that cross the contract. Services map engine failures onto
 * these from the engine's HTTP status (never from message text); the UI decides what to show
 * from the code and shows the message as written.
 */
export const errorCodes = [
  'not_found',
  'conflict',
  'invalid_argument',
  'unauthorized',
  'engine_unreachable',
  'timeout',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error as it travels on the wire: plain data, safe to structured-clone or JSON-encode. */
export interface WireError {
  code: ErrorCode;
  /** Human-readable, specific: names the field or the engine's own words. Never holds secrets. */
  message: string;
  /** Machine-readable extras, e.g. `{ field: 'timeoutSeconds' }` for `invalid_argument`. */
  details?: Record<string, unknown>;
}

/** The one error class used on both sides of the contract. */
export class BerthError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'BerthError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(error: WireError): BerthError {
    return new BerthError(error.code, error.message, error.details);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Whatever was thrown, as a wire error; unknown failures become `internal`. */
export function toWireError(error: unknown): WireError {
  if (error instanceof BerthError) return error.toWire();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
