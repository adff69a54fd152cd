import { runHref } from './runRoute.js';

/** The way into the Run form from other pages (Containers header, an image's row). */
export function RunContainerLink({ image, children = 'Run a container' }: { image?: string; children?: string }) {
  return (
    <a className="run-link" href={runHref(image)}>
      {children}
    </a>
  );
}
