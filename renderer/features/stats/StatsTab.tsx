import './stats.css';
import { useState, type ReactNode } from 'react';
import { displayByteSize, type StatsSample } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { useNow } from '../../ui/useNow.js';
import { StatsChart, type ChartLine } from './StatsChart.js';
import { panWindow, windowRange, type ChartWindow } from './statsSeries.js';
import { useStatsSeries } from './useStatsSeries.js';

interface StatsTabProps {
  engineId: string;
  containerId: string;
  isRunning: boolean;
}

const spans = [
  { label: '1 min', ms: 60_000 },
  { label: '5 min', ms: 5 * 60_000 },
  { label: '15 min', ms: 15 * 60_000 },
  { label: '1 h', ms: 60 * 60_000 },
  { label: '24 h', ms: 24 * 60 * 60_000 },
] as const;

const colors = { use: '#2f7ed8', second: '#d9822b', cache: '#8a63d2', limit: '#d64541' };

const percent = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}%`;
const bytes = (value: number) => displayByteSize(Math.max(0, value));
const rate = (value: number) => `${displayByteSize(Math.max(0, value))}/s`;
const count = (value: number) => String(Math.round(value));

/**
 * A container's resource use over time: CPU, memory, network, block I/O and PIDs, each a chart
 * with its limit drawn as a dashed line and the current values beside it. The history Berth kept
 * (up to 24 hours) loads first, then live samples are appended. Drag across a chart to zoom;
 * Earlier / Later pan; a span button or Live (or a double click) follows the newest point again.
 */
export function StatsTab({ engineId, containerId, isRunning }: StatsTabProps) {
  const { columns, latest, version, error, isLoading } = useStatsSeries(engineId, containerId, isRunning);
  const hostCpus = useBerth((s) => s.engine.statuses[engineId]?.status.identity?.cpus);
  const [view, setView] = useState<ChartWindow>({ kind: 'live', spanMs: 5 * 60_000 });
  const nowMs = useNow(60_000);
  const newest = columns.time.at(-1) ?? nowMs / 1000;
  const range = windowRange(view, newest);
  const values = columns.values;
  const cpus = latest?.onlineCpus || hostCpus || 1;
  const cpuCeiling = values.cpuLimitCpus.map((limit) => (limit > 0 ? limit : cpus) * 100);

  const chart = (title: string, lines: ChartLine[], format: (value: number) => string) => (
    <StatsChart
      title={title}
      time={columns.time}
      lines={lines}
      version={version}
      range={range}
      format={format}
      onZoom={(from, to) => setView({ kind: 'fixed', fromMs: from * 1000, toMs: to * 1000 })}
      onReset={() => setView({ kind: 'live', spanMs: view.kind === 'live' ? view.spanMs : 5 * 60_000 })}
    />
  );

  return (
    <div className="stats-tab">
      <div className="stats-toolbar" role="toolbar" aria-label="Time range">
        {spans.map((span) => (
          <button key={span.label} type="button" aria-pressed={view.kind === 'live' && view.spanMs === span.ms} onClick={() => setView({ kind: 'live', spanMs: span.ms })}>
            {span.label}
          </button>
        ))}
        <button type="button" onClick={() => setView(panWindow(view, newest, -1))}>
          Earlier
        </button>
        <button type="button" disabled={view.kind === 'live'} onClick={() => setView(panWindow(view, newest, 1))}>
          Later
        </button>
        <button type="button" disabled={view.kind === 'live'} onClick={() => setView({ kind: 'live', spanMs: (range[1] - range[0]) * 1000 })}>
          Live
        </button>
        <span className="muted">{view.kind === 'live' ? 'Following live. Drag across a chart to zoom.' : `${clock(range[0])} – ${clock(range[1])}`}</span>
      </div>
      {error && (
        <p role="alert" className="error-text">
          Could not read resource use: {error.message}
        </p>
      )}
      {!isRunning && <p className="muted">The container is not running: what Berth kept while it ran is shown.</p>}
      {isLoading ? (
        <p className="empty">Loading the history…</p>
      ) : (
        <div className="stats-grid">
          <StatsRow title="CPU" numbers={cpuNumbers(latest, cpus)}>
            {chart(
              'CPU',
              [
                { label: 'CPU % of one CPU', values: values.cpuPercent, color: colors.use },
                { label: 'Limit', values: cpuCeiling, color: colors.limit, isLimit: true },
              ],
              percent,
            )}
          </StatsRow>
          <StatsRow title="Memory" numbers={memoryNumbers(latest)}>
            {chart(
              'Memory',
              [
                { label: 'Used', values: values.memoryUsageBytes, color: colors.use },
                { label: 'Cache', values: values.memoryCacheBytes, color: colors.cache },
                { label: 'Limit', values: values.memoryLimitBytes, color: colors.limit, isLimit: true },
              ],
              bytes,
            )}
          </StatsRow>
          <StatsRow title="Network" numbers={latest ? [`Receive ${rate(latest.networkRxBytesPerSecond)}`, `Send ${rate(latest.networkTxBytesPerSecond)}`, `Total ${bytes(latest.networkRxBytes)} in, ${bytes(latest.networkTxBytes)} out`] : []}>
            {chart(
              'Network',
              [
                { label: 'Receive', values: values.networkRxBytesPerSecond, color: colors.use },
                { label: 'Send', values: values.networkTxBytesPerSecond, color: colors.second },
              ],
              rate,
            )}
          </StatsRow>
          <StatsRow title="Block I/O" numbers={latest ? [`Read ${rate(latest.blockReadBytesPerSecond)}`, `Write ${rate(latest.blockWriteBytesPerSecond)}`, `Total ${bytes(latest.blockReadBytes)} read, ${bytes(latest.blockWriteBytes)} written`] : []}>
            {chart(
              'Block I/O',
              [
                { label: 'Read', values: values.blockReadBytesPerSecond, color: colors.use },
                { label: 'Write', values: values.blockWriteBytesPerSecond, color: colors.second },
              ],
              rate,
            )}
          </StatsRow>
          <StatsRow title="PIDs" numbers={latest ? [`${latest.pids} processes`, latest.pidsLimit > 0 ? `limit ${latest.pidsLimit}` : 'no limit'] : []}>
            {chart(
              'PIDs',
              [
                { label: 'PIDs', values: values.pids, color: colors.use },
                ...(values.pidsLimit.some((limit) => limit > 0) ? [{ label: 'Limit', values: values.pidsLimit, color: colors.limit, isLimit: true }] : []),
              ],
              count,
            )}
          </StatsRow>
        </div>
      )}
    </div>
  );
}

function StatsRow({ title, numbers, children }: { title: string; numbers: string[]; children: ReactNode }) {
  const id = `stats-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="stats-row" aria-labelledby={id}>
      <div className="stats-numbers">
        <h3 id={id}>{title}</h3>
        {numbers.length === 0 ? (
          <p className="muted">No sample yet</p>
        ) : (
          <ul aria-label={`${title} now`}>
            {numbers.map((text, index) => (
              // A fixed list of lines, always in the same order: the position is the identity.
              <li key={index}>{text}</li>
            ))}
          </ul>
        )}
      </div>
      {children}
    </section>
  );
}

function cpuNumbers(latest: StatsSample | null, hostCpus: number): string[] {
  if (!latest) return [];
  const ofLimit = latest.cpuLimitCpus > 0 ? `${percent(latest.cpuPercent / latest.cpuLimitCpus)} of its limit (${latest.cpuLimitCpus} CPUs)` : 'no CPU limit';
  return [`${percent(latest.cpuPercent)} of one CPU`, `${percent(latest.cpuPercent / hostCpus)} of the host (${hostCpus} CPUs)`, ofLimit];
}

function memoryNumbers(latest: StatsSample | null): string[] {
  if (!latest) return [];
  const share = latest.memoryLimitBytes > 0 ? ` (${percent((latest.memoryUsageBytes / latest.memoryLimitBytes) * 100)})` : '';
  return [`${bytes(latest.memoryUsageBytes)} used${share}`, `limit ${bytes(latest.memoryLimitBytes)}`, `cache ${bytes(latest.memoryCacheBytes)}`];
}

function clock(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString();
}
