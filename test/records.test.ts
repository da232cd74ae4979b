import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { defaultGrammar, extendGrammar } from '../src/grammars/index.js';
import { parseSample, spanText } from './helpers.js';

const minutes = (body: string) =>
  parse(`某某委員會第 1 次會議紀錄\n時間：112 年 3 月 4 日(星期六)下午 2 時\n主席：王主任委員大明\n出席委員：李委員小華、陳委員大同、陳委員小明\n${body}`, { text: true });

describe('speeches', () => {
  it('numbered speaker headings with their points; 主席 resolves to the chair', () => {
    const d = parseSample('mofa-2021-110-1.txt');
    const s = d.speeches.filter((x) => x.speaker.raw === '主席')[0]!;
    expect(s.speaker).toMatchObject({ name: '曾厚仁', title: '政務次長' });
    expect(s.points).toHaveLength(2);
    expect(s.points[0]).toMatch(/^本部推動資料開放業務已有數年/);
    expect(d.agenda.find((a) => a.id === s.agendaId)?.title).toBe('討論內容摘要');
  });

  it('a section heading that names a speaker and introduces points', () => {
    const d = parseSample('mofa-2021-110-1.txt');
    const s = d.speeches[0]!;
    expect(s.speaker).toMatchObject({ name: '彭啟明', title: '總經理', org: '天氣風險管理開發公司' });
    expect(s.points).toHaveLength(3);
    expect(d.agenda.find((a) => a.id === s.agendaId)?.number).toBe('貳');
  });

  it('org + surname + title resolves to the unique attendee', () => {
    const d = parseSample('mofa-2018-107-1.txt');
    const s = d.speeches.find((x) => x.speaker.raw === '世新大學陳副教授')!;
    expect(s.speaker.name).toBe('陳俊明');
    expect(s.text).toMatch(/^針對國經司所公布報告/);
    expect(s.points).toHaveLength(2);
    expect(d.speeches.find((x) => x.speaker.raw === '資電處林副處長')?.speaker.name).toBe('林東亨');
  });

  it('never guesses between homonyms: name null and unresolved-speaker', () => {
    const d = minutes('壹、討論事項\n陳委員：建議下次會議提供書面資料。\n貳、散會');
    expect(d.speeches[0]!.speaker).toMatchObject({ name: null, surname: '陳', title: '委員' });
    expect(d.diagnostics.find((x) => x.code === 'unresolved-speaker')?.message).toContain('2 attendees');
  });

  it('label speakers without numbers, and chair remarks as a speech', () => {
    const d = parseSample('mofa-2016-105-4.txt');
    expect(d.speeches[0]!.speaker.name).toBe('李自正');
    expect(d.speeches[0]!.rule).toBe('speeches.chair-remarks');
    expect(d.speeches.map((s) => s.speaker.raw)).toContain('林委員宜隆:'.replace(':', ''));
  });

  it('a speaker heading under 委員發言重點', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.speeches.map((s) => s.speaker.name)).toEqual(['朱瑞陽', '張家生', '錢思敏', '林杏子', '王薔惠', '陳小芬', '陳榮貴']);
    expect(d.speeches[0]!.points).toHaveLength(3);
  });

  it('labels that are not speakers make no speech', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.speeches.some((s) => /報告題目|報告單位/.test(s.speaker.raw))).toBe(false);
    const d2 = parseSample('mofa-2021-110-1.txt');
    expect(d2.speeches.some((s) => /提報單位|討論內容摘要/.test(s.speaker.raw))).toBe(false);
  });
});

describe('rulings', () => {
  it('主席裁示 inside a section belongs to it; a list ruling has one item per entry', () => {
    const d = parseSample('mofa-2021-110-1.txt');
    expect(d.rulings.map((r) => [d.agenda.find((a) => a.id === r.agendaId)?.number, r.items.length])).toEqual([['貳', 0], ['參', 0], ['肆', 4]]);
    expect(spanText(d, d.rulings[0]!.span)).toMatch(/^主席裁示：本部將參考/);
  });

  it('主席補充說明及裁示 with (1)(2)(3)', () => {
    const d = parseSample('mofa-2016-105-4.txt');
    const r = d.rulings.find((x) => x.label === '主席補充說明及裁示')!;
    expect(r.items).toHaveLength(3);
    expect(r.kind).toBe('chair-ruling');
  });

  it('a 決議事項 section: nested lists stay inside their item', () => {
    const d = parseSample('moea-2021-7-1.txt');
    const r = d.rulings[0]!;
    expect(r).toMatchObject({ label: '決議事項', kind: 'resolution' });
    expect(r.items).toHaveLength(6);
    expect(r.items[4]).toContain('(12/15 前完成)');
    expect(d.agenda.find((a) => a.id === r.agendaId)?.number).toBe('拾');
  });

  it('決議 / 決定 / 提示 labels', () => {
    const d = minutes('壹、討論事項\n一、本會年度計畫案。\n決議：照案通過。\n二、經費案。\n決定：\n1. 同意動支。\n2. 下次會議報告執行情形。\n三、其他。\n提示：請各單位配合辦理。\n貳、散會');
    expect(d.rulings.map((r) => [r.label, r.kind, r.items.length])).toEqual([['決議', 'resolution', 0], ['決定', 'resolution', 2], ['提示', 'chair-ruling', 0]]);
    expect(d.agenda.filter((a) => a.level === 2).map((a) => a.number)).toEqual(['一', '二', '三']);
  });
});

