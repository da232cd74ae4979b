import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPeopleIndex, parse, parseAliases, parseFile, toPopolo, type Aliases, type PeopleIndex } from '../src/index.js';
import { covers } from '../src/people/cluster.js';
import { isOrganisationName, notAPerson } from '../src/people/names.js';
import { findRenames } from '../src/people/renames.js';
import type { MinutesDocument, Person } from '../src/types.js';
import { splitParens } from '../src/extract/person.js';
import { copyWith } from '../src/util/objects.js';
import { popoloAjv } from './popolo-schema.js';
import { ROOT, sampleText } from './helpers.js';

// The society's council minutes of the corpus: 2004–2006 under 中國天文學會, 2008 on under 中華民國天文學會.
const RAW = ROOT + 'test/fixtures/corpus/raw/';
const SOCIETY = readdirSync(RAW).filter((f) => /^(2|3|40)/.test(f) && f.endsWith('.pdf')).sort();
let society: MinutesDocument[] = [];
let index: PeopleIndex;

beforeAll(async () => {
  society = await Promise.all(SOCIETY.map((f) => parseFile(RAW + f, { text: true })));
  index = buildPeopleIndex(society);
}, 120_000);

const text = (doc: MinutesDocument) => doc.text ?? '';
const beforeRename = (date: string | null) => !!date && date < '2008-01-01';

