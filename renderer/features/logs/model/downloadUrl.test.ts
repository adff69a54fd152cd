import { describe, expect, it } from 'vitest';
import { logDownloadUrl } from './downloadUrl.js';

describe('the log download address', () => {
  it('names the engine and container and carries the view choices', () => {
    const url = logDownloadUrl({ engineId: 'local', containerId: 'abc', since: '10m', until: '2026-01-01T00:00:00+01:00', tail: 'all', timestamps: true, stdout: true, stderr: false });
    expect(url).toBe('/download/logs?engine=local&id=abc&since=10m&until=2026-01-01T00%3A00%3A00%2B01%3A00&tail=all&timestamps=1&stdout=1&stderr=0');
  });

  it('leaves out bounds that are not set', () => {
    expect(logDownloadUrl({ engineId: 'e', containerId: 'c', since: null, until: null, tail: 100, timestamps: false, stdout: true, stderr: true })).toBe(
      '/download/logs?engine=e&id=c&tail=100&timestamps=0&stdout=1&stderr=1',
    );
  });
});