describe('dataset decisions', () => {
  it('named submissions approved by name in a ruling', () => {
    const d = parseSample('mofa-2021-110-1.txt');
    expect(d.datasets.map((x) => [x.unit, x.name, x.count, x.decision, x.rulingId])).toEqual([
      ['公眾會', '外交部全球資訊網各國家與地區相關資訊', 1, 'approved', 'r3'],
      ['領務局', '領事業務年度統計表', 1, 'approved', 'r3'],
      ['主計處', '外交部研究設計及發展工作成果統計表', 1, 'approved', 'r3'],
    ]);
  });

  it('a prose submission decided by a blanket ruling', () => {
    const d = parseSample('mofa-2018-107-1.txt');
    expect(d.datasets).toHaveLength(1);
    expect(d.datasets[0]).toMatchObject({ name: '外交部全球資訊網最新消息之中英文說明', unit: '公眾會', decision: 'approved', scope: 'named' });
  });

  it('a blanket approval with nothing named is one record, with its annex', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.datasets).toEqual([expect.objectContaining({ name: null, scope: 'all-submitted', decision: 'approved', annex: '附件 2' })]);
    const d2 = parseSample('mofa-2016-105-4.txt');
    expect(d2.datasets).toEqual([expect.objectContaining({ name: null, scope: 'all-submitted', decision: 'approved' })]);
  });

  it('a submission no ruling decides stays proposed, with a warning', () => {
    const d = minutes('壹、討論事項\n(一)提報單位及項目：\n1. 秘書處 2 項：「會議室使用統計」、「公文處理時效統計」。\n貳、散會');
    expect(d.datasets.map((x) => [x.name, x.decision, x.count])).toEqual([['會議室使用統計', 'proposed', 2], ['公文處理時效統計', 'proposed', 2]]);
    expect(d.diagnostics.filter((x) => x.code === 'dataset-undecided')).toHaveLength(2);
  });

  it('rejections are not approvals', () => {
    const d = minutes('壹、討論事項\n(一)提報單位及項目：\n1. 秘書處 1 項：「會議室使用統計」。\n主席裁示：不同意開放秘書處提報之「會議室使用統計」。\n貳、散會');
    expect(d.datasets[0]?.decision).toBe('rejected');
  });
});

describe('actions', () => {
  it('(12/15 前完成) takes the year of its block', () => {
    const d = parseSample('moea-2021-7-1.txt');
    expect(d.actions.map((a) => a.due)).toEqual(['2021-12-15', '2021-12-15', '2022-02-28', '2022-03-15', '2022-03-15', '2022-06-30']);
    expect(d.actions[0]!.owner).toBe('各單位');
    expect(spanText(d, d.actions[0]!.span)).toBe('(12/15 前完成)');
  });

  it('a month end (106年1月底前) is the last day of that month', () => {
    const d = minutes('壹、討論事項\n主席裁示：請秘書處於 113 年 2 月底前提送修正草案。\n貳、散會');
    expect(d.actions).toEqual([expect.objectContaining({ due: '2024-02-29', owner: '秘書處' })]);
  });
});

describe('a legislative committee layout (title before the name: 委員王小明)', () => {
  it('reads chair, members and speakers written title-first', async () => {
    const { parseFile } = await import('../src/index.js');
    const { ROOT } = await import('./helpers.js');
    const d = await parseFile(ROOT + 'test/fixtures/text/legislative-committee-style.txt');
    expect(d.meeting).toMatchObject({ agency: '立法院', body: '內政委員會', term: 11, session: 5, chair: { name: '林宜隆', title: '委員' } });
    expect(d.attendees.map((a) => a.name)).toEqual(['王小明', '陳大同']);
    expect(d.speeches.map((s) => [s.speaker.name, s.points.length])).toEqual([['王小明', 2], ['林宜隆', 0]]);
  });
});

describe('the records stage reads the grammar it is given', () => {
  const header = (list: string) => `某學會第 1 次理監事會議紀錄\n時間：94年6月18日上午10:00\n${list}\n壹、報告事項\n一、會務報告。\n貳、散會`;
  const names = (d: ReturnType<typeof parse>) => d.attendees.map((a) => a.name);

  it('a list conjunction added by an overlay separates entries; the package grammar, used after it, does not', () => {
    const text = header('出席：王大明及李小華、陳大同');
    const g = extendGrammar(defaultGrammar(), { 'records.json': { listConjunctions: ['及'] } });
    expect(names(parse(text, { text: true, grammar: g }))).toEqual(['王大明', '李小華', '陳大同']);
    // The overlay's separator pattern is the overlay's own: the package grammar still reads 及 inside the entry.
    expect(names(parse(text, { text: true }))).not.toContain('王大明');
  });

  it('the group of a table with no group column must be one of the attendee groups', () => {
    expect(() => extendGrammar(defaultGrammar(), { 'records.json': { attendanceTableGroup: '出度' } })).toThrow(/records\.json: "attendanceTableGroup" must be one of/);
    expect(extendGrammar(defaultGrammar(), { 'records.json': { attendanceTableGroup: '與會人員' } }).records.attendanceTableGroup).toBe('與會人員');
  });

  it('a prose submission opened by a period word an overlay adds (本年擬公開…)', () => {
    const text = `某部資料開放諮詢小組第 1 次會議紀錄\n時間：110 年 3 月 4 日\n主席：王主任委員大明\n壹、報告事項\n一、公眾會李專員報告：本年擬公開「外交部全球資訊網最新消息」。\n決議：同意開放各單位提報之資料。\n貳、散會`;
    const g = extendGrammar(defaultGrammar(), { 'records.json': { datasets: { currentPeriods: ['本年'] } } });
    expect(parse(text, { text: true, grammar: g }).datasets.map((x) => [x.name, x.decision])).toEqual([['外交部全球資訊網最新消息', 'approved']]);
    expect(parse(text, { text: true }).datasets.map((x) => x.scope)).toEqual(['all-submitted']);
  });
});
