import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { Attendee, MinutesDocument } from '../src/types.js';
import { splitGlued } from '../src/extract/attendee-list.js';
import { ROOT } from './helpers.js';

// Each list form on its real line(s) from the corpus (test/fixtures/corpus/raw), set in a minimal header.
function header(list: string): MinutesDocument {
  return parse(`某學會第 1 次理監事會議紀錄\n時間：94年6月18日上午10:00\n地點：本會會議室\n${list}\n壹、報告事項\n一、會務報告。\n貳、散會`, { text: true });
}
/** The society minutes number their header fields: 一、時間 二、地點 三、出席人員姓名 … */
function numberedHeader(list: string): MinutesDocument {
  return parse(`中華民國天文學會 第 25 屆第 4 次理監事會議 會議紀錄\n一、時 間：2015 年 1 月 31 日 (星期六) 14：00\n二、地 點：本會會議室\n${list}\n五、主 席：朱有花 記錄：魏韻純\n壹、報告：\n(一) 會務報告。\n貳、討論事項：\n散會：16：30。`, { text: true });
}
const names = (d: MinutesDocument) => d.attendees.map((a) => a.name);
const by = (d: MinutesDocument, n: string): Attendee => {
  const a = d.attendees.find((x) => x.name === n);
  expect(a, `attendee ${n}`).toBeDefined();
  return a!;
};
const corpus = (prefix: string) => {
  const file = ROOT + 'test/fixtures/corpus/raw/' + prefix;
  return parse(readFileSync(file, 'utf8'), { name: prefix, format: prefix.endsWith('.md') ? 'markdown' : 'text', text: true });
};

