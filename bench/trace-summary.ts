import { readFileSync } from 'node:fs';

/**
 * Sums up a Chromium trace (logs-cpu.ts, LOGS_CPU_TRACE) as the time each kind of event took
 * on each thread of the renderer: `npx tsx bench/trace-summary.ts FILE [TOP]`. Self time (an
 * event's duration minus that of the events nested in it on the same thread), thread CPU time
 * where the trace has it.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export function summarizeTrace(events: readonly TraceEvent[]): { thread: string; name: string; selfMs: number; count: number }[] {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
    if (event.ph === 'M' && event.name === 'process_name') processNames.set(event.pid, event.args?.name ?? '');
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  const totals = new Map<string, { thread: string; name: string; self: number; count: number }>();
  for (const [key, list] of byThread) {
    const thread = `${processNames.get(Number(key.split(':')[0])) ?? '?'}/${threadNames.get(key) ?? key}`;
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; row: { self: number } }[] = [];
    for (const event of list) {
      const end = event.ts + (event.dur ?? 0);
      while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop();
      const rowKey = `${thread}|${event.name}`;
      const row = totals.get(rowKey) ?? { thread, name: event.name, self: 0, count: 0 };
      totals.set(rowKey, row);
      row.self += event.dur ?? 0;
      row.count++;
      const parent = stack.at(-1);
      if (parent) parent.row.self -= event.dur ?? 0;
      stack.push({ end, row });
    }
  }
  return [...totals.values()].map((row) => ({ thread: row.thread, name: row.name, selfMs: Math.round(row.self / 100) / 10, count: row.count })).sort((a, b) => b.selfMs - a.selfMs);
}

if (process.argv[1]?.endsWith('trace-summary.ts')) {
  const [file, top = '40'] = process.argv.slice(2);
  if (!file) throw new Error('usage: trace-summary.ts FILE [TOP]');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const rows = summarizeTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents);
  for (const row of rows.slice(0, Number(top))) process.stdout.write(`${String(row.selfMs).padStart(10)} ${String(row.count).padStart(8)}  ${row.thread}  ${row.name}\n`);
}
