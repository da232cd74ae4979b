import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse, parseBytes, LoadError } from '../src/index.js';
import { runPipeline } from '../src/pipeline.js';
import type { MinutesDocument, Span } from '../src/types.js';
import { ROOT, SAMPLES, sampleText } from './helpers.js';

// Bounded so npm test stays fast; FUZZ_RUNS=5000 npm test for a long run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ajv = new Ajv({ strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(ROOT + 'schema/minutes-1.schema.json', 'utf8')));

/** The properties every output must have, whatever the input. */
function checkDocument(d: MinutesDocument): void {
  const text = d.text ?? '';
  const spanOk = (s: Span) => s.start >= 0 && s.end <= text.length && s.start <= s.end && s.line >= 1;
  const spans = [...d.agenda, ...d.attendees, ...d.speeches, ...d.rulings, ...d.datasets, ...d.actions].map((r) => r.span);
  for (const s of spans) if (!spanOk(s)) throw new Error(`span out of the text: ${JSON.stringify(s)}`);
  for (const x of d.diagnostics) if (x.span && !spanOk(x.span)) throw new Error(`diagnostic span out of the text: ${x.code}`);
  for (const a of d.attendees) if (!text.slice(a.span.start, a.span.end).replace(/\s/g, '').includes(a.raw.replace(/\s/g, '').slice(0, 2))) throw new Error(`attendee span does not hold ${a.raw}`);
  for (const r of d.rulings) if (!text.slice(r.span.start, r.span.end).includes(r.label)) throw new Error(`ruling span does not hold ${r.label}`);
  if (d.diagnostics.some((x) => x.code === 'internal-error')) throw new Error(`internal error: ${d.diagnostics.find((x) => x.code === 'internal-error')!.message}`);
  if (!validate(JSON.parse(JSON.stringify(d)))) throw new Error(`schema: ${JSON.stringify(validate.errors?.[0])}`);
}

const sampleLines = SAMPLES.map((s) => sampleText(s.file).split('\n'));

