import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArchive, parseFile } from '../src/index.js';
import { correctOcrLines } from '../src/ocr/corrections.js';
import { unifyOcrNames } from '../src/ocr/names.js';
import { fillHeadingGaps } from '../src/ocr/heading-gaps.js';
import { ocrLinesToItems } from '../src/ocr/words.js';
import { itemsToRuns } from '../src/load/pdf/runs.js';
import { runsToLines } from '../src/load/pdf/items-to-lines.js';
import { hasOcrPackages, ROOT, SAMPLES } from './helpers.js';

const hasOcr = hasOcrPackages;
if (!hasOcr) console.warn('test/ocr.test.ts: the optional OCR packages are not installed; the OCR runs are skipped (the rest of the suite does not need them).');

describe('OCR confusions corrected where the grammar is sure', () => {
  it('digits read as letters inside a count or a date', () => {
    const r = correctOcrLines(['中華民國天文學會第28屆第1O次理事會議會議紀錄', '一、時間: 2O23年O8月18日 (星期五) 11:00']);
    expect(r.lines).toEqual(['中華民國天文學會第28屆第10次理事會議會議紀錄', '一、時間: 2023年08月18日 (星期五) 11:00']);
    expect(r.corrections.map((c) => [c.line, c.from, c.to])).toEqual([
      [0, '第1O次', '第10次'],
      [1, '2O23年O8月18日', '2023年08月18日'],
    ]);
  });

  it('a heading numeral read as a dash or a look-alike at the start of a line', () => {
    const r = correctOcrLines(['-、經濟部及所屬機關(構)政府資料開放行動方案報告。', '(-) 專題報告無意見。', '染、報告事項 (報告單位: 資訊中心) : 略']);
    expect(r.lines).toEqual(['一、經濟部及所屬機關(構)政府資料開放行動方案報告。', '(一) 專題報告無意見。', '柒、報告事項 (報告單位: 資訊中心) : 略']);
    expect(r.corrections).toHaveLength(3);
  });

  it('the colon after a field label at the start of a line read as a semicolon', () => {
    // Sample 003's scan as OCR reads it: 肆、出席人員：… and 捌、討論事項… (a semicolon there is not a label's).
    const r = correctOcrLines(['肆、出席人員;如出席人員簽名冊(如附件 1', '捌、討論事項(報告單位 資訊中心);略', '主席;林次長全能']);
    expect(r.lines).toEqual(['肆、出席人員:如出席人員簽名冊(如附件 1', '捌、討論事項(報告單位 資訊中心);略', '主席:林次長全能']);
    expect(r.corrections.map((c) => [c.from, c.to])).toEqual([
      ['肆、出席人員;', '肆、出席人員:'],
      ['主席;', '主席:'],
    ]);
  });

  it('leaves alone what is not sure: runs of look-alikes only, dashes inside a line, dates already right', () => {
    const lines = ['第III次會議', '本案 - 、 說明', '2023年08月18日', 'TEL +886-2-3365-2200', '- 本部政府資料開放推動情形'];
    const r = correctOcrLines(lines);
    expect(r.lines).toEqual(lines);
    expect(r.corrections).toEqual([]);
  });
});

describe('names misread by one look-alike character', () => {
  // Lines of corpus 41 as OCR reads them (the chair's 宇 read as 字, 興 as 與).
  const page = [
    '(理事)\t王祥宇 (中研院天文及天文物理研究所)',
    '江國興\t(清華大學天文所及物理系)',
    '五、主席:\t\t王祥字 (前任理事長)',
    '王祥宇,李景交,湯雅雯,曾瑋玲,張祥光,陳呻始,江國興,',
    '江國與 4 票,王祥宇 2 票,李景輝 1 票。',
    '2. 常務理事:王祥宇,曾瑋玲。',
  ];

  it('are corrected to the spelling the document uses more often, each correction reported', () => {
    const r = unifyOcrNames([page]);
    expect(r.pages[0]![2]).toBe('五、主席:\t\t王祥宇 (前任理事長)');
    expect(r.pages[0]![4]).toBe('江國興 4 票,王祥宇 2 票,李景輝 1 票。');
    expect(r.corrections.map((c) => [c.line, c.from, c.to, c.seen])).toEqual([
      [2, '王祥字', '王祥宇', 4],
      [4, '江國與', '江國興', 2],
    ]);
  });

  it('are left alone when the characters are not look-alikes, or when neither spelling is the document\'s', () => {
    // 交/輝 is a misreading too, but not of look-alikes: 李景交 stays. 王祥字 beside one 王祥宇 could be two people.
    const r = unifyOcrNames([['李景交 李景交', '李景輝'], ['王祥字', '王祥宇']]);
    expect(r.corrections).toEqual([]);
  });
});

