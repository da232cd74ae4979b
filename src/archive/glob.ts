/**
 * A small glob matcher for archive inputs: `*` (any characters but `/`), `?` (one character but
 * `/`) and `**` (any number of directories). Patterns use `/` as the separator.
 *
 * @example
 *   splitGlob('minutes/**\/*.pdf');          // { base: 'minutes', rest: '**\/*.pdf' }
 *   globToRegExp('**\/*.pdf').test('2021/a.pdf'); // true
 */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** The directory to walk (the segments before the first one with a wildcard) and the pattern below it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const first = segments.findIndex(isGlob);
  if (first === -1) return { base: pattern, rest: '' };
  const base = segments.slice(0, first).join('/');
  return { base: base === '' ? (pattern.startsWith('/') ? '/' : '.') : base, rest: segments.slice(first).join('/') };
}

/** A pattern relative to its base → a RegExp over `/`-separated relative paths. */
export function globToRegExp(rest: string): RegExp {
  const segments = rest.split('/').filter((s) => s !== '');
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`, 'u');
}

function segmentSource(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
