import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCharacters } from '../src/normalize/characters.js';
import { convertSimplified, detectSimplified } from '../src/normalize/script.js';
import { continuesLine, displayWidth, findPageArtefacts, normalizeLines, splitLines, joint } from '../src/normalize/lines.js';
import { normalize } from '../src/normalize/index.js';
import { sampleText } from './helpers.js';

describe('normalizeCharacters', () => {
  it('maps Kangxi radicals and compatibility ideographs to unified ideographs', () => {
    // ⾧ (U+2FA7 KANGXI RADICAL LONG) and 﨟 style compatibility forms, as Word's 標楷體 export writes them.
    expect(normalizeCharacters('資電處林處⾧東亨').text).toBe('資電處林處長東亨');
    // U+F9B1 is a compatibility form of 鈴 (U+9234).
    expect(normalizeCharacters('鈴\uF9B1').text).toBe('鈴\u9234');
    expect(normalizeCharacters('⺠國 110 年').text).toBe('民國 110 年');
  });

  it('turns full-width letters and digits half-width but keeps Chinese punctuation', () => {
    const line = '時間：１１０年７月２１日（星期三）上午１０時，地點：ＡＢＣ；';
    expect(normalizeCharacters(line).text).toBe('時間：110年7月21日（星期三）上午10時，地點：ABC；');
  });

  it('reads bopomofo ㄧ as 一 between ideographs only', () => {
    // Real line of the 外交部 110 sample.
    expect(normalizeCharacters('酌情開放類似資料，以供研究單位或ㄧ般民眾應用。').text).toBe('酌情開放類似資料，以供研究單位或一般民眾應用。');
    expect(normalizeCharacters('注音ㄅㄧ').text).toBe('注音ㄅㄧ');
  });

  it('keeps an offset map back to the input when lengths change', () => {
    const input = 'a\u200bb⾧c';
    const m = normalizeCharacters(input);
    expect(m.text).toBe('ab長c');
    expect([...m.origin]).toEqual([0, 2, 3, 4, 5]);
  });
});

describe('Simplified → Traditional', () => {
  it('leaves Traditional text alone (台 and 啓 in names stay)', () => {
    const text = sampleText('mofa-2021-110-1.txt');
    expect(detectSimplified(text).simplified).toBe(false);
    expect(convertSimplified(text).mapped.text).toBe(text);
  });

  it('converts Simplified text and says so', () => {
    const simplified = '外交部110年资料开放咨询小组第1次会议会议纪录\n时间：110年7月21日上午10时\n主席：曾政务次长厚仁';
    const r = convertSimplified(simplified);
    expect(r.mapped.text).toContain('資料開放諮詢小組第1次會議會議紀錄');
    expect(r.diagnostics[0]?.code).toBe('simplified-converted');
  });
});

describe('page artefacts', () => {
  it('drops page numbers and a running header repeated on many pages', () => {
    const pages = ['外交部會議紀錄', '壹、主席致詞', '- 1 -', '外交部會議紀錄', '貳、報告事項', '第 2 頁', '外交部會議紀錄', '參、討論事項', '3/3'];
    const text = [pages.slice(0, 3), pages.slice(3, 6), pages.slice(6)].map((p) => p.join('\n')).join('\f');
    const lines = splitLines(text, []);
    const drop = findPageArtefacts(lines);
    expect(lines.filter((_, i) => !drop.has(i)).map((l) => l.text).filter(Boolean)).toEqual(['壹、主席致詞', '貳、報告事項', '參、討論事項']);
  });

  it('keeps a line that repeats as content (專題報告無意見 under every member)', () => {
    const text = sampleText('moea-2021-7-1.txt');
    expect(normalize(text).text.split('\n').filter((l) => l === '(一) 專題報告無意見。')).toHaveLength(7);
  });

  it('removes the lone-space lines and leading spaces left at page starts', () => {
    const n = normalize(sampleText('mofa-2021-110-1.txt'));
    expect(n.text).toContain('\n4. 政治大學朱教授斌妤：\n');
    expect(n.text.split('\n').every((l) => l.trim() === l && l !== '')).toBe(true);
  });
});