describe('a heading numeral misread, between the numerals on either side', () => {
  // Sample 002's scan as OCR reads it: 肆、臨時動議 comes out as 孟、臨時動議; 測、反應 is a wrapped sentence.
  it('is corrected when it stands alone before a section name, between n − 1 and n + 1 of one family', () => {
    const r = fillHeadingGaps([['貳、報告事項', '二、關於函詢國發會', '參、討論事項', '測、反應 即可妥適處理'], ['孟、臨時動議', '伍、散會 中午 12 時']]);
    expect(r.pages[1]![0]).toBe('肆、臨時動議');
    expect(r.pages[0]![3]).toBe('測、反應 即可妥適處理');
    expect(r.corrections).toEqual([{ page: 1, line: 0, from: '孟、', to: '肆、' }]);
  });

  it('is left alone when the numerals around it do not leave one gap', () => {
    expect(fillHeadingGaps([['參、討論事項', '孟、臨時動議', '陸、散會']]).corrections).toEqual([]);
    expect(fillHeadingGaps([['參、討論事項', '孟、臨時動議']]).corrections).toEqual([]);
  });
});

describe('OCR word boxes become PDF-like lines', () => {
  it('words of one OCR line share its baseline; Chinese joins without spaces, a typed gap stays a space', () => {
    // 200 dpi: a 12 pt line is ~33 px high. 王祥宇 then a wide gap, then (中研院…).
    const scale = 200 / 72;
    const h = 33;
    const line = {
      y0: 1000,
      y1: 1000 + h,
      words: [
        { text: '王', x0: 300, y0: 1002, x1: 330, y1: 1031, confidence: 90 },
        { text: '祥宇', x0: 336, y0: 1001, x1: 396, y1: 1033, confidence: 90 },
        { text: '(中研院天文所)', x0: 460, y0: 1000, x1: 660, y1: 1040, confidence: 90 },
        { text: 'Taipei', x0: 700, y0: 1004, x1: 780, y1: 1030, confidence: 90 },
        { text: '10617', x0: 792, y0: 1004, x1: 860, y1: 1030, confidence: 90 },
      ],
    };
    const items = ocrLinesToItems([line], scale, 842);
    expect(new Set(items.map((i) => i.transform[5])).size).toBe(1);
    const lines = runsToLines(itemsToRuns(items));
    expect(lines.map((l) => l.text)).toEqual(['王祥宇 (中研院天文所) Taipei 10617']);
  });
});

/**
 * A line as the engine gives it for 200-dpi scans rendered at 300 dpi (40 px characters): the boxes as
 * it reported them for `亞太司 林公使 明誠` in sample 000's attendance list (太's box reaching over 司,
 * 公's over 使), and the page's ink drawn as one block per character where the characters really are.
 */
function drawnLine(chars: { text: string; at: number; word: number; box?: [number, number] }[], conf = 90) {
  const width = 1400;
  const height = 200;
  const ink = new Uint8Array(width * height);
  for (const c of chars) {
    if (c.at < 0) continue;
    const w = /[\x00-\x7f]/.test(c.text) ? 16 : 36;
    for (let y = 80; y < 117; y++) for (let x = c.at; x < c.at + w; x++) ink[y * width + x] = 1;
  }
  const words: { text: string; x0: number; y0: number; x1: number; y1: number; confidence: number; symbols: { text: string; x0: number; x1: number }[] }[] = [];
  for (const c of chars) {
    const [x0, x1] = c.box ?? [c.at, c.at + 36];
    const word = (words[c.word] ??= { text: '', x0, y0: 80, x1, y1: 117, confidence: conf, symbols: [] });
    word.text += c.text;
    word.x0 = Math.min(word.x0, x0);
    word.x1 = Math.max(word.x1, x1);
    word.symbols.push({ text: c.text, x0, x1 });
  }
  return { line: { y0: 70, y1: 130, baseline: 117, words }, mask: { ink, width, height } };
}

