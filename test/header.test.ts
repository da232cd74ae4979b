// The meeting header as real minutes write it (issue 14). Every line below is copied from a document in
// test/fixtures/corpus/raw/ (the number in each test names it), except where a test says it is built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parseRocDate, parseClockTimes } from '../src/extract/datetime.js';
import { findFields } from '../src/extract/fields.js';
import { nameParts } from '../src/extract/metadata.js';
import { parseChairOrRecorder } from '../src/extract/presiding.js';
import { mergeStutter, titleScore } from '../src/extract/title.js';
import { defaultGrammar, extendGrammar, withGrammar, type GrammarOverlay } from '../src/grammars/index.js';
import { corpusFile, ROOT } from './helpers.js';

const CORPUS = ROOT + 'test/fixtures/corpus/raw/';
const corpus = (name: string) => parse(readFileSync(CORPUS + name, 'utf8'), { name });
const hhmm = (iso: string | null | undefined) => (iso ? iso.slice(11, 16) : null);

describe('the title is the line that names the meeting, not the line on top', () => {
  it('01: a website\'s 跳到主要內容區塊 and the 發文機關 block are furniture', () => {
    const d = corpus('01_taipei-citygov-2151-20210720-videoconf.txt');
    expect(d.title).toBe('臺北市政府第2151次市政會議');
    expect(d.meeting).toMatchObject({ agency: '臺北市政府', body: '市政會議', session: 2151, date: '2021-07-20', location: '視訊會議', online: true });
    expect(hhmm(d.meeting!.start)).toBe('09:00');
    expect(d.meeting!.chair?.name).toBe('柯文哲');
    expect(d.meeting!.recorder?.name).toBe('陳慧玲');
  });

  it('07: bullets of share links before the title; the title stands after the bulleted fields', () => {
    const d = corpus('07_ntpc-citygov-0387-20180619.txt');
    expect(d.kind).toBe('minutes');
    expect(d.title).toBe('新北市政府387次市政會議紀錄');
    expect(d.meeting).toMatchObject({ agency: '新北市政府', body: '市政會議', session: 387, date: '2018-06-19', location: '本府18樓市政會議室', chair: null });
    expect(hhmm(d.meeting!.start)).toBe('08:30');
  });

  it('09: a slide host\'s banner is furniture; OCR-spaced counts and years (第 1 6 次, 1 0 1 年)', () => {
    const d = corpus('09_tainan-pwb-bureau-16-20120524.txt');
    expect(d.title).toBe('臺南市政府工務局第 16 次局務會議紀錄');
    expect(d.meeting).toMatchObject({ agency: '臺南市政府工務局', body: '局務會議', session: 16, date: '2012-05-24' });
    expect(hhmm(d.meeting!.start)).toBe('16:30');
    expect(d.meeting!.chair).toMatchObject({ name: '吳宗榮', title: '局長' });
  });

  it('60: a page counter (第 1/2 頁) is not part of the title; a council title has session and sitting', () => {
    const d = corpus('60_ntp-council-2-t13-4.txt');
    expect(d.title).toBe('新北市議會第 2 屆第 13 次臨時會第 4 次會議摘要紀錄');
    expect(d.meeting).toMatchObject({ agency: '新北市議會', body: '臨時會', term: 2, session: 13, sitting: 4, date: '2017-03-17' });
    expect([hhmm(d.meeting!.start), hhmm(d.meeting!.end)]).toEqual(['15:09', '17:33']);
    expect(d.meeting!.chair).toMatchObject({ name: '陳文治', title: '副議長' });
    expect(d.meeting!.recorder?.name).toBe('王博鈺');
  });

  it('a society\'s letterhead (name, English name, address) above the title is furniture (built from 39\'s lines)', () => {
    const text = [
      '中華民國天文學會',
      'Astronomical Society of the Republic of China',
      '台北市 10617 羅斯福路四段 1 號天文數學館 11 樓',
      '11F of Astronomy-Mathematics Building, No.1, Sec. 4,',
      '中華民國天文學會 第 26 屆第 7 次理監事會議 會議紀錄',
      '一、時 間：2018 年 8 月 16 日 (星期四) 16：00',
      '二、地 點：台北市羅斯福路四段 1 號天文數學館 11 樓 ( 1108 室)',
      '四、列席人員\t\t汪仁鴻 （秘書長）',
      '五、主席：\t\t朱有花',
      '壹、報告事項：',
      '2018 年年會結案報告：',
    ].join('\n');
    const d = parse(text);
    expect(d.title).toBe('中華民國天文學會 第 26 屆第 7 次理監事會議 會議紀錄');
    expect(d.meeting).toMatchObject({ agency: '中華民國天文學會', body: '理監事會議', term: 26, session: 7, date: '2018-08-16' });
    expect(d.meeting!.chair?.name).toBe('朱有花');
  });

  it('18: a system banner (議事錄系統) is left out; a speech after the title is the body, not a chair field', () => {
    const d = corpus('18_ntp-council-record-20200828-speeches.txt');
    expect(d.title).toBe('第3屆第6次臨時會109年08月28日會議紀錄');
    expect(d.meeting).toMatchObject({ body: '臨時會', term: 3, session: 6, date: '2020-08-28', chair: null });
  });

  it('31: the title is given as a 會議名稱 table cell', () => {
    const d = parse('會議名稱\t中國天文學會90年會員大會\t開會時間\t90年5月19日AM9:\t00～PM\t3:00\n開會地點\t淡江大學S104會議室\t主 席\t高仲明\t記錄\n淡江大學理\t學院院長致詞：\n');
    expect(d.title).toBe('中國天文學會90年會員大會');
    expect(d.meeting).toMatchObject({ agency: '中國天文學會', body: '會員大會', date: '2001-05-19', location: '淡江大學S104會議室', recorder: null });
    expect([hhmm(d.meeting!.start), hhmm(d.meeting!.end)]).toEqual(['09:00', '15:00']);
    expect(d.meeting!.chair?.name).toBe('高仲明');
  });

  it('scores a title by what it names', () => {
    expect(titleScore('跳到主要內容區塊').score).toBe(0);
    expect(titleScore('Roosevelt Rd, Taipei 10617, Taiwan').score).toBe(0);
    expect(titleScore('臺北市政府第2151次市政會議').namesMeeting).toBe(true);
    expect(titleScore('1.1參與人數總計為111人；會員部份編號至500多號').score).toBe(0);
  });
});

