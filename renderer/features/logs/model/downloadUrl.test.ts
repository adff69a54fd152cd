import { describe, expect, it } from 'vitest';
import { downloadParamsFrom } from '../../../../runtime/api/downloads.js';
import { logDownloadUrl, logSaveParams } from './downloadUrl.js';

const choices = { engineId: 'local', containerId: 'abc', since: '10m', until: '2026-01-01T00:00:00+01:00', tail: 'all' as const, timestamps: true, stdout: true, stderr: false };

describe('the log download address', () => {
  it('names the engine and container and carries the view choices, as the host reads them back', () => {
    const url = logDownloadUrl(choices);
    expect(url.startsWith('/download/logs?')).toBe(true);
    const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(downloadParamsFrom('logs', query.entries())).toEqual({ engine: 'local', params: { id: 'abc', tail: 'all', timestamps: true, stdout: true, stderr: false, since: '10m', until: '2026-01-01T00:00:00+01:00' } });
  });

  it('leaves out bounds that are not set', () => {
    expect(logSaveParams({ ...choices, since: null, until: null, tail: 100 })).toEqual({ id: 'abc', tail: 100, timestamps: true, stdout: true, stderr: false });
  });
});
