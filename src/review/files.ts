import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MinutesDocument } from '../types.js';

/** One line of a `.jsonl` batch output (`twminutes batch`): a document, or a failure (`{source, error}` or a bad line). */
export type JsonlItem = { line: number; doc: MinutesDocument } | { line: number; source: string; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (isObject(error)) return [error.code, error.message].filter((x) => typeof x === 'string').join(': ') || JSON.stringify(error);
  return String(error);
}

/** Reads one parsed line: a MinutesDocument, a `{source, error}` record, or something else (a failure naming the line). */
export function jsonlItem(text: string, line: number, file: string): JsonlItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, source: `${file}:${line}`, error: 'invalid JSON on this line' };
  }
  if (isObject(value) && value.schema === 'minutes/1') return { line, doc: value as unknown as MinutesDocument };
  if (isObject(value) && 'error' in value) {
    // `twminutes batch` writes `{source: {name, sha256}, error: {code, message}}`; a plain string source is accepted too.
    const source = typeof value.source === 'string' ? value.source : isObject(value.source) && typeof value.source.name === 'string' ? value.source.name : null;
    return { line, source: source ?? `${file}:${line}`, error: errorText(value.error) };
  }
  return { line, source: `${file}:${line}`, error: 'not a MinutesDocument (no "schema": "minutes/1") nor a {source, error} record' };
}

/** The lines of a `.jsonl` file one at a time (a large batch is never held in memory whole); blank lines skipped. */
export async function* readJsonl(path: string): AsyncGenerator<JsonlItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim()) yield jsonlItem(text, n, path);
  }
}

/**
 * A safe file name for a document's page, unique among `used`: the source name without its
 * extension, letters, digits, `.`, `_` and `-` kept (CJK included), anything else `_`.
 *
 * @example
 *   pageFileName('外交部/110年 第1次.pdf', 0, used)  // '外交部_110年_第1次.html'
 */
export function pageFileName(source: string | null | undefined, index: number, used: Set<string>): string {
  const base = (typeof source === 'string' ? source : '').split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  let stem = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 100) || `document-${index + 1}`;
  if (stem.toLowerCase() === 'index') stem = 'index-doc';
  let name = `${stem}.html`;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem}-${k}.html`;
  used.add(name.toLowerCase());
  return name;
}
