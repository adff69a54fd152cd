/** An honest placeholder: the page exists in the navigation but has no features yet. */
export function NotBuilt({ title }: { title: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p>Not built yet in this version.</p>
    </section>
  );
}
