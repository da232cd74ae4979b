import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseFile } from '../src/index.js';
import { ROOT, SAMPLES, parseSample, spanText } from './helpers.js';

interface Report {
  docs: Record<string, { scores: Record<string, number>; misses: string[] }>;
  mean: Record<string, number>;
}

/** Score outputs with the project's copy of the answer-key scorer (test/eval/score.mjs, unchanged from the keys' authors). */
function score(outputs: Map<string, unknown>): Report {
  const dir = mkdtempSync(join(tmpdir(), 'twminutes-score-'));
  for (const [source, doc] of outputs) writeFileSync(join(dir, source + '.json'), JSON.stringify(doc));
  const out = execFileSync(process.execPath, [ROOT + 'test/eval/score.mjs', '--keys', ROOT + 'test/eval/keys', '--outputs', dir, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as Report;
}

const keyOf = (seed: string) => JSON.parse(readFileSync(`${ROOT}test/eval/keys/${seed}.json`, 'utf8')) as { source: string };

describe('every sample against its answer key', () => {
  const outputs = new Map(SAMPLES.map((s) => [keyOf(s.seed).source, parseSample(s.file)]));
  const report = score(outputs);

  it.each(SAMPLES.map((s) => [s.file, keyOf(s.seed).source]))('%s: kind, meeting and agenda exact', (_file, source) => {
    const s = report.docs[source]!.scores;
    expect({ kind: s.kind, meeting: s.meeting, agenda: s.agenda, misses: report.docs[source]!.misses }).toEqual({ kind: 1, meeting: 1, agenda: 1, misses: expect.any(Array) });
  });

  it('every field group of every sample is exact (the misses are listed when one is not)', () => {
    for (const [source, d] of Object.entries(report.docs)) expect({ source, overall: d.scores.overall, misses: d.misses }).toEqual({ source, overall: 1, misses: [] });
  });

  // Explicit guards a blind key update cannot break.
  it('guards: start times, chairs, acting chairs', () => {
    const d110 = outputs.get('000_6607597d2438ce55.txt') as ReturnType<typeof parseSample>;
    expect(d110.meeting?.start).toBe('2021-07-21T10:00:00+08:00');
    const moea = outputs.get('003_1246f20dfd58f62a.txt') as ReturnType<typeof parseSample>;
    expect(moea.meeting?.chair).toMatchObject({ name: '林聰仁', actingFor: { name: '林全能' } });
    const d105 = outputs.get('002_821c528ef8246df7.txt') as ReturnType<typeof parseSample>;
    expect(d105.meeting?.chair).toMatchObject({ name: '李自正', actingFor: { name: '李澄然' } });
  });

  it.each(SAMPLES.map((s) => [s.file]))('%s: every span lies in the text and holds its record', (file) => {
    const d = parseSample(file);
    const text = d.text!;
    const inside = (sp: { start: number; end: number; line: number }) => sp.start >= 0 && sp.end <= text.length && sp.start <= sp.end && sp.line >= 1;
    for (const a of d.agenda) expect(inside(a.span)).toBe(true);
    for (const a of d.attendees) expect(spanText(d, a.span).replace(/\s+/g, '')).toContain((a.raw ?? '').replace(/\s+/g, ''));
    for (const s of d.speeches) {
      expect(inside(s.span)).toBe(true);
      expect(spanText(d, s.span).replace(/\s+/g, '')).toContain(s.text.replace(/\s+/g, '').slice(0, 20));
    }
    for (const r of d.rulings) expect(spanText(d, r.span)).toContain(r.label);
    for (const ds of d.datasets) if (ds.scope === 'named' && ds.rule !== 'datasets.ruling-named') expect(spanText(d, ds.span)).toContain(ds.name!.slice(0, 4));
    for (const x of d.diagnostics) if (x.span) expect(inside(x.span)).toBe(true);
  });
});

describe('PDF and Markdown renderings score like their text', () => {
  const pdfs = new Map<string, unknown>();
  it('every sample PDF scores within 0.02 of its text', async () => {
    for (const s of SAMPLES) pdfs.set(keyOf(s.seed).source, await parseFile(`${ROOT}test/fixtures/pdf/${s.file.replace(/\.txt$/, '.pdf')}`));
    const pdfReport = score(pdfs);
    const textReport = score(new Map(SAMPLES.map((s) => [keyOf(s.seed).source, parseSample(s.file)])));
    for (const source of Object.keys(textReport.docs)) {
      expect([source, pdfReport.docs[source]!.scores.overall! >= textReport.docs[source]!.scores.overall! - 0.02]).toEqual([source, true]);
    }
  });

  it('with text, a PDF gives where each page starts; plain text has no pages', async () => {
    const pdf = await parseFile(`${ROOT}test/fixtures/pdf/mofa-2021-110-1.pdf`, { text: true });
    const starts = pdf.pageStarts!;
    expect(starts[0]).toEqual([1, 0]);
    expect(starts.map(([p]) => p)).toEqual([...starts.map(([p]) => p)].sort((a, b) => a - b));
    for (const [, offset] of starts) expect(offset === 0 || pdf.text![offset - 1] === '\n').toBe(true);
    // Every record reports the page its start lies on, as pageStarts says (the last start at or before it).
    const pageAt = (offset: number) => [...starts].reverse().find(([, o]) => o <= offset)![0];
    const records = [...pdf.speeches, ...pdf.rulings, ...pdf.attendees];
    expect(records.length).toBeGreaterThan(10);
    expect(new Set(records.map((r) => r.span.page)).size).toBeGreaterThan(1);
    for (const r of records) expect([r.span.start, r.span.page]).toEqual([r.span.start, pageAt(r.span.start)]);
    expect(parseSample('mofa-2021-110-1.txt').pageStarts).toBeUndefined();
  });

  it('the PDF attendance table yields the same attendees as the text', async () => {
    const pdf = await parseFile(`${ROOT}test/fixtures/pdf/mofa-2021-110-1-attendance-table.pdf`);
    const text = parseSample('mofa-2021-110-1.txt');
    const view = (d: typeof text) => d.attendees.map((a) => [a.name, a.title, a.org, a.role, a.status]);
    expect(view(pdf)).toEqual(view(text));
    expect(pdf.attendees.every((a) => a.span.page !== null)).toBe(true);
  });

  it('the Markdown rendering of a sample parses like its text', async () => {
    const md = await parseFile(`${ROOT}test/fixtures/md/mofa-2018-107-1.md`);
    const text = parseSample('mofa-2018-107-1.txt');
    expect(md.source.format).toBe('markdown');
    expect(md.meeting).toEqual(text.meeting);
    expect(md.attendees.map((a) => a.name)).toEqual(text.attendees.map((a) => a.name));
    expect(md.speeches.map((s) => s.speaker.name)).toEqual(text.speeches.map((s) => s.speaker.name));
    expect(md.rulings.map((r) => r.items.length)).toEqual(text.rulings.map((r) => r.items.length));
  });
});

describe('parseBytes', () => {
  it('takes a Node Buffer as read from disk (pdf.js itself refuses one), and leaves it intact', async () => {
    const buf = readFileSync(`${ROOT}test/fixtures/pdf/moea-2021-7-1.pdf`);
    const before = Buffer.from(buf);
    const doc = await parseBytes(buf, { name: 'moea-2021-7-1.pdf' });
    expect(doc.source.format).toBe('pdf');
    expect(doc.meeting?.date).toBe('2021-11-30');
    expect(buf.equals(before)).toBe(true);
  });
});
