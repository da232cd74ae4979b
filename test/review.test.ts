import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewCommand } from '../src/cli/commands/review.js';
import type { CommandIO } from '../src/cli/command.js';
import { parse, parseFile, reviewHtml, reviewIndexHtml } from '../src/index.js';
import { reviewContext } from '../src/review/context.js';
import { escapeHtml, html, raw } from '../src/review/escape.js';
import { jsonlItem, pageFileName } from '../src/review/files.js';
import { renderText, segment } from '../src/review/highlight.js';
import { reviewIndexRows } from '../src/review/index-page.js';
import { collectMarks, type Mark } from '../src/review/marks.js';
import { pageBreaks } from '../src/review/pages.js';
import type { MinutesDocument } from '../src/types.js';
import { parseSample, ROOT } from './helpers.js';

const PAYLOAD = `<script>window.__pwned=1</script>&amp;"'><img src=x onerror=alert(1)>`;

/** Every string in the document (enums, ids and the text included) replaced by markup; the text keeps its length and lines. */
function hostile(doc: MinutesDocument): MinutesDocument {
  const walk = (value: unknown, key: string): unknown => {
    if (key === 'schema') return value;
    if (key === 'text' && typeof value === 'string') return [...value].map((c, i) => (c === '\n' ? c : PAYLOAD[i % PAYLOAD.length])).join('');
    if (typeof value === 'string') return PAYLOAD + value;
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(doc, '') as MinutesDocument;
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

function expectNoMarkupFrom(page: string): void {
  // Our own page has exactly one <script> element and no <img>; a document's strings add none.
  expect(count(page.toLowerCase(), '<script')).toBe(1);
  expect(page.toLowerCase()).not.toContain('<img');
  expect(page).not.toContain('__pwned=1</script>');
  expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&amp;amp;&quot;&#39;&gt;&lt;img');
}

describe('escaping', () => {
  it('html`` escapes every interpolation, in content and in attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(html`<td title="${`"' onmouseover=x`}">${'<script>'}${['&', 1, null, false]}</td>`.value).toBe(
      '<td title="&quot;&#39; onmouseover=x">&lt;script&gt;&amp;1</td>',
    );
    expect(html`${html`<b>${'<i>'}</b>`}${raw('<hr>')}`.value).toBe('<b>&lt;i&gt;</b><hr>');
  });

  it('a document with <script>, & and quotes in every field renders them as text', () => {
    for (const file of ['mofa-2021-110-1.txt', 'mofa-2016-105-4.txt', 'moea-2021-7-1.txt']) {
      const doc = hostile(parseSample(file));
      const page = reviewHtml(doc, { indexHref: PAYLOAD });
      expectNoMarkupFrom(page);
      // The text's highlights are still there, over the escaped markup.
      expect(page).toMatch(/<span class="m[^"]*" data-k="[^"]+" data-kinds="[^"]+"( data-top="[a-z]+")?>[^<]*&lt;/);
    }
  });

  it('a document parsed from text holding <script> shows it as text', () => {
    const text = [
      '外交部 110 年「<script>x</script>小組」第 1 次會議紀錄',
      '時間：110 年 7 月 21 日(星期三)上午 10 時',
      '主席：曾政務次長厚仁',
      '出席人員：林處長東亨、<b>陳委員</b>"&\'',
      '壹、討論事項',
      '1. 主席：',
      '(1) 請於 <script>alert(1)</script> & "quotes" 處理。',
      '主席裁示：同意<img src=x>。',
      '散會：上午 11 時',
    ].join('\n');
    const page = reviewHtml(parse(text, { name: 'hostile.txt', text: true }));
    expect(count(page.toLowerCase(), '<script')).toBe(1);
    expect(page.toLowerCase()).not.toContain('<img');
    expect(page).not.toContain('<b>陳委員');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('the index page escapes document strings and failures', () => {
    const doc = hostile(parseSample('mofa-2021-110-1.txt'));
    const page = reviewIndexHtml([{ doc, href: PAYLOAD }, { source: PAYLOAD, error: PAYLOAD }], { title: PAYLOAD });
    expect(count(page.toLowerCase(), '<script')).toBe(1);
    expect(page.toLowerCase()).not.toContain('<img');
    expect(page).toContain('href="&lt;script&gt;');
  });

  it('page file names cannot leave the output folder or carry markup', () => {
    const used = new Set(['index.html']);
    const names = ['../../etc/<script>.pdf', '..', 'index.pdf', 'a b.txt', 'a_b.md', '外交部 110 年.pdf', null].map((s, i) => pageFileName(s, i, used));
    expect(names).toEqual(['script_.html', 'document-2.html', 'index-doc.html', 'a_b.html', 'a_b-2.html', '外交部_110_年.html', 'document-7.html']);
    for (const n of names) expect(n).toMatch(/^[^/\\<>"'.][^/\\<>"']*\.html$/);
  });
});

const mark = (start: number, end: number, kind: Mark['kind'], key: string): Mark => ({ start, end, kind, key });

describe('highlight segmentation', () => {
  it('cuts overlapping and nested marks into flat segments covering the whole text, innermost first', () => {
    const speech = mark(2, 10, 'speech', 'speech-0');
    const label = mark(2, 4, 'speaker', 'speech-0');
    const ruling = mark(8, 14, 'ruling', 'ruling-0');
    const diag = mark(8, 14, 'diagnostic', 'diag-0');
    const segs = segment(16, [ruling, speech, label, diag]);
    expect(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.kind)])).toEqual([
      [0, 2, []],
      [2, 4, ['speaker', 'speech']],
      [4, 8, ['speech']],
      [8, 10, ['ruling', 'diagnostic', 'speech']],
      [10, 14, ['ruling', 'diagnostic']],
      [14, 16, []],
    ]);
  });

  it('drops empty and out-of-range marks, and an empty text has one empty segment', () => {
    expect(segment(5, [mark(3, 3, 'date', 'x'), mark(4, 9, 'date', 'y'), mark(-1, 2, 'date', 'z')])).toEqual([{ start: 0, end: 5, marks: [] }]);
    expect(segment(0, [])).toEqual([]);
  });

  it('renders one line per text line, anchors each record once, escapes the text, draws page breaks', () => {
    const text = 'a<b\n主席：好\n&end';
    const out = renderText(text, [mark(1, 7, 'speech', 'speech-0'), mark(4, 6, 'speaker', 'speech-0')], [
      { line: 3, page: 2, exact: false, label: 'page 2', note: 'page 2 starts between line 2 and line 3' },
    ]).value;
    expect(count(out, '<div class="l"')).toBe(3);
    expect(count(out, 'id="t-speech-0"')).toBe(1);
    expect(out).toContain('&lt;b');
    expect(out).toContain('&amp;end');
    expect(out).toContain('<div class="pb inferred" role="separator" title="page 2 starts between line 2 and line 3">page 2</div><div class="l" data-line="3">');
    // The label is coloured as the speaker, the rest of the speech as its body; both carry the speech's key.
    expect(out).toContain('data-k="speech-0" data-kinds="speaker speech" data-top="speaker">主席</span>');
    expect(out).toContain('data-k="speech-0" data-kinds="speech" data-top="speech">：</span>好</div>');
  });
});

describe('marks of a sample', () => {
  const doc = parseSample('mofa-2021-110-1.txt');
  const marks = collectMarks(reviewContext(doc));
  const at = (key: string, kind?: string) => marks.filter((m) => m.key === key && (!kind || m.kind === kind)).map((m) => doc.text!.slice(m.start, m.end));

  it('finds the speaker label on the speech line and on the heading before a section-intro speech', () => {
    expect(at('speech-1', 'speaker')).toEqual(['主席']);
    expect(at('speech-2', 'speaker')).toEqual(['資電處林處長東亨']);
    expect(at('speech-0', 'speaker')).toEqual(['新任外聘委員-天氣風險管理開發公司彭總經理啟明']);
  });

  it('marks the meeting date with its time, headings by their first line, and every record with a span', () => {
    expect(at('meeting-date')).toEqual(['110 年 7 月 21 日(星期三)上午 10 時']);
    expect(at('meeting-chair')).toEqual(['曾政務次長厚仁']);
    expect(at('agenda-1')).toEqual(['貳、新任外聘委員-天氣風險管理開發公司彭總經理啟明']);
    expect(at('dataset-1')).toEqual(['領事業務年度統計表']);
    const keys = new Set(marks.map((m) => m.key));
    for (const [list, prefix] of [[doc.attendees, 'attendee'], [doc.speeches, 'speech'], [doc.rulings, 'ruling'], [doc.datasets, 'dataset'], [doc.agenda, 'agenda']] as const)
      list.forEach((_, i) => expect(keys.has(`${prefix}-${i}`)).toBe(true));
  });

  it('a document without text gets no marks and a notice naming --text', () => {
    const { text: _, ...bare } = doc;
    expect(collectMarks(reviewContext(bare))).toEqual([]);
    const page = reviewHtml(bare);
    expect(page).toContain('No source text in this document');
    expect(page).toContain('twminutes parse --text');
    expect(page).toContain('曾厚仁');
  });

  it('a document that is not minutes shows its sections and empty record tables', () => {
    const page = reviewHtml(parseSample('moj-action-strategy.txt'));
    expect(page).toContain('not minutes');
    expect(page).toContain('data-key="agenda-0"');
    expect(page).not.toContain('data-key="speech-0"');
  });

  it('survives a hand-edited document: missing lists, bad spans, null meeting', () => {
    const broken = { ...doc, attendees: undefined, speeches: [{ ...doc.speeches[0], span: { start: 'x' } }], meeting: null, diagnostics: [null] } as unknown as MinutesDocument;
    expect(() => reviewHtml(broken)).not.toThrow();
    expect(reviewHtml(broken)).toContain('class="rec nospan" data-key="speech-0"');
  });
});

describe('page breaks', () => {
  it('puts a rule before the first line of each page, exact when the line before is on the page before', async () => {
    const doc = await parseFile(`${ROOT}test/fixtures/pdf/mofa-2021-110-1.pdf`, { text: true });
    const breaks = pageBreaks(reviewContext(doc));
    expect(breaks[0]).toMatchObject({ line: 1, page: 1, exact: true });
    expect(breaks.map((b) => b.page)).toEqual([...breaks.map((b) => b.page)].sort((a, b) => a - b));
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]!.line).toBeGreaterThan(breaks[i - 1]!.line);
    const page = reviewHtml(doc);
    expect(count(page, 'role="separator"')).toBe(breaks.length);
    // Each rule sits right before the line a record of that page starts on.
    for (const b of breaks.slice(1)) expect(page).toMatch(new RegExp(`>${b.label}</div><div class="l" data-line="${b.line}">`));
  });

  it('uses the document\'s pageStarts: every rule exact, one per page with text', async () => {
    const doc = await parseFile(`${ROOT}test/fixtures/pdf/mofa-2021-110-1.pdf`, { text: true });
    const breaks = pageBreaks(reviewContext(doc));
    expect(breaks.map((b) => b.page)).toEqual(doc.pageStarts!.map(([p]) => p));
    expect(breaks.every((b) => b.exact)).toBe(true);
    expect(reviewHtml(doc)).not.toContain('pb inferred');
    // Without pageStarts (an older output) the rules are inferred from the records' pages.
    const { pageStarts: _dropped, ...older } = doc;
    expect(pageBreaks(reviewContext(older as MinutesDocument)).length).toBeGreaterThan(1);
  });

  it('a text source has no page breaks', () => {
    expect(pageBreaks(reviewContext(parseSample('mofa-2016-105-4.txt')))).toEqual([]);
  });
});

