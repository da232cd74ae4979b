import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from '../src/index.js';
import type { MinutesDocument, Span } from '../src/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface SampleInfo {
  file: string;
  seed: string;
}

export const SAMPLES: SampleInfo[] = JSON.parse(readFileSync(ROOT + 'samples/index.json', 'utf8')).samples;

export function sampleText(file: string): string {
  return readFileSync(ROOT + 'samples/' + file, 'utf8');
}

export function parseSample(file: string): MinutesDocument {
  return parse(sampleText(file), { name: file, text: true });
}

/** Every span lies inside the normalised text; `holds` checks that the span's text contains a value. */
export function expectSpanInside(doc: MinutesDocument, span: Span): void {
  const len = doc.text!.length;
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeLessThanOrEqual(len);
  expect(span.start).toBeLessThanOrEqual(span.end);
  expect(span.line).toBeGreaterThanOrEqual(1);
}

export function spanText(doc: MinutesDocument, span: Span): string {
  return doc.text!.slice(span.start, span.end);
}

/** A normalised line of a sample, found by its start, so tests use real text. */
export function realLine(file: string, startsWith: string): string {
  const line = parse(sampleText(file), { text: true }).text!.split('\n').find((l) => l.startsWith(startsWith));
  if (!line) throw new Error(`no line starting ${startsWith} in ${file}`);
  return line;
}

/** Processes whose parent is `pid` (Linux: from /proc). */
export function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => procStat(Number(d))?.ppid === pid)
    .map(Number);
}

/** Still running: not gone and not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
}

export function procStat(pid: number): { state: string; ppid: number; cpuTicks: number } | null {
  try {
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
    // Fields from there: state 0, ppid 1, …, utime 11, stime 12 (clock ticks).
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The command line of a process, its arguments split (Linux: from /proc); null once it is gone. */
export function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** A corpus document (test/fixtures/corpus/raw) by its number, e.g. '09'. */
export const corpusFile = (prefix: string): string => {
  const raw = ROOT + 'test/fixtures/corpus/raw/';
  return raw + readdirSync(raw).find((f) => f.startsWith(prefix + '_'))!;
};

/** The first line of a corpus document that contains `has`, trimmed: tests use real lines. */
export const corpusLine = (prefix: string, has: string): string => {
  const line = readFileSync(corpusFile(prefix), 'utf8').split('\n').find((l) => l.includes(has));
  if (!line) throw new Error(`no line with ${has} in ${prefix}`);
  return line.trim();
};

/** Whether the optional OCR packages are installed (an install without them skips what needs them). */
export const hasOcrPackages = ((): boolean => {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('tesseract.js');
    require.resolve('@tesseract.js-data/chi_tra/package.json');
    return true;
  } catch {
    return false;
  }
})();
