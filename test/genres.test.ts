// Minutes of genres the real corpus does not hold (說明會, 校務會議, 公聽會, 區務會議, 會勘紀錄, 座談會):
// the rules each fix states, as case tables (a line or a short document → the value), with real corpus
// lines (test/fixtures/corpus/raw/) varied where a line of that kind exists, and the written examples of
// test/fixtures/genres/ read end to end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parseName } from '../src/extract/person.js';
import { parseChairOrRecorder } from '../src/extract/presiding.js';
import { spacedPerson, unitThenPerson } from '../src/extract/header-value.js';
import { readSpeakerLabel } from '../src/extract/speeches.js';
import { nameParts } from '../src/extract/title.js';
import { sectionKind } from '../src/segment/kinds.js';
import { matchMarker } from '../src/segment/markers.js';
import { ROOT } from './helpers.js';

const GENRES = ROOT + 'test/fixtures/genres/';
const genre = (name: string) => parse(readFileSync(GENRES + name, 'utf8'), { name });

/** A short district-office header (p4's form) with `chairLine` as its 主席 line. */
const header = (chairLine: string, body = '一、主席致詞：略\n二、散會：上午10時40分') =>
  parse(`臺北市大安區公所112年第5次區務會議紀錄\n時間：112年5月2日（星期二）上午9時30分\n地點：本所9樓大禮堂\n${chairLine}\n記錄：張美玲\n出席人員：李志強、陳建宏\n${body}\n`);

describe('titles: one vocabulary for header fields and speech labels', () => {
  it.each([
    // real: 主  席:林召集委員為洲 (15_ly-judiciary-gazette), and the same form with other offices
    ['林召集委員為洲', { name: '林為洲', title: '召集委員', org: null }],
    ['李召集委員大仁', { name: '李大仁', title: '召集委員', org: null }],
    ['王區長大明', { name: '王大明', title: '區長', org: null }],
    ['陳副區長志明', { name: '陳志明', title: '副區長', org: null }],
    ['大安分局林分局長正雄', { name: '林正雄', title: '分局長', org: '大安分局' }],
    ['陳教務長文章', { name: '陳文章', title: '教務長', org: null }],
    ['黃正工程司明德', { name: '黃明德', title: '正工程司', org: null }],
    ['許社工師家豪', { name: '許家豪', title: '社工師', org: null }],
    ['周督學淑惠', { name: '周淑惠', title: '督學', org: null }],
    ['張主秘美玲', { name: '張美玲', title: '主秘', org: null }],
    ['林檢察官志偉', { name: '林志偉', title: '檢察官', org: null }],
    // not titles: a bare name, and a name whose given name is no title
    ['王大明', { name: '王大明', title: null }],
    ['段委員宜康', { name: '段宜康', title: '委員' }],
  ])('%s', (written, expected) => expect(parseName(written)).toMatchObject(expected));

  it.each([
    ['主席：王區長大明', { name: '王大明', title: '區長' }],
    ['主席：區長 王大明', { name: '王大明', title: '區長' }],
    ['主席：李召集委員大仁', { name: '李大仁', title: '召集委員' }],
    ['主　席：副校長 陳文章', { name: '陳文章', title: '副校長' }],
  ])('header %s → chair', (line, chair) => expect(header(line).meeting!.chair).toMatchObject(chair));
});

