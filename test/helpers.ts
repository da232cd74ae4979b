import { readFileSync } from 'node:fs';
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
