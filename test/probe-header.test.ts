/**
 * Case tables for the header as other bodies of the same genres write it: each row takes a real header line
 * (the corpus file or sample named beside it) or a variant of it another body would write, puts it into a
 * short document and asserts what comes out. Negative rows are lines that look like the form but are not it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';
import { corpusLine } from './helpers.js';

// samples/mofa-2016-105-4.txt:1–4: a title, date and place; the line under test follows.
const TITLE = ['「外交部資料開放諮詢小組」', '第4次會議紀錄'];
const TIME = '時間：105年12月23日(星期五)上午10時';
const PLACE = '地點：本部441會議室(臺北市凱達格蘭大道2號4樓)';
const BODY = ['壹、主席致詞', '貳、報告事項', '主席裁示：洽悉。'];
const doc = (header: string[], body: string[] = [...BODY, '參、散會']): MinutesDocument => parse([...TITLE, ...header, ...body].join('\n'), { text: true });
const nameOf = (p: { name: string | null; raw: string } | null | undefined) => (p ? (p.name ?? p.raw) : null);

describe('the chair\'s title 召集委員 (a legislature\'s committee, a ministry\'s 小組)', () => {
  it.each([
    // test/fixtures/corpus/raw/15_ly-judiciary-gazette-20160502.txt:85
    [corpusLine('15', '主  席:林召集委員為洲'), '林為洲', '召集委員'],
    ['主　　席：鄭召集委員正鈐', '鄭正鈐', '召集委員'],
    ['主席：王副召集委員大明', '王大明', '副召集委員'],
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:7 (委員 stays 委員)
    [corpusLine('17', '主  席 魯委員明哲'), '魯明哲', '委員'],
  ])('%s → %s (%s)', (line, name, title) => {
    const c = doc([TIME, PLACE, line]).meeting?.chair;
    expect([c?.name, c?.title]).toEqual([name, title]);
  });

  it('出席召集委員 still heads a list of conveners (test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:7)', () => {
    const d = doc([TIME, PLACE, corpusLine('13', '出席召集委員')]);
    expect(d.attendees.map((a) => [a.name, a.role])).toEqual([['劉書彬', 'convener'], ['陳秀寳', 'convener']]);
  });
});

describe('a chair standing in for another', () => {
  const chair = (line: string) => {
    const c = doc([TIME, PLACE, line]).meeting?.chair;
    return [c?.name ?? null, c?.title ?? null, nameOf(c?.actingFor)];
  };
  it.each([
    // samples/moea-2021-7-1.txt:7 as written, and with the note's forms other bodies write
    ['主席：林次長全能(林主任聰仁代理)', ['林聰仁', '主任', '林全能']],
    ['主席：林次長全能(由林主任聰仁代理)', ['林聰仁', '主任', '林全能']],
    ['主席：林次長全能（因公請假，由林主任聰仁代理）', ['林聰仁', '主任', '林全能']],
    ['主席：林次長全能（請假；林主任聰仁代理主持）', ['林聰仁', '主任', '林全能']],
    // without brackets: the stand-in after the one stood in for, or alone
    ['主席：林次長全能（請假）、林主任聰仁代理', ['林聰仁', '主任', '林全能']],
    ['主席：林次長全能 林主任聰仁代', ['林聰仁', '主任', '林全能']],
    ['主席：林主任聰仁代理', ['林聰仁', '主任', null]],
    ['主席：林聰仁代理', ['林聰仁', null, null]],
    // samples/mofa-2016-105-4.txt:5: the one outside presides on behalf of the one in the note
    ['主席：李委員自正(代表召集人李常務次長澄然主持)', ['李自正', '委員', '李澄然']],
  ])('%s', (line, want) => expect(chair(line)).toEqual(want));

  it.each([
    // a name that ends in 代 is a name (李時代, 王委員時代)
    ['主席：李時代', ['李時代', null, null]],
    ['主席：王委員時代', ['王時代', '委員', null]],
    // samples/mofa-2018-107-1.txt:8: a bracketed title is no stand-in
    ['主席：謝政務次長武樵(資訊長)', ['謝武樵', '政務次長', null]],
    // test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt:6: a space inside the value
    [corpusLine('09', '會議主持人'), ['吳宗榮', '局長', null]],
  ])('%s is no stand-in', (line, want) => expect(chair(line)).toEqual(want));
});

describe('the end of the meeting', () => {
  const times = (time: string, end: string[]) => {
    const m = doc([time, PLACE, '主席：李委員自正'], [...BODY, ...end]).meeting!;
    return [m.start?.slice(11, 16) ?? null, m.end?.slice(11, 16) ?? null];
  };
  it.each([
    // an end written without its period after an afternoon start (test/fixtures/corpus/raw/60_ntp-council-2-t13-4.txt writes 散會：17 時 33 分)
    ['時間：105年12月23日(星期五)下午2時', ['參、散會：4時10分'], ['14:00', '16:10']],
    ['時間：105年12月23日(星期五)下午2時', ['散會：5時'], ['14:00', '17:00']],
    ['時間：105年12月23日(星期五)下午2時30分至4時', [], ['14:30', '16:00']],
    // the time, then the label
    [TIME, ['上午11時30分散會。'], ['10:00', '11:30']],
    [TIME, ['參、上午11時30分散會'], ['10:00', '11:30']],
    // a sentence saying when the meeting ended: its subject, the time, its verb
    [TIME, ['會議於上午11時30分結束。'], ['10:00', '11:30']],
    [TIME, ['本次會議至上午11時30分結束'], ['10:00', '11:30']],
    [TIME, ['會議於上午11時30分散會。'], ['10:00', '11:30']],
  ])('%s … %s', (time, end, want) => expect(times(time, end)).toEqual(want));

  it.each([
    // a morning end after a morning start stays in the morning, and noon stays noon
    [TIME, ['參、散會：11時'], ['10:00', '11:00']],
    [TIME, ['參、散會：12時10分'], ['10:00', '12:10']],
    // test/fixtures/corpus/raw/60_ntp-council-2-t13-4.txt: a 24-hour end
    ['時間：中華民國 106 年 3 月 17 日 15 時 9 分', ['散會：17 時 33 分'], ['15:09', '17:33']],
    // a sentence that holds a time and 散會 is no adjournment line
    [TIME, ['本案俟上午11時30分散會後再議。', '參、散會'], ['10:00', null]],
    [TIME, ['參、散會'], ['10:00', null]],
    // another meeting's end, an end with no subject, or a sentence that goes on is no end of this one
    [TIME, ['上次會議於上午11時30分結束。', '參、散會'], ['10:00', null]],
    [TIME, ['上午11時30分結束。', '參、散會'], ['10:00', null]],
    [TIME, ['會議於上午11時30分結束，由秘書處整理紀錄。', '參、散會'], ['10:00', null]],
  ])('%s … %s', (time, end, want) => expect(times(time, end)).toEqual(want));
});

describe('titles of officials, and a person written with a space inside', () => {
  const chair = (line: string) => {
    const c = doc([TIME, PLACE, line]).meeting?.chair;
    return [c?.name ?? null, c?.title ?? null];
  };
  it.each([
    ['主席：林簡任技正大同', ['林大同', '簡任技正']],
    ['主席：王大隊長大明', ['王大明', '大隊長']],
    ['主席：王分局長大明', ['王大明', '分局長']],
    ['主席：王區長大明', ['王大明', '區長']],
    // a surname, then a title that ends like a unit (系主任), is no unit + title (張系 | 主任)
    ['主席：張系主任溫德', ['張溫德', '系主任']],
    // a unit that ends in 系, then a title, stays a unit (資訊系 | 主任)
    ['主席：資訊系主任王大明', ['王大明', '主任']],
    // test/fixtures/corpus/raw/60_ntp-council-2-t13-4.txt:23 (議事組 | 主任)
    ['主席：議事組主任高明慧', ['高明慧', '主任']],
    // surname and title, then the given name apart
    ['主席：王局長 大明', ['王大明', '局長']],
    // test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:13: a title apart, then the name
    ['主席：簡任秘書 盧焜鑫', ['盧焜鑫', '簡任秘書']],
  ])('%s', (line, want) => expect(chair(line)).toEqual(want));

  it.each([
    ['紀錄：秘書室 李小華', '李小華', '秘書室'],
    // test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:13
    [corpusLine('13', '紀 錄'), '盧焜鑫', null],
  ])('%s → recorder %s', (line, name, org) => {
    const r = doc([TIME, PLACE, line]).meeting?.recorder;
    expect([r?.name, r?.org]).toEqual([name, org]);
  });
});

describe('attendance labels with a bracket or a unit word', () => {
  const names = (line: string) => doc([TIME, PLACE, '主席：李委員自正', line]).attendees.map((a) => [a.name, a.role]);
  it.each([
    // samples/mofa-2018-107-1.txt:10 (出(列)席人員), with names instead of a reference
    ['出(列)席人員：王大明、陳小華', 'member'],
    ['出（列）席單位及人員：民政局王科長大明、財政局陳專員小華', 'member'],
    ['出席單位及人員：民政局王科長大明、財政局陳專員小華', 'member'],
    ['與會單位及人員：民政局王科長大明、財政局陳專員小華', 'member'],
    ['列席單位及人員：民政局王科長大明、財政局陳專員小華', 'observer'],
  ])('%s', (line, role) => {
    expect(names(line)).toEqual([['王大明', role], ['陳小華', role]]);
  });

  it.each([
    // samples/mofa-2018-107-1.txt:10: a reference to a list not in the text names no one
    ['出(列)席人員：如後附出(列)席人員名單'],
    ['出（列）席單位及人員：如簽到表'],
  ])('%s names no one', (line) => expect(names(line)).toEqual([]));
});

describe('attendance entries and list starts', () => {
  const people = (lines: string[]) =>
    doc([TIME, PLACE, '主席：李委員自正', ...lines]).attendees.map((a) => [a.name, a.role, a.status, a.onBehalfOf?.name ?? null]);
  it.each([
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:29 writes 張澤雄(余念梓代); a note that also gives the
    // member's status, with a comma or a space between, lists the member with it and then the proxy
    ['出席：張澤雄(請假，余念梓代)、傅永茂', [['張澤雄', 'member', 'on-leave', null], ['余念梓', 'member', 'proxy', '張澤雄'], ['傅永茂', 'member', 'present', null]]],
    ['出席：張澤雄(請假 余念梓代)、傅永茂', [['張澤雄', 'member', 'on-leave', null], ['余念梓', 'member', 'proxy', '張澤雄'], ['傅永茂', 'member', 'present', null]]],
    ['出席：張澤雄（請假　余念梓代理）、傅永茂', [['張澤雄', 'member', 'on-leave', null], ['余念梓', 'member', 'proxy', '張澤雄'], ['傅永茂', 'member', 'present', null]]],
    // test/fixtures/corpus/raw/20_asroc-council-20050618.pdf writes (無法參加: 管一政 陳炳志): names sharing a status
    ['出席：傅永茂 (無法參加: 管一政 陳炳志)', [['傅永茂', 'member', 'present', null], ['管一政', 'member', 'on-leave', null], ['陳炳志', 'member', 'on-leave', null]]],
    ['出席：傅永茂 (請假: 陳炳志)', [['傅永茂', 'member', 'present', null], ['陳炳志', 'member', 'on-leave', null]]],
  ])('%s', (line, want) => expect(people([line])).toEqual(want));

  it.each([
    // test/fixtures/corpus/raw/60_ntp-council-2-t13-4.txt:4 writes 出 席：; without the colon the label is as wide as the gap
    [['出  席  陳世榮  洪佳君', '列  席  陳王正源'], [['陳世榮', 'member', 'present', null], ['洪佳君', 'member', 'present', null], ['陳王正源', 'observer', 'present', null]]],
    [['出　席　陳世榮　洪佳君'], [['陳世榮', 'member', 'present', null], ['洪佳君', 'member', 'present', null]]],
  ])('%s', (lines, want) => expect(people(lines)).toEqual(want));

  it.each([
    // single characters that name no group start no list (test/fixtures/corpus/raw/07_ntpc-citygov-0387-20180619.txt:16)
    [['市           長   朱立倫']],
    [['說  明  陳世榮  洪佳君']],
  ])('%s starts no list', (lines) => expect(people(lines)).toEqual([]));
});

describe('notes that excuse a member, and a chair with a concurrent post standing in', () => {
  const statuses = (line: string) => doc([TIME, PLACE, '主席：李委員自正', line]).attendees.map((a) => [a.name, a.status]);
  it.each([
    // test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt:29 writes 彭振聲(公假); other excuses other bodies write
    ['出席：彭振聲(因公請假)、蔡炳坤', [['彭振聲', 'on-leave'], ['蔡炳坤', 'present']]],
    ['出席：彭振聲(公出)、蔡炳坤(出差)', [['彭振聲', 'on-leave'], ['蔡炳坤', 'on-leave']]],
    ['出席：彭振聲(出國)、蔡炳坤(另有要公)', [['彭振聲', 'on-leave'], ['蔡炳坤', 'on-leave']]],
    ['出席：彭振聲(休假)、蔡炳坤(視訊)', [['彭振聲', 'on-leave'], ['蔡炳坤', 'present']]],
  ])('%s', (line, want) => expect(statuses(line)).toEqual(want));

  it.each([
    // test/fixtures/corpus/raw/11_tpe-urbanplan-640-20121122.txt:7 (陳兼副主任委員永仁) standing in for the 主任委員
    ['主席：林兼主任委員欽榮（請假，由陳兼副主任委員永仁代理）', ['陳永仁', '林欽榮']],
    ['主席：林兼主任委員欽榮（陳兼副主任委員永仁代）', ['陳永仁', '林欽榮']],
  ])('%s', (line, want) => {
    const c = doc([TIME, PLACE, line]).meeting?.chair;
    expect([c?.name, c?.actingFor?.name]).toEqual(want);
  });
});

describe('an attendance table with a category column, and groups of members', () => {
  const people = (lines: string[]) =>
    doc([TIME, PLACE, '主席：李委員自正', ...lines]).attendees.map((a) => [a.name, a.role, a.title]);
  it('a row read by the table is not read again as a list: one attendee a row, in the group its category names', () => {
    // samples/mofa-2016-105-4.txt:7–9's people, as a ministry's table writes them (類別, 單位, 職稱, 姓名)
    const rows = ['出席人員：', '類別\t單位\t職稱\t姓名', '機關代表\t領務局\t副局長\t鍾文正', '機關代表\t資訊處\t科長\t蔣憶萍', '民間代表\t臺灣金融科技公司\t董事長\t王可言'];
    expect(people(rows)).toEqual([
      ['鍾文正', 'agency-representative', '副局長'],
      ['蔣憶萍', 'agency-representative', '科長'],
      ['王可言', 'civil-representative', '董事長'],
    ]);
  });

  it('a unit that holds a group word (本會秘書處) is no category: the table\'s rows stay members', () => {
    const rows = ['出席人員：', '單位\t科室\t職稱\t姓名', '本會秘書處\t議事科\t科長\t蔣憶萍'];
    expect(people(rows)).toEqual([['蔣憶萍', 'member', '科長']]);
  });

  it.each([
    // samples/mofa-2016-105-4.txt:7,9 label the groups 機關代表 / 民間代表; other bodies write 外部委員 / 內部委員
    [['出席委員：', '外部委員：王委員可言、林委員宜隆', '內部委員：陳委員華玉'], [['王可言', 'civil-representative', '委員'], ['林宜隆', 'civil-representative', '委員'], ['陳華玉', 'agency-representative', '委員']]],
    [['出席委員：', '機關代表：陳委員華玉', '民間代表：王委員可言'], [['陳華玉', 'agency-representative', '委員'], ['王可言', 'civil-representative', '委員']]],
  ])('%s', (lines, want) => expect(people(lines)).toEqual(want));
});

describe('the closing signature', () => {
  const who = (header: string[], end: string[]) => {
    const m = doc([TIME, PLACE, ...header], [...BODY, '參、散會', ...end]).meeting!;
    return [m.chair?.name ?? null, m.recorder?.name ?? null];
  };
  it.each([
    // test/fixtures/corpus/raw/34_asroc-council-record20081227.pdf writes 主  席：張祥光        記錄：詹惠茹 in its header; here at the end
    [[], ['主  席：張祥光        記錄：詹惠茹'], ['張祥光', '詹惠茹']],
    [[], ['主席：張祥光', '記錄：詹惠茹'], ['張祥光', '詹惠茹']],
    [['主席：李委員自正'], ['記錄：王薦任科員世任'], ['李自正', '王世任']],
  ])('%s … %s', (header, end, want) => expect(who(header, end)).toEqual(want));

  it.each([
    // a header recorder stands: the end's signature does not replace it (samples/mofa-2016-105-4.txt:13)
    [['主席：李委員自正', '記錄：王薦任科員世任'], ['記錄：詹惠茹'], ['李自正', '王世任']],
    // a signature block left blank for signing, a chair's closing turn, and a 紀錄 that names no one
    [[], ['主席：　　　　　　記錄：'], [null, null]],
    [[], ['主席：散會'], [null, null]],
    [[], ['記錄：如附件'], [null, null]],
  ])('%s … %s', (header, end, want) => expect(who(header, end)).toEqual(want));
});

describe('the body a title names', () => {
  const naming = (title: string) => {
    const m = parse([title, TIME, PLACE, '主席：李委員自正', ...BODY, '參、散會'].join('\n')).meeting!;
    return [m.agency, m.body, m.term, m.session];
  };
  it.each([
    // test/fixtures/corpus/raw/36_asroc-council-minutes20111217.pdf: 中華民國天文學會 第 24 屆第 3 次理監事會議 會議紀錄; a joint sitting
    ['中華民國天文學會第28屆第2次理監事聯席會議紀錄', ['中華民國天文學會', '理監事聯席會議', 28, 2]],
    ['台灣物理學會第25屆第3次理監事聯席會議紀錄', ['台灣物理學會', '理監事聯席會議', 25, 3]],
    // a name that ends in a body word keeps no 會議 (samples/moea-2021-7-1.txt:1 as another ministry writes it)
    ['交通部資料開放諮詢小組第3次會議紀錄', ['交通部', '資料開放諮詢小組', null, 3]],
    // test/fixtures/corpus/raw/01_taipei-citygov-2151-20210720-videoconf.txt:3 (市政 | 會議紀錄 → 市政會議)
    ['臺北市政府第2151次市政會議紀錄', ['臺北市政府', '市政會議', null, 2151]],
    // test/fixtures/corpus/raw/17_ly-transport-gazette-20221103-speeches.txt:1 (the committee, not 全體委員會議)
    [corpusLine('17', '立法院第10屆第6會期'), ['立法院', '交通委員會', 10, 6]],
  ])('%s', (title, want) => expect(naming(title)).toEqual(want));
});

describe('several chairs named in the chair field', () => {
  const chairs = (line: string) => {
    const d = doc([TIME, PLACE, line]);
    return [d.meeting?.chair?.name ?? null, (d.meeting?.chairs ?? []).map((c) => c.name), d.diagnostics.some((x) => x.code === 'chairs-in-turn')];
  };
  it.each([
    // two conveners of a legislature's committee (test/fixtures/corpus/raw/15_ly-judiciary-gazette-20160502.txt:85 writes one)
    ['主席：鄭召集委員正鈐、邱召集委員志偉', ['鄭正鈐', ['鄭正鈐', '邱志偉'], true]],
    ['主席：由鄭召集委員正鈐、邱召集委員志偉分別主持', ['鄭正鈐', ['鄭正鈐', '邱志偉'], true]],
  ])('%s', (line, want) => expect(chairs(line)).toEqual(want));

  it.each([
    // one chair standing in for another is one chair (samples/moea-2021-7-1.txt:7, written without brackets)
    ['主席：林次長全能（請假）、林主任聰仁代理', ['林聰仁', [], false]],
    ['主席：謝政務次長武樵(資訊長)', ['謝武樵', [], false]],
  ])('%s', (line, want) => expect(chairs(line)).toEqual(want));
});

describe('groups with a status word, units with their people, guests', () => {
  const people = (lines: string[]) =>
    doc([TIME, PLACE, '主席：李委員自正', ...lines]).attendees.map((a) => [a.name, a.role, a.status]);
  it.each([
    // test/fixtures/corpus/raw/35_asroc-council-record20100705.pdf lists 請假人員姓名; a society also writes 請假理事 / 缺席監事
    [['出席理事：王大明、陳小華', '請假理事：林奕華'], [['王大明', 'member', 'present'], ['陳小華', 'member', 'present'], ['林奕華', 'member', 'on-leave']]],
    [['出席監事：王大明', '缺席監事：林奕華'], [['王大明', 'member', 'present'], ['林奕華', 'member', 'absent']]],
    [['出席委員：王大明', '未出席委員：林奕華'], [['王大明', 'member', 'present'], ['林奕華', 'member', 'absent']]],
    // a unit and its people in brackets (samples/mofa-2016-105-4.txt:10 lists people by title; units write them so too)
    [['列席單位：民政局（吳世瑋、李四川）、財政局（陳局長大同）'], [['吳世瑋', 'observer', 'present'], ['李四川', 'observer', 'present'], ['陳大同', 'observer', 'present']]],
    [['列席：李四川', '來賓：張溫德、林奕華'], [['李四川', 'observer', 'present'], ['張溫德', 'observer', 'present'], ['林奕華', 'observer', 'present']]],
  ])('%s', (lines, want) => expect(people(lines)).toEqual(want));

  it.each([
    // a unit's bracket that holds a status or a mark names no one
    [['列席單位：民政局（請假）、財政局']],
    [['列席單位：民政局(代理)']],
    [['列席單位：民政局（二樓）']],
  ])('%s names no one', (lines) => expect(people(lines)).toEqual([]));
});

describe('chair words inside a title, and a unit before a recorder', () => {
  const chair = (line: string) => {
    const m = doc([TIME, PLACE, line]).meeting!;
    return [m.chair?.name ?? null, m.chair?.title ?? null, m.recorder?.name ?? null];
  };
  it.each([
    // 召集人 is part of the title 副召集人, not a run-on line (samples/mofa-2016-105-4.txt:5 writes 召集人)
    ['主席：李副召集人澄然（代理）', ['李澄然', '副召集人', null]],
    ['主席：李自正 召集人', ['李自正', '召集人', null]],
    ['紀錄：資訊處 王世任 科員', [null, null, '王世任']],
    // test/fixtures/corpus/raw/62_tyc-council-1-t12-13.txt: a recorder's value run into the next line's 主席宣布開會
    ['紀錄：邱碧娥主席宣布開會', [null, null, '邱碧娥']],
  ])('%s', (line, want) => expect(chair(line)).toEqual(want));
});

describe('a list field\'s line is not joined to the next when it ends without a separator', () => {
  // A short document: its header lines are as wide as any, so the layout's wrap width does not tell them apart.
  const names = (lines: string[]) => doc([TIME, PLACE, '主席：李委員自正', ...lines]).attendees.map((a) => a.name);
  it.each([
    [['出席委員：應出席15人，實到12人', '王大明、陳小華、林奕華'], ['王大明', '陳小華', '林奕華']],
    // test/fixtures/corpus/raw/60_ntp-council-2-t13-4.txt:4–5: names apart by spaces, a line each
    [['出 席：陳世榮 洪佳君 黃林玲玲 何博文', '陳錦錠 林秀惠 陳永福 廖本煙'], ['陳世榮', '洪佳君', '黃林玲玲', '何博文', '陳錦錠', '林秀惠', '陳永福', '廖本煙']],
    // a line that ends with a separator goes on in the next, as before
    [['出席：王大明、陳小華、', '林奕華'], ['王大明', '陳小華', '林奕華']],
  ])('%s', (lines, want) => expect(names(lines)).toEqual(want));
});

describe('the date elsewhere in the header, the times in the time field', () => {
  const when = (title: string[], header: string[]) => {
    const d = parse([...title, ...header, '主席：李委員自正', ...BODY, '參、散會'].join('\n'));
    return [d.meeting?.date ?? null, d.meeting?.start?.slice(11, 16) ?? null, d.diagnostics.some((x) => x.code === 'date-unreadable')];
  };
  it.each([
    // samples/mofa-2016-105-4.txt:1–3, with the date moved into the title or onto a line of its own
    [['「外交部資料開放諮詢小組」105年12月23日第4次會議紀錄'], ['時間：上午10時', PLACE], ['2016-12-23', '10:00', false]],
    [['「外交部資料開放諮詢小組」', '第4次會議紀錄', '105年12月23日'], [PLACE], ['2016-12-23', null, false]],
    [['「外交部資料開放諮詢小組」', '第4次會議紀錄', '中華民國105年12月23日（星期五）'], ['時間：上午10時', PLACE], ['2016-12-23', '10:00', false]],
  ])('%s %s', (title, header, want) => expect(when(title, header)).toEqual(want));

  it('a time field whose date cannot be read, and no date elsewhere, says so (there is no 13th month)', () => {
    expect(when(TITLE, ['時間：105年13月23日上午10時', PLACE])).toEqual([null, null, true]);
  });

  it('a sentence that mentions a date is no date line of the header', () => {
    const d = parse([...TITLE, '本次會議原訂105年12月23日召開，因故延期。', PLACE, '主席：李委員自正', ...BODY, '參、散會'].join('\n'));
    expect(d.meeting?.evidence?.date?.rule).not.toBe('header.date-line');
  });
});

describe('a convener named by title inside a list of members', () => {
  const roles = (line: string) => doc([TIME, PLACE, '主席：李委員自正', line]).attendees.map((a) => [a.name, a.role]);
  it.each([
    // samples/mofa-2016-105-4.txt:5 names the 召集人; listed among the members, he is the convener
    ['出席委員：李召集人澄然、王委員可言', [['李澄然', 'convener'], ['王可言', 'member']]],
    // test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt:7: the label says it
    [corpusLine('13', '出席召集委員'), [['劉書彬', 'convener'], ['陳秀寳', 'convener']]],
  ])('%s', (line, want) => expect(roles(line)).toEqual(want));

  it.each([
    ['出席委員：李副召集人澄然、王委員可言', [['李澄然', 'member'], ['王可言', 'member']]],
    ['列席人員：李召集人澄然', [['李澄然', 'observer']]],
    // a proxy attending for the convener is no convener
    ['出席委員：李召集人澄然(林主任聰仁代)', [['林聰仁', 'member']]],
  ])('%s', (line, want) => expect(roles(line)).toEqual(want));
});

describe('a status bracket on a line of its own under a list', () => {
  const people = (lines: string[]) => doc([TIME, PLACE, '主席：李委員自正', ...lines]).attendees.map((a) => [a.name, a.status]);
  it.each([
    // test/fixtures/corpus/raw/20_asroc-council-20050618.pdf writes (無法參加: 管一政 陳炳志) inside the list; here on its own line
    [['出席：葉永烜、高仲明', '（無法出席：管一政、陳炳志）'], [['葉永烜', 'present'], ['高仲明', 'present'], ['管一政', 'on-leave'], ['陳炳志', 'on-leave']]],
    [['出席：葉永烜、高仲明', '(請假: 管一政)'], [['葉永烜', 'present'], ['高仲明', 'present'], ['管一政', 'on-leave']]],
  ])('%s', (lines, want) => expect(people(lines)).toEqual(want));

  it('a bracketed note with a colon that gives no status ends the list', () => {
    expect(people(['出席：葉永烜、高仲明', '（備註：本次會議以視訊方式召開）'])).toEqual([['葉永烜', 'present'], ['高仲明', 'present']]);
  });
});

describe('numbered parts of an attendance list whose label has nothing after it', () => {
  const people = (d: MinutesDocument) => d.attendees.map((a) => [a.name, a.org, a.group]);
  it('（一）市政府：… （二）議會：… under 出席人員： are the list, by unit; the body starts at 壹', () => {
    const d = doc([TIME, PLACE, '主席：盧市長秀燕', '出席人員：', '（一）市政府：副市長黃國榮、秘書長黃崇典', '（二）議會：議長張清照', '記錄：李小華']);
    expect(people(d)).toEqual([
      ['黃國榮', '市政府', '出席人員'],
      ['黃崇典', '市政府', '出席人員'],
      ['張清照', '議會', '出席人員'],
    ]);
    expect(d.meeting?.recorder?.name).toBe('李小華');
    expect(d.agenda.map((a) => a.kind)).toContain('chair-remarks');
  });
  it('(一)機關代表：… (二)專家學者：… under 列席人員： are lists of their groups', () => {
    const d = doc([TIME, PLACE, '主席：盧市長秀燕', '列席人員：', '(一)機關代表：民政局局長吳世瑋', '(二)專家學者：王教授大明']);
    expect(d.attendees.map((a) => [a.name, a.role])).toEqual([
      ['吳世瑋', 'agency-representative'],
      ['王大明', 'civil-representative'],
    ]);
  });
  it('a label with names after it, or a numbered line after another field, is no list part: the body starts there', () => {
    const named = doc([TIME, PLACE, '主席：盧市長秀燕', '出席人員：李志強', '（一）市政府報告：洽悉。']);
    expect(named.attendees.map((a) => a.name)).toEqual(['李志強']);
    const afterField = doc([TIME, PLACE, '主席：盧市長秀燕', '（一）市政府：副市長黃國榮']);
    expect(afterField.attendees).toEqual([]);
    // an empty 缺席： label right before the body's first section (corpus 62's list ends so)
    const empty = doc([TIME, PLACE, '出席：邱奕勝、李曉鐘', '缺席：'], ['壹、報告事項', '一、會務報告。', '貳、散會']);
    expect(empty.attendees.map((a) => a.name)).toEqual(['邱奕勝', '李曉鐘']);
    expect(empty.agenda.map((a) => a.kind)).toContain('report');
  });
});
