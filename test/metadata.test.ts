import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/index.js';
import { parseRocDate, parseClockTimes } from '../src/extract/datetime.js';
import { nameParts } from '../src/extract/metadata.js';
import { parseChairOrRecorder } from '../src/extract/presiding.js';
import { findFields } from '../src/extract/fields.js';
import { ROOT, parseSample } from './helpers.js';

const ROOT_FIXTURE = ROOT + 'test/fixtures/text/';

describe('dates and times', () => {
  it.each([
    ['時間：110 年 7 月 21 日(星期三)上午 10 時', '2021-07-21', 3],
    ['時間：105年12月23日(星期五)上午10時', '2016-12-23', 5],
    ['壹、時間：110 年 11 月 30 日（星期二）下午 2 時 0 分', '2021-11-30', 2],
    ['中華民國一百一十年七月二十一日', '2021-07-21', null],
  ])('%s', (text, date, weekday) => {
    const d = parseRocDate(text)!;
    expect(d.date).toBe(date);
    expect(d.weekdayWritten).toBe(weekday);
  });

  it('refuses impossible calendar dates', () => expect(parseRocDate('110 年 2 月 30 日')).toBeNull());

  it.each([
    ['上午 10 時', 10, 0], ['下午 3 時', 15, 0], ['下午 2 時 0 分', 14, 0], ['（下午 3 時 45 分）', 15, 45],
    ['中午12時', 12, 0], ['下午 4 時 35 分', 16, 35], ['晚上 7 時半', 19, 30], ['14:30', 14, 30],
  ])('%s', (text, hour, minute) => expect(parseClockTimes(text)[0]).toMatchObject({ hour, minute }));

  it('lets a second time inherit the period (上午 10 時至 12 時)', () => {
    expect(parseClockTimes('上午 10 時至 12 時').map((t) => t.hour)).toEqual([10, 12]);
  });
});

describe('fields', () => {
  it('reads two fields on one line', () => {
    const hits = findFields('主席：林次長全能(林主任聰仁代理)              紀錄：曾郁庭');
    expect(hits.map((h) => [h.field, h.value])).toEqual([
      ['chair', '林次長全能(林主任聰仁代理)'],
      ['recorder', '曾郁庭'],
    ]);
  });
  it('reads letter-spaced labels', () => {
    expect(findFields('主   席：王主任委員大明')[0]).toMatchObject({ field: 'chair', value: '王主任委員大明' });
  });
  it('does not read a field inside prose', () => {
    expect(findFields('請各單位於下次會議說明時間：另行通知')).toEqual([]);
  });
});

describe('chair and recorder', () => {
  it('林次長全能(林主任聰仁代理): the one presiding acts for the one named', () => {
    const c = parseChairOrRecorder('林次長全能(林主任聰仁代理)');
    expect(c).toMatchObject({ name: '林聰仁', title: '主任', actingFor: { name: '林全能', title: '次長' } });
  });
  it('李委員自正(代表召集人李常務次長澄然主持): presides on behalf of the convener', () => {
    const c = parseChairOrRecorder('李委員自正(代表召集人李常務次長澄然主持)');
    expect(c).toMatchObject({ name: '李自正', title: '委員', actingFor: { name: '李澄然', title: '常務次長' } });
  });
  it('謝政務次長武樵(資訊長) is a note, not an acting chair', () => {
    const c = parseChairOrRecorder('謝政務次長武樵(資訊長)');
    expect(c).toMatchObject({ name: '謝武樵', title: '政務次長', note: '資訊長' });
    expect(c.actingFor).toBeUndefined();
  });
  it('記錄：王薦任科員世任', () => expect(parseChairOrRecorder('王薦任科員世任')).toMatchObject({ name: '王世任', title: '薦任科員' }));
});

describe('title parts', () => {
  // Every row states every part, null where the title has none; each is checked by nameParts and by parse().
  it.each([
    ['外交部 110 年「資料開放諮詢小組」第 1 次會議 會議紀錄', '外交部', '資料開放諮詢小組', null, 1],
    ['經濟部政府資料開放諮詢小組第 7 屆第 1 次會議紀錄', '經濟部', '政府資料開放諮詢小組', 7, 1],
    ['「外交部資料開放諮詢小組」 第4次會議紀錄', '外交部', '資料開放諮詢小組', null, 4],
    ['臺北市政府第二屆第十次市政會議紀錄', '臺北市政府', '市政會議', 2, 10],
    // Formal numerals (大寫) and a four-digit session in Chinese numerals (issue 19).
    ['經濟部政府資料開放諮詢小組第貳屆第參次會議紀錄', '經濟部', '政府資料開放諮詢小組', 2, 3],
    ['臺北市政府第二千一百五十六次市政會議紀錄', '臺北市政府', '市政會議', null, 2156],
    // No body named between the agency and the count.
    ['交通部第十屆第二十次會議紀錄', '交通部', null, 10, 20],
  ])('%s', (title, agency, body, term, session) => {
    const p = nameParts(title);
    expect({ agency: p.agency, body: p.body, term: p.term, session: p.session }).toEqual({ agency, body, term, session });
    const m = parse(`${title}\n時間：110 年 7 月 21 日(星期三)上午 10 時\n壹、報告事項\n`).meeting!;
    expect({ agency: m.agency, body: m.body, term: m.term, session: m.session }).toEqual({ agency, body, term, session });
  });
});

