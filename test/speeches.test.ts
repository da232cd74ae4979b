import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { readSpeakerLabel, resolveSpeaker, isFieldValue, isVoidSpeech } from '../src/extract/speeches.js';
import type { Attendee } from '../src/types.js';
import { ROOT } from './helpers.js';

const RAW = ROOT + 'test/fixtures/corpus/raw/';
const corpusFile = (prefix: string): string => readdirSync(RAW).find((f) => f.startsWith(prefix + '_'))!;
const corpusText = (prefix: string): string => readFileSync(RAW + corpusFile(prefix), 'utf8');
/** A line of a corpus document (text and Markdown files), found by its start: the tests use real lines. */
function corpusLine(prefix: string, startsWith: string): string {
  const line = corpusText(prefix)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(startsWith));
  if (!line) throw new Error(`no line starting ${startsWith} in ${prefix}`);
  return line;
}

const NONE = new Set<string>();
const labelOf = (line: string): string => line.slice(0, line.search(/[:：]/u));
const restOf = (line: string): string => line.slice(line.search(/[:：]/u) + 1).trim();

const minutes = (body: string, attendance = '出席委員：李委員小華、陳委員大同') =>
  parse(`某某委員會第 1 次會議紀錄\n時間：112 年 3 月 4 日(星期六)下午 2 時\n主席：王主任委員大明\n${attendance}\n${body}`, { text: true });

function attendee(name: string, title: string | null = null): Attendee {
  return { name, surname: name[0]!, title, org: null, raw: name, rule: 'test', role: 'member', status: 'present', proxy: false, onBehalfOf: null, span: { start: 0, end: 0, line: 1, page: null } };
}