describe('role-group labels before names', () => {
  it('(理事長) 朱有花 …: the first name after a bracketed label on the same line is kept (22)', () => {
    const d = numberedHeader('三、出席人員姓名：\n(理事長) 朱有花（中研院天文及天文物理研究所）\n(常務理事)\n呂聖元 （中研院天文及天文物理研究所）\n賴詩萍 （清華大學天文所及物理系）\n(理事)\n木下大輔（中央大學天文所）(透過 Skype 遠距參與)\n江國興 （清華大學天文所及物理系）(請假)');
    expect(names(d)).toEqual(['朱有花', '呂聖元', '賴詩萍', '木下大輔', '江國興']);
    expect(by(d, '朱有花')).toMatchObject({ title: '理事長', role: 'member', status: 'present' });
    expect(by(d, '呂聖元')).toMatchObject({ title: '常務理事', org: '中研院天文及天文物理研究所' });
    expect(by(d, '木下大輔').status).toBe('present');
    expect(by(d, '江國興')).toMatchObject({ title: '理事', status: 'on-leave' });
  });

  it('(常務理事) A、B and a label after a name on the same line (36)', () => {
    const d = numberedHeader('三、出席人員姓名：\n(理事長) 管一政\n(常務理事) 許瑞榮、曾耀寰\n(理事) 王祥宇、林俐暉 (請假)、張祥光、陳林文、黃崇源、賴詩萍(常務監事) 張桂蘭\n(監事) 周翊、秦一男');
    expect(names(d)).toEqual(['管一政', '許瑞榮', '曾耀寰', '王祥宇', '林俐暉', '張祥光', '陳林文', '黃崇源', '賴詩萍', '張桂蘭', '周翊', '秦一男']);
    expect(by(d, '林俐暉').status).toBe('on-leave');
    expect(by(d, '張桂蘭').title).toBe('常務監事');
    expect(by(d, '秦一男').title).toBe('監事');
  });

  it('several groups run together on one line, a status bracket followed by the next name (38)', () => {
    const d = numberedHeader('三、出席人員姓名：\n(理事長) 朱有花 （中研院天文及天文物理研究所）(常務理事) 呂聖元 （中研院天文及天文物理研究所）(請假)賴詩萍 （清華大學天文所及物理系）\n(常務監事) 黃崇源 （中央大學天文所）(請假) (監事) 管一政 （臺灣師範大學地科系）');
    expect(names(d)).toEqual(['朱有花', '呂聖元', '賴詩萍', '黃崇源', '管一政']);
    expect(d.attendees.map((a) => a.status)).toEqual(['present', 'on-leave', 'present', 'on-leave', 'present']);
  });

  it('tab-separated labels in their own cell, a padded name (39)', () => {
    const d = numberedHeader('三、出席人員姓名：\n\t（理事長）\t朱有花 （中研院天文及天文物理研究所）\n\t（常務理事）\t秦一男 （淡江大學物理系）（請假）\n\t\t賴詩萍 （清華大學天文所及物理系）\n\t（理事）\t王祥宇 （中研院天文及天文物理研究所）\n\t\t周 翊 （中央大學天文所）（請假）');
    expect(names(d)).toEqual(['朱有花', '秦一男', '賴詩萍', '王祥宇', '周翊']);
    expect(by(d, '周翊')).toMatchObject({ status: 'on-leave', title: '理事' });
  });

  it('title－names, and a title glued onto the name before it (32)', () => {
    const d = header('出席：理事長－葉永烜\n常務理事－林志隆、張祥光\n理事－江瑛貴、金升光、林宏欽、張光祥秘書長－高仲明\n記錄：彭于芳');
    expect(names(d)).toEqual(['葉永烜', '林志隆', '張祥光', '江瑛貴', '金升光', '林宏欽', '張光祥', '高仲明']);
    expect(by(d, '葉永烜').title).toBe('理事長');
    expect(by(d, '張光祥').title).toBe('理事');
    expect(by(d, '高仲明').title).toBe('秘書長');
  });

  it('前任理事長－X(Y代) and (無法參加: A B) (20)', () => {
    const d = header('與會人員：前任理事長－葉永烜(高仲明代)理事－陳文屏、金升光、秦一男、郭新、張祥光、黃崇源、周翊、張桂蘭(無法參加: 管一政陳炳志)\n監事－林宏欽、陶蕃麟、孫維新\n記錄：何瑄誼');
    expect(names(d)).toEqual(['高仲明', '陳文屏', '金升光', '秦一男', '郭新', '張祥光', '黃崇源', '周翊', '張桂蘭', '管一政', '陳炳志', '林宏欽', '陶蕃麟', '孫維新']);
    expect(by(d, '高仲明')).toMatchObject({ status: 'proxy', proxy: true, onBehalfOf: { name: '葉永烜' } });
    expect(by(d, '張桂蘭').status).toBe('present');
    expect(by(d, '管一政').status).toBe('on-leave');
    expect(by(d, '陳炳志').status).toBe('on-leave');
  });
});

