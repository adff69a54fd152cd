import { hrefOf, pages, type PageId } from './routes.js';

export function Sidebar({ current }: { current: PageId }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <p className="brand">Berth</p>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a href={hrefOf(page.id)} aria-current={page.id === current ? 'page' : undefined}>
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
