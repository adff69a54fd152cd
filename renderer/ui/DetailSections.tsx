import type { ReactNode } from 'react';

/** One term and its value in a details page's `<dl>`; the value is text, never HTML. */
export function Fact({ term, children }: { term: string; children: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A titled part of a details page (container or image), named by its heading for assistive technology. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

interface InspectedBodyProps<T> {
  /** What the page names its item: "container", "image", "network". */
  noun: string;
  /** The list page to go back to when the item is gone. */
  listHref: string;
  isGone: boolean;
  /** The inspected item, or null until it is read. */
  item: T | null;
  error: { message: string } | null;
  children: (item: T) => ReactNode;
}

/**
 * The body of a details page (container, image, network): that its item no longer exists (with
 * a way back to the list), why it could not be inspected, or Loading…, until there is an item to
 * show.
 */
export function InspectedBody<T>({ noun, listHref, isGone, item, error, children }: InspectedBodyProps<T>) {
  if (isGone) {
    return (
      <p role="alert" className="empty">
        This {noun} no longer exists. <a href={listHref}>Back to all {noun}s</a>
      </p>
    );
  }
  if (item !== null) return <>{children(item)}</>;
  return error ? (
    <p role="alert" className="error-text">
      Could not inspect the {noun}: {error.message}
    </p>
  ) : (
    <p className="empty">Loading…</p>
  );
}
