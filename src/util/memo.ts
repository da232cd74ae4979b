/**
 * Memoise a pure function of one string. The same lines and names are looked at by several stages
 * (a label by the normaliser, the segmenter and the extractors); the cache is dropped whole when it
 * grows past `max`, so memory stays bounded on huge inputs. Callers must not mutate the results.
 */
export function memoString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = deepFreeze(fn(s));
    if (cache.size >= max) cache = new Map();
    cache.set(s, value);
    return value;
  };
}

/**
 * A cached value is shared by every caller: frozen, so that one caller changing it (`parseName(x).name = …`)
 * cannot change what the next caller, or the next document, is given. Freezing is once per cache entry.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
