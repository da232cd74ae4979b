import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/index.js';
import { corpusFile, corpusLine, spanText } from './helpers.js';

// Actions on their real lines from the corpus (test/fixtures/corpus/raw; lines of PDFs copied as the parser
// reads them), with the meeting's date from a header of the same form.
const meeting = (date: string, body: string) =>
  parse(`某某學會理事會議紀錄\n時間：${date}\n主席：王大明\n出席人員：李小華、陳大同\n${body}\n散會`, { text: true });
const dues = (d: ReturnType<typeof parse>) => d.actions.map((a) => a.due);

describe('deadlines', () => {
  it('2/24日前 takes the meeting year (2006)', () => {
    const line = '2.4 2006年會籌備工作：今年會分配予各理事相關準備工作，請各理事大力協助，首要工作應於2/24日前將年會活動及相關訊息公告於www.cast.org.tw上(負責人: 何瑄誼)。';
    const d = meeting('95年2月17日下午9:00', `一、會務報告：\n${line}`);
    expect(d.actions).toEqual([expect.objectContaining({ due: '2006-02-24', rule: 'actions.deadline:meeting' })]);
    expect(spanText(d, d.actions[0]!.span)).toBe('2/24日前');
  });

  it('十月20日前 without a year: the meeting year; a date already passed: the next year', () => {
    const line = '(6) 請台大吳俊輝教授和秘書長呂聖元博士於十月20日前，向國科會物理推動中心(PRPC)申請辦理2014年天文年會所需經費。';
    const d = meeting('2013年9月14日 (星期六) 14：00', `一、討論事項：\n(一) 年會。\n決議:\n${line}`);
    expect(d.actions.map((a) => [a.due, a.rule])).toEqual([['2013-10-20', 'actions.deadline:meeting']]);
    const later = meeting('2013年11月2日 14：00', `一、討論事項：\n(一) 年會。\n決議:\n${line}`);
    expect(later.actions.map((a) => [a.due, a.rule])).toEqual([['2014-10-20', 'actions.deadline:next-year']]);
  });

  it('前 that starts another word (前往, 前述) is no deadline marker', () => {
    const d = meeting('95年2月17日下午9:00', '一、討論事項：\n(一) 年會。\n決議:請各理事於3/5前往會場布置，3/6前完成報名。');
    expect(d.actions.map((a) => [a.due, spanText(d, a.span)])).toEqual([['2006-03-06', '3/6前完成']]);
  });

  it('a deadline with a weekday before 前, and 開會前', () => {
    const ballot = '(3) 請各位理、監事(含秘書長)於 2012 年 3 月 10 日(星期六)前，將選票寄回予理事長，以利計算作品名次。';
    const d = meeting('2011 年 12 月 17 日 14：00', `一、討論事項：\n(一) 會徽。\n決議: (1) 先篩選。\n(2) 請投票。\n${ballot}\n二、主席裁定事項\n${corpusLine('61', '主席裁定：')}`);
    expect(d.actions.map((a) => [a.due, a.rule])).toEqual([['2012-03-10', 'actions.deadline:written'], ['2015-04-30', 'actions.deadline:written']]);
  });

  it('a nomination deadline with a request (提名截止日為 …。…請提名), and a plan a ruling sets (預定發出日期)', () => {
    const shaw = '(3) 香港邵逸夫獎(the Shaw Prize)函邀本學會提名 2014 年天文學獎候選人，提名截止日為 2013 年 11 月 30 日。如有適當人選，請提名。';
    const notice = '(5) 2014年天文年會(ASROC2014)第一次通告預定發出日期：2014年1月10日。';
    const d = meeting('2013年9月14日 14：00', `壹、主席報告：\n(1) 會務。\n(2) 會徽。\n${shaw}\n貳、討論事項：\n(一) 年會。\n決議:\n(1) 訂於2014年五月23日(周五)至25日(周日)舉行。\n(2) 議程。\n(3) 組織。\n(4) 經費。\n${notice}`);
    expect(d.actions.map((a) => [a.due, a.rule])).toEqual([['2013-11-30', 'actions.deadline-noun:written'], ['2014-01-10', 'actions.plan:written']]);
  });

  it('預計12/13完成 in a ruling is a task; 已經於11/29完成 is done', () => {
    const plan = corpusLine('63', '預計12/13完成');
    const done = corpusLine('63', '已經於11/29完成');
    const d = meeting('113 年 12 月 10 日 19:00', `一、議題討論\n(一) 消防。\n${done}\n(二) 回收室。\n決議：\n${plan}\n2. 塑膠類分家`);
    expect(dues(d)).toEqual(['2024-12-13']);
  });

  it('the whole documents: a nomination deadline, a planned notice and 十月20日前 (37), 預計12/13完成 (63)', async () => {
    expect(dues(await parseFile(corpusFile('37')))).toEqual(['2013-11-30', '2014-01-10', '2013-10-20']);
    const d = await parseFile(corpusFile('63'));
    expect(d.actions.map((a) => [a.due, a.rule])).toEqual([['2024-12-13', 'actions.plan:meeting']]);
  });

  it('the dated rows of a schedule that assign work (not a registration window, not the conference)', async () => {
    const d = await parseFile(corpusFile('34'));
    expect(d.actions.map((a) => [a.due, a.rule])).toEqual([
      ['2009-03-01', 'actions.deadline:written'],
      ['2008-12-31', 'actions.schedule:written'],
      ['2009-03-01', 'actions.schedule:written'],
      ['2009-05-01', 'actions.schedule:written'],
      ['2009-05-10', 'actions.schedule:written'],
    ]);
  });
});

