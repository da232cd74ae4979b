import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseFile, toAkomaNtoso, LoadError } from '../src/index.js';
import { detectFormat, loadBytes } from '../src/load/index.js';
import { loadHtml } from '../src/load/html.js';
import { formatNumber } from '../src/load/numbering.js';
import type { MinutesDocument } from '../src/types.js';
import { ROOT, SAMPLES } from './helpers.js';

const FORMATS = ROOT + 'test/fixtures/formats/';
const CORPUS = ROOT + 'test/fixtures/corpus/';
const CLI = ROOT + 'dist/cli/main.js';
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const keyOf = (seed: string) => JSON.parse(readFileSync(`${ROOT}test/eval/keys/${seed}.json`, 'utf8')) as { source: string };

/** Overall score of each sample's output, by the project's copy of the answer-key scorer (as test/e2e.test.ts does). */
function overall(docs: Map<string, MinutesDocument>): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'twminutes-formats-'));
  for (const [source, doc] of docs) writeFileSync(join(dir, source + '.json'), JSON.stringify(doc));
  const out = execFileSync(process.execPath, [ROOT + 'test/eval/score.mjs', '--keys', ROOT + 'test/eval/keys', '--outputs', dir, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(out) as { docs: Record<string, { scores: Record<string, number> }> };
  return Object.fromEntries(Object.entries(report.docs).map(([k, d]) => [k, d.scores.overall!]));
}

async function scoresOf(variant: (stem: string) => string): Promise<Record<string, number>> {
  const docs = new Map<string, MinutesDocument>();
  for (const s of SAMPLES) docs.set(keyOf(s.seed).source, await parseFile(variant(s.file.replace(/\.txt$/, ''))));
  return overall(docs);
}

describe('every sample as published in other formats scores within 0.02 of its text', async () => {
  const base = await scoresOf((stem) => ROOT + `samples/${stem}.txt`);
  it.each(['html', 'docx', 'odt', 'doc', 'big5.txt'])('.%s', async (ext) => {
    const scores = await scoresOf((stem) => FORMATS + `${stem}.${ext}`);
    for (const [source, value] of Object.entries(base)) expect([source, Math.abs(scores[source]! - value) <= 0.02]).toEqual([source, true]);
  });

  it('records the format, and names a non-UTF-8 encoding', async () => {
    expect((await parseFile(FORMATS + 'mofa-2018-107-1.docx')).source.format).toBe('docx');
    expect((await parseFile(FORMATS + 'mofa-2018-107-1.odt')).source.format).toBe('odt');
    expect((await parseFile(FORMATS + 'mofa-2018-107-1.doc')).source.format).toBe('doc');
    const big5 = await parseFile(FORMATS + 'mofa-2018-107-1.big5.txt');
    expect(big5.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'encoding-big5' }));
    // The same minutes in GB18030 (made with Python's codec): detected from the byte statistics, read whole.
    const gb = await parseFile(FORMATS + 'mofa-2018-107-1.gb18030.txt');
    expect(gb.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'encoding-gb18030' }));
    expect(gb.title).toBe(big5.title);
    expect(gb.speeches.map((s) => s.text)).toEqual(big5.speeches.map((s) => s.text));
    const text = readFileSync(ROOT + 'samples/mofa-2018-107-1.txt', 'utf8');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const d16 = await parseBytes(utf16, { name: 'x.txt' });
    expect(d16.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'encoding-utf16' }));
    expect(d16.title).toBe(big5.title);
  });

  it('a table row comes out as one line of tab-separated cells in every format', async () => {
    for (const ext of ['html', 'docx', 'odt', 'doc']) {
      const source = await loadBytes(bytesOf(FORMATS + `mofa-2018-107-1.${ext}`), `x.${ext}`);
      expect([ext, source.text.split('\n')]).toEqual([ext, expect.arrayContaining(['機關代表委員(召集人)\t\t謝政務次長武樵', '機關代表委員\t條法司\t陳專門委員首翰(代理)', '\t國傳司\t齊副司長永強(代理)'])]);
    }
  });
});

