import { useCallback, useEffect, useRef, useState } from 'react';
import { BerthError, type Disposable, type StreamParams } from '../../../../runtime/api/index.js';
import { useClientSource } from '../../../app/connectionContext.js';
import { BuildLogModel } from './buildLog.js';

export interface Build {
  /** The build shown (running or ended), or null before the first. */
  model: BuildLogModel | null;
  /** The engine it runs on (undefined: the default). */
  engineId: string | undefined;
  start: (params: StreamParams<'images.build'>, engineId: string | undefined) => void;
  /** Unsubscribes: the backend aborts the engine request and the engine stops the build. */
  cancel: () => void;
}

/**
 * One `images.build` subscription at a time. Events go into a BuildLogModel; the view hears of
 * them at most once per animation frame (a RUN can print thousands of lines a second). Leaving
 * the page unsubscribes, which cancels the build.
 */
export function useBuild(): Build {
  const clientSource = useClientSource();
  const [model, setModel] = useState<BuildLogModel | null>(null);
  const [engineId, setEngineId] = useState<string | undefined>(undefined);
  const [, setVersion] = useState(0);
  const subscription = useRef<Disposable | null>(null);
  const frame = useRef<number | null>(null);

  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setVersion((version) => version + 1);
    });
  }, []);

  const stop = useCallback(() => {
    subscription.current?.dispose();
    subscription.current = null;
  }, []);

  const start = useCallback(
    (params: StreamParams<'images.build'>, engine: string | undefined) => {
      stop();
      const next = new BuildLogModel();
      setModel(next);
      setEngineId(engine);
      const client = clientSource();
      if (client === null) {
        next.fail(new BerthError('engine_unreachable', 'Berth is not connected to its backend.'));
        return;
      }
      const ended = () => {
        subscription.current = null;
        redraw();
      };
      subscription.current = client.subscribe(
        'images.build',
        params,
        {
          onEvent: (event) => {
            next.apply(event);
            redraw();
          },
          onEnd: ended,
          onError: (error) => {
            next.fail(error);
            ended();
          },
        },
        { engine: engine },
      );
    },
    [clientSource, redraw, stop],
  );

  const cancel = useCallback(() => {
    stop();
    model?.cancel();
    redraw();
  }, [model, redraw, stop]);

  useEffect(
    () => () => {
      stop();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [stop],
  );

  return { model, engineId, start, cancel };
}
