import type { ImageUser } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';

/** The containers made from the image, each linked to its page; the reason a removal is refused. */
export function ImageUsers({ users }: { users: readonly ImageUser[] }) {
  if (users.length === 0) return <p className="empty">No container uses this image.</p>;
  return (
    <ul className="image-users" aria-label="Containers using this image">
      {users.map((user) => (
        <li key={user.id}>
          <a href={containerHref(user.engineId, user.id)}>{user.name}</a> <span className={`state-word state-word-${user.state}`}>{user.state}</span>
        </li>
      ))}
    </ul>
  );
}
