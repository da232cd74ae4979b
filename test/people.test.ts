import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPeopleIndex, foldName, personIdOf } from '../src/people/index.js';
import { clusterByOrg } from '../src/people/cluster.js';
import type { Attendee, MinutesDocument, Person } from '../src/types.js';
import { ROOT, parseSample } from './helpers.js';

const mofa = ['mofa-2016-105-4.txt', 'mofa-2018-107-1.txt', 'mofa-2021-110-1.txt'].map(parseSample);
const all = [...mofa, parseSample('moea-2021-7-1.txt'), parseSample('moj-action-strategy.txt')];
const index = buildPeopleIndex(all);
const byName = (name: string) => index.people.filter((p) => p.names.includes(name));

const span = { start: 0, end: 0, line: 1, page: null };
const person = (name: string, title: string | null, org: string | null): Person => ({ name, surname: name[0]!, title, org, raw: `${org ?? ''}${name[0]}${title ?? ''}${name.slice(1)}` });
const attendee = (p: Person, role: Attendee['role'] = 'civil-representative'): Attendee => ({ ...p, role, status: 'present', proxy: false, onBehalfOf: null, rule: 'test', span });
/** A minimal minutes document: what the index reads (meeting, attendees, speeches). */
function minutes(sha: string, date: string, agency: string, attendees: Attendee[], speakers: Person[] = []): MinutesDocument {
  return {
    schema: 'minutes/1',
    source: { name: `${sha}.txt`, format: 'text', sha256: sha.padEnd(64, '0'), pages: null },
    kind: 'minutes',
    title: `${agency} ${date}`,
    meeting: { agency, body: '諮詢小組', term: null, session: null, date, start: null, end: null, location: null, online: false, chair: null, recorder: null },
    agenda: [],
    attendees,
    speeches: speakers.map((speaker, i) => ({ id: `s${i + 1}`, agendaId: null, speaker, text: '…', points: [], rule: 'test', span })),
    rulings: [],
    datasets: [],
    actions: [],
    diagnostics: [],
  };
}