describe('speaker labels (grammar)', () => {
  it('verbatim turns: 主   席 (letter-spaced), surname + title + given name', () => {
    expect(readSpeakerLabel(labelOf(corpusLine('18', '主   席: 請議事人員宣讀')), NONE)).toMatchObject({ chair: true });
    expect(readSpeakerLabel(labelOf(corpusLine('18', '林議員銘仁: 我要問一下')), NONE)?.parts).toMatchObject({ name: '林銘仁', title: '議員' });
    expect(readSpeakerLabel(labelOf(corpusLine('18', '張處長志乾: 對')), NONE)?.parts).toMatchObject({ name: '張志乾', title: '處長' });
    expect(readSpeakerLabel(labelOf(corpusLine('17', '陳主任委員耀祥:')), NONE)?.parts).toMatchObject({ name: '陳耀祥', title: '主任委員' });
    expect(readSpeakerLabel(labelOf(corpusLine('17', '主席:請通傳會')), NONE)).toMatchObject({ chair: true });
  });

  it('a named person reporting: full name + title + 口頭報告, title + full name + 書面報告', () => {
    const a = readSpeakerLabel(labelOf(corpusLine('01', '李旻蔚副總聯絡人口頭報告')), NONE);
    expect(a).toMatchObject({ who: '李旻蔚副總聯絡人', verb: '口頭報告' });
    expect(a?.parts.name).toBe('李旻蔚');
    // PDF text lines of 38 and 22.
    expect(readSpeakerLabel('祕書長王祥宇書面報告', NONE)?.parts).toMatchObject({ name: '王祥宇', title: '秘書長' });
    expect(readSpeakerLabel('現任祕書長王祥宇報告', NONE)?.parts).toMatchObject({ name: '王祥宇', org: null });
    expect(readSpeakerLabel(labelOf(corpusLine('61', '蘇議員有仁要求')), NONE)?.parts.name).toBe('蘇有仁');
    expect(readSpeakerLabel(labelOf(corpusLine('62', '鄭市長答覆')), NONE)).toMatchObject({ verb: '答覆', parts: { surname: '鄭', title: '市長', name: null } });
  });

  it('an office as speaker: org + title (院長致詞), a title alone (理事長報告); a group title alone is nobody', () => {
    // PDF text lines of 31 (the text layer splits them with tabs).
    expect(readSpeakerLabel('淡江大學理\t學院院長致詞', NONE)?.parts).toMatchObject({ name: null, title: '院長', org: '淡江大學理學院' });
    expect(readSpeakerLabel('理事長報告\t', NONE)?.parts).toMatchObject({ name: null, title: '理事長' });
    expect(readSpeakerLabel('委員', NONE)).toBeNull();
    expect(readSpeakerLabel('會員意見', NONE)).toBeNull();
  });

  it('council and society posts the name grammar does not know (speakerTitles)', () => {
    expect(readSpeakerLabel('張區長大同', NONE)?.parts).toMatchObject({ name: '張大同', title: '區長' });
    expect(readSpeakerLabel('板橋區區長', NONE)?.parts).toMatchObject({ name: null, title: '區長', org: '板橋區' });
    // 63/64 write the community committee's posts before the name (財委張麗君); as a speaker: 王財委.
    expect(corpusText('64')).toContain('財委張麗君');
    expect(readSpeakerLabel('王財委', NONE)?.parts).toMatchObject({ name: null, surname: '王', title: '財委' });
  });

  it('a unit and its head contracted (民政局長 = 民政局 + 局長) is an office, not a person named 民政', () => {
    expect(corpusText('18')).toContain('民政局長、警察局長請假');
    expect(readSpeakerLabel('民政局長', NONE)?.parts).toMatchObject({ name: null, title: '局長', org: '民政局' });
    expect(readSpeakerLabel('觀傳局劉局長', NONE)?.parts).toMatchObject({ surname: '劉', org: '觀傳局' });
  });

  it('a bare name is a speaker only when the lists name that person (林志隆：)', () => {
    // PDF text line of 32.
    expect(readSpeakerLabel('林志隆', NONE)).toBeNull();
    expect(readSpeakerLabel('林志隆', new Set(['林志隆']))?.parts.name).toBe('林志隆');
  });

  it('not speakers: a unit reporting, a reader, a ruling label, the chair word + ruling', () => {
    // 05 is flattened: `三、新聞處報告:一週重要輿情摘要報告。` stands inside a long line.
    expect(corpusText('05')).toContain('三、新聞處報告:一週重要輿情摘要報告。');
    expect(readSpeakerLabel('新聞處報告', NONE)).toBeNull();
    expect(readSpeakerLabel(labelOf(corpusLine('09', '1 . 秘書室報告').replace(/^1 \. /u, '')), NONE)).toBeNull();
    expect(readSpeakerLabel(labelOf(corpusLine('18', '朗讀人員:')), NONE)).toBeNull();
    expect(readSpeakerLabel(labelOf(corpusLine('02', '決議:')), NONE)).toBeNull();
    expect(readSpeakerLabel(labelOf(corpusLine('61', '主席裁定：')), NONE)).toBeNull();
    // Election results name people, not speakers (32's PDF text: `1) 理事候選人名單：`).
    expect(readSpeakerLabel('理事候選人名單', NONE)).toBeNull();
    expect(readSpeakerLabel('理事長當選人', NONE)).toBeNull();
  });

  it('a label whose value is a person or a vote count is a field, not a speech', () => {
    expect(isFieldValue(restOf(corpusLine('62', '主席：邱議長奕勝')), NONE)).toBe(true);
    expect(isFieldValue(restOf(corpusLine('15', '專門委員:楊育純')), NONE)).toBe(true);
    expect(isFieldValue(restOf(corpusLine('11', '主席：陳兼副主任委員永仁')), NONE)).toBe(true);
    // No corpus line holds a tally after a colon; these are the shapes the issue names.
    expect(isFieldValue('12票', NONE)).toBe(true);
    expect(isFieldValue('王大明 12票、李小華 9票', NONE)).toBe(true);
    expect(isFieldValue(restOf(corpusLine('18', '主   席: 好,那就林銘仁議員')), NONE)).toBe(false);
    expect(isFieldValue(restOf(corpusLine('62', '鄭市長答覆')), NONE)).toBe(false);
  });

  it('a short reply, thanks or a request after a speaker\'s label is words said, not a person', () => {
    expect(isFieldValue('沒問題。', NONE)).toBe(false);
    expect(isFieldValue('謝謝主席。', NONE)).toBe(false);
    expect(isFieldValue('請秘書長宣讀。', NONE)).toBe(false);
    expect(isFieldValue('請問院長。', NONE)).toBe(false);
    expect(isFieldValue('謝謝主席，我想請教部長。', NONE)).toBe(false);
    // Negative: a three-ideograph name that starts with a surname is still a field value.
    expect(isFieldValue('林宜瑾', NONE)).toBe(true);
    expect(isFieldValue('吳局長宗榮', NONE)).toBe(true);
  });

  it('verbatim replies are turns of their own; an acting chair in brackets speaks as that person', () => {
    const d = parse('立法院第11屆第2會期內政委員會第8次全體委員會議紀錄\n時　間　中華民國112年10月12日（星期四）上午9時\n主　席　張委員宏陸\n主席：現在開會。\n賴委員士葆：部長，這個預算能不能刪？\n劉部長世芳：沒問題。\n主   席: 請秘書長宣讀。\n主席（林委員宜瑾）：請吳委員琪銘發言。\n吳委員琪銘：謝謝主席，我想請教部長。\n劉部長世芳：謝謝主席。\n主席：散會。', { text: true });
    expect(d.speeches.map((s) => s.speaker.raw)).toEqual(['主席', '賴委員士葆', '劉部長世芳', '主   席', '主席（林委員宜瑾）', '吳委員琪銘', '劉部長世芳', '主席']);
    expect(d.speeches[4]!.speaker).toMatchObject({ name: '林宜瑾', title: '委員' });
  });

  it('election results and amounts are fields, not speeches (20, PDF text)', () => {
    // `2.3 常務理事：金升光、張祥光。` and `2.4 常務監事：陶蕃麟。` under 選舉新任理事長及幹部.
    expect(isFieldValue('金升光、張祥光。', NONE)).toBe(true);
    expect(isFieldValue('陶蕃麟。', NONE)).toBe(true);
    // `演講費及招待講師住宿: 15,000` in the accounts.
    expect(isFieldValue('15,000', NONE)).toBe(true);
    // 33: `1 選舉常務理事：` is an election, not 選舉常 the 理事.
    expect(readSpeakerLabel('選舉常務理事', NONE)).toBeNull();
    const d = minutes('壹、選舉新任理事長及幹部：\n2.1 理事長：理事推選由郭新擔任理事長。\n2.2 祕書長：理事長提名且經理事會通過聘任陳文屏為祕書長。\n貳、散會');
    expect(d.speeches).toEqual([]);
  });

  it('a report written 略 or holding only a link is no speech', () => {
    expect(isVoidSpeech('略\n--')).toBe(true);
    expect(isVoidSpeech('(略)')).toBe(true);
    expect(isVoidSpeech(corpusLine('64', '**線上觀看：**').replace(/\*\*/gu, ''))).toBe(true);
    expect(isVoidSpeech('(1) 本學會目前經費結餘為新台幣$570,946 元。')).toBe(false);
  });
});

