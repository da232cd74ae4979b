import { createHash } from 'node:crypto';
import type { LoadedSource } from './load/types.js';
import { normalize } from './normalize/index.js';
import { toLines } from './segment/lines.js';
import { buildHeadings } from './segment/headings.js';
import { makeContext } from './extract/context.js';
import { extractMetadata } from './extract/metadata.js';
import { decideKind, recordEvidence } from './extract/kind.js';
import { extractRecords } from './extract/records.js';
import { buildAgenda } from './assemble/agenda.js';
import { copyWith } from './util/objects.js';
import type { Diagnostic, MinutesDocument, SourceFormat } from './types.js';

export interface ParseOptions {
  /** File name for `source.name`. */
  name?: string | null;
  format?: SourceFormat;
  /** Include the normalised text (`text`) that spans point into. */
  text?: boolean;
  /** Promote warnings to errors. */
  strict?: boolean;
}

/**
 * The stages, in order. Each is a pure function of the previous stages' output:
 * load → normalize → segment → extract (metadata, kind, records) → assemble.
 */
export const STAGES = ['load', 'normalize', 'segment', 'extract.metadata', 'extract.kind', 'extract.records', 'assemble'] as const;

/** Text (already loaded) → MinutesDocument. Never throws on bad input: problems become diagnostics. */
export function runPipeline(source: LoadedSource, bytes: Uint8Array | string, options: ParseOptions = {}): MinutesDocument {
  // A structured source (Akoma Ntoso) is its own document: no text stages to run.
  if (source.assemble) return source.assemble(sha256(bytes), options);
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const norm = normalize(source.text, source.pageStarts);
  diagnostics.push(...norm.diagnostics);
  const lines = toLines(norm.text, norm.linePages);
  const seg = buildHeadings(lines);
  diagnostics.push(...seg.diagnostics);
  const ctx = makeContext(norm.text, lines, seg.headings);

  const meta = extractMetadata(ctx);
  // Extract first, decide the kind last: minutes with an unusual header still show their records.
  const extracted = guarded('extract.records', diagnostics, () => extractRecords(ctx, meta.value), null);
  const kind = decideKind(meta.value, recordEvidence(extracted));
  diagnostics.push(...kind.diagnostics);
  const isMinutes = kind.kind === 'minutes';
  if (isMinutes) diagnostics.push(...meta.diagnostics);
  if (lines.length === 0) diagnostics.push({ severity: 'error', code: 'empty-document', message: 'The document has no text.' });
  else if (seg.headings.length === 0)
    diagnostics.push({ severity: 'warning', code: 'no-headings', message: 'No numbered sections (壹、 一、 (一) 1.) were found; the agenda is empty.' });

  const records = isMinutes ? extracted : null;
  if (records) diagnostics.push(...records.diagnostics);
  const { agenda, agendaIdOf } = buildAgenda(seg.headings, lines, records?.consumed ?? new Set(), isMinutes);

  const doc: MinutesDocument = {
    schema: 'minutes/1',
    source: { name: options.name ?? null, format: source.format, sha256: sha256(bytes), pages: source.pages },
    kind: kind.kind,
    title: meta.value.title,
    meeting: isMinutes ? copyWith(meta.value.meeting, { recorder: records?.recorder ?? meta.value.meeting.recorder }) : null,
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

/**
 * Run a stage; a bug in it becomes an `internal-error` diagnostic and the stage's empty result, so one
 * unexpected document never takes a whole archive down. (Bad input is handled inside the stages; this is
 * the net under them.)
 */
function guarded<T>(stage: string, diagnostics: Diagnostic[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      code: 'internal-error',
      message: `The ${stage} stage failed (${(e as Error).message}); its records are missing from this document. Please report it with the document.`,
    });
    return fallback;
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