describe('names separated by spaces and line breaks', () => {
  it('two names written together are split where a known surname starts the second (33)', () => {
    const d = header('出 席：陳文屏、金升光、秦一男、張祥光、黃崇源、周翊、張桂蘭、管一政陳炳志、呂聖元\n記 錄：何瑄誼');
    expect(names(d)).toContain('管一政');
    expect(names(d)).toContain('陳炳志');
    expect(d.attendees).toHaveLength(10);
  });

  it('a label alone on its line, names below separated by spaces, a padded two-character name (05)', () => {
    const d = header('出席\n歐晉德 白秀雄 陳裕璋 劉寶貴 李鴻基 廖 鯉 康炳政 吳秀光\n列席\n蔡茂岳 陳慶安 江春慧');
    expect(names(d)).toEqual(['歐晉德', '白秀雄', '陳裕璋', '劉寶貴', '李鴻基', '廖鯉', '康炳政', '吳秀光', '蔡茂岳', '陳慶安', '江春慧']);
    expect(d.attendees.filter((a) => a.role === 'observer').map((a) => a.name)).toEqual(['蔡茂岳', '陳慶安', '江春慧']);
  });

  it('names one character per line and a padded name in a council list (62)', () => {
    const d = header('出席：邱奕勝 李曉鐘 萬美玲 黃景熙 蘇家明\n蔡永芳 呂\n林\n小\n鳳 劉茂群 呂淑真 許清順\n陳 瑛 蘇志強\n請假：\n缺席：');
    expect(names(d)).toEqual(['邱奕勝', '李曉鐘', '萬美玲', '黃景熙', '蘇家明', '蔡永芳', '呂林小鳳', '劉茂群', '呂淑真', '許清順', '陳瑛', '蘇志強']);
  });

  it('a transliterated name with its romanisation is one person; a romanised name alone is another (61, 60)', () => {
    const d = header('出 席：陳世榮 林秀惠 夷將．拔路兒 Icyang．Parod\n宋雨蓁 Nikar．Falong\n李婉鈺');
    expect(names(d)).toEqual(['陳世榮', '林秀惠', '夷將．拔路兒 Icyang．Parod', '宋雨蓁', 'Nikar．Falong', '李婉鈺']);
  });

  it('X(代) with no principal, a romanised name after a dotted one (01)', () => {
    const d = header('出席\n劉秀玲、巴干.巴萬Bakan Pawa、徐世勲、陳錦祥、陳慶安(請假)、黃清信(代)\n列席\n黃銘材、陳智菡');
    expect(names(d)).toContain('巴干.巴萬Bakan Pawa');
    expect(by(d, '黃清信')).toMatchObject({ status: 'proxy', proxy: true, onBehalfOf: null });
    expect(by(d, '陳慶安').status).toBe('on-leave');
    expect(by(d, '黃銘材').role).toBe('observer');
  });

  it('出席召集委員 are conveners (13), and the fields after the list are not attendees', () => {
    const d = header('出席召集委員:劉書彬 陳秀寳\n主任秘書:陳錫欽\n專門委員:白智榮');
    expect(d.attendees.map((a) => [a.name, a.role])).toEqual([['劉書彬', 'convener'], ['陳秀寳', 'convener']]);
  });
});

