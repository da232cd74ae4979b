import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { globToRegExp, isGlob, splitGlob } from './glob.js';
import { KNOWN_EXTENSIONS } from '../load/detect.js';
import type { ArchiveInput } from './types.js';

/**
 * Extensions a directory walk picks up (a file named explicitly or matched by a glob is taken whatever its
 * name): every format read (.pdf, .txt, .md, .html, .docx, .odt, .doc, .xml), and the document formats
 * refused by name (spreadsheets, images, archives), so that a batch reports them with a coded
 * `unsupported-format` line rather than skipping them silently.
 */
export const ARCHIVE_EXTENSIONS: readonly string[] = KNOWN_EXTENSIONS;

/**
 * Files, directories (walked recursively for the ARCHIVE_EXTENSIONS) and globs (`*`, `?`, `**`) → the
 * inputs of a batch, each named by its path relative to the directory or glob base it was found
 * under (an explicit file by its base name). Order is stable: arguments in order, files sorted
 * within each. A path that does not exist stays an input, so that it is reported as `unreadable`
 * rather than lost; so does a directory that cannot be read. Hidden entries (`.git`) are skipped
 * and symbolic links to directories are not followed. `onUnmatched` hears of a glob or directory
 * that matched nothing.
 */
export async function expandInputs(args: readonly string[], options: { onUnmatched?: (arg: string) => void } = {}): Promise<ArchiveInput[]> {
  const seen = new Set<string>();
  const out: ArchiveInput[] = [];
  for (const arg of args) {
    const found = await expandOne(arg);
    if (!found.length) options.onUnmatched?.(arg);
    for (const input of found) {
      const key = resolve(input.path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(input);
    }
  }
  return out;
}

async function expandOne(arg: string): Promise<ArchiveInput[]> {
  const kind = await kindOf(arg);
  if (kind === 'file') return [{ path: arg, name: basename(arg) }];
  if (kind === 'dir') return collect(arg, (name) => ARCHIVE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)));
  if (!isGlob(arg)) return [{ path: arg, name: basename(arg) }];
  const { base, rest } = splitGlob(arg);
  if ((await kindOf(base)) !== 'dir') return [];
  const re = globToRegExp(rest);
  return collect(base, (name) => re.test(name));
}

async function collect(root: string, keep: (name: string) => boolean): Promise<ArchiveInput[]> {
  const found: Required<ArchiveInput>[] = [];
  for await (const { path, unreadable } of walk(root)) {
    const name = relative(root, path).split(sep).join('/') || basename(path);
    if (unreadable || keep(name)) found.push({ path, name });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function* walk(dir: string): AsyncGenerator<{ path: string; unreadable?: boolean }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    yield { path: dir, unreadable: true }; // reported as unreadable, not dropped
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await kindOf(path)) === 'file')) yield { path };
  }
}

async function kindOf(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}
