/**
 * The kind decision (src/extract/kind.ts) at its boundary: minutes need two kinds of evidence among a title
 * naming a meeting, a meeting date, a chair, an attendance list, an adjournment, rulings, and two or more
 * speeches. Each row is a document just above or just below that line, built from real lines, and asserts
 * the kind, the evidence the diagnostic names, and what the document then holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';
import { corpusFile, corpusLine, sampleText } from './helpers.js';

// samples/mofa-2018-107-1.txt:2–8 and :29, samples/mofa-2016-105-4.txt:9.
const TITLE = '外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄';
const DATE = '時間：107 年 6 月 22 日(星期五)下午 3 時';
const PLACE = '地點：外交部 441 會議室';
const CHAIR = '主席：謝政務次長武樵(資訊長)';
const ATTENDANCE = '出席人員：王委員可言、林委員宜隆、蕭委員乃沂';
const RULING = '主席裁示：本案辦理情形同意備查，請國經司參考王委員意見。';
const SECTION = '一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。';
// The next section of the same family: 散會 as the closing heading.
const ADJOURN = '二、散會';
// test/fixtures/corpus/raw/18_ntp-council-record-20200828-speeches.txt:10 and :13
const SPEECH_1 = corpusLine('18', '林議員銘仁: 我要問一下');
const SPEECH_2 = corpusLine('18', '張處長志乾: 對');

const E = {
  title: 'a 會議紀錄 title',
  date: 'a meeting date',
  chair: 'a chair (主席)',
  attendance: 'an attendance list (出席)',
  adjourn: 'an adjournment (散會)',
  rulings: (n: number) => `rulings (${n})`,
  speeches: (n: number) => `speeches (${n})`,
};

/** The kind, and the evidence its diagnostic says was found (the decision's own account). */
function decision(d: MinutesDocument): { kind: string; found: string[] } {
  const diags = d.diagnostics.filter((x) => x.code === 'kind-minutes' || x.code === 'kind-other');
  expect(diags).toHaveLength(1);
  const { code, message, severity } = diags[0]!;
  expect([code, severity]).toEqual([d.kind === 'minutes' ? 'kind-minutes' : 'kind-other', 'info']);
  const found = /found (?:only )?(.*?)(?:; not found|\.$)/u.exec(message);
  return { kind: d.kind, found: found && !message.includes('no meeting header') ? found[1]!.split(', ') : [] };
}

const doc = (...lines: string[]) => parse(lines.join('\n'));