describe('a header nested in the record, several meetings in one file', () => {
  it('15: an earlier meeting\'s 議事錄 read out in the record does not override the header', () => {
    const d = corpus('15_ly-judiciary-gazette-20160502.txt');
    expect(d.meeting).toMatchObject({ agency: '立法院', term: 9, session: 20, period: 1, date: '2016-05-02', location: '本院紅樓302會議室' });
    expect([hhmm(d.meeting!.start), hhmm(d.meeting!.end)]).toEqual(['14:30', '17:56']);
    expect(d.meeting!.chair).toMatchObject({ name: '段宜康', title: '委員' });
    expect(d.diagnostics.some((x) => x.code === 'several-meetings')).toBe(false);
  });

  it('62: a 議事錄 chapter of eight sittings: the first header, and a several-meetings diagnostic', () => {
    const d = corpus('62_tyc-council-1-t12-13.txt');
    expect(d.title).toBe('第 1 屆第 12 次臨時會 預備會議 會議紀錄');
    expect(d.meeting).toMatchObject({ term: 1, session: 12, date: '2016-08-25', location: '本會議事堂' });
    expect([hhmm(d.meeting!.start), hhmm(d.meeting!.end)]).toEqual(['11:21', '11:35']);
    expect(d.meeting!.chair).toMatchObject({ name: '邱奕勝', title: '議長' });
    expect(d.meeting!.recorder?.name).toBe('邱碧娥');
    const several = d.diagnostics.find((x) => x.code === 'several-meetings');
    expect(several?.severity).toBe('info');
    expect(several?.message).toContain('8 meetings');
    expect(several?.message).toContain('第 1 屆第 13 次臨時會 第 7 次會議 會議紀錄');
  });

  it('merges a heading drawn several times over (62)', () => {
    expect(mergeStutter(['※', '※', '※', '※第', '第', '第', '第 1', '1 屆第', '屆第', '屆第', '屆第 12', '12 次臨時會', '次臨時會', '次臨時會', '次臨時會', '預備會議 會議紀錄'])).toBe(
      '※第 1 屆第 12 次臨時會 預備會議 會議紀錄',
    );
  });
});