describe('format detection', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('by magic bytes first, then by extension', () => {
    expect(detectFormat(bytesOf(ROOT + 'test/fixtures/pdf/mofa-2018-107-1.pdf'), 'minutes.txt')).toBe('pdf');
    expect(detectFormat(bytesOf(FORMATS + 'mofa-2018-107-1.docx'), 'minutes.bin')).toBe('docx');
    expect(detectFormat(bytesOf(FORMATS + 'mofa-2018-107-1.odt'), null)).toBe('odt');
    expect(detectFormat(bytesOf(FORMATS + 'mofa-2018-107-1.doc'), 'minutes')).toBe('doc');
    expect(detectFormat(bytesOf(FORMATS + 'mofa-2018-107-1.html'), 'minutes.txt')).toBe('html');
    expect(detectFormat(bytesOf(CORPUS + 'akn/2016-02-23-個資去識別化-諮詢會議.an.xml'), 'x.xml')).toBe('akn');
    expect(detectFormat(strToU8('壹、主席致詞'), 'a.md')).toBe('markdown');
    expect(detectFormat(strToU8('壹、主席致詞'), 'a.txt')).toBe('text');
  });

  it.each([
    ['book.xlsx', zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), /Excel spreadsheet/],
    ['scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /PNG image/],
    ['scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), /JPEG image/],
    ['files.zip', zip({ 'a.txt': 'x' }), /ZIP archive/],
    ['feed.xml', strToU8('<?xml version="1.0"?><rss><channel/></rss>'), /XML that is not Akoma Ntoso/],
    ['table.csv', strToU8('a,b\n1,2\n'), /CSV/],
  ])('%s is refused with unsupported-format, naming the format', async (name, bytes, what) => {
    const err = await loadBytes(bytes, name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).code).toBe('unsupported-format');
    expect((err as LoadError).message).toMatch(what);
  });

  it('--format overrides detection (an HTML page read as text keeps its tags)', async () => {
    const page = bytesOf(FORMATS + 'mofa-2018-107-1.html');
    expect((await loadBytes(page.slice(), 'a.html', { format: 'text' })).text).toContain('<p>');
    expect((await loadBytes(page.slice(), 'a.txt')).text).not.toContain('<p>');
    const r = spawnSync(process.execPath, [CLI, 'parse', FORMATS + 'mofa-2018-107-1.html', '--format', 'text'], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout).source.format).toBe('text');
    expect(spawnSync(process.execPath, [CLI, 'parse', FORMATS + 'mofa-2018-107-1.html', '--format', 'rtf'], { encoding: 'utf8' }).status).toBe(2);
  });

  it('the CLI exits 1 with one coded line for an unsupported file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twminutes-unsupported-'));
    writeFileSync(join(dir, 'scan.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const r = spawnSync(process.execPath, [CLI, 'parse', join(dir, 'scan.png')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/scan\.png: unsupported-format: This is a PNG image/)]);
  });
});

