import { useEffect, useState } from 'react';
import type { FieldIssue } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import type { BuiltSpec } from './model/buildSpec.js';
import { translateIssue } from './model/fieldPaths.js';

/** Long enough not to call on every keystroke, short enough that a warning appears as the choice is made. */
export const checkDelayMs = 300;

/** The backend's opinion of the draft as it is being edited; issues and warnings name draft fields. */
export interface LiveCheck {
  issues: FieldIssue[];
  warnings: FieldIssue[];
  /** Why the backend could not check, e.g. it is not built yet; null when the last check answered. */
  unavailable: string | null;
}

const none: LiveCheck = { issues: [], warnings: [], unavailable: null };

/**
 * Calls `containers.validateRun` ~300 ms after the last edit. A newer edit cancels the older
 * check (timer and call), so an answer never describes a draft older than the one on screen
 * for longer than one round trip. The last answer stays up until the next one replaces it, so
 * warnings do not flicker while typing.
 */
export function useLiveCheck(built: BuiltSpec, engineId: string | undefined): LiveCheck {
  const clientSource = useClientSource();
  const [check, setCheck] = useState<LiveCheck>(none);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const client = clientSource();
      if (client === null) return;
      client.call('containers.validateRun', { spec: built.candidate }, { engine: engineId, signal: controller.signal }).then(
        (result) =>
          setCheck({
            issues: result.issues.map((issue) => translateIssue(issue, built.rows)),
            warnings: result.warnings.map((warning) => translateIssue(warning, built.rows)),
            unavailable: null,
          }),
        (error: unknown) => {
          const { code, message } = toBerthError(error);
          if (code !== 'cancelled') setCheck((previous) => ({ ...previous, unavailable: message }));
        },
      );
    }, checkDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [built, engineId, clientSource]);
  return check;
}