describe('a post or a unit, a space, the person (header fields)', () => {
  it.each([
    // real: 紀  錄:簡任秘書 彭定民 and 紀 錄:簡任秘書 盧焜鑫 簡任編審 蔡淑珍 科長 楊永綨
    ['簡任秘書 彭定民', { name: '彭定民', title: '簡任秘書', org: null }],
    ['簡任秘書 盧焜鑫 簡任編審 蔡淑珍 科長 楊永綨', { name: '盧焜鑫', title: '簡任秘書', org: null }],
    ['區長 王大明', { name: '王大明', title: '區長', org: null }],
    ['召集委員 李大仁', { name: '李大仁', title: '召集委員', org: null }],
    ['秘書室 王曉明', { name: '王曉明', title: null, org: '秘書室' }],
    ['工務局 陳股長建志', { name: '陳建志', title: '股長', org: '工務局' }],
    ['民政局 局長 王大明', { name: '王大明', title: '局長', org: '民政局' }],
    // a one-character word before the title is the surname, not a post: 吳 局長宗榮
    ['吳 局長宗榮', { name: '吳宗榮', title: '局長', org: null }],
    ['王大明', { name: '王大明', title: null, org: null }],
  ])('%s', (written, expected) => expect(parseChairOrRecorder(written)).toMatchObject(expected));

  it.each([
    ['區長 王大明', false, { unit: null, post: '區長', person: '王大明' }],
    ['秘書室 王曉明', false, { unit: '秘書室', post: null, person: '王曉明' }],
    ['區長 王大明                       紀錄：張美玲', false, { post: '區長', person: '王大明' }],
    // only in a header, any short words before the name (a post spelled otherwise: 召集委员)
    ['召集委员 李大仁', true, { post: '召集委员', person: '李大仁' }],
    ['召集委员 李大仁', false, null],
    // words said, not a field: real 主席: 好,那就林銘仁議員。 / 主席:現在繼續開會。, and variants
    ['好,那就林銘仁議員。', true, null],
    ['現在繼續開會。', true, null],
    ['謝謝 王委員', false, null],
    ['現在 開會', true, null],
    ['李大仁', true, null],
  ])('spacedPerson(%s, header %s)', (value, anyWords, expected) => {
    const got = spacedPerson(value, anyWords);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatchObject(expected);
  });

  it.each([
    ['主席：區長 王大明'],
    ['主席：召集委員 李大仁'],
    ['主席：召集委员 李大仁'],
    ['主　席：區長 王大明                       紀錄：張美玲'],
    ['主席：簡任秘書 盧焜鑫 簡任編審 蔡淑珍'],
  ])('the header line %s is a field, never a speech', (line) => expect(header(line).speeches).toEqual([]));

  it('a chair who speaks is still a speech (real: 主席:現在繼續開會。)', () => {
    const d = header('主席：王區長大明', '一、主席致詞：略\n二、討論事項\n主席:現在繼續開會。\n三、散會：上午10時40分');
    expect(d.speeches.map((s) => s.text)).toEqual(['現在繼續開會。']);
  });

  it('記錄：秘書室 王曉明 → the recorder with the unit as org', () => {
    const d = parse('國立臺灣大學113學年度第1次校務會議紀錄\n時間：113年10月19日上午9時\n主席：陳校長文章\n記錄：秘書室 王曉明\n壹、主席報告（略）\n貳、散會\n');
    expect(d.meeting!.recorder).toMatchObject({ name: '王曉明', org: '秘書室' });
  });
});

describe('a head count names no one', () => {
  const attendees = (line: string) => parse(`某某大學第1次校務會議紀錄\n時間：113年10月19日上午9時\n主席：陳校長文章\n${line}\n壹、主席報告（略）\n貳、散會\n`).attendees.map((a) => a.name);
  it.each([
    ['出席：應出席代表125人，實際出席98人（詳簽到單）', []],
    ['出席：實際出席98人', []],
    // real: 委員出席12人 under a list
    ['出席委員：委員出席12人', []],
    // names before a count stay: 李小華等 3 人
    ['出席：王大明、李小華等 2 人', ['王大明', '李小華']],
    ['出席：王大明、李小華', ['王大明', '李小華']],
  ])('%s', (line, names) => expect(attendees(line)).toEqual(names));
});

describe('a quoted subject in a title names no agency or session', () => {
  it.each([
    ['臺中市政府都市發展局「變更臺中市都市計畫（第三次通盤檢討）案」公開展覽說明會會議紀錄', { agency: '臺中市政府', session: null, term: null }],
    ['「長期照顧服務法部分條文修正草案」公聽會會議紀錄', { agency: null, session: null }],
    ['「第二屆理事選舉辦法草案」說明會會議紀錄', { agency: null, session: null, term: null }],
    ['內政部113年度「國土計畫法施行」座談會會議紀錄', { agency: '內政部', body: '座談會' }],
    // real: a quote naming a body is the body (外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄)
    ['外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄', { agency: '外交部', body: '資料開放諮詢小組', session: 1 }],
    // counts outside the quote stay
    ['臺中市政府「都市計畫草案」第3次說明會會議紀錄', { agency: '臺中市政府', session: 3 }],
  ])('%s', (title, expected) => expect(nameParts(title)).toMatchObject(expected));
});

