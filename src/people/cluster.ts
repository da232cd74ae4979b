/**
 * Split items of one name by org, never guessing: each org not contained in another (資電處 is
 * contained in 外交部資電處) starts a group; an item joins the one group whose org contains its own;
 * an item with no org joins the only group, or stays unassigned when there are several.
 *
 * @example
 *   clusterByOrg([{ org: '外交部資電處' }, { org: '外交部' }, { org: null }], (x) => x.org);
 *   // → one group of three
 *   clusterByOrg([{ org: '政治大學' }, { org: '臺灣大學' }, { org: null }], (x) => x.org);
 *   // → two groups, the item with no org unassigned
 */
export function clusterByOrg<T>(items: readonly T[], orgOf: (item: T) => string | null): { groups: T[][]; unassigned: T[] } {
  const orgs = [...new Set(items.map(orgOf).filter((o): o is string => !!o))];
  const maximal = orgs.filter((o) => !orgs.some((p) => p !== o && p.includes(o)));
  if (maximal.length <= 1) return { groups: items.length ? [[...items]] : [], unassigned: [] };
  const groups: T[][] = maximal.map(() => []);
  const unassigned: T[] = [];
  for (const item of items) {
    const org = orgOf(item);
    const fits = maximal.flatMap((m, i) => (org === null || m.includes(org) ? [i] : []));
    if (fits.length === 1) groups[fits[0]!]!.push(item);
    else unassigned.push(item);
  }
  return { groups: groups.filter((g) => g.length), unassigned };
}