describe('titles and names in cells', () => {
  it('a flattened grid: letter-spaced titles, up to three people a line (07)', () => {
    const d = header('本府出席人員：\n市           長   朱立倫\n副    市   長   李四川      副   市    長   呂衛青\n秘    書   長   許育寧      副  秘書 長   林祐賢      副  秘書  長   邱敬斌\n民政局局長   江俊霆      財政局局長   黃細清      教育局局長   林奕華\n農業局局長   李   玟      城鄉局局長   柳宏典      社會局局長   張錦麗\n顧         問   黃志雄      參            議   蔡枚芬      參           議   賴淑華\n參         議   曾柏文');
    expect(names(d)).toEqual(['朱立倫', '李四川', '呂衛青', '許育寧', '林祐賢', '邱敬斌', '江俊霆', '黃細清', '林奕華', '李玟', '柳宏典', '張錦麗', '黃志雄', '蔡枚芬', '賴淑華', '曾柏文']);
    expect(by(d, '朱立倫').title).toBe('市長');
    expect(by(d, '林祐賢').title).toBe('副秘書長');
    expect(by(d, '江俊霆')).toMatchObject({ title: '局長', org: '民政局', role: 'member' });
    expect(by(d, '曾柏文').title).toBe('參議');
  });

  it('title and name on alternating lines (15)', () => {
    const d = header('列席官員:\n\n司法院秘書長\n\n林錦芳\n\n \n\n法務部政務次長\n\n陳明堂\n\n \n\n國防部法律事務司人權保障處人權政策組組長\n\n亓承濬');
    expect(names(d)).toEqual(['林錦芳', '陳明堂', '亓承濬']);
    expect(by(d, '陳明堂')).toMatchObject({ title: '政務次長', org: '法務部', role: 'observer' });
  });

  it('org + title + full name cells, two a line (60)', () => {
    const d = header('列 席：秘書長陳王正源\n議事組主任高明慧 法制室主任王俊人\n農業局局長李玟 客家局局長賴金河');
    expect(names(d)).toEqual(['陳王正源', '高明慧', '王俊人', '李玟', '賴金河']);
    expect(by(d, '李玟')).toMatchObject({ title: '局長', org: '農業局' });
  });

  it('unit sub-labels, a title and a name wrapped over lines, 暨 between entries (62)', () => {
    const d = header('列席：\n市政府：市長鄭文燦、副市長王明德、游建華秘書\n長李憲明暨各局處首長\n本 會：副秘書長孫惠生 議事組主任卓達銘\n法制室主任廖錦秀\n主席：邱議長奕勝');
    expect(names(d)).toEqual(['鄭文燦', '王明德', '游建華', '李憲明', '孫惠生', '卓達銘', '廖錦秀']);
    expect(by(d, '李憲明')).toMatchObject({ title: '秘書長', role: 'observer', org: '市政府' });
    expect(by(d, '卓達銘')).toMatchObject({ title: '主任', org: '議事組', role: 'staff' });
  });

  it('an org, a name and a title each in its own cell', () => {
    const d = header('出席人員：臺灣大學 陳建宏 教授、政治大學 王大明 副教授');
    expect(d.attendees.map((a) => [a.org, a.name, a.title])).toEqual([['臺灣大學', '陳建宏', '教授'], ['政治大學', '王大明', '副教授']]);
  });

  it('post + name, a surname and honorific kept as written, two that read alike are two people (63)', () => {
    // **出席委員**：主委郭子仁、副主委孟秀芳(沈錦生代)、財委張麗君、…、稽委梁淑賢(請假)<br>
    // **列席住戶**：D棟陳小姐、店面陳小姐、E棟劉小姐、E棟任先生、C棟蔡先生<br>
    const d = corpus('63_community-committee27-20241210.md');
    expect(by(d, '張麗君').title).toBe('財委');
    expect(by(d, '沈錦生')).toMatchObject({ status: 'proxy', onBehalfOf: { name: '孟秀芳' } });
    expect(d.attendees.filter((a) => a.role === 'observer').map((a) => a.name)).toEqual(['D棟陳小姐', '店面陳小姐', 'E棟劉小姐', 'E棟任先生', 'C棟蔡先生']);
  });

  it('a committee post written in full: a modifier and a title word (財務委員), the status after it kept (built on 63\'s line)', () => {
    // 63 abbreviates the posts (財委張麗君、…、稽委梁淑賢(請假)); written in full they must read the same way.
    const d = header('出席委員：主委郭子仁、財務委員張麗君、監察委員洪堯宇(請假)、財委梁淑賢');
    expect(d.attendees.map((a) => [a.name, a.title, a.status, a.raw])).toEqual([
      ['郭子仁', '主委', 'present', '主委郭子仁'],
      ['張麗君', '財務委員', 'present', '財務委員張麗君'],
      ['洪堯宇', '監察委員', 'on-leave', '監察委員洪堯宇(請假)'],
      ['梁淑賢', '財委', 'present', '財委梁淑賢'],
    ]);
  });

  it('a name before a title and a name is two people, the note after them the second\'s (62\'s 游建華秘書長李憲明)', () => {
    const d = header('列席：游建華秘書長李憲明(請假)、王明德');
    expect(d.attendees.map((a) => [a.name, a.title, a.status])).toEqual([
      ['游建華', null, 'present'],
      ['李憲明', '秘書長', 'on-leave'],
      ['王明德', null, 'present'],
    ]);
  });

  it('the honorifics of the name grammar: 太太 as 小姐 and 先生 (built on 63\'s resident line)', () => {
    const d = parse('社區管理委員會會議紀錄\n時間：113年12月10日\n列席住戶：A棟王先生、B棟林太太、D棟陳小姐', { text: true });
    expect(d.attendees.map((a) => [a.name, a.title])).toEqual([
      ['A棟王先生', '先生'],
      ['B棟林太太', '太太'],
      ['D棟陳小姐', '小姐'],
    ]);
  });

  it('residents named by their unit (64)', () => {
    // **線上住戶：** E1-10F, C1-9F<br>
    const d = corpus('64_community-committee27-20250415.md');
    expect(d.attendees.filter((a) => a.role === 'observer').map((a) => [a.name, a.raw])).toEqual([['E1-10F', 'E1-10F'], ['C1-9F', 'C1-9F']]);
  });
});

