/**
 * The abort option for a dockerode call. docker-modem strips `abortSignal` from the query only
 * when it is set; an `abortSignal: undefined` key would reach the engine as `?abortSignal=`.
 */
export function signalOption(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}
