import type { BerthClient, Disposable, RequestOptions, StreamEvent, StreamName, StreamParams } from '../../runtime/api/index.js';
import { reconnectDelayMs } from '../../runtime/api/backoff.js';

/**
 * Keeps one stream subscribed for as long as its owner wants it: when it ends or fails (the
 * backend went away, the link came back), it is subscribed again with backoff, from the client
 * of that moment (none yet: wait and ask again). `onSubscribed` is called at each subscription
 * and answers what handles that subscription's events (a feed that starts with a whole list can
 * reset per subscription); the backoff starts over once an event arrives.
 */
export function keepSubscribed<S extends StreamName>(
  clientOf: () => BerthClient | null,
  stream: S,
  params: StreamParams<S>,
  onSubscribed: () => (event: StreamEvent<S>) => void,
  options: RequestOptions = {},
): Disposable {
  let disposed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: Disposable | null = null;
  const again = () => {
    if (disposed) return;
    subscription = null;
    timer = setTimeout(subscribe, reconnectDelayMs(attempt++));
  };
  function subscribe(): void {
    timer = undefined;
    if (disposed) return;
    const client = clientOf();
    if (client === null) return again();
    const onEvent = onSubscribed();
    subscription = client.subscribe(
      stream,
      params,
      {
        onEvent: (event) => {
          attempt = 0;
          onEvent(event);
        },
        onEnd: again,
        onError: again,
      },
      options,
    );
  }
  subscribe();
  return {
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      subscription?.dispose();
    },
  };
}