describe('brackets and remarks', () => {
  it('a title and leave in one bracket is on leave; an affiliation in brackets is the org', () => {
    const d = header('出席人員：陳林文(秘書長；請假)、賴詩萍 （清華大學天文所及物理系）');
    expect(by(d, '陳林文')).toMatchObject({ title: '秘書長', status: 'on-leave' });
    expect(by(d, '賴詩萍')).toMatchObject({ org: '清華大學天文所及物理系', status: 'present' });
  });

  it('a 職稱 / 姓名 / 備註 table: the remark 請假 is the status of the person on its row, not a person', () => {
    const d = header('出席人員：\n職稱\t姓名\t備註\n委員\t李小華\t\n委員\t陳大同\t請假\n委員\t林美玉\t');
    expect(names(d)).toEqual(['李小華', '陳大同', '林美玉']);
    expect(by(d, '陳大同')).toMatchObject({ status: 'on-leave', title: '委員' });
    expect(names(d)).not.toContain('請假');
  });

  it('出席人員： followed by 委員：A、B reads the sub-list', () => {
    const d = header('出席人員：\n委員：王大明、李小華\n列席人員：\n秘書：陳美玉');
    expect(d.attendees.map((a) => [a.name, a.title, a.role])).toEqual([['王大明', '委員', 'member'], ['李小華', '委員', 'member'], ['陳美玉', '秘書', 'observer']]);
  });

  it('a title sub-label on the list line itself', () => {
    const d = header('出席人員：委員：王大明、李小華；顧問：陳美玉');
    expect(d.attendees.map((a) => [a.name, a.title])).toEqual([['王大明', '委員'], ['李小華', '委員'], ['陳美玉', '顧問']]);
  });

  it('a list that names nobody gives a warning', () => {
    const d = header('出席人員：全體理事暨各組召集人');
    expect(d.attendees).toEqual([]);
    expect(d.diagnostics.some((x) => x.code === 'attendee-list-unread')).toBe(true);
  });
});

describe('bracket-less proxies and glued names', () => {
  it('王明李大華代: split where the grammar of names allows', () => {
    const d = header('出席委員：張志明、王明李大華代');
    expect(by(d, '李大華')).toMatchObject({ status: 'proxy', onBehalfOf: { name: '王明' } });
  });

  it('never split by length alone: no known surname at any cut keeps the run whole with a warning', () => {
    expect(splitGlued('管一政陳炳志', new Set())).toEqual(['管一政', '陳炳志']);
    expect(splitGlued('甲乙丙丁戊己', new Set())).toBeNull();
    const d = header('出席委員：張志明、甲乙丙丁戊己');
    expect(d.diagnostics.some((x) => x.code === 'attendee-name-unsplit')).toBe(true);
  });

  it('a four-character name is not split unless the list itself names both halves', () => {
    expect(splitGlued('黃林玲玲', new Set())).toBeNull();
    expect(splitGlued('王明李華', new Set(['王明']))).toEqual(['王明', '李華']);
  });
});

