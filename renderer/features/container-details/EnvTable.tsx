import { useState } from 'react';
import { isSecretKey, maskedText, parseEnv } from './secrets.js';

/**
 * The container's environment. Values of secret-looking keys are not in the page at all until
 * the user asks for that one value, so neither a glance nor a screen reader reveals them.
 */
export function EnvTable({ env }: { env: readonly string[] }) {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setRevealed((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  if (env.length === 0) return <p className="empty">No environment variables.</p>;
  return (
    <table className="kv-table" aria-label="Environment">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {parseEnv(env).map(({ key, value }, index) => {
          const isSecret = value !== null && value !== '' && isSecretKey(key);
          const isShown = !isSecret || revealed.has(key);
          return (
            <tr key={`${index}:${key}`}>
              <th scope="row" className="mono">
                {key}
              </th>
              <td className="mono">
                {value === null ? <span className="muted">(passed through, no value)</span> : isShown ? value : <span aria-label="hidden value">{maskedText}</span>}
                {isSecret && (
                  <button type="button" className="button-quiet reveal" aria-label={`${isShown ? 'Hide' : 'Show'} value of ${key}`} onClick={() => toggle(key)}>
                    {isShown ? 'Hide' : 'Show'}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
