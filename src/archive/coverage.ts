import type { MinutesDocument } from '../types.js';
import type { BatchLine } from './jsonl.js';
import { isErrorLine } from './jsonl.js';

/** The fields coverage counts: how many documents got each. */
export const COVERAGE_FIELDS = ['date', 'chair', 'attendees', 'speeches', 'rulings', 'datasets', 'actions'] as const;
export type CoverageField = (typeof COVERAGE_FIELDS)[number];

/** The documents of one kind and how many of them got each field. */
export interface KindCoverage {
  documents: number;
  /** Documents with at least one record (attendee, speech, ruling, dataset or action). */
  withRecords: number;
  fields: Record<CoverageField, number>;
}

export interface DiagnosedDocument {
  name: string | null;
  kind: MinutesDocument['kind'];
  /** Warnings and errors (infos are not counted). */
  diagnostics: number;
  codes: Record<string, number>;
}

/** What a batch output holds: per kind and per field, refusals by code, the most diagnosed documents. */
export interface Coverage {
  /** Lines read: documents and refusals. */
  lines: number;
  documents: number;
  refused: number;
  refusals: Record<string, number>;
  kinds: Partial<Record<MinutesDocument['kind'], KindCoverage>>;
  /** Warning and error diagnostics by code, over every document. */
  diagnostics: Record<string, number>;
  mostDiagnosed: DiagnosedDocument[];
}

export interface CoverageCollector {
  add(line: BatchLine): void;
  build(): Coverage;
}

/** Streams batch lines into a coverage report; keeps only the `top` most diagnosed documents. */
export function collectCoverage(top = 10): CoverageCollector {
  const coverage: Coverage = { lines: 0, documents: 0, refused: 0, refusals: {}, kinds: {}, diagnostics: {}, mostDiagnosed: [] };
  return {
    add(line) {
      coverage.lines++;
      if (isErrorLine(line)) {
        coverage.refused++;
        bump(coverage.refusals, line.error.code);
        return;
      }
      coverage.documents++;
      const kind = (coverage.kinds[line.kind] ??= { documents: 0, withRecords: 0, fields: emptyFields() });
      kind.documents++;
      const has = fieldsOf(line);
      for (const f of COVERAGE_FIELDS) if (has[f]) kind.fields[f]++;
      if (hasRecords(line)) kind.withRecords++;
      const codes: Record<string, number> = {};
      let count = 0;
      for (const d of line.diagnostics ?? [])
        if (d.severity !== 'info') {
          count++;
          bump(codes, d.code);
          bump(coverage.diagnostics, d.code);
        }
      if (count) keepTop(coverage.mostDiagnosed, { name: line.source?.name ?? null, kind: line.kind, diagnostics: count, codes }, top);
    },
    build: () => coverage,
  };
}

/** Which coverage fields a document got. */
export function fieldsOf(doc: MinutesDocument): Record<CoverageField, boolean> {
  return {
    date: !!doc.meeting?.date,
    chair: !!doc.meeting?.chair,
    attendees: (doc.attendees?.length ?? 0) > 0,
    speeches: (doc.speeches?.length ?? 0) > 0,
    rulings: (doc.rulings?.length ?? 0) > 0,
    datasets: (doc.datasets?.length ?? 0) > 0,
    actions: (doc.actions?.length ?? 0) > 0,
  };
}

/** At least one record: what "parsed" means to a user, beyond "did not fail". */
export function hasRecords(doc: MinutesDocument): boolean {
  return !!(doc.attendees?.length || doc.speeches?.length || doc.rulings?.length || doc.datasets?.length || doc.actions?.length);
}

/** The report as text: a table of kinds × fields, then refusals and the most diagnosed documents. */
export function coverageTable(c: Coverage): string[] {
  const kinds = Object.entries(c.kinds) as [string, KindCoverage][];
  const head = ['kind', 'docs', 'with records', ...COVERAGE_FIELDS];
  const rows = kinds.map(([k, v]) => [k, String(v.documents), String(v.withRecords), ...COVERAGE_FIELDS.map((f) => String(v.fields[f]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const row = (cells: string[]) => cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [`${c.lines} lines: ${c.documents} documents, ${c.refused} refused`, '', row(head), ...rows.map(row)];
  if (c.refused) out.push('', `refused: ${sortedCounts(c.refusals)}`);
  if (Object.keys(c.diagnostics).length) out.push('', `diagnostics: ${sortedCounts(c.diagnostics)}`);
  if (c.mostDiagnosed.length) {
    out.push('', 'most diagnosed:');
    for (const d of c.mostDiagnosed) out.push(`  ${d.diagnostics}  ${d.name ?? '(no name)'} (${d.kind}): ${sortedCounts(d.codes)}`);
  }
  return out;
}

/** `code n, …`, most first; ties in the order they were first seen. */
export function sortedCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function emptyFields(): Record<CoverageField, number> {
  return { date: 0, chair: 0, attendees: 0, speeches: 0, rulings: 0, datasets: 0, actions: 0 };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Insert keeping `list` sorted by diagnostics (most first, ties in arrival order) and at most `top` long. */
function keepTop(list: DiagnosedDocument[], doc: DiagnosedDocument, top: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.diagnostics < doc.diagnostics) i--;
  if (i >= top) return;
  list.splice(i, 0, doc);
  if (list.length > top) list.length = top;
}
