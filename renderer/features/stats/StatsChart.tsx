import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/** One line of a chart: a value column (the same length as the time column). */
export interface ChartLine {
  label: string;
  values: readonly number[];
  color: string;
  /** A limit: drawn dashed. */
  isLimit?: boolean;
}

interface StatsChartProps {
  /** The chart's accessible name (`CPU`, `Memory`). */
  title: string;
  /** Seconds since the epoch, oldest first. */
  time: readonly number[];
  lines: readonly ChartLine[];
  /** Changes whenever the columns changed (they are mutated in place). */
  version: number;
  /** The x range shown, in seconds. */
  range: [number, number];
  /** How a value reads on the y axis and in the legend. */
  format: (value: number) => string;
  /** The user dragged across the chart: show that range. */
  onZoom: (fromSeconds: number, toSeconds: number) => void;
  /** A double click: back to live. */
  onReset: () => void;
}

const height = 150;

/**
 * A uPlot time-series chart (canvas; made for streaming series of many points). Created once
 * per set of lines; new points go in with `setData`, the window with `setScale`, and the chart
 * is destroyed when unmounted. Dragging across it zooms to that range.
 */
export function StatsChart({ title, time, lines, version, range, format, onZoom, onReset }: StatsChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const callbacks = useRef({ onZoom, onReset, format });
  useEffect(() => {
    callbacks.current = { onZoom, onReset, format };
  });
  const shape = lines.map((line) => `${line.label}|${line.color}|${line.isLimit === true}`).join(',');

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const ink = getComputedStyle(box).color || '#444';
    const grid = { stroke: 'rgba(128,128,128,0.2)', width: 1 };
    const plot = new uPlot(
      {
        width: Math.max(200, box.clientWidth),
        height,
        cursor: { drag: { x: true, y: false, setScale: false } },
        legend: { show: true, live: true },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          { stroke: ink, grid, ticks: grid },
          { stroke: ink, grid, ticks: grid, size: 84, values: (_u, values) => values.map((value) => callbacks.current.format(value)) },
        ],
        series: [
          {},
          ...lines.map((line) => ({
            label: line.label,
            stroke: line.color,
            width: line.isLimit ? 1.5 : 2,
            ...(line.isLimit ? { dash: [6, 4] } : { fill: `${line.color}22` }),
            value: (_u: uPlot, value: number | null) => (value === null ? '–' : callbacks.current.format(value)),
          })),
        ],
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 4) return;
              const from = u.posToVal(u.select.left, 'x');
              const to = u.posToVal(u.select.left + u.select.width, 'x');
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              callbacks.current.onZoom(from, to);
            },
          ],
        },
      },
      [[], ...lines.map(() => [])],
      box,
    );
    plotRef.current = plot;
    const reset = () => callbacks.current.onReset();
    plot.over.addEventListener('dblclick', reset);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, box.clientWidth), height }));
    resize.observe(box);
    return () => {
      resize.disconnect();
      plot.over.removeEventListener('dblclick', reset);
      plot.destroy();
      plotRef.current = null;
    };
    // Built again only when the set of lines changes; their values go in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    plot.batch(() => {
      plot.setData([time as number[], ...lines.map((line) => line.values as number[])], false);
      plot.setScale('x', { min: range[0], max: range[1] });
    });
  }, [version, range, time, lines]);

  return (
    <figure className="stats-chart" aria-label={`${title} chart`} data-points={time.length}>
      <div ref={boxRef} className="stats-chart-plot" />
    </figure>
  );
}
