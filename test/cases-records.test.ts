/**
 * Case tables, one per rule family of the extractors, read through parse(): each row puts a line into a
 * short document built from real lines and asserts what comes out. Negative rows are lines that look like
 * the form but are not it; they assert that nothing is made of them (and, where the rule reports one, the
 * diagnostic code). The document's lines are from samples/mofa-2018-107-1.txt; the lines under test are
 * from the corpus file named beside each (test/fixtures/corpus/raw/) or the sample named.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';
import { corpusLine, spanText } from './helpers.js';

// samples/mofa-2018-107-1.txt, lines 2–15: a header, then the first two sections.
const HEADER = ['外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄', '時間：107 年 6 月 22 日(星期五)下午 3 時', '地點：外交部 441 會議室', '主席：謝政務次長武樵(資訊長)', '出(列)席人員：如後附出(列)席人員名單'];
const SECTIONS = ['壹、主席致詞(略)', '貳、報告事項'];
const minutes = (body: string[], header: string[] = HEADER): MinutesDocument => parse([...header, ...SECTIONS, ...body, '參、散會'].join('\n'), { text: true });
const codes = (d: MinutesDocument) => d.diagnostics.map((x) => x.code);
// samples/mofa-2018-107-1.txt:19: a speech to start from, so the line under test either starts another or joins it.
const FIRST_SPEECH = '(一) 世新大學陳副教授：針對國經司所公布報告，本人提出 2 點建議：';

describe('heading markers', () => {
  it.each([
    // samples/mofa-2018-107-1.txt:15
    ['一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。(報告說明略)', '一', 'lower', '本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形'],
    // samples/mofa-2018-107-1.txt:17 (an item of its own under a section)
    ['(一) 本部各單位盤點提報擬開放資料。', '一', 'paren-lower', '本部各單位盤點提報擬開放資料'],
    // samples/mofa-2018-107-1.txt:19
    ['1. 報告可同時提供英文版本。', '1', 'arabic', '報告可同時提供英文版本'],
    // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:11 (a space inside the bracket)
    [corpusLine('09', '(1 )報告前次會議紀錄'), '1', 'paren-arabic', '報告前次會議紀錄'],
    // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:10 (a space before the dot)
    [corpusLine('09', '1 . 秘書室報告'), '1', 'arabic', '秘書室報告'],
  ])('%s → item %s (%s)', (line, number, family, title) => {
    const d = minutes([line]);
    const items = d.agenda.map((a) => [a.number, a.family, a.title]);
    expect(items).toEqual([
      ['壹', 'upper', '主席致詞'],
      ['貳', 'upper', '報告事項'],
      [number, family, title],
      ['參', 'upper', '散會'],
    ]);
  });

  it.each([
    ['1.5億元由本部支應。', 'a decimal amount, not item 1'],
    ['3.14 為圓周率。', 'a decimal number'],
    ['110.7.21 已函送各單位。', 'a date written with dots'],
    ['2018年度預算由本部支應。', 'a year'],
    ['(略)', 'an omission mark'],
    ['（略）', 'an omission mark, full width'],
    ['(註)本表單位為千元。', 'a note mark'],
    ['A. 本部各單位盤點。', 'a Latin letter alone'],
    ['10. 報告內容宜更具體量化。', 'item 10 with no items before it under this section'],
  ])('%s is no heading (%s): it stays in the body of 報告事項', (line) => {
    const d = minutes([line]);
    expect(d.agenda.map((a) => a.title)).toEqual(['主席致詞', '報告事項', '散會']);
    expect(spanText(d, d.agenda[1]!.span)).toContain(line);
  });
});

describe('an omission note ends a heading', () => {
  // samples/mofa-2018-107-1.txt:15, then a line as minutes go on under a heading (請秘書長宣讀。).
  it.each([
    ['一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。(報告說明略)', '本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形', true],
    ['一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形(略)', '本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形', true],
    // An annex left out (附件略) is no omitted section, but the note ends the line all the same.
    ['一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形（附件略）', '本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形（附件略）', false],
  ])('%s: the next line is not joined to it', (line, title, omitted) => {
    const d = minutes([line, '請秘書長宣讀。']);
    const item = d.agenda.find((a) => a.number === '一')!;
    expect([item.title, item.omitted]).toEqual([title, omitted]);
    expect(d.text!.split('\n')).toContain('請秘書長宣讀。');
  });
});

describe('header field labels', () => {
  const header = (line: string) => [HEADER[0]!, HEADER[1]!, line];
  const fields = (d: MinutesDocument) => ({ chair: d.meeting?.chair?.name ?? null, recorder: d.meeting?.recorder?.name ?? null, date: d.meeting?.date ?? null, speeches: d.speeches.length });

  it.each([
    // samples/mofa-2018-107-1.txt:8
    ['主席：謝政務次長武樵(資訊長)', '謝武樵', null],
    // letter-spaced and space-separated labels: test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:7
    [corpusLine('17', '主  席 魯委員明哲'), '魯明哲', null],
    ['主   席：謝政務次長武樵', '謝武樵', null],
    // two fields on one line: test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:7
    [corpusLine('11', '主席：陳兼副主任委員永仁'), '陳永仁', '蔡昇晃'],
    // samples/mofa-2016-105-4.txt:13
    ['記錄：王薦任科員世任', null, '王世任'],
    // A second label after the value, letter-spaced, its value below (test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html, line 38).
    ['記錄：王薦任科員世任 議 程：', null, '王世任'],
    ['主席：謝政務次長武樵(資訊長) 議程：', '謝武樵', null],
  ])('%s → chair %s, recorder %s', (line, chair, recorder) => {
    expect(fields(minutes([], header(line)))).toEqual({ chair, recorder, date: '2018-06-22', speeches: 0 });
  });

  it.each([
    ['經主席同意，本次會議改以視訊方式召開。'],
    ['本次會議由主席指定代理人主持。'],
    ['主席因公請假。'],
    ['請主席裁示。'],
    ['本會議紀錄經主席核定後分送。'],
    ['主席團：王委員可言'],
  ])('%s mentions 主席 but is no field: no chair, no speech', (line) => {
    const d = minutes([], header(line));
    expect(d.kind).toBe('minutes');
    expect(fields(d)).toEqual({ chair: null, recorder: null, date: '2018-06-22', speeches: 0 });
  });

  it('時間：另行通知 after the date is no second date: the header date stands', () => {
    expect(fields(minutes([], [...header('時間：另行通知')]))).toEqual({ chair: null, recorder: null, date: '2018-06-22', speeches: 0 });
  });
});

describe('a sentence among the header fields', () => {
  // samples/mofa-2016-105-4.txt:1–5, and a quorum sentence as such headers state it.
  const MOFA_2016 = ['「外交部資料開放諮詢小組」', '第4次會議紀錄', '時間：105年12月23日(星期五)上午10時', '地點：本部441會議室'];
  const ACTING = '主席：李委員自正(代表召集人李常務次長澄然主持)';
  const QUORUM = '本次會議出席委員共 9 人，已達法定人數。';
  const SECTIONS_2016 = ['壹、主席致詞', '貳、報告事項', '參、散會'];
  const chairOf = (d: MinutesDocument) => [d.meeting?.chair?.name ?? null, d.meeting?.chair?.actingFor?.name ?? null];

  it.each([
    ['after the chair: the chair line is not joined to it', [...MOFA_2016, ACTING, QUORUM], ['李自正', '李澄然']],
    ['before the chair: the header goes on to the chair', [...MOFA_2016, QUORUM, ACTING], ['李自正', '李澄然']],
    // samples/mofa-2018-107-1.txt:2–8 with the sentence before the chair.
    ['before the chair (mofa 2018)', [HEADER[0]!, HEADER[1]!, HEADER[2]!, QUORUM, HEADER[3]!], ['謝武樵', null]],
    // A chair's value wrapped inside its note still joins: the joined value is still a name.
    ['a chair value wrapped inside its note', [...MOFA_2016, '主席：李委員自正(代表召集人李常務次長', '澄然主持)', QUORUM], ['李自正', '李澄然']],
  ])('%s', (_, header, chair) => {
    const d = parse([...header, ...SECTIONS_2016].join('\n'), { text: true });
    expect(chairOf(d)).toEqual(chair);
    expect(d.speeches).toEqual([]);
    expect(codes(d)).not.toContain('unresolved-speaker');
  });

  it('a sentence with no field after it ends the header: a later 主席：… line is no chair', () => {
    const d = parse([...MOFA_2016, QUORUM, '主席：現在開會。', ...SECTIONS_2016].join('\n'), { text: true });
    expect(chairOf(d)).toEqual([null, null]);
  });
});

describe('speaker labels', () => {
  const view = (d: MinutesDocument) => d.speeches.map((s) => [s.speaker.name, s.speaker.title, s.speaker.org]);

  it.each([
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:23
    [corpusLine('17', '陳主任委員耀祥:'), ['陳耀祥', '主任委員', null]],
    // test/fixtures/corpus/raw/18_ntp-council-record-20200828-speeches.txt:10
    [corpusLine('18', '林議員銘仁: 我要問一下'), ['林銘仁', '議員', null]],
    // test/fixtures/corpus/raw/18_ntp-council-record-20200828-speeches.txt:13
    [corpusLine('18', '張處長志乾: 對'), ['張志乾', '處長', null]],
    // the chair by title: test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:11
    [corpusLine('17', '主席:現在繼續開會'), ['謝武樵', '政務次長', null]],
    // samples/mofa-2018-107-1.txt:26 (a Latin org name before the title)
    ['(一) NGO 國際事務會李副參事：補助經費現階段仍不宜列為公開資訊。', [null, '副參事', 'NGO 國際事務會']],
  ])('%s → a second speech by %j', (line, speaker) => {
    const d = minutes([FIRST_SPEECH, line]);
    expect(view(d)).toEqual([[null, '副教授', '世新大學'], speaker]);
  });

  it.each([
    ['請秘書長宣讀。', 'a request, no colon'],
    ['謝謝主席。', 'thanks to the chair'],
    ['贊成 12 票：反對 3 票', 'a tally'],
    ['贊成：12 票', 'a tally with a colon'],
    ['表決結果：贊成 12 票，反對 3 票。', 'a vote result'],
    // test/fixtures/corpus/raw/64_community-committee27-20250415.md:23
    ['https://meet.jit.si/CoconutCity30050', 'a URL: its colon is no label'],
    ['網址：https://data.gov.tw', 'a labelled URL'],
    ['建議參考 https://data.gov.tw/dataset/123 之作法。', 'a URL in a sentence'],
  ])('%s starts no speech (%s): it stays in the speech before', (line) => {
    const d = minutes([FIRST_SPEECH, line]);
    expect(view(d)).toEqual([[null, '副教授', '世新大學']]);
    expect(d.speeches[0]!.text).toContain(line);
  });
});

describe('ruling labels', () => {
  it.each([
    // samples/mofa-2018-107-1.txt:29
    ['主席裁示：本案辦理情形同意備查，請國經司參考王委員意見。', '主席裁示', '本案辦理情形同意備查，請國經司參考王委員意見。'],
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:44
    [corpusLine('02', '決議:本案通過'), '決議', '本案通過。'],
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:41
    [corpusLine('02', '主席裁示:紀錄確定'), '主席裁示', '紀錄確定。'],
  ])('%s → a ruling %s', (line, label, text) => {
    const d = minutes([line]);
    expect(d.rulings.map((r) => [r.label, r.text])).toEqual([[label, text]]);
  });

  it('a ruling written in Markdown bold (**決議**：…)', () => {
    // test/fixtures/corpus/raw/63_community-committee27-20241210.md:27–28
    const md = ['# 社區管理委員會第27屆第1次會議紀錄', '**時間**：113/12/10 19:00~21:30<br>', '**主席**：郭子仁<br>', '### 議題1. 討論物業及保全合約(合約于114/1/31 到期)', corpusLine('63', '**決議**：經出席委員7票同意')].join('\n');
    const d = parse(md, { format: 'markdown' });
    expect(d.rulings.map((r) => [r.label, r.text])).toEqual([['決議', '經出席委員7票同意，請安委與契委向保家物業接洽延展合約至114年3月31日.']]);
  });

  it.each([
    [['(一) 臺灣金融科技公司王董事長：本案依「決議：同意備查」辦理。'], 'a quoted 決議 inside a speech'],
    [['(一) 臺灣金融科技公司王董事長：前次會議「決議：請國經司研議」，本人建議追蹤。'], 'a quoted 決議 mid-sentence'],
    [['(一) 臺灣金融科技公司王董事長：', '前次會議', '「決議：請國經司研議。」', '本人建議追蹤。'], 'a quoted 決議 on a line of its own inside a speech'],
    [['(一) 臺灣金融科技公司王董事長：前次會議決議：請國經司研議。'], 'a 決議： inside a sentence of a speech'],
  ])('%j: no ruling (%s); the words stay in the speech', (lines) => {
    const d = minutes(lines);
    expect(d.rulings).toEqual([]);
    expect(d.speeches.map((s) => [s.speaker.org, s.speaker.title])).toEqual([['臺灣金融科技公司', '董事長']]);
    expect(d.speeches[0]!.text).toContain('決議：');
  });

  it('a quoted 決議 in running text (test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:55) is no ruling', () => {
    const d = minutes(['一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。', '年 10 月 25 日 639 次會議提案說明，依該次會議決議：「一、本案保留。」謹補充如后。']);
    expect(d.rulings).toEqual([]);
  });
});

describe('action items and their due dates (meeting 2018-06-22)', () => {
  it.each([
    // a month and day with no year: the next such date after the meeting
    ['主席裁示：請秘書處於3月5日前提送資料。', '2019-03-05', '秘書處'],
    ['主席裁示：請各單位於 7 月 31 日前完成盤點。', '2018-07-31', '各單位'],
    ['主席裁示：請各單位於7/31前完成盤點。', '2018-07-31', '各單位'],
    ['主席裁示：請各單位於 107 年 12 月底前完成盤點。', '2018-12-31', '各單位'],
    // a leap day in a leap year (民國 109 = 2020)
    ['主席裁示：請秘書處於109年2月29日前提送資料。', '2020-02-29', '秘書處'],
  ])('%s → due %s, owner %s', (line, due, owner) => {
    const d = minutes([line]);
    expect(d.actions.map((a) => [a.due, a.owner])).toEqual([[due, owner]]);
    expect(codes(d)).not.toContain('action-date-invalid');
  });

  it.each([
    ['主席裁示：請秘書處於2/30前提送資料。'],
    ['主席裁示：請秘書處於2月30日前提送資料。'],
    ['主席裁示：請秘書處於107年2月29日前提送資料。'],
    ['主席裁示：請各單位於 107 年 12 月 32 日前完成盤點。'],
  ])('%s: no action, and action-date-invalid', (line) => {
    const d = minutes([line]);
    expect(d.actions).toEqual([]);
    expect(d.rulings).toHaveLength(1);
    expect(d.diagnostics.filter((x) => x.code === 'action-date-invalid').map((x) => x.severity)).toEqual(['warning']);
  });

  it.each([
    ['主席裁示：請各單位於下次會議前完成盤點。', 'a deadline with no date'],
    ['主席裁示：請各單位儘速完成盤點。', 'no deadline'],
    // test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:31: a date in a statement, no one asked to act
    ['主席裁示：本案同意備查。托嬰中心將於 102 年 7 月 31 日前停止服務。', 'a date before 前 in a statement'],
    ['(一) 世新大學陳副教授：建議於 7 月 31 日前完成盤點。', 'a suggestion in a speech, no ruling'],
  ])('%s: no action (%s), no diagnostic', (line) => {
    const d = minutes([line]);
    expect(d.actions).toEqual([]);
    expect(codes(d)).not.toContain('action-date-invalid');
  });
});

describe('attendance lists', () => {
  // samples/mofa-2016-105-4.txt:1–5, with the attendance line under test.
  const header = (line: string) => ['「外交部資料開放諮詢小組」', '第4次會議紀錄', '時間：105年12月23日(星期五)上午10時', '主席：李委員自正', line];
  const view = (d: MinutesDocument) => d.attendees.map((a) => [a.name, a.title, a.status, a.onBehalfOf?.name ?? null]);

  it.each([
    // samples/mofa-2016-105-4.txt:7–9
    ['出席人員：陳委員華玉(鍾副局長文正代)、王委員可言、林委員宜隆', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['王可言', '委員', 'present', null], ['林宜隆', '委員', 'present', null]]],
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:28
    ['出席人員：張澤雄(余念梓代)、傅永茂(杜英輝代)、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['杜英輝', null, 'proxy', '傅永茂'], ['蔡炳坤', null, 'present', null]]],
    // test/fixtures/corpus/raw/63_community-committee27-20241210.md:17
    ['出席委員：主委郭子仁、副主委孟秀芳(沈錦生代)、財委張麗君、稽委梁淑賢(請假)', [['郭子仁', '主委', 'present', null], ['沈錦生', null, 'proxy', '孟秀芳'], ['張麗君', '財委', 'present', null], ['梁淑賢', '稽委', 'on-leave', null]]],
    // test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:7 (names separated by a space)
    [corpusLine('13', '出席召集委員'), [['劉書彬', null, 'present', null], ['陳秀寳', null, 'present', null]]],
    // Bracket-less proxies: the lines above with the brackets left out. Titles mark where the principal ends.
    ['出席人員：陳委員華玉鍾副局長文正代、王委員可言', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['王可言', '委員', 'present', null]]],
    ['出席人員：陳華玉鍾副局長文正代、王委員可言', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['王可言', '委員', 'present', null]]],
    ['出席人員：陳委員華玉鍾文正代、王委員可言', [['鍾文正', null, 'proxy', '陳華玉'], ['王可言', '委員', 'present', null]]],
    // Two bare names: split where a known surname starts the second (余).
    ['出席人員：張澤雄余念梓代、傅永茂(杜英輝代)、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['杜英輝', null, 'proxy', '傅永茂'], ['蔡炳坤', null, 'present', null]]],
    // A slash or a dash between principal and proxy marks the cut.
    ['出席人員：陳委員華玉/鍾副局長文正代、王委員可言', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['王可言', '委員', 'present', null]]],
    ['出席人員：陳委員華玉－鍾副局長文正代、王委員可言', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['王可言', '委員', 'present', null]]],
    // One titled person before the mark: the proxy, whose principal is not written (as in 陳專門委員首翰(代理)).
    ['出席人員：鍾副局長文正代、王委員可言', [['鍾文正', '副局長', 'proxy', null], ['王可言', '委員', 'present', null]]],
    // samples/mofa-2018-107-1.txt: 林次長全能(林主任聰仁代理) without its brackets; never 林主 + 任聰仁 (a cut inside 主任).
    ['出席人員：林主任聰仁代理、王委員可言', [['林聰仁', '主任', 'proxy', null], ['王可言', '委員', 'present', null]]],
    ['出席人員：林主任聰仁代、王委員可言', [['林聰仁', '主任', 'proxy', null], ['王可言', '委員', 'present', null]]],
    // Proxy notes in brackets, as the corpus writes them (02: 張澤雄(余念梓代); samples/moea-2021-7-1.txt:9: 林次長全能(林主任聰仁代理))
    // with the other wordings of the genre: a lead (由), a closing 出席, a label (代理人：).
    ['出席人員：張澤雄(由余念梓代理)、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['蔡炳坤', null, 'present', null]]],
    ['出席人員：張澤雄（余念梓代理出席）、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['蔡炳坤', null, 'present', null]]],
    ['出席人員：張澤雄（由余念梓代理出席）、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['蔡炳坤', null, 'present', null]]],
    ['出席人員：張澤雄（代理人：余念梓）、蔡炳坤', [['余念梓', null, 'proxy', '張澤雄'], ['蔡炳坤', null, 'present', null]]],
    ['出席人員：林次長全能(林主任聰仁代理出席)、王委員可言', [['林聰仁', '主任', 'proxy', '林全能'], ['王可言', '委員', 'present', null]]],
    // A status for the member and a proxy in one note: the member with that status, then the proxy; a
    // separator inside the brackets never splits the list.
    ['出席人員：王委員可言（請假，由林委員宜隆代理）、蕭委員乃沂', [['王可言', '委員', 'on-leave', null], ['林宜隆', '委員', 'proxy', '王可言'], ['蕭乃沂', '委員', 'present', null]]],
    ['出席人員：彭振聲（公假；余念梓代理）、蔡炳坤', [['彭振聲', null, 'on-leave', null], ['余念梓', null, 'proxy', '彭振聲'], ['蔡炳坤', null, 'present', null]]],
    ['出席人員：彭振聲(請假由余念梓代理)、蔡炳坤', [['彭振聲', null, 'on-leave', null], ['余念梓', null, 'proxy', '彭振聲'], ['蔡炳坤', null, 'present', null]]],
    // test/fixtures/corpus/raw/62_tyc-council-1-t12-13.txt:32 (郭麗華 劉勝全 陳麗莉) with a proxy mark. A three-character
    // name and 代 is the proxy, principal not written (as in (代理)), in any list form.
    ['出席：郭麗華 劉勝全代 陳麗莉', [['郭麗華', null, 'present', null], ['劉勝全', null, 'proxy', null], ['陳麗莉', null, 'present', null]]],
    ['出席：郭麗華、劉勝全代、陳麗莉', [['郭麗華', null, 'present', null], ['劉勝全', null, 'proxy', null], ['陳麗莉', null, 'present', null]]],
    // Two names of three written together before the mark: 郭麗|華劉勝全 would make names of two and four.
    ['出席：郭麗華劉勝全代、陳麗莉', [['劉勝全', null, 'proxy', '郭麗華'], ['陳麗莉', null, 'present', null]]],
    ['出席：郭麗華劉勝全、陳麗莉', [['郭麗華', null, 'present', null], ['劉勝全', null, 'present', null], ['陳麗莉', null, 'present', null]]],
    // Committee posts: test/fixtures/corpus/raw/63_community-committee27-20241210.md:17 (財委張麗君, 安委曾培勝) with the
    // posts written out. A modifier of two to four ideographs and a title word make the post.
    ['出席委員：財務委員張麗君、環境保護委員翁瓊玲、安全委員曾培勝、B棟委員游鈞華', [['張麗君', '財務委員', 'present', null], ['翁瓊玲', '環境保護委員', 'present', null], ['曾培勝', '安全委員', 'present', null], ['游鈞華', 'B棟委員', 'present', null]]],
    // A space between the post and the name: one person, no person named 機電.
    ['出席委員：機電委員 曾培勝、監察委員 洪堯宇', [['曾培勝', '機電委員', 'present', null], ['洪堯宇', '監察委員', 'present', null]]],
    // A modifier that reads as a name (a surname, no post word) is a person: two people, not a title 林杰主任委員.
    ['出席委員：林杰主任委員孟秀芳、郭子仁副召集人張麗君、洪堯宇', [['林杰', null, 'present', null], ['孟秀芳', '主任委員', 'present', null], ['郭子仁', null, 'present', null], ['張麗君', '副召集人', 'present', null], ['洪堯宇', null, 'present', null]]],
    // The post is the member's: the proxy keeps no title of it (the corpus line's 副主委孟秀芳(沈錦生代) with the post written out).
    ['出席委員：財務委員孟秀芳(沈錦生代)、機電委員曾培勝代理', [['沈錦生', null, 'proxy', '孟秀芳'], ['曾培勝', '機電委員', 'proxy', null]]],
    // test/fixtures/corpus/raw/63_community-committee27-20241210.md:17 with other short posts (one character and 委).
    ['出席委員：主委郭子仁、康委張麗君、機委洪堯宇、文委梁淑賢(請假)', [['郭子仁', '主委', 'present', null], ['張麗君', '康委', 'present', null], ['洪堯宇', '機委', 'present', null], ['梁淑賢', '文委', 'on-leave', null]]],
    // A representative's post: a group before 代表 (家長代表, 教師代表) is no name.
    ['出席人員：家長代表張麗君、教師代表曾培勝', [['張麗君', '家長代表', 'present', null], ['曾培勝', '教師代表', 'present', null]]],
    // samples/mofa-2016-105-4.txt:7 with a space for the brackets, in a list separated by 、: the proxy after the member.
    ['出席人員：陳委員華玉 鍾副局長文正代、王委員可言 林宜隆代理、蕭委員乃沂', [['鍾文正', '副局長', 'proxy', '陳華玉'], ['林宜隆', null, 'proxy', '王可言'], ['蕭乃沂', '委員', 'present', null]]],
    // A titled name whose given name would keep one character without 代 reads as written, as 李時代 does.
    ['出席人員：王委員時代、林主任聰仁代', [['王時代', '委員', 'present', null], ['林聰仁', '主任', 'proxy', null]]],
  ])('%s', (line, attendees) => expect(view(minutes([], header(line)))).toEqual(attendees));

  it.each([
    // No known surname starts 大華: no cut the grammar of names allows.
    ['出席人員：王明大華代、王委員可言', '王明大華代', 'proxy'],
    // Two cuts (王明|林李華, 王明林|李華), and the list names neither: no single reading.
    ['出席人員：王明林李華代、王委員可言', '王明林李華代', 'proxy'],
    ['出席人員：王明林李華、王委員可言', '王明林李華', 'present'],
    ['出席人員：王明林李華(請假)、王委員可言', '王明林李華(請假)', 'on-leave'],
  ])('%s: the entry is kept whole, with no name read into it, and attendee-name-unsplit', (line, raw, status) => {
    const d = minutes([], header(line));
    expect(view(d)).toEqual([[null, null, status, null], ['王可言', '委員', 'present', null]]);
    expect(d.attendees[0]).toMatchObject({ raw, surname: null, proxy: status === 'proxy' });
    expect(spanText(d, d.attendees[0]!.span)).toBe(raw);
    expect(codes(d).filter((c) => c === 'attendee-name-unsplit')).toHaveLength(1);
  });

  it.each([
    // samples/mofa-2018-107-1.txt:10
    ['出(列)席人員：如後附出(列)席人員名單'],
    // test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:9
    [corpusLine('11', '出席委員：（詳簽到表）')],
    ['出席人員：如簽到表'],
  ])('%s: a referenced list, no attendees, attendees-referenced', (line) => {
    const d = minutes([], header(line));
    expect(d.attendees).toEqual([]);
    expect(codes(d)).toContain('attendees-referenced');
  });

  it.each([
    // The control: where the header's attendance line stands, a list is read.
    ['出席人員：王委員可言、林委員宜隆、蕭委員乃沂', ['王可言', '林宜隆', '蕭乃沂'], true],
    // test/fixtures/corpus/raw/62_tyc-council-1-t12-13.txt:53, a report that a quorum is present
    [corpusLine('62', '一、孫副秘書長報告出席議員已足開會法定人數'), [], false],
    ['孫副秘書長報告出席議員已足開會法定人數。', [], false],
    ['本次會議出席委員共 9 人，已達法定人數。', [], false],
    ['感謝各位委員撥冗出席。', [], false],
  ])('%s in the header, after the chair → attendees %j', (line, names, found) => {
    const d = minutes([], [...HEADER.slice(0, 4), line]);
    expect(d.attendees.map((a) => a.name)).toEqual(names);
    expect(d.meeting?.chair?.name).toBe('謝武樵');
    expect(d.diagnostics.find((x) => x.code === 'kind-minutes')!.message.includes('not found: an attendance list')).toBe(!found);
  });

  it('a proxy for a member with a post: the post stays the member\'s', () => {
    const d = minutes([], header('出席委員：財務委員孟秀芳(沈錦生代)、監察委員洪堯宇'));
    expect(d.attendees[0]).toMatchObject({ name: '沈錦生', title: null, onBehalfOf: { name: '孟秀芳', title: '財務委員' } });
  });

  it('one name a line: a three-character name and 代 is a proxy', () => {
    const d = minutes([], [...header('出席人員：'), '郭麗華', '劉勝全代', '陳麗莉']);
    expect(view(d)).toEqual([['郭麗華', null, 'present', null], ['劉勝全', null, 'proxy', null], ['陳麗莉', null, 'present', null]]);
  });

  it('李時代 and a name written twice keep the mark as part of the name', () => {
    expect(view(minutes([], header('出席人員：李時代、王委員可言')))).toEqual([['李時代', null, 'present', null], ['王可言', '委員', 'present', null]]);
    expect(view(minutes([], header('出席人員：劉勝全代、王委員可言、劉勝全代')))[0]).toEqual(['劉勝全代', null, 'present', null]);
  });

  it('a bracket-less proxy (王明李大華代) is split where a surname starts the second name, not by length', () => {
    const d = minutes([], header('出席人員：王明李大華代、王委員可言'));
    expect(view(d)).toEqual([['李大華', null, 'proxy', '王明'], ['王可言', '委員', 'present', null]]);
    expect(d.attendees[0]!.raw).toBe('王明李大華代');
  });
});
