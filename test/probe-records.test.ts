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