describe('HTML', () => {
  it('keeps the text by the innerText algorithm; drops scripts, styles, navigation, the page banner and footer', () => {
    const page = `<html><head><title>第 3 次會議紀錄</title><meta name="date" content="2024-05-02"><style>p{}</style><script>var x = 1;</script></head>
      <body><header>市政府首頁 | 搜尋</header><nav><a href="/">回首頁</a></nav>
      <article><header><h1>某某委員會第 3 次會議紀錄</h1></header><p>時間：113 年 5 月 2 日</p><p>主席：王主任委員</p></article>
      <footer>版權所有</footer></body></html>`;
    const source = loadHtml(page);
    expect(source.text.split('\n').filter(Boolean)).toEqual(['某某委員會第 3 次會議紀錄', '時間：113 年 5 月 2 日', '主席：王主任委員']);
    expect(source.hints).toEqual({ title: '第 3 次會議紀錄', date: '2024-05-02' });
    expect(source.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'source-hints' }));
  });

  it('tables become tab-separated rows; a row-spanning cell leaves empty cells below it', () => {
    const page = '<table><tr><th>身份</th><th>單位</th><th>出席人員</th></tr><tr><td rowspan="2">機關代表</td><td>資訊處</td><td><p>王處長</p><p>(代理)</p></td></tr><tr><td>秘書處</td><td>李科長</td></tr></table>';
    expect(loadHtml(page).text.split('\n')).toEqual(['身份\t單位\t出席人員', '機關代表\t資訊處\t王處長 (代理)', '\t秘書處\t李科長']);
  });

  it('ordered-list items get their numbers written out', () => {
    expect(loadHtml('<ol><li>報告事項</li><li><p>討論事項</p></li></ol><ol start="3" type="a"><li>甲</li></ol>').text.split('\n').filter(Boolean)).toEqual(['1. 報告事項', '2. 討論事項', 'c. 甲']);
  });

  it("the city council's 議事錄 (a PDF-to-HTML export) reads as lines: its header, its attendance grid", async () => {
    const source = await loadBytes(bytesOf(CORPUS + 'html/tainan-council-2-t8-proceedings.html'), 'proceedings.html');
    expect(source.format).toBe('html');
    expect(source.hints?.title).toBe('第2屆第8次臨時會議事錄');
    const lines = source.text.split('\n');
    expect(lines).toContain('臺南市議會第2屆第8次臨時會議員出席情形一覽表 (105/09/30~105/10/04)');
    expect(lines).toContain('時間：中華民國 105 年 9 月 30 日 10 時 50 分至 11 時 37 分 地 點：本會議事廳');
    expect(lines).toContain('主 席：郭副議長信良');
    // The attendance grid: seat, name, then a mark (○ present) per day, the weekend days empty.
    expect(lines).toContain('\t日期\t9/30\t10/1\t10/2\t10/3\t10/4');
    expect(lines).toContain('2\t郭信良\t○\t\t\t○');
    expect(lines).toContain('3\t郭秀珠\t\t\t\t○');
    expect(source.text).not.toMatch(/font-family|<p|&nbsp;/);
    // Each exported page's running header (`第8次臨時會 會議記錄 11`, `12 第8次臨時會 會議記錄`) is furniture;
    // a table-of-contents line (a title and its page, once) stays.
    expect(lines.filter((l) => /^\d+ 第8次臨時會|^第8次臨時會 \S+ \d+$/.test(l))).toEqual([]);
    expect(lines).toContain('第 1 次會議 11');
  });
});

/** A minimal .docx: paragraphs with Word automatic numbering (一、 then (一) under it), and its numbering part. */
function numberedDocx(): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (text: string, ilvl?: number) =>
    `<w:p>${ilvl === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const body = [para('報告事項'), para('上次會議決議辦理情形', 0), para('資料集開放', 1), para('資料品質', 1), para('討論事項', 0), para('開放格式', 1)].join('');
  const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'taiwaneseCountingThousand', '%1、')}${lvl(1, 'taiwaneseCountingThousand', '(%2)')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`),
  });
}