describe('the kind decision at its threshold (two kinds of evidence)', () => {
  it.each([
    // Header evidence alone.
    ['title only', [TITLE, SECTION], 'other', [E.title]],
    ['title + date', [TITLE, DATE, SECTION], 'minutes', [E.title, E.date]],
    ['date only', [DATE, PLACE, SECTION], 'other', [E.date]],
    ['chair only', [CHAIR, SECTION], 'other', [E.chair]],
    ['date + chair, no title', [DATE, PLACE, CHAIR, SECTION], 'minutes', [E.date, E.chair]],
    ['an attendance list only', [ATTENDANCE, SECTION], 'other', [E.attendance]],
    ['an attendance list + a chair', [CHAIR, ATTENDANCE, SECTION], 'minutes', [E.chair, E.attendance]],
    ['header fields, no records', [TITLE, DATE, PLACE, CHAIR, ATTENDANCE, SECTION], 'minutes', [E.title, E.date, E.chair, E.attendance]],
    // A list of three or more people is attendance evidence under any label (列席: samples/mofa-2016-105-4.txt:11); two are not.
    ['a chair + three observers', [CHAIR, '列席人員：許副處長文壽、王副司長良玉、周公使穎華', SECTION], 'minutes', [E.chair, E.attendance]],
    ['a chair + two observers', [CHAIR, '列席人員：許副處長文壽、王副司長良玉', SECTION], 'other', [E.chair]],
    // Record evidence alone.
    ['one ruling, no header', [SECTION, RULING], 'other', [E.rulings(1)]],
    ['one ruling + one speech (one speech is no evidence)', [SECTION, SPEECH_1, RULING], 'other', [E.rulings(1)]],
    ['one ruling + two speeches, no header', [SECTION, SPEECH_1, SPEECH_2, RULING], 'minutes', [E.rulings(1), E.speeches(2)]],
    ['two speeches only', [SECTION, SPEECH_1, SPEECH_2], 'other', [E.speeches(2)]],
    ['an adjournment only', [SECTION, ADJOURN], 'other', [E.adjourn]],
    ['an adjournment + a ruling', [SECTION, RULING, ADJOURN], 'minutes', [E.adjourn, E.rulings(1)]],
    ['a title + a ruling', [TITLE, SECTION, RULING], 'minutes', [E.title, E.rulings(1)]],
  ])('%s → %s', (_what, lines, kind, found) => {
    expect(decision(doc(...lines))).toEqual({ kind, found });
  });

  it('below the line a document keeps its sections but makes no meeting and no records', () => {
    const below = doc(SECTION, SPEECH_1, RULING);
    expect([below.kind, below.meeting, below.speeches, below.rulings, below.actions, below.attendees]).toEqual(['other', null, [], [], [], []]);
    expect(below.agenda.map((a) => a.number)).toEqual(['一']);
    // One more speech crosses it: the same lines, now minutes with their records.
    const above = doc(SECTION, SPEECH_1, SPEECH_2, RULING);
    expect(above.kind).toBe('minutes');
    expect(above.speeches.map((s) => s.speaker.name)).toEqual(['林銘仁', '張志乾']);
    expect(above.rulings.map((r) => r.label)).toEqual(['主席裁示']);
  });

  it('the header diagnostics (e.g. attendees-referenced) are reported only for minutes', () => {
    // samples/mofa-2018-107-1.txt:10: an attendance field that only refers to a list is evidence of a header.
    const ref = '出(列)席人員：如後附出(列)席人員名單';
    const above = doc(DATE, ref, SECTION);
    expect(decision(above)).toEqual({ kind: 'minutes', found: [E.date, E.attendance] });
    expect(above.diagnostics.map((x) => x.code)).toContain('attendees-referenced');
    const below = doc(ref, SECTION);
    expect(decision(below)).toEqual({ kind: 'other', found: [E.attendance] });
    expect(below.diagnostics.map((x) => x.code)).not.toContain('attendees-referenced');
  });
});

describe('texts that mention meetings but are not minutes', () => {
  it.each([
    [
      'a press release about a meeting',
      ['外交部新聞稿', '發布日期：110 年 7 月 21 日', '外交部於今（21）日召開「資料開放諮詢小組」第 1 次會議，由曾政務次長厚仁主持，民間委員與各單位代表與會。', '會議中，委員肯定本部開放資料之成果，並建議增列英文版本。', '外交部表示，將持續推動政府資料開放。'],
      [],
    ],
    [
      'a press release whose headline names the meeting',
      ['外交部召開資料開放諮詢小組會議', '外交部於今（21）日召開「資料開放諮詢小組」第 1 次會議，由曾政務次長厚仁主持。', '會議中，委員肯定本部開放資料之成果。'],
      [E.title],
    ],
    [
      'a law text on how the body meets (主席, 出席, 會議, 決議 in its articles)',
      ['外交部資料開放諮詢小組設置要點', '一、外交部為推動政府資料開放，特設資料開放諮詢小組（以下簡稱本小組）。', '二、本小組置召集人一人，由政務次長兼任；委員若干人。', '三、本小組每三個月開會一次，必要時得召開臨時會議。', '四、本小組會議由召集人擔任主席；召集人不克出席時，由其指定委員一人代理之。', '五、本小組會議決議事項，由各單位辦理。'],
      [],
    ],
  ])('%s → other', (_what, lines, found) => {
    const d = doc(...lines);
    expect(decision(d)).toEqual({ kind: 'other', found });
    expect([d.meeting, d.speeches, d.rulings]).toEqual([null, [], []]);
  });

  it('法務部 action strategy (samples/moj-action-strategy.txt) → other', () => {
    const d = parse(sampleText('moj-action-strategy.txt'));
    expect(decision(d).kind).toBe('other');
    expect(d.meeting).toBeNull();
  });
});