describe('OCR lines rebuilt from the page\'s ink', () => {
  const scale = 300 / 72;
  const text = (d: ReturnType<typeof drawnLine>) => runsToLines(itemsToRuns(ocrLinesToItems([d.line], scale, 842, d.mask))).map((l) => l.text);

  it('a typed space is a blank in the ink, wherever the engine put its boxes', () => {
    const d = drawnLine([
      { text: '亞', at: 239, word: 0, box: [239, 276] },
      { text: '太', at: 281, word: 0, box: [281, 357] },
      { text: '司', at: 323, word: 1, box: [340, 370] },
      { text: '林', at: 396, word: 2, box: [396, 423] },
      { text: '公', at: 438, word: 3, box: [426, 480] },
      { text: '使', at: 480, word: 3, box: [479, 506] },
      { text: '明', at: 542, word: 4, box: [542, 566] },
      { text: '誠', at: 584, word: 5, box: [572, 611] },
    ]);
    expect(text(d)).toEqual(['亞太司 林公使 明誠']);
    // The engine's boxes alone (no pixels): its own gaps decide, and the line comes out otherwise.
    expect(runsToLines(itemsToRuns(ocrLinesToItems([d.line], scale, 842))).map((l) => l.text)).not.toEqual(['亞太司 林公使 明誠']);
  });

  it('no space beside punctuation read half-width where a full-width mark was printed; a mark read on blank paper is dropped', () => {
    const d = drawnLine(
      [
        { text: '時', at: 239, word: 0 },
        { text: '間', at: 281, word: 0 },
        { text: ':', at: 330, word: 1 },
        { text: '1', at: 365, word: 2 },
        { text: '1', at: 385, word: 2 },
        { text: '0', at: 405, word: 2 },
        { text: '年', at: 450, word: 3 },
        { text: '”', at: -1, word: 4, box: [560, 575] },
        { text: '王', at: 700, word: 5 },
      ],
      40,
    );
    expect(text(d)).toEqual(['時間:110 年 王']);
  });
});

/** Score outputs with the samples' keys (test/eval). */
function score(outputs: Map<string, unknown>): { docs: Record<string, { scores: Record<string, number>; misses: string[] }>; mean: Record<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'twminutes-ocr-score-'));
  for (const [source, doc] of outputs) writeFileSync(join(dir, source + '.json'), JSON.stringify(doc));
  return JSON.parse(execFileSync(process.execPath, [ROOT + 'test/eval/score.mjs', '--keys', ROOT + 'test/eval/keys', '--outputs', dir, '--json'], { encoding: 'utf8' }));
}