describe('speaker resolution', () => {
  it('unit + surname + title among three of that surname: name null and unresolved-speaker, never a guess', () => {
    const label = readSpeakerLabel(labelOf(corpusLine('02', '觀傳局劉局長口頭報告')), NONE)!;
    const r = resolveSpeaker(label.who, null, [attendee('劉銘龍'), attendee('劉奕霆'), attendee('劉秀玲')], null, label.parts);
    expect(r.speaker).toMatchObject({ name: null, surname: '劉', title: '局長', org: '觀傳局', raw: '觀傳局劉局長' });
    expect(r.diagnostic?.code).toBe('unresolved-speaker');
  });

  it('surname + title resolves to the one attendee with that title (鄭市長 → 市長鄭文燦)', () => {
    const label = readSpeakerLabel('鄭市長答覆', NONE)!;
    const r = resolveSpeaker(label.who, null, [attendee('鄭文燦', '市長'), attendee('鄭寶清', '議員')], null, label.parts);
    expect(r.speaker.name).toBe('鄭文燦');
    expect(r.diagnostic).toBeUndefined();
  });

  it('resolves against the recorder, who is in no attendance list', () => {
    const label = readSpeakerLabel('林秘書', NONE)!;
    const r = resolveSpeaker(label.who, null, [], { name: '林小芬', surname: '林', title: '秘書', org: null, raw: '林秘書小芬' }, label.parts);
    expect(r.speaker.name).toBe('林小芬');
  });
});