describe('schools: the university or school is the agency, a school year (學年度) no part of the body', () => {
  it.each([
    ['國立臺灣大學113學年度第1次校務會議紀錄', { agency: '國立臺灣大學', body: '校務會議', session: 1 }],
    ['臺北市立大安高級中學113學年度第1次校務會議紀錄', { agency: '臺北市立大安高級中學', body: '校務會議', session: 1 }],
    ['新北市板橋區板橋國民小學113學年度期初校務會議紀錄', { agency: '新北市板橋區板橋國民小學', body: '期初校務會議' }],
    // the year forms around it stay as they were
    ['交通部113年第3次部務會議紀錄', { agency: '交通部', body: '部務會議', session: 3 }],
    ['中華民國天文學會九十四年度第二次理監事聯席會議紀錄', { agency: '中華民國天文學會' }],
    // 學 alone before a year is no school year
    ['國立臺灣大學第1次校務會議紀錄', { agency: '國立臺灣大學', body: '校務會議', session: 1 }],
  ])('%s', (title, expected) => expect(nameParts(title)).toMatchObject(expected));
});

describe('field labels with a genre word before 時間 / 地點', () => {
  const meeting = (time: string, place: string) => parse(`新北市政府工務局現場會勘紀錄\n一、${time}：113年2月20日（星期二）下午2時\n二、${place}：板橋區文化路一段188號前\n三、主持人：陳股長建志\n四、散會：下午3時20分\n`).meeting!;
  it.each([
    ['會勘時間', '會勘地點'],
    ['現勘時間', '現勘地點'],
    ['會議時間', '會議地點'],
    ['時間', '地點'],
    ['說明會日期', '說明會地點'],
  ])('%s / %s', (time, place) => {
    const m = meeting(time, place);
    expect(m.date).toBe('2024-02-20');
    expect(m.start).toBe('2024-02-20T14:00:00+08:00');
    expect(m.location).toBe('板橋區文化路一段188號前');
  });
  it('a word that is no genre word labels nothing (勘驗結果：…)', () => {
    expect(parse('某某會勘紀錄\n一、會勘時間：113年2月20日下午2時\n二、勘驗地點：板橋區文化路\n三、散會\n').meeting!.location).toBeNull();
  });
});

describe('ruling sections of other genres', () => {
  it.each([
    ['三、主席指示：', 'resolutions'],
    ['肆、主持人結論：', 'resolutions'],
    ['五、會勘結論：', 'resolutions'],
    ['五、協調結論：', 'resolutions'],
    ['五、審查結論：', 'resolutions'],
    ['柒、結論：請國土管理署彙整與會意見。', 'resolutions'],
    // real: 主席裁示:紀錄確定。
    ['主席裁示:紀錄確定。', 'resolutions'],
    // not a ruling label: 主持人致詞, 業務單位說明, 討論結果
    ['壹、主持人致詞：略。', 'chair-remarks'],
    ['貳、業務單位說明：略。', 'other'],
    ['五、會勘情形：', 'other'],
  ])('%s → %s', (heading, kind) => expect(sectionKind(heading.replace(/^[^、]+、/u, ''))).toBe(kind));

  const rulings = (section: string) => parse(`某某公所現場會勘紀錄\n時間：113年2月20日下午2時\n主持人：陳股長建志\n一、會勘情形：略\n${section}\n三、散會：下午3時20分\n`).rulings.map((r) => [r.label, r.text]);
  it.each([
    ['二、會勘結論：\n  (一)請台灣電力公司遷移電桿。\n  (二)請交通局重新劃設標線。', [['會勘結論', '(一)請台灣電力公司遷移電桿。\n(二)請交通局重新劃設標線。']]],
    ['二、結論：請交通局重新劃設標線。', [['結論', '請交通局重新劃設標線。']]],
    ['二、主席指示：請各課室於5月15日前提報計畫。', [['主席指示', '請各課室於5月15日前提報計畫。']]],
    ['二、現場情形：現場電桿位於人行道中央。', []],
  ])('%s', (section, expected) => expect(rulings(section)).toEqual(expected));
});

describe('speakers written with a unit, a space, or a note', () => {
  it.each([
    ['中華民國老人福利推動聯盟 吳玉琴秘書長', { unit: '中華民國老人福利推動聯盟', person: '吳玉琴秘書長' }],
    ['台灣長期照顧發展協會 林專員志偉', { unit: '台灣長期照顧發展協會', person: '林專員志偉' }],
    ['主 席', null],
    ['秘書長 吳玉琴', null],
    ['林 委員', null],
  ])('unitThenPerson(%s)', (label, expected) => {
    const got = unitThenPerson(label);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toEqual(expected);
  });

  it.each([
    ['中華民國老人福利推動聯盟 吳玉琴秘書長', { name: '吳玉琴', title: '秘書長', org: '中華民國老人福利推動聯盟' }],
    ['陳委員美惠（書面意見）', { name: '陳美惠', title: '委員', org: null }],
    // real: 陳主任委員耀祥 (17_ly-transport-gazette) with a note
    ['陳主任委員耀祥（書面意見）', { name: '陳耀祥', title: '主任委員', org: null }],
  ])('readSpeakerLabel(%s)', (label, parts) => expect(readSpeakerLabel(label, new Set())?.parts).toMatchObject(parts));

  it.each([['說明（略）'], ['決議（修正後）'], ['出席人員（依簽到順序）']])('not a speaker: %s', (label) => expect(readSpeakerLabel(label, new Set())).toBeNull());
});

