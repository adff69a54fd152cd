import { useCallback, useState } from 'react';

export interface BoxMetrics {
  width: number;
  height: number;
  /** The width of one character of the log's (monospace) font. */
  charWidth: number;
}

/** When nothing is laid out (tests), a typical monospace width at the log's size. */
const fallbackCharWidth = 7.8;

/**
 * The size of the log's scroll box, kept current as it resizes, and its font's character
 * width (measured from a run of ten zeros inside it). Pass `ref` to the box.
 */
export function useBoxMetrics(): { ref: (element: HTMLElement | null) => (() => void) | undefined; metrics: BoxMetrics } {
  const [metrics, setMetrics] = useState<BoxMetrics>({ width: 0, height: 0, charWidth: fallbackCharWidth });
  const ref = useCallback((element: HTMLElement | null) => {
    if (element === null) return undefined;
    const measure = element.querySelector('.log-measure');
    const read = () => {
      const measured = (measure?.getBoundingClientRect().width ?? 0) / 10;
      const next = { width: element.clientWidth, height: element.clientHeight, charWidth: measured > 0 ? measured : fallbackCharWidth };
      setMetrics((old) => (old.width === next.width && old.height === next.height && old.charWidth === next.charWidth ? old : next));
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, metrics };
}
