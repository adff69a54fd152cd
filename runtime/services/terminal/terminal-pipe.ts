import type { Duplex } from 'node:stream';
import type { TerminalEvent } from '../../api/index.js';
import { FrameDemuxer } from '../../streams/frames.js';

/**
 * Forwards what a hijacked attach/exec socket reads to the stream as `output` events: raw for a
 * TTY, demultiplexed (8-byte frame headers) otherwise. Calls `onEnd` once when the socket ends,
 * or `onError` when it fails or carries bytes that are not frames.
 */
export function pipeTerminalOutput(
  socket: Duplex,
  isTty: boolean,
  emit: (event: TerminalEvent) => void,
  handlers: { onEnd: () => void; onError: (error: unknown) => void },
): void {
  const demuxer = isTty ? null : new FrameDemuxer();
  let isDone = false;
  const finish = (error?: unknown) => {
    if (isDone) return;
    isDone = true;
    if (error === undefined) handlers.onEnd();
    else handlers.onError(error);
  };
  socket.on('data', (chunk: Buffer) => {
    if (isDone) return;
    if (demuxer === null) {
      emit({ type: 'output', data: new Uint8Array(chunk), stream: 'stdout' });
      return;
    }
    try {
      for (const frame of demuxer.push(chunk)) {
        if (frame.stream !== 'stdin' && frame.data.length > 0) emit({ type: 'output', data: frame.data, stream: frame.stream });
      }
    } catch (error) {
      finish(error);
      socket.destroy();
    }
  });
  socket.on('end', () => finish());
  socket.on('close', () => finish());
  socket.on('error', (error) => finish(error));
}