describe('panelists are attendees', () => {
  it.each([
    ['肆、與談人：臺北大學不動產與城鄉環境學系 周教授志龍、臺灣大學建築與城鄉研究所 黃副教授麗玲', ['周志龍', '黃麗玲']],
    ['肆、引言人：王教授大明', ['王大明']],
  ])('%s', (line, names) => {
    const d = parse(`內政部座談會會議紀錄\n壹、時間：113年7月5日上午9時30分\n參、主持人：花次長敬群\n${line}\n伍、結論：請彙整意見。\n陸、散會：中午12時\n`);
    expect(d.attendees.map((a) => [a.name, a.role])).toEqual(names.map((n) => [n, 'civil-representative']));
    expect(d.speeches).toEqual([]);
  });
});

describe('the written examples, end to end', () => {
  it('p1 說明會: agency outside the quoted plan, no session from inside it, the 結論 section', () => {
    const d = genre('p1-briefing.txt');
    expect(d.meeting).toMatchObject({ agency: '臺中市政府', session: null, chair: { name: '陳志明', title: '副局長' } });
    expect(d.rulings.map((r) => r.label)).toEqual(['結論']);
  });
  it('p2 校務會議: the recorder with the unit, no attendee from a head count', () => {
    const d = genre('p2-university-council.txt');
    expect(d.meeting!.recorder).toMatchObject({ name: '王曉明', org: '秘書室' });
    expect(d.attendees.filter((a) => a.role === 'member')).toEqual([]);
  });
  it('p3 公聽會: no agency from the quoted bill, speakers with units and a written opinion, the chair\'s conclusion', () => {
    const d = genre('p3-public-hearing.txt');
    expect(d.meeting!.agency).toBeNull();
    expect(d.speeches.map((s) => [s.speaker.name, s.speaker.org])).toEqual([
      ['吳玉琴', '中華民國老人福利推動聯盟'],
      ['林志偉', '台灣長期照顧發展協會'],
      ['陳美惠', null],
    ]);
    expect(d.agenda.find((a) => a.title.startsWith('主持人結論'))!.kind).toBe('resolutions');
    expect(d.rulings.map((r) => r.label)).toEqual(['主持人結論']);
  });
  it('p4 區務會議: 主席：區長 王大明 is the chair, not a speech; 主席指示 is a ruling section', () => {
    const d = genre('p4-district-office.txt');
    expect(d.meeting!.chair).toMatchObject({ name: '王大明', title: '區長' });
    expect(d.speeches).toEqual([]);
    expect(d.agenda.find((a) => a.title.startsWith('主席指示'))!.kind).toBe('resolutions');
  });
  it('p5 會勘紀錄: 會勘時間 / 會勘地點, the chair and recorder on one line, the attendees, the 會勘結論', () => {
    const d = genre('p5-site-inspection.txt');
    expect(d.meeting).toMatchObject({ start: '2024-02-20T14:00:00+08:00', location: '板橋區文化路一段188號前' });
    expect(d.meeting!.chair).toMatchObject({ name: '陳建志', title: '股長', org: '工務局' });
    expect(d.meeting!.recorder).toMatchObject({ name: '李佩珊' });
    expect(d.attendees.find((a) => a.name === '林美玲')).toMatchObject({ status: 'proxy', org: '新北市議會', onBehalfOf: { name: '王大同', title: '議員' } });
    expect(d.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(['黃文雄', '張志強', '吳明達', '周淑惠']));
    expect(d.rulings.map((r) => r.label)).toEqual(['會勘結論']);
    expect(d.agenda.filter((a) => a.parent !== null)).toEqual([]);
  });
  it('p6 座談會: panelists as attendees, the conclusion on the heading line', () => {
    const d = genre('p6-forum.txt');
    expect(d.attendees.map((a) => a.name)).toEqual(['周志龍', '黃麗玲']);
    expect(d.speeches.map((s) => s.speaker.name)).toEqual(['周志龍', '黃麗玲', '花敬群']);
    expect(d.rulings.map((r) => r.text)).toEqual(['請國土管理署彙整與會意見，於113年8月底前研提精進作法。']);
  });
});

