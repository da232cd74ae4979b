/** `--shard i/n` (1-based, as in Jest and Playwright): this machine takes part i of n. */
export interface Shard {
  index: number;
  count: number;
}

/** `'2/5'` → `{ index: 2, count: 5 }`; null when malformed or out of range. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * Whether an input belongs to a shard: a hash of its name (its path relative to the directory or
 * glob it was found under), so each machine decides alone, with no list to share, and a file keeps
 * its shard when others are added or removed.
 */
export function inShard(name: string, shard: Shard): boolean {
  return fnv1a(name) % shard.count === shard.index - 1;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