describe('fields in every form', () => {
  const fields = (line: string) => findFields(line).map((h) => [h.field, h.value]);
  it.each([
    ['07 bulleted', '• 會議時間:2018-06-19  08:30', [['time', '2018-06-19  08:30']]],
    ['37 a tab inside the label', '時\t間：2013年9月14日 (星期六) 14：00', [['time', '2013年9月14日 (星期六) 14：00']]],
    ['15 no colon, letter-spaced', '主  席 段委員宜康', [['chair', '段委員宜康']]],
    ['15 a title glued before a letter-spaced label', '立法院第9屆第1會期司法及法制委員會第20次全體委員會議紀錄時  間 中華民國105年5月2日(星期一)14時30分至17時56分', [['time', '中華民國105年5月2日(星期一)14時30分至17時56分']]],
    ['36 two fields after one space', '主 席：管一政 記錄：劉姵汝', [['chair', '管一政'], ['recorder', '劉姵汝']]],
    ['20 one combined 日期及時間', '日期及時間： 94年6月18日上午10:00', [['time', '94年6月18日上午10:00']]],
    ['09 會議主持人', '會議主持人:吳 局長宗榮', [['chair', '吳 局長宗榮']]],
    ['11 彙整 as recorder', '主席：陳兼副主任委員永仁           彙整：蔡昇晃', [['chair', '陳兼副主任委員永仁'], ['recorder', '蔡昇晃']]],
    ['01 a label alone on its line', '開會日期', [['time', '']]],
    ['05 a label glued at the end of a flattened line', '臺北市市政大樓市長簡報室(十二樓)主席', [['chair', '']]],
    ['20 與會人員 is attendance', '與會人員：前任理事長－葉永烜(高仲明代)', [['attendance', '前任理事長－葉永烜(高仲明代)']]],
    ['07 本府出席人員', '本府出席人員:', [['attendance', '']]],
    ['60 散會', '散會：17 時 33 分', [['adjourn', '17 時 33 分']]],
  ])('%s', (_what, line, expected) => expect(fields(line)).toEqual(expected));

  it.each([
    ['會議主持：王小明', [['chair', '王小明']]],
    ['主持者：王小明', [['chair', '王小明']]],
    ['紀錄者：林小華', [['recorder', '林小華']]],
    ['記錄員：林小華', [['recorder', '林小華']]],
    ['記錄整理：林小華', [['recorder', '林小華']]],
    ['實到人員：陳大華、林志遠', [['attendance', '陳大華、林志遠']]],
    ['與會者：陳大華、林志遠', [['attendance', '陳大華、林志遠']]],
  ])('labels by make-up, stem + suffix: %s', (line, expected) => expect(fields(line)).toEqual(expected));
  it('a stem inside a title or prose is no label by make-up', () => {
    expect(fields('會議紀錄者名單')).toEqual([]);
    expect(fields('本次會議主持單位為工務局。')).toEqual([]);
  });
  it('實到人員 lists the attendees', () => {
    const d = parse('某某協會第5屆第2次理事會議紀錄\n時間：112年1月5日上午10時\n會議主持：王小明\n紀錄者：林小華\n實到人員：陳大華、林志遠\n一、散會', { text: true });
    expect([d.meeting!.chair?.name, d.meeting!.recorder?.name, d.attendees.map((a) => a.name)]).toEqual(['王小明', '林小華', ['陳大華', '林志遠']]);
  });
  it('a title ending in 紀錄 is not a recorder field', () => expect(fields('市政會議紀錄')).toEqual([]));
  it('a 會議記錄： label over the body is not a recorder field (20)', () => expect(fields('會議記錄：')).toEqual([]));

  it('05: flattened fields, each label glued to the previous value; the 00:00:00.000 placeholder is no start', () => {
    const d = corpus('05_taipei-citygov-1250-20031230-flattened.txt');
    expect(d.kind).toBe('minutes');
    expect(d.meeting).toMatchObject({ agency: '臺北市政府', body: '市政會議', session: 1250, date: '2003-12-30', start: null, location: '臺北市市政大樓市長簡報室(十二樓)' });
    expect(d.meeting!.chair?.name).toBe('馬英九');
    expect(d.meeting!.recorder?.name).toBe('許菁芳');
  });

  it('13: a recorder field listing title-name pairs gives the first person', () => {
    const d = corpus('13_ly-educ-convener-proceedings-20251001.txt');
    expect(d.meeting).toMatchObject({ agency: '立法院', body: '教育及文化委員會', term: 11, session: 1, period: 4, date: '2025-10-01', chair: null });
    expect(d.meeting!.recorder?.name).toBe('盧焜鑫');
  });

  it('日期 and 時間 as two fields (built)', () => {
    const d = parse('某某協會第 3 屆第 2 次理監事會議紀錄\n日期：112 年 3 月 4 日(星期六)\n時間：下午 2 時至 4 時\n主席：陳理事長大文\n壹、報告事項\n貳、散會');
    expect(d.meeting).toMatchObject({ date: '2023-03-04', start: '2023-03-04T14:00:00+08:00', end: '2023-03-04T16:00:00+08:00' });
  });
});

