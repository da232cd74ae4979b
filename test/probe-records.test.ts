/**
 * Records as other bodies of the corpus's genres write them: variants of real corpus and sample lines
 * (headings, rulings, dataset decisions) run through parse(). Positive rows assert what a careful reader
 * takes from the line; negative rows, lines that look like the form but are not it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';

// samples/mofa-2018-107-1.txt, lines 2–10: a header.
const HEADER = ['外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄', '時間：107 年 6 月 22 日(星期五)下午 3 時', '地點：外交部 441 會議室', '主席：謝政務次長武樵(資訊長)', '出(列)席人員：如後附出(列)席人員名單'];
const doc = (body: string[]): MinutesDocument => parse([...HEADER, ...body].join('\n'), { text: true });
const top = (d: MinutesDocument, id: string | null): string | null => {
  let a = d.agenda.find((x) => x.id === id);
  while (a?.parent) a = d.agenda.find((x) => x.id === a!.parent);
  return a?.number ?? null;
};

describe('a top-level section that is a ruling label', () => {
  // test/fixtures/corpus/raw/01_taipei-citygov-2151-20210720-videoconf.txt: 參、報告事項 … 主席裁示:同意備查。 and a closing section
  // as a city government's or a bureau's minutes write it (伍、主席結論 / 局長結論 / 市長指示).
  const BODY = ['壹、報告事項', '一、市長室會議決議事項重點報告。(秘書處)', '主席裁示:同意備查。', '貳、臨時動議', '無'];
  it.each([
    [['參、主席結論', '一、請各機關落實防汛整備。', '二、請秘書處列管本次會議指示事項。'], '主席結論', 2, '一、請各機關'],
    [['參、局長結論：', '請各單位落實執行本次會議決議事項。'], '局長結論', 0, '請各單位'],
    [['參、局長結論：請各單位落實執行本次會議決議事項。'], '局長結論', 0, '請各單位'],
    [['參、市長指示：', '(一)請水利局完成各區抽水站檢修。', '(二)請各區公所配合辦理防汛演練。'], '市長指示', 2, '(一)請水利局'],
    [['參、決議：照案通過。'], '決議', 0, '照案通過'],
  ])('%j is section 參 (resolutions) holding its ruling', (lines, label, items, starts) => {
    const d = doc([...BODY, ...lines, '肆、散會']);
    expect(d.agenda.filter((a) => !a.parent).map((a) => [a.number, a.kind])).toEqual([['壹', 'report'], ['貳', 'extempore-motions'], ['參', 'resolutions'], ['肆', 'adjournment']]);
    const r = d.rulings.at(-1)!;
    expect([r.label, top(d, r.agendaId), r.items.length, r.text.startsWith(starts)]).toEqual([label, '參', items, true]);
  });

  it.each([
    ['參、上次會議決議事項辦理情形', 'other'],
    ['參、主席致詞', 'chair-remarks'],
    ['參、局長報告', 'report'],
  ])('%s is no ruling section (%s)', (line, kind) => {
    const d = doc([...BODY, line, '略。', '肆、散會']);
    expect(d.agenda.find((a) => a.number === '參')!.kind).toBe(kind);
    expect(d.rulings.map((r) => r.label)).toEqual(['主席裁示']);
  });
});

describe('dataset decisions as rulings word them', () => {
  // samples/mofa-2021-110-1.txt, lines 60–76: the submissions of a 資料開放諮詢小組 meeting.
  const SUBMITTED = ['肆、討論事項：', '110 年上半年本部各單位盤點提報之擬開放資料，提請審核。(報告說明略)', '(一)提報單位及項目：', '1. 公眾會 1 項：「外交部全球資訊網各國家與地區相關資訊」。', '2. 領務局 2 項：「領事業務年度統計表」、「護照核發統計」。', '3. 主計處 1 項：「外交部研究設計及發展工作成果統計表」。'];
  const decided = (ruling: string[], after: string[] = []) => doc([...SUBMITTED, ...ruling, ...after, '陸、散會']).datasets.map((x) => [x.name, x.unit, x.decision]);
  const ALL = (decision: string) => [
    ['外交部全球資訊網各國家與地區相關資訊', '公眾會', decision],
    ['領事業務年度統計表', '領務局', decision],
    ['護照核發統計', '領務局', decision],
    ['外交部研究設計及發展工作成果統計表', '主計處', decision],
  ];

  it.each([
    // samples/mofa-2021-110-1.txt:268–276, the verb after the names.
    [['(二)主席裁示：', '1. 公眾會提報之「外交部全球資訊網各國家與地區相關資訊」同意開放。', '2. 領務局提報之「領事業務年度統計表」、「護照核發統計」暫緩開放。', '3. 主計處提報之「外交部研究設計及發展工作成果統計表」不予開放。'], ['approved', 'deferred', 'deferred', 'rejected']],
    // Two decisions in one sentence, clause by clause; 「…」等 2 項 stands for its unit's whole line.
    [['決議：「外交部全球資訊網各國家與地區相關資訊」同意開放，「領事業務年度統計表」等 2 項暫緩開放，「外交部研究設計及發展工作成果統計表」不同意開放。'], ['approved', 'deferred', 'deferred', 'rejected']],
    // samples/mofa-2021-110-1.txt:268, the verb before the names (as before).
    [['決議：同意開放公眾會提報之「外交部全球資訊網各國家與地區相關資訊」，暫緩開放領務局提報之「領事業務年度統計表」及「護照核發統計」。'], ['approved', 'deferred', 'deferred', 'proposed']],
  ])('%j decides each named dataset', (ruling, decisions) => {
    expect(decided(ruling).map((x) => x[2])).toEqual(decisions);
  });

  it.each([
    ['決議：照案通過。'],
    ['決議：同意開放。'],
    ['決議：經審議，同意開放如附件 2。'],
    ['決議：本案同意開放，請各單位於資料開放平臺上架。'],
    ['決議：本次提報之 4 項資料集均同意開放。'],
    ['主席裁示：所列資料集同意公開。'],
  ])('%s decides every dataset submitted in its section', (ruling) => {
    expect(decided([ruling])).toEqual(ALL('approved'));
  });

  it.each([
    ['決議：洽悉，請各單位持續盤點。', 'no decision verb'],
    ['決議：請各單位持續盤點不涉機敏，可供開放之業務資料後，再行同意開放。', 'a verb with an object that is no dataset'],
  ])('%s decides nothing (%s)', (ruling) => {
    expect(decided([ruling])).toEqual(ALL('proposed'));
  });

  it('照案通過 in another section does not decide the datasets submitted elsewhere', () => {
    expect(decided([], ['伍、臨時動議', '一、修正本部資料開放作業要點案。', '決議：照案通過。'])).toEqual(ALL('proposed'));
  });
});

describe('a committee record: sections after the chair\'s turns', () => {
  // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt, lines 1–21, and 15_…:106–110.
  const LY = ['立法院第10屆第6會期交通委員會第6次全體委員會議紀錄', '時  間 中華民國111年11月3日(星期四)9時1分至12時41分', '地  點 本院紅樓201會議室', '主  席 魯委員明哲'];
  const ly = (body: string[]) => parse([...LY, ...body].join('\n'), { text: true });
  const REPORT = ['報 告 事 項', '一、宣讀上次會議議事錄。', '決定:確定。', '二、邀請國家通訊傳播委員會主任委員列席報告業務概況。'];

  it('主席：… turns inside 報告事項 quote no record: 討 論 事 項 after them is a section', () => {
    const d = ly([...REPORT, '主席:請通傳會陳主任委員報告。', '陳主任委員耀祥:主席、各位委員。', '主席:報告完畢，現在開始詢答。', '決定:報告及詢答完畢。', '討 論 事 項', '審查「電信管理法部分條文修正草案」案。', '決議:本案審查完竣。', '散會']);
    expect(d.agenda.filter((a) => !a.parent).map((a) => [a.number, a.kind])).toEqual([[null, 'report'], [null, 'discussion']]);
    expect(d.rulings.map((r) => d.agenda.find((a) => a.id === r.agendaId)?.title.slice(0, 4))).toEqual(['宣讀上次', '邀請國家', '討論事項']);
  });

  it('一、宣讀上次會議議事錄。 before any header field the text reads is an item, not a chapter of records', () => {
    const d = ly([...REPORT, '決定:洽悉。', '散會']);
    expect(d.agenda.map((a) => [a.number, a.title])).toEqual([[null, '報告事項'], ['一', '宣讀上次會議議事錄'], ['二', '邀請國家通訊傳播委員會主任委員列席報告業務概況']]);
  });

  it('a quoted record (its 時間/地點 fields) inside 報告事項 still holds no sections of ours', () => {
    // test/fixtures/corpus/raw/15_ly-judiciary-gazette-20160502.txt:13–19
    const d = ly(['報 告 事 項', '一、宣讀上次會議議事錄。', '立法院第9屆第1會期司法及法制委員會第19次全體委員會議議事錄', '時  間:中華民國105年4月28日(星期四)上午9時3分至12時24分', '地  點:本院紅樓302會議室', '報 告 事 項', '宣讀上次會議議事錄。', '決定:確定。', '散會']);
    expect(d.agenda.filter((a) => !a.parent).map((a) => a.title)).toEqual(['報告事項']);
  });
});

describe('speaker labels with a note or a verb after the name', () => {
  // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:21–23 and their variants.
  const LY = ['立法院第10屆第6會期交通委員會第6次全體委員會議紀錄', '時  間 中華民國111年11月3日(星期四)9時1分至12時41分', '地  點 本院紅樓201會議室', '主  席 魯委員明哲', '報 告 事 項', '邀請國家通訊傳播委員會主任委員列席報告業務概況。', '主席:請通傳會陳主任委員報告。'];
  const speakers = (line: string) => parse([...LY, line, '散會'].join('\n')).speeches.slice(1).map((s) => [s.speaker.raw, s.speaker.name, s.text]);

  it.each([
    ['陳主任委員耀祥答:主席、各位委員。', '陳主任委員耀祥', '陳耀祥'],
    ['陳主任委員耀祥（國家通訊傳播委員會）:主席、各位委員。', '陳主任委員耀祥（國家通訊傳播委員會）', '陳耀祥'],
    ['魯委員明哲（主席）:主席、各位委員。', '魯委員明哲（主席）', '魯明哲'],
    ['陳主任委員耀祥(書面):主席、各位委員。', '陳主任委員耀祥(書面)', '陳耀祥'],
  ])('%s is a turn of %s', (line, raw, name) => {
    expect(speakers(line)).toEqual([[raw, name, '主席、各位委員。']]);
  });

  it.each([['說明（一）:主席、各位委員。'], ['附件(二):主席、各位委員。'], ['決議（一）:主席、各位委員。'], ['出席人員（依簽到順序）:主席、各位委員。']])('%s is no turn', (line) => {
    expect(speakers(line)).toEqual([]);
  });
});

describe('deadlines as rulings write them', () => {
  // samples/mofa-2018-107-1.txt: the header (meeting 2018-06-22), a report item and its ruling.
  const due = (ruling: string) => doc(['壹、報告事項', '一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。', `主席裁示：${ruling}`, '貳、散會']).actions.map((a) => [a.due, a.owner]);

  it.each([
    ['請各單位於本（107）年10月31日前完成盤點。', '2018-10-31', '各單位'],
    ['請各單位於本(107)年 10 月底前完成盤點。', '2018-10-31', '各單位'],
    ['請資電處於明（108）年1月15日前提送檢討報告。', '2019-01-15', '資電處'],
    ['請各單位最遲於 10 月 31 日完成盤點。', '2018-10-31', '各單位'],
    ['本案最遲於 107 年 10 月 31 日完成上架。', '2018-10-31', null],
  ])('%s → due %s', (ruling, date, owner) => {
    expect(due(ruling)).toEqual([[date, owner]]);
  });

  it.each([
    ['去（106）年10月31日已完成盤點。', 'a date past, done'],
    ['請各單位於本（107）年 10 月底完成盤點之檢討。', 'no deadline word'],
    ['本部最遲於 10 月 31 日召開下次會議。', 'an event, no task'],
    ['請各單位於 10 月底前完成盤點。', 'a month end with no year: vague'],
  ])('%s makes no action (%s)', (ruling) => {
    expect(due(ruling)).toEqual([]);
  });
});

describe('top-level section names in other wordings', () => {
  // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:1–4 as a header, then one section.
  const BUREAU = ['臺南市政府工務局第 16 次局務會議紀錄', '開會時間:中華民國 101 年 5 月 24 日星期四下午 4 時 30 分', '開會地點:臺南市政府永華行政中心行政大樓 2 樓會議室', '會議主持人:吳 局長宗榮'];
  const kindOf = (title: string) => parse([...BUREAU, `壹、${title}`, '內容從略。', '貳、散會'].join('\n')).agenda.find((a) => a.number === '壹')!.kind;
  it.each([
    ['主席致開會詞', 'chair-remarks'],
    ['主席結論與指示', 'resolutions'],
    ['主席裁示事項', 'resolutions'],
    ['裁示事項', 'resolutions'],
    ['審議案件', 'discussion'],
    ['提案事項', 'discussion'],
    ['發言摘要', 'member-remarks'],
    ['會議結束', 'adjournment'],
    // as before
    ['主席致詞', 'chair-remarks'],
    ['上次會議決議事項辦理情形', 'other'],
    ['局長轉達市政會議指示事項', 'other'],
    ['頒獎', 'other'],
  ])('壹、%s is %s', (title, kind) => {
    expect(kindOf(title)).toBe(kind);
  });

  // test/fixtures/corpus/raw/61_ntp-council-2-1-03.txt:48–53: a section of rulings whose first line is a member's request.
  it('乙、主席裁定事項 over a request and a ruling is no ruling itself; the ruling under it is', () => {
    const d = parse([...BUREAU, '甲、報告事項', '一、宣布開會。', '乙、主席裁定事項', '蘇議員有仁要求：', '請文化局提供鶯歌區合興窯之後續處理情形。', '主席裁定：請於 104 年 4 月 30 日開會前送會。', '散會：17 時 32 分'].join('\n'));
    expect(d.agenda.filter((a) => !a.parent).map((a) => [a.number, a.kind])).toEqual([['甲', 'report'], ['乙', 'resolutions']]);
    expect(d.rulings.map((r) => [r.label, top(d, r.agendaId), r.text])).toEqual([['主席裁定', '乙', '請於 104 年 4 月 30 日開會前送會。']]);
  });
});

describe('ruling labels behind a bullet, a lead or in brackets', () => {
  // test/fixtures/corpus/raw/01_taipei-citygov-2151-20210720-videoconf.txt: 二、修正…案。(地政局) and its 決議:本案通過。
  const CASE = ['貳、討論事項', '一、修正「本市木柵路五段附近地區區段徵收」附屬單位預算計畫名稱、期程及總開發費用案。(地政局)'];
  const rulings = (line: string) => doc([...CASE, line, '參、散會']).rulings.map((r) => [r.label, r.kind, r.text, top(d0(line), r.agendaId)]);
  const d0 = (line: string) => doc([...CASE, line, '參、散會']);
  it.each([
    ['【決議】本案通過。', '決議', 'resolution'],
    ['[決議]：本案通過。', '決議', 'resolution'],
    ['〔主席裁示〕本案通過。', '主席裁示', 'chair-ruling'],
    ['◎決議：本案通過。', '決議', 'resolution'],
    ['※ 主席裁示：本案通過。', '主席裁示', 'chair-ruling'],
    ['經討論後決議：本案通過。', '決議', 'resolution'],
    ['經表決，決議：本案通過。', '決議', 'resolution'],
    ['決議如下：本案通過。', '決議', 'resolution'],
    ['主席裁（指）示：本案通過。', '主席裁（指）示', 'chair-ruling'],
    ['市長裁(指)示：本案通過。', '市長裁(指)示', 'chair-ruling'],
    ['大會決議：本案通過。', '大會決議', 'resolution'],
    ['委員會決議：本案通過。', '委員會決議', 'resolution'],
  ])('%s is a ruling %s', (line, label, kind) => {
    expect(rulings(line)).toEqual([[label, kind, '本案通過。', '貳']]);
  });

  it.each([
    ['經討論後決議通過本案。', 'a lead and a verb in a sentence'],
    ['【附件】本案通過。', 'a bracketed label that is no ruling'],
    ['◎說明：本案通過。', 'a bullet before another label'],
    ['依上次會議決議：本案通過。', 'a ruling quoted from another meeting'],
    ['討論結果：本案通過。', 'not a ruling label'],
  ])('%s is no ruling (%s)', (line) => {
    expect(rulings(line)).toEqual([]);
  });
});

describe('lists numbered with a closing bracket only', () => {
  // test/fixtures/corpus/raw/32_asroc-council-record20041210.pdf writes its points 1) 2); a ruling may too.
  const CASE = ['貳、討論事項', '一、修正本部資料開放作業要點案。'];
  it.each([
    [['決議：', '1) 同意。', '2) 請秘書處辦理。'], 2],
    [['決議：', '一)同意。', '二)請秘書處辦理。'], 2],
    [['決議：', '1）同意。', '2）請秘書處辦理。'], 2],
    [['決議：同意(如附件', '2)。'], 0],
    [['決議：', '2) 請秘書處辦理。'], 0],
  ])('%j has %i items', (lines, n) => {
    const d = doc([...CASE, ...lines, '參、散會']);
    expect(d.rulings.map((r) => r.items.length)).toEqual([n]);
  });
});

describe('speakers of a committee\'s verbatim record', () => {
  // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:1–23 and turns as other gazettes write them.
  const LY = ['立法院第10屆第6會期交通委員會第6次全體委員會議紀錄', '時  間 中華民國111年11月3日(星期四)9時1分至12時41分', '地  點 本院紅樓201會議室', '主  席 魯委員明哲', '報 告 事 項', '邀請國家通訊傳播委員會主任委員列席報告業務概況。', '主席:請通傳會陳主任委員報告。', '陳主任委員耀祥:主席、各位委員。'];
  const turns = (lines: string[]) => parse([...LY, ...lines, '散會'].join('\n')).speeches.slice(2).map((s) => [s.speaker.raw, s.speaker.name]);

  it.each([
    ['鄭委員天財Sra Kacaw:主委好。', '鄭委員天財Sra Kacaw', '鄭天財Sra Kacaw'],
    ['伍委員麗華Saidhai Tahovecahe:主委好。', '伍委員麗華Saidhai Tahovecahe', '伍麗華Saidhai Tahovecahe'],
    ['高金委員素梅:主委好。', '高金委員素梅', '高金素梅'],
    ['歐陽委員龍:主委好。', '歐陽委員龍', '歐陽龍'],
  ])('%s is a turn of %s', (line, raw, name) => {
    expect(turns([line])).toEqual([[raw, name]]);
  });

  it('陳主任委員 after 陳主任委員耀祥 spoke is the same person', () => {
    expect(turns(['陳主任委員:是。'])).toEqual([['陳主任委員', '陳耀祥']]);
  });

  it('林主任委員, whom no one named before, stays unnamed', () => {
    expect(turns(['林主任委員:是。'])).toEqual([['林主任委員', null]]);
  });

  it.each([['本府委員小明:主委好。'], ['現任委員大同:主委好。']])('%s takes no org or modifier for a surname', (line) => {
    expect(turns([line]).map(([, name]) => name)).not.toContain(line.slice(0, 2) + line.slice(4, 6));
  });
});

describe('a ruling ends where the next case begins', () => {
  // test/fixtures/corpus/raw/64_community-committee27-20250415.md (議題 3. after a 決議) and a council's 第二案.
  const CASE = ['貳、討論事項', '一、修正本部資料開放作業要點案。'];
  it.each([
    ['第二案'],
    ['第 2 案：建請增設公車路線案。'],
    ['議題 3. 討論社區防火門磁磚補貼情形'],
    ['動議2. 回收室鐵捲門壞掉維修。'],
    ['提案二：修訂本會章程第 5 條案。'],
    ['案由二：道路挖掘管理案。'],
  ])('決議：照案通過。 then %s: the ruling is 照案通過。 alone', (next) => {
    const d = doc([...CASE, '決議：照案通過，送請市政府研辦', next, '說明：略。', '參、散會']);
    expect(d.rulings.map((r) => r.text)).toEqual(['照案通過，送請市政府研辦']);
  });

  it.each([['第二案所提意見併入本案辦理。'], ['提案人所提意見併入本案辦理。'], ['議題討論時所提意見併入辦理。']])('%s continues the ruling', (next) => {
    const d = doc([...CASE, '決議：照案通過，', next, '參、散會']);
    expect(d.rulings.map((r) => r.text.replace(/\s+/gu, ''))).toEqual([`照案通過，${next}`]);
  });
});

describe('submission lists in other wordings', () => {
  // samples/mofa-2021-110-1.txt:60–76 (1. 公眾會 1 項：「…」) and the ways other units write the line.
  const submitted = (line: string) =>
    doc(['肆、討論事項：', '110 年上半年本部各單位盤點提報之擬開放資料，提請審核。(報告說明略)', '(一)提報單位及項目：', line, '伍、散會']).datasets.map((x) => [x.name, x.unit, x.count, x.decision]);
  const BOTH = [['領事業務年度統計表', '領務局', 2, 'proposed'], ['護照核發統計', '領務局', 2, 'proposed']];
  it.each([
    ['1. 領務局 2 項：「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局共 2 項：「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局計2項:「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局提報 2 項：「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局（2項）：「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局 2 項資料集：「領事業務年度統計表」、「護照核發統計」。'],
    ['1. 領務局：「領事業務年度統計表」、「護照核發統計」（計 2 項）。'],
    ['1. 領務局提報「領事業務年度統計表」、「護照核發統計」等 2 項。'],
    ['1. 領務局擬開放「領事業務年度統計表」及「護照核發統計」2 項資料集。'],
  ])('%s submits two datasets', (line) => {
    expect(submitted(line)).toEqual(BOTH);
  });

  it.each([['說明：「領事業務年度統計表」、「護照核發統計」等 2 項。'], ['1. 領務局已開放「領事業務年度統計表」、「護照核發統計」。'], ['1. 領務局表示「領事業務年度統計表」很有用。']])('%s submits nothing', (line) => {
    expect(submitted(line)).toEqual([]);
  });
});

describe('sections and their items numbered alike', () => {
  // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt numbers its sections 1、…; samples number items 一、.
  const BUREAU = ['臺南市政府工務局第 16 次局務會議紀錄', '開會時間:中華民國 101 年 5 月 24 日星期四下午 4 時 30 分', '開會地點:臺南市政府永華行政中心行政大樓 2 樓會議室', '會議主持人:吳 局長宗榮'];
  const tree = (s: [string, string, string]) => {
    const d = parse([...BUREAU, s[0], '一、工作報告。', '決定：洽悉。', '二、財務報告。', '決定：洽悉。', s[1], '一、修正要點案。', '決議：照案通過。', '二、修正辦法案。', '決議：照案通過。', s[2]].join('\n'));
    return { tops: d.agenda.filter((a) => !a.parent).map((a) => [a.number, a.kind]), rulings: d.rulings.map((r) => top(d, r.agendaId)) };
  };
  it.each([
    [['一、報告事項', '二、討論事項', '三、散會'], ['一', '二', '三']],
    [['1、報告事項', '2、討論事項', '3、散會'], ['1', '2', '3']],
    [['1.報告事項', '2.討論事項', '3.散會'], ['1', '2', '3']],
    [['(一)報告事項', '(二)討論事項', '(三)散會'], ['一', '二', '三']],
    [['壹、報告事項', '貳、討論事項', '參、散會'], ['壹', '貳', '參']],
  ] as [[string, string, string], string[]][])('%j: three sections, the items under them', (sections, n) => {
    expect(tree(sections)).toEqual({ tops: [[n[0], 'report'], [n[1], 'discussion'], [n[2], 'adjournment']], rulings: [n[0], n[0], n[1], n[1]] });
  });

  it('the same section again (the next sitting\'s 甲、報告事項) is a section, not an item', () => {
    const d = parse([...BUREAU, '甲、報告事項', '一、宣布開會。', '甲、報告事項', '一、宣布開會。', '乙、討論事項'].join('\n'));
    expect(d.agenda.filter((a) => !a.parent).map((a) => a.number)).toEqual(['甲', '甲', '乙']);
  });
});

describe('unnumbered sections behind a bullet or in brackets', () => {
  const BUREAU = ['臺南市政府工務局第 16 次局務會議紀錄', '開會時間:中華民國 101 年 5 月 24 日星期四下午 4 時 30 分', '開會地點:臺南市政府永華行政中心行政大樓 2 樓會議室', '會議主持人:吳 局長宗榮'];
  const tops = (a: string, b: string) => parse([...BUREAU, a, '一、工作報告。', '決定：洽悉。', b, '一、修正要點案。', '決議：照案通過。', '散會'].join('\n')).agenda.filter((x) => !x.parent).map((x) => [x.kind, x.title]);
  it.each([
    ['【報告事項】', '【討論事項】'],
    ['■報告事項', '■討論事項'],
    ['◎報告事項：', '◎討論事項：'],
  ])('%s and %s are sections', (a, b) => {
    expect(tops(a, b)).toEqual([['report', '報告事項'], ['discussion', '討論事項']]);
  });
  it('【附件】 and 【說明】 are no sections', () => {
    expect(tops('【附件】', '【說明】').map(([, t]) => t)).not.toContain('附件');
  });
});

describe('an earlier meeting\'s decisions in a tracking list', () => {
  // samples/mofa-2018-107-1.txt:17 (一、…第 2 次會議決議辦理情形) with its tracking rows written out, as bureaus write them.
  const TRACKING = ['壹、報告事項', '一、本部 106 年「資料開放諮詢小組」第 2 次會議決議辦理情形。'];
  const rulings = (rows: string[]) => doc([...TRACKING, ...rows, '主席裁示：洽悉，第 1 案解除列管，第 2 案繼續列管。', '貳、散會']).rulings.map((r) => r.text);
  it.each([
    [['（一）案由：本部公文時效管考案。', '決議：照案通過。', '執行情形：已依決議辦理。', '擬辦：解除列管。', '（二）案由：道路挖掘管理案。', '決議：緩議。', '辦理情形：持續辦理中。']],
    [['1. 決議：照案通過。', '辦理進度：已完成。', '2. 決議：緩議。', '擬辦：繼續列管。']],
  ])('%j: only the chair\'s ruling is this meeting\'s', (rows) => {
    expect(rulings(rows)).toEqual(['洽悉，第 1 案解除列管，第 2 案繼續列管。']);
  });
  it('a ruling with no tracking field after it stays a ruling', () => {
    expect(rulings(['（一）案由：本部公文時效管考案。', '辦理情形：已依決議辦理。', '決議：准予備查。'])).toEqual(['准予備查。', '洽悉，第 1 案解除列管，第 2 案繼續列管。']);
  });
});
