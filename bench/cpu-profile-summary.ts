import { readFileSync } from 'node:fs';

/**
 * Sums up a V8 CPU profile (`.cpuprofile`: node --cpu-prof, or CDP Profiler.stop) as the
 * functions that used the most time themselves ("self"), and with what they called ("total"):
 * `npx tsx bench/cpu-profile-summary.ts FILE [TOP]`. For the logs CPU probe (logs-cpu.ts).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  selfMs: number;
  totalMs: number;
}

/** Self and total time per function (name and place), biggest self time first. */
export function summarizeProfile(profile: Profile): { totalMs: number; idleMs: number; rows: ProfileRow[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0)));
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/)?/, '$1');
    return `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
  };
  const rows = new Map<string, { self: number; total: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') idleUs += us;
    const key = keyOf(node);
    const row = rows.get(key) ?? { self: 0, total: 0 };
    row.self += us;
    rows.set(key, row);
    // Total: once per distinct function on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = keyOf(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      const entry = rows.get(name) ?? { self: 0, total: 0 };
      entry.total += us;
      rows.set(name, entry);
    }
  }
  const list = [...rows].map(([name, row]) => ({ name, selfMs: Math.round(row.self / 100) / 10, totalMs: Math.round(row.total / 100) / 10 }));
  list.sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs: Math.round(totalUs / 1000), idleMs: Math.round(idleUs / 1000), rows: list };
}

if (process.argv[1]?.endsWith('cpu-profile-summary.ts')) {
  const [file, top = '40', sortBy = 'self'] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary.ts FILE [TOP] [self|total]');
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  process.stdout.write(`${file}: ${summary.totalMs} ms sampled, ${summary.idleMs} ms idle\n`);
  const rows = sortBy === 'total' ? [...summary.rows].sort((a, b) => b.totalMs - a.totalMs) : summary.rows;
  for (const row of rows.slice(0, Number(top))) process.stdout.write(`${String(row.selfMs).padStart(9)} ${String(row.totalMs).padStart(9)}  ${row.name}\n`);
}