/** A sample with its lines shuffled, deleted, duplicated, headings broken and widths swapped. */
const mutatedSample = fc
  .record({
    sample: fc.integer({ min: 0, max: sampleLines.length - 1 }),
    ops: fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
        fc.record({ op: fc.constant('delete' as const), i: fc.nat() }),
        fc.record({ op: fc.constant('duplicate' as const), i: fc.nat() }),
        fc.record({ op: fc.constant('break-heading' as const), i: fc.nat() }),
        fc.record({ op: fc.constant('width' as const), i: fc.nat() }),
        fc.record({ op: fc.constant('insert' as const), i: fc.nat(), s: fc.string({ unit: 'grapheme', maxLength: 30 }) }),
      ),
      { maxLength: 25 },
    ),
  })
  .map(({ sample, ops }) => {
    const lines = [...sampleLines[sample]!];
    for (const o of ops) {
      if (lines.length === 0) break;
      const i = o.i % lines.length;
      if (o.op === 'swap') {
        const j = o.j % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      } else if (o.op === 'delete') lines.splice(i, 1);
      else if (o.op === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (o.op === 'break-heading') lines[i] = lines[i]!.replace(/^(\s*)([壹貳參肆伍陸柒捌玖拾一二三四五六七八九十(（0-9]+)[、.)）]/u, '$1$2 ');
      else if (o.op === 'width') lines[i] = lines[i]!.replace(/[0-9A-Za-z:()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/[：（）]/g, (c) => ({ '：': ':', '（': '(', '）': ')' })[c]!);
      else lines.splice(i, 0, o.s);
    }
    return lines.join('\n');
  });

describe('property: parse never throws and its output holds', () => {
  it('arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => checkDocument(parse(s, { text: true }))), { numRuns: RUNS });
  });

  it('Chinese-minutes-shaped noise (markers, labels, colons, numerals)', () => {
    const piece = fc.constantFrom('壹、', '一、', '(一)', '1. ', '(1)', '主席：', '主席裁示：', '決議：', '時間：', '110 年 7 月 21 日', '上午 10 時', '林委員宜隆:', '(代理)', '(請假)', '、', '\n', '\t', '「', '」', '同意開放', '各單位提報之資料', '(12/15 前完成)', '散會', '出席人員：', '陳委員華玉(鍾副局長文正代)', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), (parts) => checkDocument(parse(parts.join(''), { text: true }))), { numRuns: RUNS * 2 });
  });

  it('mutated samples', () => {
    fc.assert(fc.property(mutatedSample, (text) => checkDocument(parse(text, { text: true }))), { numRuns: RUNS * 2 });
  });

  it('random bytes as a PDF: a coded LoadError or a document, never anything else', async () => {
    const header = new TextEncoder().encode('%PDF-1.7\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (body, withHeader) => {
        const bytes = withHeader ? new Uint8Array([...header, ...body]) : body;
        try {
          checkDocument(await parseBytes(bytes, { name: 'fuzz.pdf', format: 'pdf', text: true }));
        } catch (e) {
          if (!(e instanceof LoadError)) throw e;
          expect(e.code).toMatch(/^pdf-/);
        }
      }),
      { numRuns: Math.max(10, RUNS / 2) },
    );
  });

  it('mutated real PDFs (bytes flipped, cut)', async () => {
    const pdf = new Uint8Array(readFileSync(ROOT + 'test/fixtures/pdf/mofa-2018-107-1.pdf'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 20 }), fc.option(fc.nat()), async (flips, cut) => {
        const bytes = pdf.slice(0, cut === null ? pdf.length : Math.max(10, cut % pdf.length));
        for (const f of flips) bytes[f.at % bytes.length] = f.value;
        try {
          checkDocument(await parseBytes(bytes, { name: 'mutated.pdf', text: true }));
        } catch (e) {
          if (!(e instanceof LoadError)) throw e;
        }
      }),
      { numRuns: Math.max(10, RUNS / 3) },
    );
  });

  it('1 MB adversarial runs parse (a generous guard against a hang, not a timing test)', () => {
    for (const unit of ['(一)', '：', '1234567890', ' ', '壹、一、(一)1.(1)', '王委員可言：', '「', '第第第', '(((((']) {
      const line = unit.repeat(Math.ceil(100 / unit.length));
      const d = parse((line + '\n').repeat(Math.ceil(1_000_000 / (line.length * 3))), { text: true });
      expect(d.schema).toBe('minutes/1');
    }
    expect(parse('（'.repeat(300_000)).schema).toBe('minutes/1');
    expect(parse(' '.repeat(1_000_000) + '主席：').schema).toBe('minutes/1');
  }, 120_000);
});

describe('a stage that throws', () => {
  const STAGE_NAMES = ['normalize', 'segment.lines', 'segment.front-matter', 'segment', 'extract.metadata', 'extract.records', 'extract.kind', 'assemble'];
  const text = readFileSync(ROOT + 'samples/moea-2021-7-1.txt', 'utf8');

  it.each(STAGE_NAMES.map((s) => [s]))('%s: parse() still returns a valid document, with an internal-error naming the stage', (stage) => {
    const source = { format: 'text' as const, text, pages: null, pageStarts: [], diagnostics: [] };
    const doc = runPipeline(source, text, {}, (s) => {
      if (s === stage) throw new Error('injected');
    });
    expect(doc.schema).toBe('minutes/1');
    const errors = doc.diagnostics.filter((d) => d.code === 'internal-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(`The ${stage} stage failed (injected)`);
    expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(true);
  });

  it('any stage, any throw value (fast-check): never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGE_NAMES), fc.anything(), (stage, thrown) => {
        const source = { format: 'text' as const, text, pages: null, pageStarts: [], diagnostics: [] };
        const doc = runPipeline(source, text, {}, (s) => {
          if (s === stage) throw thrown;
        });
        return doc.diagnostics.some((d) => d.code === 'internal-error');
      }),
      { numRuns: 50 },
    );
  });
});