describe('self-contained page', () => {
  it('has inline CSS and script allowed by hash, nothing fetched', () => {
    const page = reviewHtml(parseSample('mofa-2016-105-4.txt'));
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const js = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const sha = (s: string) => createHash('sha256').update(s).digest('base64');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replaceAll('&#39;', "'");
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(`style-src 'sha256-${sha(css)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha(js)}'`);
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/<link\b/);
    expect(page).toContain('<html lang="zh-Hant-TW">');
    expect(page).toContain('"Noto Sans CJK TC"');
    expect(page).toContain('name="viewport"');
  });
});

describe('index page data', () => {
  const docs = ['mofa-2021-110-1.txt', 'moea-2021-7-1.txt', 'moj-action-strategy.txt'].map((f) => parseSample(f));

  it('one row per document with the values its columns sort by; failures listed', () => {
    const rows = reviewIndexRows([...docs.map((doc, i) => ({ doc, href: `d${i}.html` })), { source: 'x.pdf', error: 'pdf-encrypted: encrypted' }]);
    expect(rows.map((r) => [r.date, r.body, r.kind, r.speeches, r.error])).toEqual([
      ['2021-07-21', '外交部 資料開放諮詢小組', 'minutes', 10, null],
      ['2021-11-30', '經濟部 政府資料開放諮詢小組', 'minutes', 7, null],
      ['', '', 'other', 0, null],
      ['', '', 'failed', 0, 'pdf-encrypted: encrypted'],
    ]);
    expect(rows[1]).toMatchObject({ actions: 6, datasets: 1, attendees: 0, warnings: 0, href: 'd1.html', hasText: true });
    const warned = { ...docs[0]!, diagnostics: [...docs[0]!.diagnostics, { severity: 'warning', code: 'x', message: 'y' }] } as MinutesDocument;
    expect(reviewIndexRows([{ doc: warned, href: 'a' }])[0]!.warnings).toBe(1);
  });

  it('the table declares how each column sorts: dates as ISO text, counts as numbers', () => {
    const page = reviewIndexHtml(docs.map((doc, i) => ({ doc, href: `d${i}.html` })));
    const headers = [...page.matchAll(/<th scope="col" data-type="(text|num)" aria-sort="none"><button type="button">([a-z]+)<\/button>/g)].map((m) => `${m[2]}:${m[1]}`);
    expect(headers).toEqual(['document:text', 'date:text', 'body:text', 'kind:text', 'attendees:num', 'speeches:num', 'rulings:num', 'datasets:num', 'actions:num', 'warnings:num', 'errors:num']);
    expect(page).toContain('<td class="nowrap">2021-11-30</td>');
    expect(page).toContain('<td class="n">6</td>');
  });
});

