/**
 * Case tables for the value readers the package exports (src/index.ts): dates, clock times, Chinese
 * numerals and names. Positive rows are lines of real documents (the file is named in a comment); negative
 * rows are inputs that must yield nothing, and each asserts exactly that.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseChineseNumeral, parseClockTimes, parseName, parseRocDate } from '../src/index.js';
import { corpusLine, sampleText } from './helpers.js';

describe('parseRocDate: the forms documents write', () => {
  it.each([
    // test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:3
    [corpusLine('11', '時間：中華民國'), '2012-11-22', 4],
    // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:4 (digits letter-spaced; 星期四 without brackets)
    [corpusLine('09', '開會時間'), '2012-05-24', 4],
    // test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:3
    [corpusLine('13', '時 間'), '2025-10-01', 3],
    // test/fixtures/corpus/raw/07_ntpc-citygov-0387-20180619.txt:12 (Gregorian, dashes)
    [corpusLine('07', '會議時間'), '2018-06-19', null],
    // test/fixtures/corpus/raw/63_community-committee27-20241210.md:12 (ROC year, slashes)
    [corpusLine('63', '**時間**'), '2024-12-10', null],
    // test/fixtures/corpus/raw/05_taipei-citygov-1250-20031230-flattened.txt:34 (Chinese numerals)
    [corpusLine('05', '本府九十二年'), '2003-12-23', null],
    // samples/mofa-2016-105-4.txt:3
    ['時間：105年12月23日(星期五)上午10時', '2016-12-23', 5],
    // A leap day exists in a leap year (民國 113 = 2024).
    ['113年2月29日', '2024-02-29', null],
  ])('%s → %s', (text, date, weekday) => {
    const d = parseRocDate(text);
    expect([d?.date, d?.weekdayWritten, d?.plausible]).toEqual([date, weekday, true]);
  });

  it.each([
    ['2/30', 'a month and day alone is no date, and February has no 30th'],
    ['113年2月30日', 'February has no 30th'],
    ['110 年 2 月 29 日', '民國 110 (2021) is no leap year'],
    ['110年13月1日', 'there is no 13th month'],
    ['110年0月5日', 'there is no month 0'],
    ['110年5月0日', 'there is no day 0'],
    ['110年4月31日', 'April has 30 days'],
    ['113/02/30', 'slashes: February has no 30th'],
    ['2021-13-01', 'dashes: there is no 13th month'],
    ['1.2.3', 'a list number, not a date'],
    ['第 1 次會議', 'a count, no date'],
    ['garbage', 'no date at all'],
    ['', 'empty'],
  ])('%s → null (%s)', (text) => expect(parseRocDate(text)).toBeNull());

  it('a year outside what a meeting can hold is read but not plausible, and parse() reports it instead of using it', () => {
    // 民國 0 年 does not exist; the reader gives its Gregorian arithmetic, flagged, and parse() keeps no date.
    expect(parseRocDate('0年1月1日')?.plausible).toBe(false);
    const d = parse('外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄\n時間：0 年 1 月 1 日上午 10 時\n主席：謝政務次長武樵\n壹、報告事項\n貳、散會');
    expect([d.kind, d.meeting?.date, d.meeting?.start]).toEqual(['minutes', null, null]);
    expect(d.diagnostics.map((x) => x.code)).toContain('date-implausible');
  });
});

describe('parseClockTimes', () => {
  it.each([
    // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:4
    [corpusLine('09', '開會時間'), [[16, 30]]],
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:3 (start and end)
    [corpusLine('17', '時  間'), [[9, 1], [12, 41]]],
    // test/fixtures/corpus/raw/63_community-committee27-20241210.md:12
    [corpusLine('63', '**時間**'), [[19, 0], [21, 30]]],
    // test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:3
    [corpusLine('11', '時間：中華民國'), [[9, 0]]],
    // samples/moea-2021-7-1.txt (an end time in brackets)
    ['（下午 3 時 45 分）', [[15, 45]]],
    ['上午 10 時至 12 時', [[10, 0], [12, 0]]],
    ['晚上 7 時半', [[19, 30]]],
    ['中午12時', [[12, 0]]],
  ])('%s', (text, times) => expect(parseClockTimes(text).map((t) => [t.hour, t.minute])).toEqual(times));

  it.each([
    ['25:00', 'no 25th hour'],
    ['12:60', 'no 60th minute'],
    ['10時70分', 'no 70th minute'],
    ['第 3 次會議', 'a count'],
    ['110 年 7 月 21 日', 'a date only'],
    ['garbage', 'nothing'],
  ])('%s → none (%s)', (text) => expect(parseClockTimes(text)).toEqual([]));
});

describe('parseChineseNumeral', () => {
  it.each([
    ['貳', 2],
    ['參', 3],
    ['壹拾', 10],
    ['十', 10],
    ['三十', 30],
    ['一百零五', 105],
    ['一百一十', 110],
    ['二千一百五十六', 2156],
    ['兩', 2],
    ['零', 0],
  ])('%s → %i', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it.each([
    ['', 'empty'],
    ['abc', 'Latin letters'],
    ['第二千一百五十六次', 'a count with 第…次 around it is not a bare numeral'],
    ['主席', 'a word'],
  ])('%s → null (%s)', (s) => expect(parseChineseNumeral(s)).toBeNull());

  // The counts in a title, through parse(): formal numerals and a four-digit session (issue 19).
  it.each([
    ['經濟部政府資料開放諮詢小組第貳屆第參次會議紀錄', 2, 3],
    ['臺北市政府第二千一百五十六次市政會議紀錄', null, 2156],
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:1 (第10屆第6會期…第6次)
    [corpusLine('17', '立法院第10屆'), 10, 6],
  ])('%s: term %s, session %s', (title, term, session) => {
    const m = parse(`${title}\n時間：110 年 7 月 21 日(星期三)上午 10 時\n壹、報告事項\n`).meeting;
    expect([m?.term, m?.session]).toEqual([term, session]);
  });
});

describe('parseName', () => {
  it.each([
    // samples/mofa-2016-105-4.txt:9
    ['王委員可言', { name: '王可言', surname: '王', title: '委員', org: null }],
    // samples/mofa-2016-105-4.txt:13
    ['王薦任科員世任', { name: '王世任', surname: '王', title: '薦任科員', org: null }],
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:23
    ['陳主任委員耀祥', { name: '陳耀祥', surname: '陳', title: '主任委員', org: null }],
    // test/fixtures/corpus/raw/18_ntp-council-record-20200828-speeches.txt:10
    ['林議員銘仁', { name: '林銘仁', surname: '林', title: '議員', org: null }],
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:28 (a name alone)
    ['蔡炳坤', { name: '蔡炳坤', surname: '蔡', title: null, org: null }],
  ])('%s', (raw, parts) => expect({ ...parseName(raw) }).toEqual(parts));

  it('what parseName returns is frozen: changing it cannot change a later parseName or parse()', () => {
    const first = parseName('王委員可言');
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { name: string | null }).name = '被改了';
    }).toThrow(TypeError);
    expect(parseName('王委員可言').name).toBe('王可言');
    // samples/mofa-2016-105-4.txt lists 王委員可言 among the attendees.
    const names = parse(sampleText('mofa-2016-105-4.txt')).attendees.map((a) => a.name);
    expect(names).toContain('王可言');
    expect(names).not.toContain('被改了');
  });
});
