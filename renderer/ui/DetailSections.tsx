import type { ReactNode } from 'react';
import type { EngineView } from '../stores/engineViews.js';
import { EngineTag } from './EngineTag.js';

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

interface DetailsPageHeaderProps {
  /** The list page the back link goes to, and what it lists: "#/images", "images". */
  listHref: string;
  listName: string;
  title: string;
  /** The item's engine, tagged beside the title; null when only one engine is known. */
  engine: EngineView | null;
  /** What follows the engine tag (e.g. a container's state). */
  afterTitle?: ReactNode;
  /** The page's actions, at the end of the header; none: no actions (yet). */
  actions?: ReactNode;
}

/** A details page's header: the way back to its list, the item's name as the page title, its engine, and its actions. */
export function DetailsPageHeader({ listHref, listName, title, engine, afterTitle, actions }: DetailsPageHeaderProps) {
  return (
    <header className="details-header">
      <a href={listHref} className="back-link">
        ← All {listName}
      </a>
      <div className="page-header">
        <h1 id="page-title">{title}</h1>
        {engine !== null && <EngineTag engine={engine} />}
        {afterTitle}
        {actions !== undefined && <span className="page-header-end">{actions}</span>}
      </div>
    </header>
  );
}