describe('an attendee list of `unit  person` lines', () => {
  const list = (lines: string) =>
    parse(`新北市政府工務局現場會勘紀錄\n一、會勘時間：113年2月20日下午2時\n二、出席單位及人員：\n${lines}\n三、散會：下午3時20分\n`).attendees.map((a) => [a.name, a.title, a.org, a.status]);
  it.each([
    ['    板橋區公所 黃課長文雄', [['黃文雄', '課長', '板橋區公所', 'present']]],
    // the unit named by its head's title: a 里長 heads a 里
    ['    留仁里 周里長淑惠', [['周淑惠', '里長', '留仁里', 'present']]],
    ['    大安區民政課 陳課長建宏', [['陳建宏', '課長', '大安區民政課', 'present']]],
    // a proxy in brackets: the proxy attends for the member
    ['    新北市議會 王議員大同（林助理美玲代）', [['林美玲', '助理', '新北市議會', 'proxy']]],
    // not a unit: two people on a line (the title heads no unit the first word names)
    ['    李小華 周里長淑惠', [['李小華', null, null, 'present'], ['周淑惠', '里長', null, 'present']]],
  ])('%s', (lines, expected) => expect(list(lines)).toEqual(expected));
});

describe("a district office's sections (課) are units", () => {
  const members = (line: string) => parse(`臺北市大安區公所112年第5次區務會議紀錄\n時間：112年5月2日上午9時30分\n主席：區長 王大明\n${line}\n一、主席致詞：略\n二、散會\n`).attendees.map((a) => [a.name, a.title, a.org]);
  it.each([
    // real form: 工務局局長   朱… (a unit, its head's title, the name), with a district's 課
    ['出席人員：工務局局長 朱大明', [['朱大明', '局長', '工務局']]],
    ['出席人員：民政課課長 陳建宏、經建課課長 吳俊傑', [['陳建宏', '課長', '民政課'], ['吳俊傑', '課長', '經建課']]],
    ['出席人員：主任秘書 李志強', [['李志強', '主任秘書', null]]],
  ])('%s', (line, expected) => expect(members(line)).toEqual(expected));
});

describe('cases numbered 第一案, 第二案', () => {
  it.each([
    ['第一案', { number: '一', ordinal: 1, rest: '' }],
    ['第二案', { number: '二', ordinal: 2, rest: '' }],
    ['第 3 案：修正本校學則案', { number: '3', ordinal: 3, rest: '：修正本校學則案' }],
    ['第十二案', { number: '十二', ordinal: 12, rest: '' }],
  ])('%s is a heading', (line, expected) => expect(matchMarker(line)).toMatchObject(expected));
  it.each([['第一次會議紀錄確認'], ['第1屆第2次會議'], ['本案第一案已通過'], ['第一項']])('%s is no case heading', (line) => expect(matchMarker(line)?.family.id.startsWith('case') ?? false).toBe(false));

  it("p2: the cases are sections of 討論事項, each case's 決議 its own, no case glued into a ruling", () => {
    const d = genre('p2-university-council.txt');
    const discussion = d.agenda.find((a) => a.title === '討論事項')!;
    expect(d.agenda.filter((a) => a.parent === discussion.id).map((a) => a.title)).toEqual(['第一案', '第二案']);
    expect(d.rulings.map((r) => r.text)).toEqual(['照案通過。', '修正通過，請總務處依與會代表意見修正後，於114年1月31日前公告實施。']);
    expect(d.agenda.filter((a) => a.parent === null).map((a) => a.number)).toEqual(['壹', '貳', '參', '肆', '伍']);
  });
});

describe('head counts and section words stay what they are', () => {
  it.each([
    ['出席：王大明等 1 人', ['王大明']],
    ['出席：王委員等 1 人', [null]],
    // a group before a count is no titled person: 機關 is no surname
    ['出席：機關代表出席5人', []],
  ])('%s', (line, names) =>
    expect(parse(`某某大學第1次校務會議紀錄\n時間：113年10月19日上午9時\n主席：陳校長文章\n${line}\n壹、主席報告（略）\n貳、散會\n`).attendees.map((a) => a.name)).toEqual(names),
  );
  it.each([['臨時動議 王委員大明'], ['討論事項 王大明'], ['出席人員 王大明']])('unitThenPerson(%s) is null: a section or field word is no unit', (label) => expect(unitThenPerson(label)).toBeNull());
});
