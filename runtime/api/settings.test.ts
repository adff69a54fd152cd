import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, settingsPatchSchema, settingsSchema } from './settings.js';
import { parseParams } from './validation.js';

describe('settings schema', () => {
  it('gives every setting its default: notifications on, system theme, 1,000,000 log lines', () => {
    expect(defaultSettings).toEqual({
      notifications: { died: true, oom: true, unhealthy: true, restartLoop: true },
      theme: 'system',
      logs: { bufferLines: 1_000_000, defaultTail: 1_000, timestamps: false, wrap: false },
      terminal: { fontSize: 13, scrollbackLines: 10_000 },
    });
  });

  it('reads an older file without a newer group or field as it was plus the defaults', () => {
    expect(settingsSchema.parse({ theme: 'dark', logs: { bufferLines: 5000 } })).toEqual({ ...defaultSettings, theme: 'dark', logs: { ...defaultSettings.logs, bufferLines: 5000 } });
  });

  it('refuses values out of bounds, naming the field and why', () => {
    const refused = (patch: unknown) => {
      try {
        parseParams('settings.update', settingsPatchSchema, patch);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ logs: { bufferLines: 10 } })).toBe('settings.update: logs.bufferLines: must be at least 1,000 lines');
    expect(refused({ logs: { bufferLines: 20_000_000 } })).toContain('logs.bufferLines: must be at most 10,000,000 lines');
    expect(refused({ logs: { bufferLines: 1500.5 } })).toContain('logs.bufferLines: must be a whole number of lines');
    expect(refused({ logs: { defaultTail: 7 } })).toContain('logs.defaultTail: must be one of 100, 1000, 10000, 100000, 1000000, all');
    expect(refused({ theme: 'blue' })).toBe('settings.update: theme: must be system, light or dark');
    expect(refused({ notifications: { oom: 'no' } })).toContain('notifications.oom');
    expect(refused({ notifications: { died: false, dead: false } })).toContain('notifications.dead: unknown field');
    expect(refused({ terminal: { fontSize: 4 } })).toContain('terminal.fontSize: must be at least 8');
    expect(refused({ logs: { defaultTail: 'all' }, terminal: { scrollbackLines: 0 } })).toBe('accepted');
  });

  it('applies a partial update and leaves the rest as it was', () => {
    const patch = settingsPatchSchema.parse({ notifications: { died: false }, logs: { wrap: true } });
    expect(patch).toEqual({ notifications: { died: false }, logs: { wrap: true } });
    const next = applySettingsPatch({ ...defaultSettings, theme: 'dark' }, patch);
    expect(next).toEqual({ ...defaultSettings, theme: 'dark', notifications: { ...defaultSettings.notifications, died: false }, logs: { ...defaultSettings.logs, wrap: true } });
  });
});
