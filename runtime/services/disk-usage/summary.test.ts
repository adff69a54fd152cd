import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diskUsageText, dockerHumanSize, type DiskUsageTotals } from '../../api/index.js';
import { engineDiskUsageSchema } from '../../engine/json/disk-usage.js';
import { buildCacheTotals, containerTotals, imageTotals, toSystemDiskUsage, volumeTotals } from './summary.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const dockerDf = engineDiskUsageSchema.parse(JSON.parse(fixture('docker-20.10-df.json')));
/** `docker system df --format '{{json .}}'` (CLI 28.2) against the engine that answered the df above, at the same moment. */
const cliRows = fixture('docker-20.10-df.cli.jsonl')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string });

function asCliRow(type: string, totals: DiskUsageTotals) {
  const text = diskUsageText(totals);
  return { Type: type, TotalCount: String(totals.total), Active: String(totals.active), Size: text.size, Reclaimable: text.reclaimable };
}

describe('system.df summary', () => {
  it('prints every row exactly as docker system df printed it for the same engine answer', () => {
    const usage = toSystemDiskUsage('local', dockerDf, { verbose: false, hasBuildCache: true });
    const rows = [
      asCliRow('Images', usage.images),
      asCliRow('Containers', usage.containers),
      asCliRow('Local Volumes', usage.volumes),
      asCliRow('Build Cache', usage.buildCache!),
    ];
    expect(rows).toEqual(cliRows.map(({ Type, TotalCount, Active, Size, Reclaimable }) => ({ Type, TotalCount, Active, Size, Reclaimable })));
    expect(usage.items).toBeNull();
  });

  it('counts images by LayersSize and keeps what images in use hold alone', () => {
    const images = [
      { Id: 'a', Size: 100, SharedSize: 40, Containers: 2 },
      { Id: 'b', Size: 80, SharedSize: 40, Containers: 0 },
      { Id: 'c', Size: 50, SharedSize: -1, Containers: 1 },
    ];
    expect(imageTotals(images, 190)).toEqual({ total: 3, active: 2, sizeBytes: 190, reclaimableBytes: 130, reclaimablePercent: 68 });
  });

  it('sums image sizes when the engine gives no LayersSize (Podman sends 0)', () => {
    const podman = engineDiskUsageSchema.parse(JSON.parse(fixture('podman-4.3-df.json')));
    const usage = toSystemDiskUsage('podman', podman, { verbose: true, hasBuildCache: false });
    expect(usage.images.sizeBytes).toBe(2141267);
    expect(usage.images.reclaimableBytes).toBe(2141267);
    expect(usage.buildCache).toBeNull();
    expect(usage.items?.buildCache).toEqual([]);
  });

  it('treats running, paused and restarting containers as active and the rest as reclaimable', () => {
    const totals = containerTotals([
      { Id: '1', State: 'running', SizeRw: 10 },
      { Id: '2', State: 'paused', SizeRw: 20 },
      { Id: '3', State: 'restarting', SizeRw: 30 },
      { Id: '4', State: 'exited', SizeRw: 40 },
      { Id: '5', State: 'created', SizeRw: null },
    ]);
    expect(totals).toEqual({ total: 5, active: 3, sizeBytes: 100, reclaimableBytes: 40, reclaimablePercent: 40 });
  });

  it('leaves out volumes whose size the driver cannot tell, and prints no percentage for a size of 0', () => {
    expect(volumeTotals([{ Name: 'x', UsageData: { Size: -1, RefCount: 0 } }, { Name: 'y', UsageData: { Size: 0, RefCount: 1 } }])).toEqual({
      total: 2,
      active: 1,
      sizeBytes: 0,
      reclaimableBytes: 0,
      reclaimablePercent: null,
    });
  });

  it('counts build cache records shared with images in neither size nor reclaimable', () => {
    const totals = buildCacheTotals([
      { ID: 'a', Size: 100, Shared: true, InUse: false },
      { ID: 'b', Size: 10, Shared: false, InUse: true },
      { ID: 'c', Size: 5, Shared: false, InUse: false },
    ]);
    expect(totals).toEqual({ total: 3, active: 1, sizeBytes: 15, reclaimableBytes: 5, reclaimablePercent: null });
    expect(diskUsageText(totals)).toEqual({ size: '15B', reclaimable: '5B' });
  });

  it('cuts the percentage as Go integer division does, past 2^53 bytes times 100', () => {
    const totals = containerTotals([
      { Id: '1', State: 'exited', SizeRw: 2 ** 52 },
      { Id: '2', State: 'running', SizeRw: 2 ** 52 + 3 },
    ]);
    expect(totals.reclaimablePercent).toBe(49);
  });

  it('lists every item for the verbose view', () => {
    const items = toSystemDiskUsage('local', dockerDf, { verbose: true, hasBuildCache: true }).items!;
    expect(items.images).toHaveLength(3);
    expect(items.containers.map((container) => container.name).sort()).toEqual(['dash-created', 'dash-run', 'dash-stopped']);
    expect(items.containers.find((container) => container.name === 'dash-run')?.localVolumes).toBe(1);
    expect(items.volumes.map((volume) => volume.name).sort()).toEqual(['dash-free', 'dash-used']);
    expect(items.buildCache).toHaveLength(8);
    expect(items.buildCache.every((record) => Array.isArray(record.parents))).toBe(true);
  });
});

describe('dockerHumanSize', () => {
  it('writes sizes as go-units HumanSize does', () => {
    const cases: [number, string][] = [
      [0, '0B'],
      [999, '999B'],
      [1000, '1kB'],
      [10344, '10.34kB'],
      [126000, '126kB'],
      [317552, '317.6kB'],
      [2291522, '2.292MB'],
      [999960, '1000kB'],
      [1e9, '1GB'],
      [1234500, '1.234MB'],
      // 100.25 kB and 100.75 kB are exact in binary: Go rounds such a tie to even, where toPrecision rounds up.
      [100250, '100.2kB'],
      [100750, '100.8kB'],
    ];
    for (const [bytes, text] of cases) expect(dockerHumanSize(bytes), String(bytes)).toBe(text);
  });
});
