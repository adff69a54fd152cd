import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A component whose module is loaded the first time it is drawn, in a chunk of its own: for the
 * pages and tabs the first screen does not need (uPlot's charts, the Run form, ...), so the
 * first screen loads less. `name` is the module's export.
 */
export function lazyNamed<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** What stands in while a lazy part loads: said to assistive technology as a status. */
export function Loading({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="empty" role="status">
          Loading {what}…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