describe('dates as documents write them', () => {
  it.each([
    ['09 spaced digits', '中華民國 1 0 1 年 5 月 24 日星期四下午 4 時 30 分', '2012-05-24'],
    ['01 ISO date-time', '2021-07-20 09:00:00', '2021-07-20'],
    ['63 ROC with slashes', '113/12/10 19:00~21:30', '2024-12-10'],
    ['64 ROC with slashes, one-digit month', '114/4/15 19:00~20:30', '2025-04-15'],
    ['34 Gregorian with slashes', '2009/03/01', '2009-03-01'],
    ['dots', '2006.01.25', '2006-01-25'],
    ['ROC with dots', '110.01.05', '2021-01-05'],
    ['20 Chinese numerals', '天文學會九十四年度', null],
    ['32 Chinese numerals in a title', '中國天文學會九十三年度第二次理監事會議會議記錄', null],
    ['31 ROC year', '90年5月19日AM9:00～PM 3:00', '2001-05-19'],
    ['a list number is not a date', '1.2.3 確認目前章程的版本', null],
  ])('%s', (_what, text, date) => expect(parseRocDate(text)?.date ?? null).toBe(date));

  it('1 0 1 年 never becomes 1912', () => expect(parseRocDate('1 0 1 年 5 月 24 日')?.year).toBe(2012));

  it.each([
    ['31 AM/PM', '90年5月19日AM9:00～PM 3:00', [[9, 0], [15, 0]]],
    ['22 a full-width colon', '2015 年 1 月 31 日 (星期六) 14：00', [[14, 0]]],
    ['60 24-hour clock in 時/分', '中華民國 106 年 3 月 17 日 15 時 9 分', [[15, 9]]],
    ['63 a range with ~', '113/12/10 19:00~21:30', [[19, 0], [21, 30]]],
  ])('%s', (_what, text, times) => expect(parseClockTimes(text).map((t) => [t.hour, t.minute])).toEqual(times));

  it('an implausible date is never emitted: a diagnostic instead (built)', () => {
    const d = parse('某某協會第 3 屆第 2 次理監事會議紀錄\n時間：1900 年 3 月 4 日下午 2 時\n主席：陳理事長大文\n壹、報告事項\n貳、散會');
    expect(d.meeting?.date ?? null).toBeNull();
    expect(d.diagnostics.find((x) => x.code === 'date-implausible')?.severity).toBe('warning');
    const later = parse(`某某協會第 3 屆第 2 次理監事會議紀錄\n時間：${new Date().getFullYear() + 5} 年 3 月 4 日下午 2 時\n主席：陳理事長大文\n壹、報告事項\n貳、散會`);
    expect(later.meeting?.date ?? null).toBeNull();
  });

  it('a date found only in the body is used, with a diagnostic (built)', () => {
    const d = parse('某某協會理監事會議紀錄\n主席：陳理事長大文\n出席：王小明、李大同\n壹、報告事項\n本次會議於 112 年 3 月 4 日召開。\n貳、散會');
    expect(d.meeting?.date).toBe('2023-03-04');
    expect(d.diagnostics.find((x) => x.code === 'date-from-body')?.severity).toBe('info');
  });
});

describe('counts in titles', () => {
  it.each([
    ['formal numerals', '中華民國天文學會第貳屆第參次理事會議紀錄', { term: 2, session: 3, body: '理事會議' }],
    ['a four-digit count in words', '臺北市政府第二千一百五十六次市政會議紀錄', { session: 2156, body: '市政會議', agency: '臺北市政府' }],
    ['13 a legislature\'s 會期 is not the session', '立法院第11屆第4會期教育及文化委員會第1次召集委員會議議事錄', { term: 11, period: 4, session: 1, agency: '立法院' }],
    ['61 a council\'s session and sitting', '新北市議會第 2 屆第 1 次定期會第 3 次會議摘要紀錄', { term: 2, session: 1, sitting: 3, body: '定期會' }],
    ['11 a commission', '臺北市都市計畫委員會第 640 次委員會議紀錄', { agency: '臺北市都市計畫委員會', body: '委員會議', session: 640 }],
    ['63 a month is not a body', '113年12月 第一次會議紀錄', { agency: null, body: null, session: 1 }],
    ['a date before the name is no part of the agency (built)', '110年7月21日外交部資料開放諮詢小組會議紀錄', { agency: '外交部', body: '資料開放諮詢小組' }],
  ])('%s', (_what, title, expected) => expect(nameParts(title)).toMatchObject(expected));
});

