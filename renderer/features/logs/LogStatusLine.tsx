/** Under the log: how many lines it holds and whether it follows new ones. Not live: a busy log would never stop announcing. */
export function LogStatusLine({ lines, capacity, isFollowing }: { lines: number; capacity: number; isFollowing: boolean }) {
  const count = `${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'}`;
  const full = lines >= capacity ? ` (the newest ${capacity.toLocaleString('en-US')}: older lines are dropped)` : '';
  return (
    <p className="log-status">
      {count}
      {full} · {isFollowing ? 'following new lines' : 'paused: Jump to end (or End) follows again'}
    </p>
  );
}
