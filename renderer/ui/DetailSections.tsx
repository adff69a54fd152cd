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