/** A minimal .odt: a list whose style draws 一、 and (一), and a table with a covered cell. */
function numberedOdt(): Uint8Array {
  const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
  const content = `<?xml version="1.0"?><office:document-content ${NS}><office:automatic-styles>
    <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/><text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="一, 二, 三, ..."/></text:list-style>
  </office:automatic-styles><office:body><office:text>
    <text:p>報告事項</text:p>
    <text:list text:style-name="L1"><text:list-item><text:p>上次會議決議辦理情形</text:p><text:list><text:list-item><text:p>資料集開放</text:p></text:list-item><text:list-item><text:p>資料<text:s text:c="2"/>品質</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>討論事項</text:p></text:list-item></text:list>
    <table:table><table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>機關代表</text:p></table:table-cell><table:table-cell><text:p>資訊處</text:p></table:table-cell></table:table-row><table:table-row><table:covered-table-cell/><table:table-cell><text:p>秘書處</text:p></table:table-cell></table:table-row></table:table>
  </office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
}

describe('Word and ODF files', () => {
  it('.docx: Word automatic numbering (一、 (一)) is written into the text', async () => {
    const source = await loadBytes(numberedDocx(), 'numbered.docx');
    expect(source.text.split('\n').filter(Boolean)).toEqual(['報告事項', '一、上次會議決議辦理情形', '(一)資料集開放', '(二)資料品質', '二、討論事項', '(一)開放格式']);
  });

  it('.odt: list numbering drawn by the list style is written into the text; a covered cell is empty', async () => {
    const source = await loadBytes(numberedOdt(), 'numbered.odt');
    expect(source.text.split('\n').filter(Boolean)).toEqual(['報告事項', '一、上次會議決議辦理情形', '(一)資料集開放', '(二)資料  品質', '二、討論事項', '機關代表\t資訊處', '\t秘書處']);
  });

  it('numbers as word processors draw them', () => {
    expect([1, 10, 11, 20, 21, 105].map((n) => formatNumber(n, 'chinese'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百零五']);
    expect([1, 11].map((n) => formatNumber(n, 'chinese-legal'))).toEqual(['壹', '拾壹']);
    expect([1, 3, 27].map((n) => formatNumber(n, 'upper-letter'))).toEqual(['A', 'C', 'AA']);
    expect(formatNumber(14, 'lower-roman')).toBe('xiv');
    expect(formatNumber(2, 'heavenly-stem')).toBe('乙');
  });
});

describe('Akoma Ntoso', () => {
  it('the SayIt transcripts parse into their speeches: kind transcript, speakers from TLCPerson', async () => {
    const vtaiwan = await parseFile(CORPUS + 'akn/2016-02-23-個資去識別化-諮詢會議.an.xml');
    expect(vtaiwan).toMatchObject({ kind: 'transcript', title: '2016-02-23 「個資去識別化」諮詢會議', source: { format: 'akn' }, meeting: { date: '2016-02-23', chair: null, location: null } });
    expect(vtaiwan.speeches).toHaveLength(167);
    expect(new Set(vtaiwan.speeches.map((s) => s.speaker.name)).size).toBe(28);
    expect(vtaiwan.speeches.filter((s) => s.speaker.name === '唐鳳')).toHaveLength(29);
    expect(vtaiwan.speeches[0]!.text).toMatch(/^大家晚安，很高興我們在這邊再一次開始了vTaiwan/);

    const council = await parseFile(CORPUS + 'akn/2015-08-19-課發會第八次會議紀錄.an.xml', { text: true });
    expect(council).toMatchObject({ kind: 'transcript', title: '8/19 課發會第八次會議紀錄', meeting: { date: null } });
    // 106 <speech>es, three of them by "業務報告"/"提案討論": section names entered as speakers, read as agenda items.
    expect(council.speeches).toHaveLength(103);
    expect(council.agenda.map((a) => a.title)).toEqual(['8/19 課發會第八次會議紀錄', '業務報告', '業務報告', '提案討論']);
    expect(council.speeches[0]!.speaker).toMatchObject({ name: '柯華葳', raw: '柯華葳' });
    for (const s of council.speeches) expect(council.text!.slice(s.span.start, s.span.end)).toContain(s.text.split('\n')[0]);
  });

  it.each(SAMPLES.map((s) => [s.file]))('round trip: export --to akn, then parse, gives back the speeches of %s', async (file) => {
    const doc = await parseFile(ROOT + 'samples/' + file);
    const xml = toAkomaNtoso(doc);
    if (xml === null) {
      expect(doc.kind).toBe('other'); // not minutes: nothing to export
      return;
    }
    const back = await parseBytes(strToU8(xml), { name: file.replace(/\.txt$/, '.xml') });
    expect(back.kind).toBe('minutes');
    expect(back.meeting?.date).toBe(doc.meeting?.date);
    expect(back.speeches.map((s) => [s.speaker.raw, s.speaker.name, s.text])).toEqual(doc.speeches.map((s) => [s.speaker.raw, s.speaker.name, s.text]));
    // Rulings come back with their kind and label (the export writes their items without numbers).
    expect(back.rulings.map((r) => [r.kind, r.label])).toEqual(doc.rulings.map((r) => [r.kind, r.label]));
    expect(back.agenda.map((a) => [a.number, a.title])).toEqual(doc.agenda.map((a) => [a.number, a.title]));
  });
});

describe('PDFs without usable text', () => {
  it('corpus 41 (fonts without Unicode maps: punctuation noise where Chinese should be) is refused with pdf-garbled-text', async () => {
    const err = await parseFile(CORPUS + 'raw/41_asroc-council-minutes_20230818.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).code).toBe('pdf-garbled-text');
  });

  it('a scan whose text layer holds only a letterhead is refused with pdf-no-text; a text page beside a scanned one is not', async () => {
    // One page: an image over the page, a letterhead line and a page number as text (made by make-scan-pdf.py).
    const err = await parseFile(FORMATS + 'scan-with-letterhead-1-page.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect(err).toMatchObject({ code: 'pdf-no-text', message: expect.stringMatching(/images \(a scan\).*OCR/) });
    // Three such pages: the repeated letterhead is page furniture, so no text is left: refused as a scan.
    await expect(parseFile(FORMATS + 'scan-with-letterhead.pdf')).rejects.toMatchObject({ code: 'pdf-no-text' });
    const mixed = await parseFile(ROOT + 'test/fixtures/pdf/scanned-page.pdf');
    expect(mixed.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'pdf-no-text' }));
  });

  it('no other corpus or sample PDF is refused as garbled', async () => {
    const pdfs = [
      ...readdirSync(CORPUS + 'raw').filter((f) => f.endsWith('.pdf') && !f.startsWith('41_')).map((f) => CORPUS + 'raw/' + f),
      ...readdirSync(ROOT + 'test/fixtures/pdf').filter((f) => f.endsWith('.pdf')).map((f) => ROOT + 'test/fixtures/pdf/' + f),
    ];
    expect(pdfs.length).toBeGreaterThan(20);
    for (const pdf of pdfs) {
      const code = await parseFile(pdf).then(() => null, (e: unknown) => (e as LoadError).code);
      expect([pdf, code]).not.toEqual([pdf, 'pdf-garbled-text']);
    }
  });
});

describe('batch over a mixed folder', () => {
  it('one line per file, errors coded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twminutes-mixed-'));
    copyFileSync(ROOT + 'test/fixtures/pdf/mofa-2018-107-1.pdf', join(dir, 'a.pdf'));
    copyFileSync(ROOT + 'samples/mofa-2018-107-1.txt', join(dir, 'b.txt'));
    copyFileSync(ROOT + 'test/fixtures/md/mofa-2018-107-1.md', join(dir, 'c.md'));
    for (const ext of ['html', 'docx', 'odt', 'doc']) copyFileSync(FORMATS + `mofa-2018-107-1.${ext}`, join(dir, `d.${ext}`));
    copyFileSync(CORPUS + 'akn/2016-02-23-個資去識別化-諮詢會議.an.xml', join(dir, 'e.xml'));
    writeFileSync(join(dir, 'f.xlsx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }));
    writeFileSync(join(dir, 'g.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const out = join(dir, 'out.jsonl');
    const r = spawnSync(process.execPath, [CLI, 'batch', dir, '-o', out, '--jobs', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind?: string; source: { name: string; format?: string }; error?: { code: string } });
    expect(Object.fromEntries(lines.map((l) => [l.source.name, l.error?.code ?? `${l.kind} ${l.source.format}`]))).toEqual({
      'a.pdf': 'minutes pdf',
      'b.txt': 'minutes text',
      'c.md': 'minutes markdown',
      'd.doc': 'minutes doc',
      'd.docx': 'minutes docx',
      'd.html': 'minutes html',
      'd.odt': 'minutes odt',
      'e.xml': 'transcript akn',
      'f.xlsx': 'unsupported-format',
      'g.png': 'unsupported-format',
    });
  });
});