describe('twminutes review (command)', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CommandIO = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), isTTY: false };
    return { io, out, err };
  };
  const dir = mkdtempSync(join(tmpdir(), 'twm-review-'));

  it('one .txt to one page; without -o to stdout', async () => {
    const c = capture();
    expect(await reviewCommand.run([`${ROOT}samples/mofa-2016-105-4.txt`, '-o', join(dir, 'one.html')], c.io)).toBe(0);
    expect(readFileSync(join(dir, 'one.html'), 'utf8')).toContain('data-k="speech-0"');
    const s = capture();
    expect(await reviewCommand.run([`${ROOT}samples/moea-2021-7-1.txt`], s.io)).toBe(0);
    expect(s.out.join('\n')).toMatch(/^<!doctype html>/);
  });

  it('a .jsonl batch: one page per document, an index, failures listed, documents without text named', async () => {
    const lines = [
      JSON.stringify(parseSample('mofa-2021-110-1.txt')),
      '',
      JSON.stringify({ source: { name: 'bad.pdf', sha256: null }, error: { code: 'pdf-encrypted', message: 'The PDF is encrypted' } }),
      'not json',
      JSON.stringify({ ...parseSample('moea-2021-7-1.txt'), text: undefined }),
      JSON.stringify(parseSample('mofa-2021-110-1.txt')),
    ];
    writeFileSync(join(dir, 'out.jsonl'), lines.join('\n') + '\n');
    const c = capture();
    expect(await reviewCommand.run([join(dir, 'out.jsonl'), '-o', join(dir, 'site/')], c.io)).toBe(1);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['index.html', 'moea-2021-7-1.html', 'mofa-2021-110-1-2.html', 'mofa-2021-110-1.html']);
    expect(c.err.join('\n')).toContain('out.jsonl:5 (moea-2021-7-1.txt) has no "text"');
    expect(c.err.join('\n')).toContain('--text');
    const index = readFileSync(join(dir, 'site/index.html'), 'utf8');
    expect(index).toContain('<span lang="zh-Hant-TW">bad.pdf</span><br><span class="badge t-warn">failed</span> <span class="muted">pdf-encrypted: The PDF is encrypted</span>');
    expect(index).toContain('invalid JSON on this line');
    expect(index).toContain('href="mofa-2021-110-1-2.html"');
    expect(readFileSync(join(dir, 'site/moea-2021-7-1.html'), 'utf8')).toContain('No source text in this document');
  });

  it('jsonl lines: documents, failures, anything else', () => {
    expect(jsonlItem('{"schema":"minutes/1"}', 1, 'f')).toMatchObject({ doc: { schema: 'minutes/1' } });
    expect(jsonlItem('{"source":"a.pdf","error":"x"}', 2, 'f')).toEqual({ line: 2, source: 'a.pdf', error: 'x' });
    expect(jsonlItem('{"source":{"name":"b.pdf","sha256":null},"error":{"code":"timeout","message":"took too long"}}', 3, 'f')).toEqual({
      line: 3,
      source: 'b.pdf',
      error: 'timeout: took too long',
    });
    expect(jsonlItem('[1]', 3, 'f')).toMatchObject({ source: 'f:3', error: expect.stringContaining('not a MinutesDocument') });
  });

  it('usage and input errors', async () => {
    expect(await reviewCommand.run([], capture().io)).toBe(2);
    expect(await reviewCommand.run([join(dir, 'out.jsonl'), '-o', join(dir, 'x.html')], capture().io)).toBe(2);
    expect(await reviewCommand.run([join(dir, 'out.jsonl')], capture().io)).toBe(2);
    const missing = capture();
    expect(await reviewCommand.run(['/no/such/file.txt'], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('unreadable');
    const unwritable = capture();
    expect(await reviewCommand.run([`${ROOT}samples/moea-2021-7-1.txt`, '-o', '/no/such/dir/x.html'], unwritable.io)).toBe(1);
    expect(unwritable.err.join('')).toContain('cannot write');
  });
});
