import './settings.css';
import { logTailChoices, notificationKinds, type NotificationKind, type Theme } from '../../../runtime/api/index.js';
import { NotificationPermission } from '../notifications/NotificationPermission.js';
import { NumberSetting } from './NumberSetting.js';
import { useSettingsUpdate } from './useSettingsUpdate.js';

const kindLabels: Record<NotificationKind, string> = {
  died: 'A container exits with a non-zero code (not stopped or killed by you)',
  oom: 'A container is killed for running out of memory (OOM)',
  unhealthy: 'A container’s healthcheck turns unhealthy',
  restartLoop: 'A container restarts more than 3 times in a minute',
};

const themes: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * `#/settings`: Berth's settings, kept in settings.json in its data directory (the same for every
 * engine and every window; a change here shows in every window at once).
 */
export function SettingsPage() {
  const { settings, update, error } = useSettingsUpdate();
  return (
    <section className="page settings-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Settings</h1>
      </header>
      {error !== null && (
        <p role="alert" className="settings-error">
          {error}
        </p>
      )}
      <fieldset>
        <legend>Notifications</legend>
        {notificationKinds.map((kind) => (
          <label key={kind} className="setting-check">
            <input type="checkbox" checked={settings.notifications[kind]} onChange={(event) => void update({ notifications: { [kind]: event.target.checked } })} />
            {kindLabels[kind]}
          </label>
        ))}
        <NotificationPermission />
      </fieldset>
      <fieldset>
        <legend>Theme</legend>
        {themes.map((theme) => (
          <label key={theme.value} className="setting-check">
            <input type="radio" name="theme" value={theme.value} checked={settings.theme === theme.value} onChange={() => void update({ theme: theme.value })} />
            {theme.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Logs</legend>
        <NumberSetting
          label="Lines a log view keeps"
          value={settings.logs.bufferLines}
          min={1_000}
          max={10_000_000}
          hint="1,000 to 10,000,000; older lines are dropped. An open log view reads its log again into the new size."
          onSave={(bufferLines) => update({ logs: { bufferLines } })}
        />
        <label className="setting-check">
          Lines read when a log opens{' '}
          <select
            value={String(settings.logs.defaultTail)}
            onChange={(event) => void update({ logs: { defaultTail: event.target.value === 'all' ? 'all' : (Number(event.target.value) as Exclude<(typeof logTailChoices)[number], 'all'>) } })}
          >
            {logTailChoices.map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice === 'all' ? 'All' : choice.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <label className="setting-check">
          <input type="checkbox" checked={settings.logs.timestamps} onChange={(event) => void update({ logs: { timestamps: event.target.checked } })} />
          Show timestamps
        </label>
        <label className="setting-check">
          <input type="checkbox" checked={settings.logs.wrap} onChange={(event) => void update({ logs: { wrap: event.target.checked } })} />
          Wrap long lines
        </label>
      </fieldset>
      <fieldset>
        <legend>Terminal</legend>
        <NumberSetting label="Font size" value={settings.terminal.fontSize} min={8} max={32} hint="8 to 32 pixels." onSave={(fontSize) => update({ terminal: { fontSize } })} />
        <NumberSetting
          label="Scrollback lines"
          value={settings.terminal.scrollbackLines}
          min={0}
          max={100_000}
          hint="0 to 100,000 lines above the screen."
          onSave={(scrollbackLines) => update({ terminal: { scrollbackLines } })}
        />
      </fieldset>
    </section>
  );
}
