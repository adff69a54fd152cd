import { describe, expect, it } from 'vitest';
import { buildCachePicks } from './build-cache-prune.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const record = (ID: string, fields: Record<string, unknown> = {}) => ({ ID, Type: 'regular', InUse: false, Shared: false, Size: 1, LastUsedAt: '2026-01-01T09:00:00Z', ...fields });
const ids = (records: { ID: string }[]) => records.map((item) => item.ID);

describe('buildCachePicks', () => {
  const records = [
    record('plain'),
    record('used', { InUse: true }),
    record('shared', { Shared: true }),
    record('internal', { Type: 'internal' }),
    record('frontend', { Type: 'frontend' }),
    record('recent', { LastUsedAt: '2026-01-01T11:30:00Z' }),
    record('never', { LastUsedAt: null }),
  ];

  it('takes unused records no image shares that are not BuildKit internal ones, as docker builder prune', () => {
    expect(ids(buildCachePicks(records, { all: false, filters: [], now }))).toEqual(['plain', 'recent', 'never']);
  });

  it('takes every unused record with all, as docker builder prune -a', () => {
    expect(ids(buildCachePicks(records, { all: true, filters: [], now }))).toEqual(['plain', 'shared', 'internal', 'frontend', 'recent', 'never']);
  });

  it('keeps the records used within until', () => {
    expect(ids(buildCachePicks(records, { all: false, filters: ['until=1h'], now }))).toEqual(['plain', 'never']);
    expect(ids(buildCachePicks(records, { all: false, filters: ['until=4h'], now }))).toEqual(['never']);
  });
});