describe('meeting metadata end to end', () => {
  it('外交部 110: date, start, end, online, chair', () => {
    const m = parseSample('mofa-2021-110-1.txt').meeting!;
    expect(m).toMatchObject({ date: '2021-07-21', start: '2021-07-21T10:00:00+08:00', end: '2021-07-21T11:00:00+08:00', online: true, location: '外交部 441 會議室(視訊會議)' });
    expect(m.chair).toMatchObject({ name: '曾厚仁', title: '政務次長' });
  });

  it('經濟部: fields written as numbered headings, end from 散會。（下午 3 時 45 分）', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.meeting).toMatchObject({ agency: '經濟部', term: 7, session: 1, start: '2021-11-30T14:00:00+08:00', end: '2021-11-30T15:45:00+08:00', location: '經濟部第一會議室' });
    expect(d.meeting!.recorder?.name).toBe('曾郁庭');
  });

  it('warns when the written weekday does not match the date', () => {
    const d = parse('某部會議紀錄\n時間：110 年 7 月 21 日(星期四)上午 10 時\n主席：王主任委員大明\n壹、報告事項\n貳、散會');
    const w = d.diagnostics.find((x) => x.code === 'weekday-mismatch');
    expect(w?.message).toContain('expected 星期三');
    expect(w?.span?.line).toBe(2);
  });

  it('reads label and value on separate lines', () => {
    const d = parse('某某協會第 3 屆第 2 次理監事會議紀錄\n時間：\n112 年 3 月 4 日(星期六)下午 2 時\n地點：\n本會會議室\n主席：\n陳理事長大文\n壹、報告事項\n貳、散會');
    expect(d.meeting).toMatchObject({ date: '2023-03-04', start: '2023-03-04T14:00:00+08:00', location: '本會會議室', term: 3, session: 2 });
    expect(d.meeting!.chair).toMatchObject({ name: '陳大文', title: '理事長' });
  });

  it('法務部 action strategy is not minutes: no meeting, sections kept', () => {
    const d = parseSample('moj-action-strategy.txt');
    expect(d.kind).toBe('other');
    expect(d.meeting).toBeNull();
    expect(d.agenda.filter((a) => a.parent === null).map((a) => a.title)).toEqual(['前言', '執行策略', '績效目標', '績效評估', '結語']);
    expect(d.diagnostics.find((x) => x.code === 'kind-other')?.severity).toBe('info');
  });
});

describe('a city government 市政會議 layout (letter-spaced labels, a four-digit session)', () => {
  // A document written in the layout of 臺北市政府市政會議紀錄 (test/fixtures/text/city-council-style.txt).
  const d = parseFile(ROOT_FIXTURE + 'city-council-style.txt');

  it('reads the header', async () => {
    const doc = await d;
    expect(doc.meeting).toMatchObject({ agency: '臺北市政府', body: '市政會議', session: 2156, date: '2023-05-02', end: '2023-05-02T11:30:00+08:00' });
    expect(doc.meeting!.chair).toMatchObject({ name: '蔣萬安', title: '市長' });
    expect(doc.meeting!.recorder).toMatchObject({ name: '王小明', title: '專員' });
  });

  it('reads letter-spaced attendance lists, leave and proxies', async () => {
    const doc = await d;
    expect(doc.attendees.map((a) => [a.name, a.role, a.status])).toEqual([
      ['李四川', 'member', 'present'], ['林奕華', 'member', 'present'], ['張溫德', 'member', 'present'],
      ['蘇家榮', 'member', 'on-leave'], ['林美玉', 'member', 'proxy'], ['黃敬平', 'observer', 'present'], ['簡舒培', 'observer', 'present'],
    ]);
  });

  it('決定 / 主席裁示 / 決議, and a deadline in running text', async () => {
    const doc = await d;
    expect(doc.rulings.map((r) => r.label)).toEqual(['決定', '主席裁示', '決議']);
    expect(doc.actions.map((a) => [a.due, a.owner])).toEqual([['2023-06-30', '資訊局']]);
  });
});

describe('a society 理監事會議 layout (every header field a numbered heading)', () => {
  // Written in the layout societies use (test/fixtures/text/society-board-style.txt).
  const d = parseFile(ROOT_FIXTURE + 'society-board-style.txt');

  it('reads the header through 七、紀錄 and online attendance', async () => {
    const doc = await d;
    expect(doc.meeting).toMatchObject({ term: 3, session: 5, start: '2023-09-16T14:30:00+08:00', end: '2023-09-16T16:00:00+08:00', online: true });
    expect(doc.meeting!.recorder).toMatchObject({ name: '吳佩君', title: '秘書' });
    expect(doc.agenda.filter((a) => a.kind === 'metadata').map((a) => a.title)).toEqual(['時間', '地點', '主席', '出席理事', '出席監事', '請假', '紀錄']);
  });

  it('attendance lists under 出席理事 / 出席監事 / 請假, never read as speakers', async () => {
    const doc = await d;
    expect(doc.attendees.map((a) => [a.name, a.status])).toEqual([
      ['王小華', 'present'], ['李大同', 'present'], ['張美玲', 'present'], ['林志成', 'present'], ['黃建國', 'on-leave'], ['周麗華', 'on-leave'],
    ]);
    expect(doc.speeches.map((s) => [s.speaker.name, s.text])).toEqual([['陳明德', '感謝各位理監事撥冗出席。']]);
  });

  it('a deadline without a year (10月31日前) takes the meeting year', async () => {
    const doc = await d;
    expect(doc.actions.map((a) => [a.due, a.owner])).toEqual([['2023-10-31', '秘書處']]);
  });
});