describe.skipIf(!hasOcr)('OCR of scanned minutes (tesseract.js, Traditional Chinese)', () => {
  it('the five samples rasterised at 200 dpi score core ≥ 0.90 against their keys, read in batch workers', { timeout: 900_000 }, async () => {
    const keyOf = (seed: string) => (JSON.parse(readFileSync(`${ROOT}test/eval/keys/${seed}.json`, 'utf8')) as { source: string }).source;
    const inputs = SAMPLES.map((s) => ({ path: `${ROOT}test/fixtures/ocr/${s.file.replace(/\.txt$/, '')}-scan200.pdf`, name: keyOf(s.seed) }));
    const outputs = new Map<string, unknown>();
    for await (const r of parseArchive(inputs, { concurrency: 2, timeoutMs: 600_000, parse: { ocr: 'auto' } })) {
      expect([r.input.name, r.ok]).toEqual([r.input.name, true]);
      if (r.ok) {
        expect(r.document.source.ocr?.pages.length).toBeGreaterThan(0);
        expect(r.document.diagnostics.some((d) => d.code === 'ocr-page' || d.code === 'ocr-low-confidence')).toBe(true);
        outputs.set(r.input.name!, r.document);
      }
    }
    const report = score(outputs);
    // 0.969 measured (per sample 0.958, 0.977, 0.911, 1.000, 1.000; 0.959 before unsure pieces were read
    // again enlarged, which brought 王可言, 許芬娟, 蕭乃沂 …). Still lost: names the engine misreads the
    // same way enlarged (朱斌妤 → 朱開好, 陳詠韶 → 陳詠詔), and sample 002's chair, whose 主席 line is read
    // with its name garbled.
    expect(report.mean.core).toBeGreaterThanOrEqual(0.9);
    // Sample 002 is set without leading: the engine takes some pairs of rows for one line. Read again row by
    // row, its 出席人員 and 記錄 lines and its 參、討論事項 heading are there.
    const s002 = outputs.get(keyOf('002_821c528ef8246df7')) as { meeting: { recorder: { name: string } | null }; agenda: { number: string; kind: string }[] };
    expect(s002.meeting.recorder?.name).toBe('王世任');
    expect(s002.agenda.map((a) => [a.number, a.kind])).toContainEqual(['參', 'discussion']);
    // Its 肆、臨時動議 is read 孟、臨時動議: between 參 and 伍, before a section's name, it is 肆.
    expect(s002.agenda.map((a) => [a.number, a.kind])).toContainEqual(['肆', 'extempore-motions']);
  });

  it('runs with networking disabled: fetch, DNS and sockets throw in the process that reads the scan', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'twminutes-offline-'));
    const guard = join(dir, 'no-network.mjs');
    writeFileSync(
      guard,
      [
        "import dns from 'node:dns'; import net from 'node:net'; import http from 'node:http'; import https from 'node:https';",
        "const no = (what) => () => { throw new Error('network used: ' + what); };",
        "globalThis.fetch = no('fetch'); dns.lookup = no('dns.lookup'); dns.resolve = no('dns.resolve'); dns.promises.lookup = no('dns.promises.lookup');",
        "net.connect = no('net.connect'); net.createConnection = no('net.createConnection'); http.request = no('http.request'); https.request = no('https.request'); http.get = no('http.get'); https.get = no('https.get');",
      ].join('\n'),
    );
    const script = join(dir, 'read.mjs');
    writeFileSync(
      script,
      `import { parseFile } from ${JSON.stringify(ROOT + 'dist/index.js')};\nconst d = await parseFile(${JSON.stringify(ROOT + 'test/fixtures/ocr/one-page-scan200.pdf')}, { ocr: 'auto' });\nconsole.log(JSON.stringify({ title: d.title, ocr: d.source.ocr }));\n`,
    );
    // The worker thread tesseract.js starts inherits the guard through --import as well.
    const r = spawnSync(process.execPath, ['--import', guard, script], { cwd: dir, encoding: 'utf8', timeout: 280_000, env: Object.assign({}, process.env, { NODE_OPTIONS: `--import=${guard}` }) });
    expect(r.stderr).not.toContain('network used');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { title: string; ocr: { pages: { page: number }[] } };
    expect(out.title!).toContain('外交部');
    expect(out.ocr.pages).toEqual([expect.objectContaining({ page: 1 })]);
  });
});

