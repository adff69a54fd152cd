// Test-only: WebSocket messages a host must answer with an error envelope and survive. Not part
// of the build.

export interface MalformedMessage {
  /** What is wrong with it, for a failure message. */
  what: string;
  /** A text frame, or the bytes of a binary frame. */
  data: string | Uint8Array;
  /**
   * The id the error envelope carries: the message's own when it held a number (as JSON gives
   * it back: a number too large for a double is Infinity, which JSON writes as null), else null.
   */
  id: number | null;
}

const call = (id: unknown, method: unknown, params: unknown = {}) => JSON.stringify({ kind: 'call', id, method, params });
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** One maker per kind of mistake; `n` makes ids unique where the id is a usable number. */
const makers: ((n: number) => MalformedMessage)[] = [
  (n) => ({ what: 'garbage text', data: `garbage ${n} \u0000\u00ff\ud800 <>`, id: null }),
  (n) => ({ what: 'truncated JSON', data: call(n, 'engine.info').slice(0, -3), id: null }),
  (n) => ({ what: 'JSON array', data: JSON.stringify([n, 'call', 'engine.info']), id: null }),
  () => ({ what: 'JSON null', data: 'null', id: null }),
  (n) => ({ what: 'JSON number', data: String(n), id: null }),
  (n) => ({ what: 'JSON string', data: JSON.stringify(`call ${n}`), id: null }),
  (n) => ({ what: 'nesting 5,000 deep', data: `${'['.repeat(5000)}${n}${']'.repeat(5000)}`, id: null }),
  (n) => ({ what: 'no kind', data: JSON.stringify({ id: n, method: 'engine.info', params: {} }), id: n }),
  (n) => ({ what: 'an unknown kind', data: JSON.stringify({ kind: 'bogus', id: n }), id: n }),
  (n) => ({ what: 'a kind in capitals', data: JSON.stringify({ kind: 'CALL', id: n, method: 'engine.info', params: {} }), id: n }),
  (n) => ({ what: 'a host kind (result)', data: JSON.stringify({ kind: 'result', id: n, result: {} }), id: n }),
  (n) => ({ what: 'a host kind (event)', data: JSON.stringify({ kind: 'event', id: n, events: [1] }), id: n }),
  (n) => ({ what: 'a host kind (error)', data: JSON.stringify({ kind: 'error', id: n, error: { code: 'internal', message: 'x' } }), id: n }),
  () => ({ what: 'cancel without an id', data: JSON.stringify({ kind: 'cancel' }), id: null }),
  (n) => ({ what: 'subscribe without a stream', data: JSON.stringify({ kind: 'subscribe', id: n }), id: n }),
  (n) => ({ what: 'an id as a string', data: call(String(n), 'engine.info'), id: null }),
  (n) => ({ what: 'a negative id', data: call(-n - 1, 'engine.info'), id: -n - 1 }),
  (n) => ({ what: 'a fractional id', data: call(n + 0.5, 'engine.info'), id: n + 0.5 }),
  () => ({ what: 'an id beyond safe integers', data: call(2 ** 53 + 2, 'engine.info'), id: 2 ** 53 + 2 }),
  () => ({ what: 'an id of 1e300', data: '{"kind":"call","id":1e300,"method":"engine.info","params":{}}', id: 1e300 }),
  () => ({ what: 'an id of 400 digits', data: `{"kind":"call","id":${'9'.repeat(400)},"method":"engine.info","params":{}}`, id: null }),
  (n) => ({ what: 'a method that is not a string', data: call(n, 42), id: n }),
  (n) => ({ what: 'an empty method', data: call(n, ''), id: n }),
  (n) => ({ what: 'an unknown method', data: call(n, `nope.method${n}`), id: n }),
  (n) => ({ what: 'a method from the prototype', data: call(n, ['__proto__', 'constructor', 'toString', 'hasOwnProperty'][n % 4]), id: n }),
  (n) => ({ what: 'an unknown stream', data: JSON.stringify({ kind: 'subscribe', id: n, stream: 'nope.stream', params: {} }), id: n }),
  (n) => ({ what: 'params of the wrong types', data: call(n, 'containers.stop', { id: n, timeoutSeconds: 'soon' }), id: n }),
  (n) => ({ what: 'params that are not an object', data: call(n, 'containers.list', 'all'), id: n }),
  (n) => ({ what: 'params nested 2,000 deep', data: `{"kind":"call","id":${n},"method":"containers.list","params":${nested(2000)}}`, id: n }),
  (n) => ({ what: 'a binary frame', data: Uint8Array.of(0x7b, n & 0xff, 0x00, 0xff), id: null }),
];

/** `count` malformed messages cycling through every kind of mistake. */
export function malformedMessages(count: number): MalformedMessage[] {
  const messages: MalformedMessage[] = [];
  for (let n = 0; n < count; n++) {
    const make = makers[n % makers.length];
    if (make) messages.push(make(n));
  }
  return messages;
}