describe('what is not an attendee', () => {
  it('election-result words are not people', () => {
    const d = header('出席人員：當選人、候選人、人選、王大明');
    expect(names(d)).toEqual(['王大明']);
  });

  it('a whole body is not a person; a list closed by 等 N 人 keeps its last name and checks the count', () => {
    expect(header('出席：全體理監事').attendees).toEqual([]);
    expect(header('出席人員：各委員（詳簽到單）').attendees).toEqual([]);
    const d = header('出席：王大明、李小華等3人');
    expect(names(d)).toEqual(['王大明', '李小華']);
    expect(d.diagnostics.some((x) => x.code === 'attendee-count-mismatch')).toBe(true);
    expect(header('出席：王大明、李小華等2人').diagnostics.some((x) => x.code === 'attendee-count-mismatch')).toBe(false);
  });

  it('with no numbered sections, an election result in the prose is not an attendance list (20)', () => {
    const d = parse('天文學會九十四年度第一次理監事會議會議記錄\n日期及時間： 94年6月18日上午10:00\n與會人員：理事－陳文屏、金升光、秦一男、郭新\n記錄：何瑄誼\n會議記錄：\n1.1參與人數總計為111人；會員部份編號至500多號，應持續宣傳並擴充會員人數。\n選舉新任理事長及幹部：\n常務理事：郭新、張祥光。\n理事當選人：王大明', { text: true });
    expect(names(d)).toEqual(['陳文屏', '金升光', '秦一男', '郭新']);
  });

  it('a previous meeting’s record read out inside a section gives no attendees (15)', () => {
    const d = corpus('15_ly-judiciary-gazette-20160502.txt');
    expect(d.attendees).toEqual([]);
  });

  it('a later sitting\'s header (its title, time, 出席) adds the councillors not seen before; a record read out inside a section does not', () => {
    const two = '第 1 屆第 3 次定期會 議事錄\n第 1 次 會議紀錄\n時間：中華民國 105 年 9 月 1 日上午 10 時\n地點：本會議事廳\n出席：王大明 李小華\n主席：王議長大明\n甲、報告事項\n一、秘書長報告出席人數已足。\n散會：11 時 30 分\n第 2 次 會議紀錄\n時間：中華民國 105 年 9 月 2 日上午 10 時\n地點：本會議事廳\n出席：王大明 李小華 陳志明\n主席：王議長大明\n甲、報告事項\n一、秘書長報告出席人數已足。';
    expect(names(parse(two, { text: true }))).toEqual(['王大明', '李小華', '陳志明']);
    const quoted = '第 1 屆第 3 次定期會 第 2 次 會議紀錄\n時間：中華民國 105 年 9 月 2 日上午 10 時\n地點：本會議事廳\n出席：王大明 李小華\n主席：王議長大明\n甲、報告事項\n一、宣讀上次會議紀錄：\n第 1 次 會議紀錄\n時間：中華民國 105 年 8 月 1 日上午 10 時\n地點：本會議事廳\n出席：王大明 李小華 陳志明';
    expect(names(parse(quoted, { text: true }))).toEqual(['王大明', '李小華']);
  });

  it('several sittings in one file: each councillor once, the staff sub-list by its label (62)', () => {
    const d = corpus('62_tyc-council-1-t12-13.txt');
    const members = d.attendees.filter((a) => a.role === 'member');
    expect(new Set(members.map((a) => a.name)).size).toBe(members.length);
    expect(members).toHaveLength(56);
    expect(by(d, '卓達銘').role).toBe('staff');
    expect(by(d, '鄭文燦').role).toBe('observer');
  });
});

describe('stated head counts', () => {
  it('委員出席12人 under a list that has 12 names gives no warning; a wrong count warns', () => {
    const ok = header('出席委員:林德福  柯建銘  張宏陸  段宜康  周春米  周陳秀霞 許淑華  蔡易餘  顧立雄  林為洲  尤美女  許毓仁\n   委員出席12人');
    expect(ok.attendees).toHaveLength(12);
    expect(ok.diagnostics.some((x) => x.code === 'attendee-count-mismatch')).toBe(false);
    const bad = header('出席委員:林德福  柯建銘  張宏陸\n   委員出席12人');
    expect(bad.diagnostics.some((x) => x.code === 'attendee-count-mismatch')).toBe(true);
  });
});