describe.skipIf(!hasOcr)('corpus 41: a PDF whose fonts have no Unicode map, read by OCR', () => {
  const file = ROOT + 'test/fixtures/corpus/raw/41_asroc-council-minutes_20230818.pdf';
  // As its two pages show them (read by eye from the pages rendered): the 理事 and 監事 of 三、出席人員姓名,
  // then 四、列席人員. Name, the group it is listed under (or the title printed after it), status.
  const printed: [string, string, string][] = [
    ['王祥宇', '理事', 'present'],
    ['李景輝', '理事', 'present'],
    ['湯雅雯', '理事', 'present'],
    ['曾瑋玲', '理事', 'present'],
    ['江國興', '理事', 'present'],
    ['陳惠茹', '理事', 'present'],
    ['張祥光', '理事', 'on-leave'],
    ['潘彥丞', '理事', 'present'],
    ['郭政育', '理事', 'on-leave'],
    ['呂聖元', '監事', 'present'],
    ['秦一男', '監事', 'present'],
    ['賴詩萍', '監事', 'on-leave'],
    ['汪仁鴻', '前任秘書長', 'present'],
  ];

  it('without OCR it is refused as garbled text', async () => {
    const err = await parseFile(file).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('pdf-garbled-text');
  });

  it('with OCR: the title, date, chair and attendees its pages show', { timeout: 300_000 }, async () => {
    const doc = await parseFile(file, { ocr: 'auto' });
    // Page 2's English titles decode, its Chinese does not: the document's text is noise as a whole, so both pages are read.
    expect(doc.source.ocr?.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(doc.kind).toBe('minutes');
    expect(doc.title).toBe('中華民國天文學會 第 28 屆第 1 次理事會議 會議紀錄');
    expect(doc.meeting?.date).toBe('2023-08-18');
    expect(doc.meeting?.start).toBe('2023-08-18T11:00:00+08:00');
    expect(doc.meeting?.location).toBe('中研院天文所(沾美餐廳)');
    // The 主席 line reads 王祥字; the name grammar's look-alikes (宇/字) and the four other 王祥宇 of the pages correct it, with a diagnostic.
    expect(doc.meeting?.chair?.name).toBe('王祥宇');
    expect(doc.diagnostics.some((d) => d.code === 'ocr-corrected' && d.message.includes('"王祥字", corrected to "王祥宇"'))).toBe(true);
    expect(doc.attendees.map((a) => [[...(a.name ?? '')][0], a.title, a.status])).toEqual(printed.map(([name, title, status]) => [[...name][0], title, status]));
    expect(doc.attendees.at(-1)?.role).toBe('observer');
    // Read at the page's resolution, four given names come out misread with a low confidence (輝 → 交,
    // 茹 → 始, 丞 → 孖, 萍 → 菠). Each is read again enlarged 1.5, 2 and 3 times; the readings agree on the
    // printed character and are sure of it, so every name is as printed, each change with a diagnostic.
    expect(doc.attendees.map((a) => [a.name, a.title, a.status])).toEqual(printed);
    for (const [from, to] of [['李景交', '李景輝'], ['陳惠始', '陳惠茹'], ['潘彥孖', '潘彥丞']])
      expect(doc.diagnostics.some((d) => d.code === 'ocr-corrected' && d.message.includes(`read "${from}", read again enlarged as one word: "${to}"`))).toBe(true);
    // The vote keeps a right reading the enlarged ones are unsure of: 李景輝 of 李景輝 1 票 (輝 at 7, read again 交 at 0).
    expect(doc.diagnostics.filter((d) => d.code === 'ocr-corrected' && d.message.includes('read "票,李景輝"'))).toEqual([]);
    expect(doc.diagnostics.some((d) => d.code === 'ocr-corrected' && d.message.includes('read "賴詩菠", read again enlarged as one word: "賴詩萍"'))).toBe(true);
  });
});

describe.skipIf(!hasOcr)('OCR from the command line', () => {
  it('parse --ocr reads a scanned page (and says so in source.ocr); without --ocr it is not read', { timeout: 300_000 }, () => {
    const cli = (args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'parse', ROOT + 'test/fixtures/ocr/one-page-scan200.pdf', ...args], { encoding: 'utf8', timeout: 280_000 });
    const read = cli(['--ocr']);
    expect(read.status).toBe(0);
    const doc = JSON.parse(read.stdout) as { kind: string; source: { ocr?: { pages: { page: number; confidence: number }[] } }; meeting: { date: string | null } | null };
    expect(doc.source.ocr?.pages.map((p) => p.page)).toEqual([1]);
    expect(doc.kind).toBe('minutes');
    expect(doc.meeting?.date).toBe('2018-06-22');
    const unread = cli([]);
    expect((JSON.parse(unread.stdout || '{}') as { source?: { ocr?: unknown } }).source?.ocr).toBeUndefined();
  });
});

describe('OCR without its optional packages', () => {
  it('says which packages to install, with a coded error, instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twminutes-no-ocr-'));
    // A resolve hook that makes the OCR engine's package missing, as in an install without optional packages.
    const hook = join(dir, 'hide.mjs');
    writeFileSync(hook, "export async function resolve(spec, ctx, next) { if (spec === 'tesseract.js') throw Object.assign(new Error(\"Cannot find package 'tesseract.js'\"), { code: 'ERR_MODULE_NOT_FOUND' }); return next(spec, ctx); }\n");
    const reg = join(dir, 'register.mjs');
    writeFileSync(reg, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hook)});\n`);
    const script = join(dir, 'read.mjs');
    writeFileSync(
      script,
      `import { parseFile } from ${JSON.stringify(ROOT + 'dist/index.js')};\ntry { await parseFile(${JSON.stringify(ROOT + 'test/fixtures/ocr/one-page-scan200.pdf')}, { ocr: 'auto' }); console.log('parsed'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }\n`,
    );
    const r = spawnSync(process.execPath, ['--import', reg, script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(r.stdout) as { code: string; message: string };
    expect(out.code).toBe('ocr-unavailable');
    expect(out.message).toContain('npm install tesseract.js@7.0.0 @tesseract.js-data/chi_tra@1.0.0');
  });
});