describe('speeches in documents', () => {
  it('a verbatim record with no sections: every turn, readers dropped, chair turns kept apart', () => {
    const d = parse(corpusText('18'), { text: true });
    const who = d.speeches.map((s) => s.speaker.name ?? s.speaker.raw.replace(/\s+/gu, ''));
    expect(who).toEqual(['主席', '主席', '主席', '主席', '林銘仁', '主席', '林銘仁', '張志乾', '林銘仁', '張志乾', '林銘仁', '張志乾', '林銘仁']);
    expect(d.speeches[1]!.text).toBe('請議事人員宣讀。'); // the reader's line ends the chair's turn
  });

  it('turns before the first section of a legislative record', () => {
    const d = parse(corpusText('17'), { text: true });
    expect(d.speeches.map((s) => s.speaker.raw)).toEqual(['主席', '主席', '陳主任委員耀祥']);
    expect(d.speeches[2]!.speaker.name).toBe('陳耀祥');
  });

  it('a named official reporting inside a numbered item; a unit reporting is not a speech', () => {
    const d = parse(corpusText('01'), { text: true });
    expect(d.speeches.map((s) => s.speaker.name)).toEqual(['李旻蔚']);
    expect(d.agenda.find((a) => a.id === d.speeches[0]!.agendaId)?.number).toBe('二');
    expect(parse(corpusText('05')).speeches).toEqual([]);
  });

  it('主席報告 is the chair speaking; 主席報告 written 略 or holding only a link is not a speech', () => {
    const d = minutes('壹、主席報告：\n(1) 本學會目前經費結餘為新台幣$570,946 元。\n貳、討論事項\n決議：同意。');
    expect(d.speeches).toHaveLength(1);
    expect(d.speeches[0]!.speaker).toMatchObject({ name: '王大明', raw: '主席' });
    expect(parse(corpusText('63')).speeches).toEqual([]);
    expect(parse(corpusText('64')).speeches).toEqual([]);
  });

  it('a header field (主席：朱有花) is no speech; a named report is, in its section', () => {
    const d = minutes('主席：朱有花 (理事長)\n壹、報告：\n祕書長王祥宇書面報告：\n（一）經費結餘：學會目前(至 4/7)經費結餘為新台幣$1,036,891 元。\n貳、討論事項');
    expect(d.speeches.map((s) => s.speaker.name)).toEqual(['王祥宇']);
    expect(d.agenda.find((a) => a.id === d.speeches[0]!.agendaId)?.number).toBe('壹');
  });

  it('a speaker label on the line after a ruling heading is its own turn, not the heading run on (61)', () => {
    // 乙、主席裁定事項 / 蘇議員有仁要求：: the heading names no speaker, so the label below is no intro of it.
    const d = minutes(`壹、討論事項\n${corpusLine('61', '乙、主席裁定事項')}\n${corpusLine('61', '蘇議員有仁要求：')}\n${corpusLine('61', '請文化局提供鶯歌區')}`);
    expect(d.speeches.map((s) => [s.speaker.raw, s.speaker.org, s.rule])).toEqual([['蘇議員有仁', null, 'speeches.label']]);
  });

  it('a bare name speaks when the attendance list names them', () => {
    const d = minutes('一、 報告事項：\n（一） 會務報告。\n林志隆：11月20、21日Start Party（2004年星空饗宴）非常成功，參加人數較去年倍增。\n二、 討論事項', '出席：林志隆、張祥光');
    expect(d.speeches.map((s) => s.speaker.name)).toEqual(['林志隆']);
  });
});

describe('an org that opens with a Latin name', () => {
  it('NGO 國際事務會李副參事： is a speech by the attendee it names (a sample line)', () => {
    // samples/mofa-2018-107-1.txt: `(一) NGO 國際事務會李副參事：` under a section; the attendance table lists 李副參事樹東(代理).
    const d = parse(readFileSync(ROOT + 'samples/mofa-2018-107-1.txt', 'utf8'));
    const s = d.speeches.find((x) => x.speaker.raw.includes('李副參事'));
    expect(s?.speaker).toMatchObject({ name: '李樹東', org: 'NGO 國際事務會' });
    // A label of Latin words alone names no one.
    expect(parse('某部會議紀錄\n時間：110年7月21日\n主席：王大明\n一、報告事項\nTEL: 02-2345-6789\n').speeches).toEqual([]);
  });
});
