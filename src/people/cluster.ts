/**
 * Split items of one name by org, never guessing: each org not covered by another starts a group;
 * an item joins the one group whose org covers its own; an item with no org joins the only group,
 * or stays unassigned when there are several. An org covers another that it contains (外交部資電處
 * covers 資電處) or that abbreviates it, its characters in order (中央研究院天文及天文物理研究所
 * covers 中研院天文所; 臺灣師範大學地科系 covers 師大地科系).
 *
 * @example
 *   clusterByOrg([{ org: '外交部資電處' }, { org: '外交部' }, { org: null }], (x) => x.org);
 *   // → one group of three
 *   clusterByOrg([{ org: '政治大學' }, { org: '臺灣大學' }, { org: null }], (x) => x.org);
 *   // → two groups, the item with no org unassigned
 */
export function clusterByOrg<T>(items: readonly T[], orgOf: (item: T) => string | null): { groups: T[][]; unassigned: T[] } {
  return clusterBy(items, orgOf, covers, (o) => o);
}

/**
 * `clusterByOrg` over any evidence: `scopeOf` gives an item's evidence (null: none), `wider(a, b)`
 * says that `a` implies `b` (b fits the person of a), `keyOf` tells equal evidence apart.
 */
export function clusterBy<T, S>(items: readonly T[], scopeOf: (item: T) => S | null, wider: (a: S, b: S) => boolean, keyOf: (s: S) => string): { groups: T[][]; unassigned: T[] } {
  const distinct = new Map<string, S>();
  for (const item of items) {
    const s = scopeOf(item);
    if (s !== null) distinct.set(keyOf(s), s);
  }
  const scopes = [...distinct.values()];
  // Evidence implied by other evidence is not a person of its own; of two that imply each other, one stands.
  const maximal = scopes.filter((o) => !scopes.some((p) => p !== o && wider(p, o) && (!wider(o, p) || keyOf(p) < keyOf(o))));
  if (maximal.length <= 1) return { groups: items.length ? [[...items]] : [], unassigned: [] };
  const groups: T[][] = maximal.map(() => []);
  const unassigned: T[] = [];
  for (const item of items) {
    const s = scopeOf(item);
    const fits = maximal.flatMap((m, i) => (s === null || keyOf(m) === keyOf(s) || wider(m, s) ? [i] : []));
    if (fits.length === 1) groups[fits[0]!]!.push(item);
    else unassigned.push(item);
  }
  return { groups: groups.filter((g) => g.length), unassigned };
}

/** Does org `long` contain `short`, or abbreviate to it (its characters in order)? */
export function covers(long: string, short: string): boolean {
  if (long === short || long.includes(short)) return true;
  const want = [...short];
  if (want.length < 2 || short.length >= long.length) return false;
  let i = 0;
  for (const ch of long) if (ch === want[i]) i++;
  return i >= want.length;
}