describe('people index', () => {
  it('merges 林東亨 across the two 外交部 samples with both titles', () => {
    const [lin, ...others] = byName('林東亨');
    expect(others).toEqual([]);
    expect(lin).toMatchObject({ id: 'p-林東亨', attended: 2, speeches: 4 });
    expect(lin!.history).toEqual([
      { title: '副處長', org: '資電處', from: '2018-06-22', to: '2018-06-22', meetings: 1 },
      { title: '處長', org: '資電處', from: '2021-07-21', to: '2021-07-21', meetings: 1 },
    ]);
    expect(lin!.appearances.map((a) => [a.date, a.roles])).toEqual([
      ['2018-06-22', ['agency-representative', 'speaker']],
      ['2021-07-21', ['agency-representative', 'speaker']],
    ]);
    expect(lin!.history.map((h) => h.org)).toEqual(['資電處', '資電處']);
  });

  it('merges a person listed without an org with the one org the name has (王可言 2016 委員 → 2018 董事長)', () => {
    const [wang] = byName('王可言');
    expect(wang!.history.map((h) => h.title)).toEqual(['委員', '董事長']);
    expect(wang!.attended).toBe(2);
  });

  it('records whom a proxy stood in for, and the chair who was stood in for', () => {
    const [principal] = byName('陳華玉');
    expect(principal).toMatchObject({ roles: ['represented'], attended: 0 });
    const [chairFor] = byName('林全能');
    expect(chairFor!.roles).toEqual(['represented']);
    expect(byName('林聰仁')[0]!.roles).toContain('chair');
  });

  it('links every resolved record to its person; unresolved speakers are counted, not indexed', () => {
    const doc = mofa[2]!;
    const mid = index.meetings.find((m) => m.date === '2021-07-21')!.id;
    const s3 = doc.speeches.find((s) => s.speaker.name === '林東亨')!;
    expect(personIdOf(index, mid, `speech/${s3.id}`)).toBe('p-林東亨');
    expect(personIdOf(index, mid, 'chair')).toBe('p-曾厚仁');
    expect(index.unresolvedSpeakers).toBe(0);
    expect(index.meetings).toHaveLength(4); // the action-strategy paper is not a meeting
  });

  it('folds variants: 王啓文 and 王啟文 of the same org are one person, written both ways', () => {
    const a = minutes('a1', '2021-01-05', '外交部', [attendee(person('王啓文', '總領事', '亞非司'), 'observer')]);
    const b = minutes('b1', '2022-03-01', '外交部', [attendee(person('王啟文', '司長', '亞非司'), 'observer')]);
    const idx = buildPeopleIndex([a, b]);
    expect(idx.people).toHaveLength(1);
    expect(idx.people[0]).toMatchObject({ id: 'p-王啟文', name: '王啟文', names: ['王啓文', '王啟文'] });
    expect(idx.people[0]!.history.map((h) => h.title)).toEqual(['總領事', '司長']);
    expect(foldName('台灣大學　資管系')).toBe('臺灣大學資管系');
  });

  it('homonyms that cannot be told apart are reported, never merged by guess', () => {
    const docs = [
      minutes('c1', '2020-01-01', '經濟部', [attendee(person('陳大文', '教授', '政治大學'))]),
      minutes('c2', '2020-06-01', '經濟部', [attendee(person('陳大文', '教授', '臺灣大學'))]),
      minutes('c3', '2021-01-01', '經濟部', [], [person('陳大文', '委員', null)]),
      minutes('c4', '2021-06-01', '經濟部', [attendee(person('陳大文', '副教授', '國立政治大學公共行政學系'))]),
    ];
    const idx = buildPeopleIndex(docs);
    const chen = idx.people.filter((p) => p.key === '陳大文');
    expect(chen.map((p) => p.id)).toEqual(['p-陳大文', 'p-陳大文-2']);
    expect(chen.map((p) => p.appearances.map((a) => a.org))).toEqual([['政治大學', '國立政治大學公共行政學系'], ['臺灣大學']]);
    expect(idx.homonyms).toEqual([
      { key: '陳大文', people: ['p-陳大文', 'p-陳大文-2'], unassigned: [{ meeting: 'm-c30000000000', ref: 'speech/s1', raw: '陳委員大文' }], reason: expect.stringContaining('left unassigned'), dates: 'overlapping' },
    ]);
    expect(personIdOf(idx, 'm-c30000000000', 'speech/s1')).toBeNull();
  });

  it('the same minutes as two files (.txt and .pdf) count as one meeting', () => {
    const pdfLike = { ...mofa[1]!, source: { ...mofa[1]!.source, sha256: 'f'.repeat(64), format: 'pdf' as const } };
    const idx = buildPeopleIndex([mofa[1]!, pdfLike, mofa[2]!]);
    expect(idx.meetings).toHaveLength(2);
    expect(idx.people.find((p) => p.id === 'p-林東亨')!.attended).toBe(2);
  });

  it('clusterByOrg: containment joins, disjoint orgs split, a bare mention between them stays out', () => {
    const org = (x: { org: string | null }) => x.org;
    expect(clusterByOrg([{ org: '外交部資電處' }, { org: '外交部' }, { org: null }], org).groups).toHaveLength(1);
    const split = clusterByOrg([{ org: '政治大學' }, { org: '臺灣大學' }, { org: null }], org);
    expect([split.groups.length, split.unassigned]).toEqual([2, [{ org: null }]]);
    expect(clusterByOrg([], org)).toEqual({ groups: [], unassigned: [] });
  });
});

describe('twminutes people', () => {
  it('reads batch output and shows a person with titles over time', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twm-people-')), 'out.jsonl');
    const cli = (...args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8' });
    expect(cli('batch', ROOT + 'samples', ROOT + 'test/fixtures/pdf/mofa-2018-107-1.pdf', '-o', out, '-q').status).toBe(0);
    const text = cli('people', out, '--name', '林東亨', '--text');
    expect(text.stdout.trim().split('\n')).toEqual(['林東亨 (p-林東亨) · 2 meeting(s) · 4 speech(es) · agency-representative, speaker', '  2018-06-22 – 2018-06-22  資電處 副處長', '  2021-07-21 – 2021-07-21  資電處 處長']);
    const json = JSON.parse(cli('people', out).stdout);
    expect(json.meetings).toHaveLength(4);
    expect(json.people.find((p: { id: string }) => p.id === 'p-林東亨').history).toHaveLength(2);
    expect(cli('people').status).toBe(2);
  });
});