describe('wrapped lines', () => {
  it('joins a line wrapped by the layout, without a space between ideographs', () => {
    const n = normalize(sampleText('mofa-2021-110-1.txt'));
    expect(n.text).toContain('(一) 建議借鏡美、日、韓等國家資料開放之作法，適度開放如援外合作、外交白皮書、年度報告等資料。');
    expect(n.text).toContain('1. 公眾會 1 項：「外交部全球資訊網各國家與地區相關資訊」。');
  });

  it('keeps one space between Latin words across the joint', () => {
    expect(joint('可開放的資料 (raw', 'data)，仍需')).toBe(' ');
    expect(joint('推動', 'Open Data')).toBe('');
    const n = normalize(sampleText('mofa-2021-110-1.txt'));
    expect(n.text).toContain('可開放的資料 (raw data)，仍需向各位外聘委員請益');
  });

  it('never joins a heading, a field or a speaker to the line before', () => {
    expect(continuesLine('本部推動資料開放業務已有數年，為瞭解本部已開放資料之效益及業務推動情形，是否能掌', '2. 資電處林處長東亨：', 40)).toBe(false);
    expect(continuesLine('本部推動資料開放業務已有數年，為瞭解本部已開放資料之效益及業務推動情形，是否能掌', '林委員宜隆:', 40)).toBe(false);
    expect(continuesLine('本部推動資料開放業務已有數年，為瞭解本部已開放資料之效益及業務推動情形，是否能掌', '主席裁示：本部將參考其他先進國家', 40)).toBe(false);
  });

  it('never joins after a contents entry (leaders, page) nor onto a contents heading or a bare label', () => {
    // The council compilation's contents (test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html),
    // its entries written with dot leaders: the line after an entry is the next entry or a record's title.
    const entry = '三、議長宣誓就職典禮(105 年 10 月 5 日)……………………………… 22';
    expect(continuesLine(entry, '臺南市議會第2屆第8次臨時會第1次會議紀錄', 30)).toBe(false);
    expect(continuesLine('三、議長宣誓就職典禮(105 年 10 月 5 日)            22', '四、第二次會議紀錄', 30)).toBe(false);
    // A wide line is still joined to its wrapped rest when it ends in a number that is no page.
    expect(continuesLine('本部推動資料開放業務已有數年，為瞭解本部已開放資料之效益，統計至今共計 22', '項資料集', 30)).toBe(true);
    expect(continuesLine('臺南市議會第2屆第8次臨時會議事錄議事錄議事錄議事錄議事錄', '目　錄', 20)).toBe(false);
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt: a place, then the label 主席 alone on its line.
    expect(continuesLine('市政大樓12樓劉銘傳廳市政大樓12樓劉銘傳廳市政大樓', '主席', 20)).toBe(false);
  });

  it('does not join short lines or table cells', () => {
    expect(continuesLine('天氣風險管理開發公司 彭總經理 啟明', '政治大學公共行政學系 朱教授 斌妤', 36)).toBe(false);
    expect(continuesLine('機關', '代表', 56)).toBe(false);
  });

  it('maps a record span back to the raw text through the public normalize()', async () => {
    const api = await import('../src/index.js');
    const raw = sampleText('mofa-2021-110-1.txt');
    const doc = api.parse(raw, { text: true });
    const n = api.normalize(raw);
    expect(n.text).toBe(doc.text);
    const s = doc.speeches[1]!.span;
    expect(raw.slice(n.origin[s.start]!, n.origin[s.start]! + 3)).toBe('1. ');
  });

  it('maps every normalised offset back into the raw text', () => {
    const raw = sampleText('mofa-2016-105-4.txt');
    const n = normalize(raw);
    const i = n.text.indexOf('王委員可言');
    expect(raw.slice(n.origin[i]!, n.origin[i]! + 5)).toBe('王委員可言');
    expect(n.origin[n.text.length]).toBe(raw.length);
  });

  it('tracks the page of each line from form feeds', () => {
    const r = normalizeLines('甲、第一頁\n內容\f乙、第二頁', []);
    expect(r.linePages).toEqual([0, 0, 1]);
  });
});

describe('displayWidth and splitLines (code-unit loops)', () => {
  // The definitions they implement, written the plain way.
  const widthByCodePoint = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
  const piece = fc.constantFrom('\n', '\f', '\r', ' ', '\t', '\u3000', 'a', '出', '席', '𠀀', '\ud800', '\udc00', '１');

  it('a character from U+2E80 up is two columns; a surrogate pair is one character, a lone surrogate another', () => {
    expect(displayWidth('出席：外交部 ABC')).toBe(2 * 6 + 4);
    expect(displayWidth('𠀀a\ud800')).toBe(2 + 1 + 2);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => displayWidth(s) === widthByCodePoint(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (a) => displayWidth(a.join('')) === widthByCodePoint(a.join(''))), { numRuns: 2000 });
  });

  it('lines cover the input: each is its trimmed slice, as wide as it and its indentation, breaks at \\n and \\f, pages counted at \\f', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (a) => {
        const input = a.join('');
        const lines = splitLines(input, [0]);
        expect(lines.length).toBe(input.split(/[\n\f]/).length);
        let lineStart = 0;
        for (const l of lines) {
          expect(l.text).toBe(input.slice(l.start, l.end));
          // Its width on the page: the text with its indentation.
          expect(l.width).toBe(widthByCodePoint(input.slice(lineStart, l.end)));
          lineStart = l.newline + 1;
          expect(l.text).toBe(l.text.replace(/^[ \r]+/, '').replace(/[ \r\t]+$/, ''));
          expect(input.slice(0, l.newline).split('\f').length - 1).toBe(l.page);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
