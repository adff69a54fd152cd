import { z } from 'zod';
import { defineDomain, method, noParams, params, stream } from './define.js';
import type { NotificationKind } from './notifications.js';

/**
 * Berth's settings: one small file in its data directory (`settings.json`), the same for every
 * engine and every window. Each group and field has its default, so a file written by an older
 * Berth (without a newer field) reads as it was plus the new defaults.
 */

/**
 * Each group's fields without their defaults: the settings give each its default, and an
 * update takes any of them alone (a default there would reset what the update leaves out).
 */
const kindSwitch = (kind: NotificationKind, what: string) => z.boolean().describe(`Notify when ${what} (\`${kind}\`; default on).`);

const notificationFields = {
  died: kindSwitch('died', 'a container exits with a non-zero code that nobody asked for'),
  oom: kindSwitch('oom', 'the kernel kills a container for going over its memory limit'),
  unhealthy: kindSwitch('unhealthy', "a container's healthcheck turns unhealthy"),
  restartLoop: kindSwitch('restartLoop', 'a container restarts more than 3 times in a minute'),
};

/** The tails the log view offers (renderer/features/logs/LogReadOptionsForm.tsx), one of which opens a log. */
export const logTailChoices = [100, 1_000, 10_000, 100_000, 1_000_000, 'all'] as const;

const logFields = {
  bufferLines: z
    .number()
    .int('must be a whole number of lines')
    .min(1_000, 'must be at least 1,000 lines')
    .max(10_000_000, 'must be at most 10,000,000 lines (each line held costs memory in the window)')
    .describe('How many lines a log view holds before the oldest go (1,000-10,000,000; default 1,000,000).'),
  defaultTail: z
    .union(logTailChoices.map((choice) => z.literal(choice)), { error: `must be one of ${logTailChoices.join(', ')}` })
    .describe('How many of the last lines a log view reads when it opens: 100, 1000, 10000, 100000, 1000000 or "all" (default 1000).'),
  timestamps: z.boolean().describe("Show each line's time in a new log view (default off)."),
  wrap: z.boolean().describe('Wrap long lines in a new log view (default off).'),
};

const terminalFields = {
  fontSize: z.number().int('must be a whole number').min(8, 'must be at least 8').max(32, 'must be at most 32').describe('Font size of a terminal, in pixels (8-32; default 13).'),
  scrollbackLines: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000, 'must be at most 100,000').describe('Lines a terminal keeps above the screen (0-100,000; default 10,000).'),
};

export const themeSchema = z.enum(['system', 'light', 'dark'], { error: 'must be system, light or dark' }).describe('Colours: follow the system, or always light, or always dark (default system).');
export type Theme = z.output<typeof themeSchema>;

export const settingsSchema = params({
  notifications: params({
    died: notificationFields.died.default(true),
    oom: notificationFields.oom.default(true),
    unhealthy: notificationFields.unhealthy.default(true),
    restartLoop: notificationFields.restartLoop.default(true),
  })
    .prefault({})
    .describe('Which notifications Berth shows, per kind.'),
  theme: themeSchema.default('system'),
  logs: params({
    bufferLines: logFields.bufferLines.default(1_000_000),
    defaultTail: logFields.defaultTail.default(1_000),
    timestamps: logFields.timestamps.default(false),
    wrap: logFields.wrap.default(false),
  })
    .prefault({})
    .describe('The log view.'),
  terminal: params({ fontSize: terminalFields.fontSize.default(13), scrollbackLines: terminalFields.scrollbackLines.default(10_000) })
    .prefault({})
    .describe('The container terminal.'),
});

/** Every setting, with its value now. */
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** `settings.update`'s params: any part of the settings; what is left out stays as it is. */
export const settingsPatchSchema = params({
  notifications: params(notificationFields).partial().optional().describe('Which notifications Berth shows, per kind.'),
  theme: themeSchema.optional(),
  logs: params(logFields).partial().optional().describe('The log view.'),
  terminal: params(terminalFields).partial().optional().describe('The container terminal.'),
});
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

/** The settings with a patch applied (pure: the backend's update and the UI's optimistic view agree). */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const defined = <T extends object>(part: T | undefined): Partial<T> => Object.fromEntries(Object.entries(part ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
  return {
    notifications: { ...settings.notifications, ...defined(patch.notifications) },
    theme: patch.theme ?? settings.theme,
    logs: { ...settings.logs, ...defined(patch.logs) },
    terminal: { ...settings.terminal, ...defined(patch.terminal) },
  };
}

/** Whether notifications of a kind are on. */
export function isNotificationKindOn(settings: Settings, kind: NotificationKind): boolean {
  return settings.notifications[kind];
}

export const settingsContract = defineDomain({
  methods: {
    'settings.get': method<Settings>()(noParams, "Berth's settings (kept in settings.json in its data directory), each with its value now."),
    'settings.update': method<Settings>()(settingsPatchSchema, 'Change some settings (what is left out stays); answers all of them as saved. Every window hears of the change (`settings.watch`).'),
  },
  streams: {
    'settings.watch': stream<Settings>()(noParams, 'The settings now, then again after every change, from any window or `berth api`.'),
  },
});
