import type { ContainerPort } from '../../../runtime/api/index.js';
import { portViews } from './portLinks.js';

/** Published TCP ports open in a new browser tab on the host they are bound to (the URL is in the title). */
export function PortList({ ports }: { ports: readonly ContainerPort[] }) {
  const views = portViews(ports);
  return (
    // The cell may be too narrow for every port; the title lists them all.
    <span className="ports" title={views.length > 0 ? views.map((view) => view.text).join(', ') : undefined}>
      {views.map((view) =>
        view.kind === 'link' ? (
          <a key={view.key} href={view.href} title={view.title} target="_blank" rel="noopener noreferrer">
            {view.text}
          </a>
        ) : (
          <span key={view.key}>{view.text}</span>
        ),
      )}
    </span>
  );
}