describe('people identity on the society archive', () => {
  it('takes the twelve society PDFs as its test set', () => {
    expect(SOCIETY).toHaveLength(12);
    expect(index.meetings.length).toBeGreaterThanOrEqual(8);
  });

  it('sees the rename 中國天文學會 → 中華民國天文學會 in the council series', () => {
    expect(index.renames.map((r) => [r.from, r.to])).toContainEqual(['中國天文學會', '中華民國天文學會']);
    const rename = index.renames.find((r) => r.from === '中國天文學會')!;
    expect(rename.lastBefore < rename.firstAfter).toBe(true);
  });

  it('one identity per person across the rename: no name split, no homonym, no unassigned mention', () => {
    const keys = index.people.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(index.people.filter((p) => /-\d+$/.test(p.id))).toEqual([]);
    expect(index.homonyms).toEqual([]);
    // Members seen under both names are one person each (張祥光, 秦一男, 呂聖元… in the council before and after).
    const across = index.people.filter((p) => p.appearances.some((a) => beforeRename(a.date)) && p.appearances.some((a) => a.date && !beforeRename(a.date)));
    expect(across.length).toBeGreaterThanOrEqual(3);
    expect(across.map((p) => p.name)).toContain('張祥光');
  });

  it('every attendee and chair of a society meeting is linked to a person (none left with no id)', () => {
    const doc = society.find((d) => d.source.name?.startsWith('40_'))!;
    const bundle = toPopolo([doc], { people: index });
    const attendance = bundle.events[0]!.attendance!;
    expect(attendance.length).toBeGreaterThan(0);
    expect(attendance.filter((a) => a.name && notAPerson(a.name) === null && !a.person_id)).toEqual([]);
  });

  it('no non-person in the index: every indexed name is a name written in its minutes, with no title or election word', () => {
    const byMeeting = new Map(society.map((d) => [`m-${d.source.sha256.slice(0, 12)}`, d]));
    for (const p of index.people) {
      expect(notAPerson(p.name), p.name).toBeNull();
      expect(/人選|候選|當選|理事|監事|秘書|委員/.test(p.name), p.name).toBe(false);
      const doc = byMeeting.get(p.appearances[0]!.meeting)!;
      expect(text(doc).replace(/\s/g, '').includes(p.name), `${p.name} in ${doc.source.name}`).toBe(true);
    }
  });

  it('the chair across the rename is one person (the issue: chair mentions were qualified by the agency)', () => {
    // The headers as an extractor reads them: 2006 (中國天文學會, no chair line) gets the chair the
    // 2008 header names, 「七、主 席：張祥光 記錄：詹惠茹」, and 2020 lists 「張祥光 （清華大學天文所及物理系）」.
    const zhang = (org: string | null): Person => ({ name: '張祥光', surname: '張', title: null, org, raw: org ? `張祥光 （${org}）` : '張祥光' });
    const docs = society.map((d) => {
      if (!d.meeting || !d.meeting.date || d.meeting.chair?.name) return d;
      return copyWith(d, { meeting: copyWith(d.meeting, { chair: zhang(null) }) });
    });
    const withOrg = docs.map((d) =>
      d.source.name?.startsWith('40_') ? copyWith(d, { attendees: d.attendees.map((a) => (a.name === '張祥光' ? copyWith(a, { org: '清華大學天文所及物理系' }) : a)) }) : d,
    );
    const idx = buildPeopleIndex(withOrg);
    const people = idx.people.filter((p) => p.key === '張祥光');
    expect(people).toHaveLength(1);
    expect(people[0]!.roles).toEqual(expect.arrayContaining(['chair', 'member']));
    expect(people[0]!.appearances.some((a) => a.agency === '中國天文學會')).toBe(true);
    expect(idx.homonyms).toEqual([]);
    // The chair works for the society: chairs of two societies that are not one renamed are two people, reported.
    const other = docs.map((d) => (d.meeting?.agency === '中國天文學會' ? copyWith(d, { meeting: copyWith(d.meeting, { agency: '中華民國物理學會' }) }) : d));
    const apart = buildPeopleIndex(other);
    expect(apart.people.filter((p) => p.key === '張祥光').length).toBeGreaterThan(1);
    expect(apart.homonyms.map((h) => h.key)).toContain('張祥光');
  });

  it('stays one identity per person when the bracketed affiliations become orgs (as extraction improves)', () => {
    // 「張祥光 （清華大學天文所及物理系）」, 「王祥宇(秘書長)」, 「黃崇源 （中央大學天文所）（請假）」: the first
    // bracket after the name taken as the org, whatever it holds — titles and status marks included.
    const withOrgs = society.map((d) =>
      copyWith(d, { attendees: d.attendees.map((a) => { const note = splitParens(a.raw).notes[0]; return note && !a.org ? copyWith(a, { org: note }) : a; }) }),
    );
    expect(withOrgs.flatMap((d) => d.attendees).filter((a) => a.org).length).toBeGreaterThan(20);
    const idx = buildPeopleIndex(withOrgs);
    expect(idx.homonyms).toEqual([]);
    expect(idx.people.map((p) => p.id).filter((id) => /-\d+$/.test(id))).toEqual([]);
    expect(idx.people.map((p) => p.key).sort()).toEqual(index.people.map((p) => p.key).sort());
    // The same university written in full and short in the society's own lists: 「管一政(師大；…)」, 「吳俊輝(台灣大學)」.
    const full = withOrgs.find((d) => d.attendees.some((a) => a.name === '管一政' && a.org?.includes('師範大學')))!;
    const short = withOrgs.find((d) => d !== full && d.attendees.some((a) => a.name === '管一政'))!;
    const abbreviated = copyWith(short, { attendees: short.attendees.map((a) => (a.name === '管一政' ? copyWith(a, { org: '師大' }) : a)) });
    const two = buildPeopleIndex([full, abbreviated]);
    expect(two.people.filter((p) => p.key === '管一政')).toHaveLength(1);
  });

  it("a unit of the society (its 秘書處) is the same unit under the old and the new name", () => {
    const recorder: Person = { name: '何瑄誼', surname: '何', title: '秘書', org: '秘書處', raw: '秘書處何秘書瑄誼' };
    const docs = society.filter((d) => d.meeting?.agency && d.meeting.date).map((d) => copyWith(d, { meeting: copyWith(d.meeting!, { recorder }) }));
    const idx = buildPeopleIndex(docs);
    expect(idx.people.filter((p) => p.key === '何瑄誼')).toHaveLength(1);
    // Two agencies whose names are not one renamed: their 秘書處 are two units, two people.
    const unrelated = docs.map((d) => (d.meeting!.agency === '中國天文學會' ? copyWith(d, { meeting: copyWith(d.meeting!, { agency: '中華民國物理學會' }) }) : d));
    const apart = buildPeopleIndex(unrelated);
    expect(apart.renames).toEqual([]);
    expect(apart.people.filter((p) => p.key === '何瑄誼')).toHaveLength(2);
  });

  it('Popolo organizations are organisation names: the letterhead addresses are refused', () => {
    const bundle = toPopolo(society);
    const names = bundle.organizations.map((o) => o.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(/\d/.test(name) && /路|號|樓|Rd|No\./.test(name), name).toBe(false);
    expect(names.some((n) => n.includes('Roosevelt') || n.includes('羅斯福路'))).toBe(false);
    const ids = new Set(bundle.organizations.map((o) => o.id));
    for (const e of bundle.events) if (e.organization_id) expect(ids.has(e.organization_id) || e.classification === 'agenda-item', e.organization_id).toBe(true);
    for (const m of bundle.memberships) expect(ids.has(m.organization_id), m.organization_id).toBe(true);
  });

  it('Popolo: the renamed society is one organization with its former name, and the bundle validates', () => {
    const bundle = toPopolo(society);
    const societies = bundle.organizations.filter((o) => o.classification === 'government-agency' && o.name.endsWith('天文學會'));
    expect(societies.map((o) => [o.name, o.other_names?.map((n) => n.name)])).toEqual([['中華民國天文學會', ['中國天文學會']]]);
    const ajv = popoloAjv();
    const kinds = { persons: 'person', organizations: 'organization', memberships: 'membership', events: 'event' } as const;
    for (const [key, schema] of Object.entries(kinds)) {
      const validate = ajv.getSchema(`http://www.popoloproject.com/schemas/${schema}.json#`)!;
      for (const item of bundle[key as keyof typeof kinds]) expect([item, validate(item) ? null : validate.errors]).toEqual([item, null]);
    }
  });
});

// Two ministries' minutes, each from a real sample with one attendee row of its own list changed to
// 陳建宏 of a university: 外交部 2018 (the row 「世新大學行政管理學系 陳副教授俊明」) and 經濟部, whose
// list is given in the 外交部 list's form. The 經濟部 date is moved into the 外交部 years so that the
// two are seen at overlapping dates.
function mofa2018(university: string): string {
  return sampleText('mofa-2018-107-1.txt').replace('\t世新大學行政管理學系\t陳副教授俊明', `\t${university}\t陳教授建宏`);
}
function mofa2021(university: string): string {
  return sampleText('mofa-2021-110-1.txt').replace('臺灣大學資訊管理學系 莊教授 裕澤', `${university} 陳教授 建宏`);
}
function moea(university: string, date = '110 年 3 月 30 日'): string {
  const list = sampleText('mofa-2018-107-1.txt').split('\n').filter((l) => l.startsWith('民間代表委員\t') || l.startsWith('\t政治大學公共行政學系'));
  return sampleText('moea-2021-7-1.txt')
    .replace('110 年 11 月 30 日', date)
    .replace('肆、出席人員：如出席人員簽名冊(如附件 1)', ['肆、出席人員：', '身份\t單位\t出席人員', ...list, `\t${university}\t陳教授建宏`].join('\n'));
}
const chenOf = (idx: PeopleIndex) => idx.people.filter((p) => p.key === '陳建宏');

describe('homonyms across ministries', () => {
  it('the inputs are read as intended: 陳建宏 with his university in each ministry', () => {
    const a = parse(mofa2018('臺灣大學'), { name: 'a.txt' });
    const b = parse(moea('陽明大學'), { name: 'b.txt' });
    expect(a.attendees.find((x) => x.name === '陳建宏')?.org).toBe('臺灣大學');
    expect(b.attendees.find((x) => x.name === '陳建宏')?.org).toBe('陽明大學');
    expect([a.meeting?.agency, b.meeting?.agency, b.meeting?.date]).toEqual(['外交部', '經濟部', '2021-03-30']);
  });

  it('陳建宏 (臺灣大學) at 外交部 and 陳建宏 (陽明大學) at 經濟部 at overlapping dates: two people, reported', () => {
    const docs = [parse(mofa2018('臺灣大學'), { name: 'a.txt' }), parse(mofa2021('臺灣大學'), { name: 'c.txt' }), parse(moea('陽明大學'), { name: 'b.txt' })];
    const idx = buildPeopleIndex(docs);
    const chen = chenOf(idx);
    expect(chen.map((p) => p.id)).toEqual(['p-陳建宏', 'p-陳建宏-2']);
    expect(chen.map((p) => p.appearances.map((a) => a.agency))).toEqual([['外交部', '外交部'], ['經濟部']]);
    expect(idx.homonyms).toEqual([expect.objectContaining({ key: '陳建宏', people: ['p-陳建宏', 'p-陳建宏-2'], dates: 'overlapping', unassigned: [] })]);
    expect(idx.homonyms[0]!.reason).toMatch(/homonym/i);
  });

  it('one after the other (經濟部 later): still two people, reported as maybe one who moved', () => {
    const idx = buildPeopleIndex([parse(mofa2018('臺灣大學'), { name: 'a.txt' }), parse(moea('陽明大學', '110 年 11 月 30 日'), { name: 'b.txt' })]);
    expect(chenOf(idx)).toHaveLength(2);
    expect(idx.homonyms).toEqual([expect.objectContaining({ key: '陳建宏', dates: 'sequential' })]);
  });

  it('the same university written in full and abbreviated is one person (中央研究院… / 中研院…)', () => {
    expect(covers('中央研究院天文及天文物理研究所', '中研院天文所')).toBe(true);
    expect(covers('臺灣師範大學地科系', '師大地科系')).toBe(true);
    expect(covers('臺灣大學', '陽明大學')).toBe(false);
    const idx = buildPeopleIndex([parse(mofa2018('國立臺灣大學資訊管理學系'), { name: 'a.txt' }), parse(moea('臺大資管系'), { name: 'b.txt' })]);
    expect(chenOf(idx)).toHaveLength(1);
    expect(idx.homonyms).toEqual([]);
  });
});

describe('only person names become people', () => {
  it('refuses election vocabulary, titles, fragments; keeps real names', () => {
    // 「1) 理事候選人名單：」 (2004), 「（一）大會科普演講講員人選？」 (2020), 「鄭市長答覆：同意辦理。」 (a council).
    for (const word of ['候選人', '理事候選人', '當選人', '講員人選', '人選', '名單']) expect(notAPerson(word), word).toBe('non-name-word');
    expect(notAPerson('鄭答覆')).toBe('non-name-word');
    expect(notAPerson('理事長')).toBe('title');
    expect(notAPerson('張委員')).toBe('title');
    expect(notAPerson('清華大學')).toBe('organisation');
    expect(notAPerson('林務局')).toBe('organisation');
    expect(notAPerson('室報告')).not.toBeNull();
    expect(notAPerson('同意，辦理')).toBe('shape');
    for (const name of ['張祥光', '周翊', '木下大輔', '陳王正源', '歐陽明', '瓦歷斯·貝林', 'Geoffrey Marcy']) expect(notAPerson(name), name).toBeNull();
  });

  it('a refused name is listed in `refused`, not indexed', () => {
    const doc = society.find((d) => d.source.name?.startsWith('32_'))!;
    const candidate = copyWith(doc.attendees[0]!, { name: '候選人', surname: null, raw: '理事候選人' });
    const idx = buildPeopleIndex([copyWith(doc, { attendees: [...doc.attendees, candidate] })]);
    expect(idx.people.some((p) => p.name === '候選人')).toBe(false);
    expect(idx.refused).toEqual([{ name: '候選人', reason: 'non-name-word', mentions: 1 }]);
  });

  it('organisation names: addresses and sentences from letterheads are not', () => {
    expect(isOrganisationName('中華民國天文學會')).toBe(true);
    expect(isOrganisationName('清華大學天文所及物理系')).toBe(true);
    expect(isOrganisationName('NGO 國際事務會')).toBe(true);
    expect(isOrganisationName('11F of Astronomy-Mathematics Building, No.1, Sec. 4, Roosevelt Rd, Taipei 10617, Taiwan')).toBe(false);
    expect(isOrganisationName('台北市 10617 羅斯福路四段 1 號天文數學館 11 樓')).toBe(false);
    expect(isOrganisationName('本學會在中壢郵局帳戶已關閉。')).toBe(false);
    expect(isOrganisationName(null)).toBe(false);
  });

  it('findRenames needs the series: interleaved meetings of one body under two agencies are two agencies', () => {
    const m = (id: string, date: string, agency: string) => ({ id, key: id, date, title: null, agency, body: '理事會議', sourceName: null });
    expect(findRenames([m('a', '2004-01-01', '中國天文學會'), m('b', '2009-01-01', '中華民國天文學會')]).renames).toHaveLength(1);
    expect(findRenames([m('a', '2004-01-01', '中國天文學會'), m('b', '2005-01-01', '中華民國天文學會'), m('c', '2006-01-01', '中國天文學會')]).renames).toEqual([]);
    expect(findRenames([m('a', '2004-01-01', '外交部'), m('b', '2009-01-01', '經濟部')]).renames).toEqual([]);
  });
});

describe('alias file', () => {
  const docs = () => [parse(mofa2018('臺灣大學'), { name: 'a.txt' }), parse(moea('陽明大學'), { name: 'b.txt' })];

  it('merges: one entry with two rules is one person, and no homonym is reported', () => {
    const { aliases, errors } = parseAliases({ people: [{ id: 'p-chen-jianhong', name: '陳建宏', match: [{ name: '陳建宏', org: '臺灣大學' }, { name: '陳建宏', org: '陽明大學' }] }] });
    expect(errors).toEqual([]);
    const idx = buildPeopleIndex(docs(), { aliases });
    expect(chenOf(idx).map((p) => [p.id, p.appearances.length])).toEqual([['p-chen-jianhong', 2]]);
    expect(idx.homonyms).toEqual([]);
    expect(idx.unusedAliases).toEqual([]);
  });

  it('a rule holds for the person in a whole meeting: their speeches follow their attendance row', () => {
    // 「政治大學公共行政學系\t蕭副教授乃沂」 in the list, 「政治大學蕭副教授：」 as a speaker.
    const { aliases } = parseAliases({ people: [{ id: 'p-hsiao', match: [{ name: '蕭乃沂', org: '公共行政學系' }] }] });
    const idx = buildPeopleIndex([parse(sampleText('mofa-2018-107-1.txt'), { name: 'mofa.txt' })], { aliases });
    const hsiao = idx.people.filter((p) => p.key === '蕭乃沂');
    expect(hsiao.map((p) => [p.id, p.attended, p.speeches > 0])).toEqual([['p-hsiao', 1, true]]);
  });

  it('splits: one name, two entries by date, on the society archive', () => {
    const aliases: Aliases = {
      people: [
        { id: 'p-zhang-early', name: null, match: [{ name: '張祥光', to: '2009' }] },
        // The first entry that fits wins: everything else of the name (undated meetings too) is the later one.
        { id: 'p-zhang-late', name: null, match: [{ name: '張祥光' }] },
      ],
      notPeople: ['周翊'],
    };
    const idx = buildPeopleIndex(society, { aliases });
    const zhang = idx.people.filter((p) => p.key === '張祥光');
    expect(zhang.map((p) => p.id)).toEqual(['p-zhang-early', 'p-zhang-late']);
    expect(zhang[0]!.appearances.every((a) => a.date! < '2010')).toBe(true);
    expect(zhang[1]!.appearances.every((a) => !a.date || a.date >= '2010')).toBe(true);
    expect(idx.people.some((p) => p.key === '周翊')).toBe(false);
    expect(idx.refused).toContainEqual(expect.objectContaining({ name: '周翊', reason: 'alias-file' }));
  });

  it('the alias file of docs/people.md is valid', () => {
    const docs = readFileSync(ROOT + 'docs/people.md', 'utf8');
    const example = docs.split('```json\n').map((b) => b.split('```')[0]!).find((b) => b.includes('"notPeople"'))!;
    // The docs show test/fixtures/people/people.json, which their examples use.
    expect(JSON.parse(example)).toEqual(JSON.parse(readFileSync(ROOT + 'test/fixtures/people/people.json', 'utf8')));
    const { aliases, errors } = parseAliases(JSON.parse(example));
    expect(errors).toEqual([]);
    expect(aliases!.people.map((p) => p.id)).toEqual(['p-chen-jianhong', 'p-zhang-early', 'p-zhang-late', null]);
  });

  it('says what is wrong with a bad file, with the path of each problem', () => {
    expect(parseAliases([]).errors).toEqual(['(root): an object with "people" and/or "notPeople"']);
    expect(parseAliases({ people: [{ match: [] }, { id: 'x', match: [{ org: '臺灣大學', from: '2020/1/1', colour: 1 }] }], notPeople: [3] }).errors).toEqual([
      'people[0].match: a non-empty list of rules',
      'people[1].match[0].colour: unknown key (expected name, org, agency, from, to, meeting)',
      'people[1].match[0].name: a non-empty string',
      'people[1].match[0].from: a date as YYYY-MM-DD (or YYYY-MM, YYYY)',
      'notPeople: a list of non-empty strings',
    ]);
  });

  it('twminutes people / export --aliases: used, reported when unused, refused when broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-alias-'));
    // The inputs docs/people.md runs its examples on are these two, as above.
    const FIXTURES = ROOT + 'test/fixtures/people/';
    expect(readFileSync(FIXTURES + 'mofa-2018-chen.txt', 'utf8')).toBe(mofa2018('臺灣大學'));
    expect(readFileSync(FIXTURES + 'moea-2021-chen.txt', 'utf8')).toBe(moea('陽明大學'));
    const cli = (...args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8' });
    const out = join(dir, 'out.jsonl');
    expect(cli('batch', FIXTURES + 'mofa-2018-chen.txt', FIXTURES + 'moea-2021-chen.txt', '-o', out, '-q').status).toBe(0);
    const plain = JSON.parse(cli('people', out).stdout);
    expect(plain.homonyms.map((h: { key: string }) => h.key)).toEqual(['陳建宏']);
    // docs/people.md shows this output for these two inputs.
    const docs = readFileSync(ROOT + 'docs/people.md', 'utf8');
    const shown = docs.split('```').find((b) => b.startsWith('\n陳建宏 (p-陳建宏)'))!;
    expect(cli('people', out, '--name', '陳建宏', '--text').stdout).toBe(shown.slice(1));
    const file = join(dir, 'people.json');
    writeFileSync(file, JSON.stringify({ people: [{ id: 'p-chen', match: [{ name: '陳建宏', org: '臺灣大學' }, { name: '陳建宏', agency: '經濟部' }, { name: '陳建宏', org: '成功大學' }] }] }));
    const merged = cli('people', out, '--aliases', file);
    expect(merged.status).toBe(0);
    const json = JSON.parse(merged.stdout);
    expect(json.people.filter((p: { key: string }) => p.key === '陳建宏').map((p: { id: string }) => p.id)).toEqual(['p-chen']);
    expect(json.homonyms).toEqual([]);
    expect(merged.stderr).toContain('1 alias rule(s) matched no mention: people[0].match[2]');
    const popolo = join(dir, 'popolo');
    expect(cli('export', out, '--to', 'popolo', '-o', popolo, '--aliases', file).status).toBe(0);
    const bundle = JSON.parse(readFileSync(join(popolo, 'popolo.json'), 'utf8'));
    expect(bundle.persons.filter((p: { name: string }) => p.name === '陳建宏').map((p: { id: string }) => p.id)).toEqual(['p-chen']);
    writeFileSync(file, '{ "people": [{ "match": [{ "org": "臺灣大學" }] }] }');
    const broken = cli('people', out, '--aliases', file);
    expect([broken.status, broken.stdout]).toEqual([2, '']);
    expect(broken.stderr).toContain('people[0].match[0].name: a non-empty string');
    expect(cli('people', out, '--aliases', join(dir, 'missing.json')).stderr).toContain('no such file');
    // The error lines docs/people.md shows, for the file they describe.
    const brokenFile = 'test/fixtures/people/people-broken.json';
    expect(JSON.parse(readFileSync(ROOT + brokenFile, 'utf8'))).toEqual({ people: [{ match: [{ name: '陳建宏' }] }, { match: [{ org: '臺灣大學', from: '2020/1/1' }] }] });
    const errorBlock = docs.split('```').find((b) => b.startsWith('\ntwminutes people: --aliases'))!;
    expect(spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'people', out, '--aliases', brokenFile], { encoding: 'utf8', cwd: ROOT }).stderr).toBe(errorBlock.slice(1));
    writeFileSync(file, 'not json');
    expect(cli('export', out, '--to', 'csv', '-o', join(dir, 'csv'), '--aliases', file).status).toBe(2);
  });
});

