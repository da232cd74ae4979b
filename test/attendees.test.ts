import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { splitList } from '../src/extract/attendees.js';
import { readGluedProxy } from '../src/extract/attendee-entry.js';
import { parseName } from '../src/extract/person.js';
import { parseSample, spanText } from './helpers.js';

describe('name grammar', () => {
  it.each([
    ['資電處林處長東亨', { name: '林東亨', surname: '林', title: '處長', org: '資電處' }],
    ['世新大學陳副教授', { name: null, surname: '陳', title: '副教授', org: '世新大學' }],
    ['臺灣金融科技公司王董事長', { name: null, surname: '王', title: '董事長', org: '臺灣金融科技公司' }],
    ['主任秘書室 徐主任秘書 儷文', { name: '徐儷文', title: '主任秘書', org: '主任秘書室' }],
    ['柯秘書書豪', { name: '柯書豪', title: '秘書', org: null }],
    ['周委員麟', { name: '周麟', title: '委員' }],
    ['林程式設計師孟瑋', { name: '林孟瑋', title: '程式設計師' }],
    ['NGO 國際事務會李副參事', { surname: '李', title: '副參事', org: 'NGO 國際事務會' }],
    ['歐陽執行長江安', { name: '歐陽江安', surname: '歐陽', title: '執行長' }],
    ['曾郁庭', { name: '曾郁庭', surname: '曾', title: null }],
    ['林宜隆委員', { name: '林宜隆', surname: '林', title: '委員', org: null }],
    ['委員林宜隆', { name: '林宜隆', surname: '林', title: '委員', org: null }],
    ['淡江大學王院長', { name: null, surname: '王', title: '院長', org: '淡江大學' }],
    ['國經司許總領事', { name: null, surname: '許', title: '總領事', org: '國經司' }],
  ])('%s', (raw, parts) => expect(parseName(raw)).toMatchObject(parts));
});

describe('inline lists', () => {
  const d = parseSample('mofa-2016-105-4.txt');

  it('X(Y代): Y attends on behalf of X', () => {
    const a = d.attendees.find((x) => x.name === '鍾文正')!;
    expect(a).toMatchObject({ title: '副局長', role: 'agency-representative', status: 'proxy', proxy: true, onBehalfOf: { name: '陳華玉', title: '委員' } });
    expect(spanText(d, a.span)).toBe('陳委員華玉(鍾副局長文正代)');
  });

  it('reads a list continued on the next line, and roles from the labels', () => {
    expect(d.attendees.filter((a) => a.role === 'agency-representative')).toHaveLength(6);
    expect(d.attendees.filter((a) => a.role === 'civil-representative').map((a) => a.name)).toEqual(['王可言', '林宜隆', '蕭乃沂']);
    expect(d.attendees.filter((a) => a.role === 'observer')).toHaveLength(17);
  });

  it('marks absences and proxies written without brackets', () => {
    const doc = parse('某市政府第 2 屆第 3 次委員會會議紀錄\n時間：112 年 5 月 2 日下午 2 時\n主席：王主任委員大明\n出席委員：李委員小華、陳委員大同(請假)、林委員美玉(公假)、張委員志明(無法參加：出國)、黃丁燦魏境代\n壹、報告事項\n貳、散會');
    const by = (n: string) => doc.attendees.find((a) => a.name === n);
    expect(by('李小華')?.status).toBe('present');
    expect(by('陳大同')?.status).toBe('on-leave');
    expect(by('林美玉')?.status).toBe('on-leave');
    expect(by('張志明')?.status).toBe('on-leave');
    expect(by('魏境')).toMatchObject({ status: 'proxy', proxy: true, onBehalfOf: { name: '黃丁燦' } });
  });

  it.each([
    // samples/mofa-2016-105-4.txt:7, 陳委員華玉(鍾副局長文正代) without its brackets: the titles mark the cut.
    ['陳委員華玉鍾副局長文正代', [], { kind: 'pair', principal: '陳委員華玉', proxy: '鍾副局長文正' }],
    ['資訊處陳處長華玉鍾科長文正代', [], { kind: 'pair', principal: '資訊處陳處長華玉', proxy: '鍾科長文正' }],
    ['黃丁燦魏境代', [], { kind: 'pair', principal: '黃丁燦', proxy: '魏境' }],
    // One titled person: [surname][title][given] reads as one (not 鍾副局長 for 文正, not 林主 for 任聰仁).
    ['鍾副局長文正代', [], { kind: 'one', proxy: '鍾副局長文正' }],
    ['林主任聰仁代理', [], { kind: 'one', proxy: '林主任聰仁' }],
    // Two cuts: kept whole, unless the list's own names choose one.
    ['王明林李華代', [], { kind: 'whole', body: '王明林李華' }],
    ['王明林李華代', ['林李華'], { kind: 'pair', principal: '王明', proxy: '林李華' }],
    // Four ideographs may be one name: split only by the list's own names.
    ['王明李華代', [], { kind: 'whole', body: '王明李華' }],
    ['王明李華代', ['王明'], { kind: 'pair', principal: '王明', proxy: '李華' }],
    ['王明大華代', [], { kind: 'whole', body: '王明大華' }],
    // A three-character name and 代: the proxy, principal not written; the list's own 李大華代 keeps it a name.
    ['李大華代', [], { kind: 'one', proxy: '李大華' }],
    ['歐陽大華代', [], { kind: 'one', proxy: '歐陽大華' }],
    // Two names of three over a cut that makes names of two and four (王小|明李大華).
    ['王小明李大華代', [], { kind: 'pair', principal: '王小明', proxy: '李大華' }],
  ])('a bracket-less proxy: %s (list names %j)', (written, known, reading) => expect(readGluedProxy(written, new Set(known))).toEqual(reading));

  it.each([
    ['李時代', 'a name the grammar reads whole may end in the mark'],
    ['李大華代', 'the list itself writes the name', ['李大華代']],
    ['王委員時代', 'a titled name whose given name would keep one character reads as written (王時代), as 李時代 does'],
    ['委員陳時代', 'the same, title first'],
    ['陳華玉', 'no mark'],
    ['陳華玉(代理)', 'a bracketed mark is the bracket reader\'s'],
  ])('%s is no bracket-less proxy (%s)', (written, _why, known: string[] = []) => expect(readGluedProxy(written, new Set(known))).toBeNull());

  it('splits a list on 、 but not inside brackets', () => {
    expect(splitList('王委員可言、林委員宜隆(請假、公出)、蕭委員乃沂').map((p) => p.text)).toEqual(['王委員可言', '林委員宜隆(請假、公出)', '蕭委員乃沂']);
  });
});