describe('an agenda (議程) announces a meeting: minutes only with records', () => {
  // samples/mofa-2021-110-1.txt:1–5, titled as the meeting's agenda.
  const AGENDA = ['外交部資料開放諮詢小組第 1 次會議議程', '時間：110 年 7 月 21 日(星期三)上午 10 時', '地點：外交部 441 會議室', '主席：曾政務次長厚仁'];
  const ITEMS = ['壹、主席致詞', '貳、報告事項', '參、討論事項', '肆、臨時動議', '伍、散會'];

  it('a header and the items to be taken up → other, its title no minutes title', () => {
    const d = doc(...AGENDA, ...ITEMS);
    expect(decision(d)).toEqual({ kind: 'other', found: [E.date, E.chair, E.adjourn] });
    expect(d.diagnostics.find((x) => x.code === 'kind-other')!.message).toContain('agenda (議程)');
    expect([d.meeting, d.speeches, d.rulings]).toEqual([null, [], []]);
    expect(d.agenda.map((a) => a.title)).toEqual(['主席致詞', '報告事項', '討論事項', '臨時動議', '散會']);
  });

  it.each([
    ['議事日程 ends the title too', ['外交部資料開放諮詢小組第 1 次會議議事日程', ...AGENDA.slice(1), ...ITEMS], 'other'],
    ['a bracketed note after 議程 does not hide it', ['外交部資料開放諮詢小組第 1 次會議議程(草案)', ...AGENDA.slice(1), ...ITEMS], 'other'],
    // The same header titled as minutes: a minutes title, a date, a chair, an adjournment.
    ['會議紀錄 ends the title: minutes', ['外交部資料開放諮詢小組第 1 次會議紀錄', ...AGENDA.slice(1), ...ITEMS], 'minutes'],
    // 議程 inside the title, not ending it (an agenda's record), names no agenda.
    ['議程 not at the end: minutes', ['外交部資料開放諮詢小組第 1 次會議議程及紀錄', ...AGENDA.slice(1), ...ITEMS], 'minutes'],
    // The agenda with what the meeting resolved under it: records, so minutes.
    ['an agenda with a ruling under it: minutes', [...AGENDA, '壹、主席致詞', '貳、報告事項', SECTION, RULING, '參、散會'], 'minutes'],
    ['an agenda with two speeches under it: minutes', [...AGENDA, '壹、主席致詞', '貳、報告事項', SPEECH_1, SPEECH_2, '參、散會'], 'minutes'],
  ])('%s', (_what, lines, kind) => {
    expect(decision(doc(...lines)).kind).toBe(kind);
  });
});

describe('transcripts are minutes', () => {
  it.each([
    // A gazette record: title, date and chair in a header, then speeches.
    ['17', [E.title, E.date, E.chair, E.speeches(3)]],
    // A council's speech record: title and date in one line, no chair field, speeches.
    ['18', [E.title, E.date, E.speeches(13)]],
  ])('test/fixtures/corpus/raw/%s_…', (prefix, found) => {
    const d = parse(readFileSync(corpusFile(prefix), 'utf8'));
    expect(decision(d)).toEqual({ kind: 'minutes', found });
  });

  it('the first two speeches of the council record alone, after its title line, are minutes (title + speeches)', () => {
    // test/fixtures/corpus/raw/18_ntp-council-record-20200828-speeches.txt:3, :10, :13
    const title = readFileSync(corpusFile('18'), 'utf8').split('\n')[2]!.trim();
    expect(title).toBe('第3屆第6次臨時會109年08月28日會議紀錄');
    expect(decision(doc(title, SPEECH_1, SPEECH_2))).toEqual({ kind: 'minutes', found: [E.title, E.date, E.speeches(2)] });
    // Without the title they are two speeches and nothing else.
    expect(decision(doc(SPEECH_1, SPEECH_2))).toEqual({ kind: 'other', found: [E.speeches(2)] });
  });
});