describe('not actions', () => {
  it('vague dates (中旬, 下次會議前) and the next meeting\'s date', async () => {
    const d = await parseFile(corpusFile('36'));
    expect(dues(d)).toEqual(['2012-03-10']);
    expect(d.rulings[0]!.text).toContain('2012 年 1 月中旬完成');
    const vague = meeting('112 年 3 月 4 日', '一、討論事項\n主席裁示：請秘書處於下次會議前提送修正草案，並於 4 月初完成。');
    expect(vague.actions).toEqual([]);
  });

  it('what will happen by a date is not a task (將於 102 年 7 月 31 日前停止服務)', async () => {
    const d = await parseFile(corpusFile('11'));
    expect(d.actions).toEqual([]);
  });

  it('a dated deadline that passed before the meeting (a quoted reason) is not this meeting\'s', () => {
    const quoted = '原因：並於 109 年 12 月 10 日前重新備文，到部辦理結案事宜。';
    const d = meeting('2020 年 12 月 29 日 14：00', `一、討論事項\n決議：同意，並寫明不同意支付原因。\n${quoted}`);
    expect(d.actions).toEqual([]);
  });

  it('2/30 is not a date: no action, a diagnostic with the span (issue 19)', () => {
    const d = meeting('113 年 1 月 9 日', '一、討論事項\n主席裁示：請秘書處於2/30前提送修正草案。');
    expect(d.actions).toEqual([]);
    const diag = d.diagnostics.find((x) => x.code === 'action-date-invalid');
    expect(diag).toBeDefined();
    expect(spanText(d, diag!.span!)).toBe('2/30前提送');
  });
});

describe('owners', () => {
  it('the party after 請 ends as a unit or a title does; an adverb after it (盡快, 先行, 全力) is not part of it', () => {
    const d = meeting('112年3月7日上午10時', '一、討論事項\n決議：\n(一) 請工務局盡快於3月31日前完成路平檢測。\n(二) 請各理事全力支持，並於3月31日前回覆。\n(三) 請秘書處先行於3月31日前完成公告。');
    expect(d.actions.map((a) => a.owner)).toEqual(['工務局', '各理事', '秘書處']);
  });

  it('a unit word that opens a verb (請處理…) is no party: the stop words of the table decide', () => {
    const d = meeting('112年3月7日上午10時', '一、討論事項\n決議：請處理完畢後送會，並於3月31日前回覆。');
    expect(d.actions.map((a) => a.owner)).not.toContain('處理完畢後送會');
  });
});