describe('attendance tables', () => {
  it('tab-separated rows with continuation rows, (代理) and (紀錄)', () => {
    const d = parseSample('mofa-2018-107-1.txt');
    expect(d.attendees).toHaveLength(28);
    expect(d.attendees[0]).toMatchObject({ name: '謝武樵', role: 'convener' });
    expect(d.attendees.find((a) => a.name === '陳首翰')).toMatchObject({ org: '條法司', proxy: true, status: 'proxy', onBehalfOf: null });
    expect(d.attendees.find((a) => a.name === '柯書豪')).toMatchObject({ org: '資電處', recorder: true, role: 'observer' });
    expect(d.meeting!.recorder).toMatchObject({ name: '柯書豪', title: '秘書' });
  });

  it('a table flattened by text extraction: split category cells, a unit followed by several people', () => {
    const d = parseSample('mofa-2021-110-1.txt');
    expect(d.attendees).toHaveLength(34);
    expect(d.attendees.find((a) => a.name === '丁德天')).toMatchObject({ org: '東吳大學巨量資料管理學院', role: 'civil-representative', title: '助理教授' });
    expect(d.attendees.filter((a) => a.org === '公眾會' && a.role === 'observer').map((a) => a.name)).toEqual(['黃翌弘', '林孟瑋', '劉育穎']);
    expect(d.attendees.find((a) => a.name === '王啓文')?.role).toBe('observer');
  });

  it('a list that is only referenced gives no attendees and an info diagnostic', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.attendees).toEqual([]);
    expect(d.diagnostics.find((x) => x.code === 'attendees-referenced')?.severity).toBe('info');
  });

  it('checks a stated count against the list', () => {
    const d = parse('某部會議紀錄\n時間：110 年 7 月 21 日上午 10 時\n主席：王部長大明\n出席人員：計 3 人\n機關代表：李委員小華、陳委員大同\n壹、報告事項\n貳、散會');
    expect(d.diagnostics.find((x) => x.code === 'attendee-count-mismatch')?.message).toContain('states 3');
  });
});
