import { createHash } from 'node:crypto';
import type { LoadedSource } from './load/types.js';
import { normalize } from './normalize/index.js';
import { toLines } from './segment/lines.js';
import { buildHeadings } from './segment/headings.js';
import { findFrontMatter, maskFrontMatter } from './segment/front-matter.js';
import { makeContext } from './extract/context.js';
import { extractMetadata } from './extract/metadata.js';
import { decideKind, recordEvidence } from './extract/kind.js';
import { extractRecords, type Records } from './extract/records.js';
import type { MetadataResult } from './extract/context.js';
import { buildAgenda } from './assemble/agenda.js';
import { copyWith } from './util/objects.js';
import { capLine, capMeeting } from './assemble/caps.js';
import type { Diagnostic, MinutesDocument, SourceFormat } from './types.js';
import { withGrammar, type Grammar } from './grammars/index.js';

export interface ParseOptions {
  /** File name for `source.name`. */
  name?: string | null;
  format?: SourceFormat;
  /** Include the normalised text (`text`) that spans point into. */
  text?: boolean;
  /** Promote warnings to errors. */
  strict?: boolean;
  /** The grammar to read the document with (`extendGrammar(defaultGrammar(), overlay)`); the package's own by default. */
  grammar?: Grammar;
}

/** Called before each stage runs; a test seam that lets a test make any stage throw (see test/fuzz.test.ts). */
export type StageHook = (stage: string) => void;

/**
 * Text (already loaded) → MinutesDocument. Never throws: bad input becomes diagnostics, and a bug in
 * any stage becomes an `internal-error` diagnostic with that stage's empty result, so one unexpected
 * document never takes a whole archive down.
 */
export function runPipeline(source: LoadedSource, bytes: Uint8Array | string, options: ParseOptions = {}, hook?: StageHook): MinutesDocument {
  return withGrammar(options.grammar, () => runStages(source, bytes, options, hook));
}

function runStages(source: LoadedSource, bytes: Uint8Array | string, options: ParseOptions, hook?: StageHook): MinutesDocument {
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const stage = <T>(name: string, run: () => T, fallback: () => T): T => guarded(name, diagnostics, hook, run, fallback);
  // A structured source (Akoma Ntoso) is its own document: no text stages to run (unless building it fails).
  const assembled = source.assemble ? stage('assemble.structured', () => source.assemble!(sha256(bytes), options), () => null) : null;
  if (assembled) return assembled;
  const norm = stage('normalize', () => normalize(source.text, source.pageStarts), () => ({ text: '', origin: new Int32Array(0), linePages: [], diagnostics: [] }));
  diagnostics.push(...norm.diagnostics);
  const allLines = stage('segment.lines', () => toLines(norm.text, norm.linePages), () => []);
  // A compilation's preface and contents are hidden from the heading and header readers (the text keeps them).
  const frontMatter = stage('segment.front-matter', () => findFrontMatter(allLines), () => null);
  const lines = maskFrontMatter(allLines, frontMatter);
  const seg = stage('segment', () => buildHeadings(lines), () => ({ headings: [], diagnostics: [] }));
  diagnostics.push(...seg.diagnostics);
  const ctx = makeContext(norm.text, lines, seg.headings, frontMatter);

  const meta = stage('extract.metadata', () => extractMetadata(ctx), () => ({ value: emptyMetadata(lines.length), diagnostics: [] }));
  // Extract first, decide the kind last: minutes with an unusual header still show their records.
  const extracted = stage<Records | null>('extract.records', () => extractRecords(ctx, meta.value), () => null);
  const kind = stage('extract.kind', () => decideKind(meta.value, recordEvidence(extracted)), () => ({ kind: 'other' as const, diagnostics: [] }));
  diagnostics.push(...kind.diagnostics);
  const isMinutes = kind.kind === 'minutes';
  if (isMinutes) diagnostics.push(...meta.diagnostics);
  if (lines.length === 0) diagnostics.push({ severity: 'error', code: 'empty-document', message: 'The document has no text.' });
  else if (seg.headings.length === 0)
    diagnostics.push({ severity: 'warning', code: 'no-headings', message: 'No numbered sections (壹、 一、 (一) 1.) were found; the agenda is empty.' });

  const records = isMinutes ? extracted : null;
  if (records) diagnostics.push(...records.diagnostics);
  const { agenda, agendaIdOf } = stage('assemble', () => buildAgenda(seg.headings, lines, records?.consumed ?? new Set(), isMinutes), () => ({ agenda: [], agendaIdOf: () => null }));

  // A last cap on one-line fields (assemble/caps.ts), before --strict reads the diagnostics.
  const title = capLine(meta.value.title, 'title', diagnostics);
  const meeting = isMinutes ? capMeeting(copyWith(meta.value.meeting, { recorder: records?.recorder ?? meta.value.meeting.recorder }), diagnostics) : null;
  const doc: MinutesDocument = {
    schema: 'minutes/1',
    source: source.ocr
      ? { name: options.name ?? null, format: source.format, sha256: sha256(bytes), pages: source.pages, ocr: source.ocr }
      : { name: options.name ?? null, format: source.format, sha256: sha256(bytes), pages: source.pages },
    kind: kind.kind,
    title,
    meeting,
    agenda,
    attendees: records?.attendees ?? [],
    // Written out, not `({ headingId, ...s }) => ({ ...s, agendaId })`: see util/objects.ts.
    speeches: (records?.speeches ?? []).map((s) => ({ id: s.id, speaker: s.speaker, text: s.text, points: s.points, rule: s.rule, span: s.span, agendaId: agendaIdOf(s.headingId) })),
    rulings: (records?.rulings ?? []).map((r) => ({ id: r.id, kind: r.kind, label: r.label, text: r.text, items: r.items, rule: r.rule, span: r.span, agendaId: agendaIdOf(r.headingId) })),
    datasets: records?.datasets ?? [],
    actions: records?.actions ?? [],
    diagnostics: options.strict ? diagnostics.map((d) => (d.severity === 'warning' ? copyWith(d, { severity: 'error' }) : d)) : diagnostics,
  };
  if (options.text) {
    doc.text = norm.text;
    const starts: [number, number][] = [];
    for (const line of lines) if (line.page !== null && (starts.length === 0 || starts[starts.length - 1]![0] !== line.page)) starts.push([line.page, line.start]);
    if (starts.length) doc.pageStarts = starts;
  }
  return doc;
}

/** Run a stage; a bug in it becomes an `internal-error` diagnostic and the stage's empty result. */
function guarded<T>(stage: string, diagnostics: Diagnostic[], hook: StageHook | undefined, run: () => T, fallback: () => T): T {
  try {
    hook?.(stage);
    return run();
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      code: 'internal-error',
      message: `The ${stage} stage failed (${(e as Error)?.message ?? String(e)}); what it finds is missing from this document. Please report it with the document.`,
    });
    return fallback();
  }
}

/** The metadata of a document whose metadata stage failed: nothing found, the whole text as body. */
function emptyMetadata(lineCount: number): MetadataResult {
  return {
    title: null,
    meeting: { agency: null, body: null, term: null, session: null, date: null, start: null, end: null, location: null, online: false, chair: null, recorder: null },
    bodyStart: lineCount,
    fieldLines: new Set(),
    attendance: null,
    signals: { header: false, chair: false, attendance: false, adjourn: false, date: false },
  };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