describe('chair and recorder as written', () => {
  it.each([
    ['62 surname + title + given name', '邱議長奕勝', { name: '邱奕勝', title: '議長' }],
    ['38 a bracketed title', '朱有花 (理事長)', { name: '朱有花', title: '理事長' }],
    ['11 兼: a concurrent post', '陳兼副主任委員永仁', { name: '陳永仁', title: '副主任委員' }],
    ['09 a space after the surname', '吳 局長宗榮', { name: '吳宗榮', title: '局長' }],
    ['13 title then name, several people', '簡任秘書 盧焜鑫 簡任編審 蔡淑珍 科長 楊永綨', { name: '盧焜鑫', title: '簡任秘書' }],
    ['62 a value run on into the next line', '邱碧娥主席宣布開會', { name: '邱碧娥' }],
  ])('%s', (_what, raw, expected) => expect(parseChairOrRecorder(raw)).toMatchObject(expected));

  it('several chairs in turn: the first, all in meeting.chairs, and an info diagnostic (built)', () => {
    const d = parse('某某協會第 3 屆第 2 次會員大會紀錄\n時間：112 年 3 月 4 日下午 2 時\n主席：由陳理事長大文、王副理事長小明分別主持\n壹、報告事項\n貳、散會');
    expect(d.meeting!.chair?.name).toBe('陳大文');
    expect(d.meeting!.chairs?.map((c) => c.name)).toEqual(['陳大文', '王小明']);
    expect(d.diagnostics.find((x) => x.code === 'chairs-in-turn')?.severity).toBe('info');
  });

  it('each meeting field carries the rule and span that produced it', () => {
    const d = corpus('01_taipei-citygov-2151-20210720-videoconf.txt');
    expect(d.meeting!.evidence?.date?.rule).toBe('header.time-field');
    expect(d.meeting!.evidence?.session?.rule).toBe('header.title');
  });
});

describe('the header\'s words are the grammar\'s: an overlay changes what is read (built)', () => {
  const under = <T>(overlay: GrammarOverlay, run: () => T): T => withGrammar(extendGrammar(defaultGrammar(), overlay), run);

  it('a count unit (countUnits.term)', () => {
    const title = '某某協會第3期第2次理事會議紀錄';
    expect(nameParts(title)).toMatchObject({ term: null, session: 2 });
    expect(under({ 'fields.json': { countUnits: { term: ['期'] } } }, () => nameParts(title))).toMatchObject({ term: 3, session: 2 });
  });

  it('a date part (time.json dateParts)', () => {
    expect(parseRocDate('112 年 3 月 4 號')?.date).toBe('2023-03-04');
    expect(under({ 'time.json': { remove: { dateParts: { day: ['號'] } } } }, () => parseRocDate('112 年 3 月 4 號'))).toBeNull();
  });

  it('an acting note (fields.json actingNotes) and chairs in turn (chairTurnLeads, nameSeparators)', () => {
    expect(parseChairOrRecorder('林次長全能(林主任聰仁代理)')).toMatchObject({ name: '林聰仁', actingFor: { name: '林全能' } });
    expect(under({ 'fields.json': { remove: { actingNotes: { actorMarks: ['代理', '代'] } } } }, () => parseChairOrRecorder('林次長全能(林主任聰仁代理)').actingFor)).toBeUndefined();
    const text = '某某協會第 3 屆第 2 次會員大會紀錄\n時間：112 年 3 月 4 日下午 2 時\n主席：由陳大文、王小明及李三民分別主持\n壹、報告事項\n貳、散會';
    expect(parse(text).meeting!.chairs?.map((c) => c.name)).toEqual(['陳大文', '王小明', '李三民']);
    const g = extendGrammar(defaultGrammar(), { 'fields.json': { remove: { nameSeparators: ['及'], chairTurnLeads: ['由'] } } });
    expect(parse(text, { grammar: g }).meeting!.chairs?.map((c) => c.raw)).toEqual(['由陳大文', '王小明及李三民']);
  });
});

describe('a label alone on its line starts its field, however wide the line before it', () => {
  // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt: labels and values on lines of their own.
  // Written with full-width colons (09：00：00) the time line is the widest, so the place line (市政大樓12樓劉銘傳廳)
  // looked wrapped and took the next line, the bare label 主席, into its value.
  const original = readFileSync(corpusFile('02'), 'utf8');
  it.each([
    ['as published (09:00:00)', original],
    ['with full-width colons (09：00：00)', original.replace('09:00:00', '09：00：00')],
  ])('%s', (_, text) => {
    const m = parse(text).meeting!;
    expect(m.location).toBe('市政大樓12樓劉銘傳廳');
    expect(m.chair?.name).toBe('柯文哲');
  });
});
