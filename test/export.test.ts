import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAkomaNtoso, toCsvBundle, toPopolo, type PopoloBundle } from '../src/export/index.js';
import { csvRow, EXCEL_CELL_MAX } from '../src/export/csv.js';
import { capLine, LINE_FIELD_MAX } from '../src/assemble/caps.js';
import type { Diagnostic } from '../src/types.js';
import { parse } from '../src/index.js';
import { buildPeopleIndex } from '../src/people/index.js';
import type { MinutesDocument } from '../src/types.js';
import { findAll, parseXml, textOf, validateAkn, type XNode } from './fixtures/akn/check.js';
import { popoloAjv } from './popolo-schema.js';
import { ROOT, SAMPLES, parseSample } from './helpers.js';

const docs = SAMPLES.map((s) => parseSample(s.file));
const minutes = docs.filter((d) => d.kind === 'minutes');
const people = buildPeopleIndex(docs);
const sum = (f: (d: MinutesDocument) => number) => docs.reduce((n, d) => n + f(d), 0);

/** RFC 4180 reader (test-side, independent of the writer). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

function table(files: Record<string, string>, name: string): Record<string, string>[] {
  const text = files[name]!;
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('CSV bundle', () => {
  const files = toCsvBundle(docs, { people });

  it('one file per table; rows parse back, one per record', () => {
    expect(Object.keys(files).sort()).toEqual(['actions.csv', 'agenda.csv', 'attendees.csv', 'datasets.csv', 'meetings.csv', 'people.csv', 'rulings.csv', 'speeches.csv']);
    expect(table(files, 'meetings.csv')).toHaveLength(docs.length);
    expect(table(files, 'agenda.csv')).toHaveLength(sum((d) => d.agenda.length));
    expect(table(files, 'attendees.csv')).toHaveLength(sum((d) => d.attendees.length));
    expect(table(files, 'speeches.csv')).toHaveLength(sum((d) => d.speeches.length));
    expect(table(files, 'rulings.csv')).toHaveLength(sum((d) => d.rulings.length));
    expect(table(files, 'datasets.csv')).toHaveLength(sum((d) => d.datasets.length));
    expect(table(files, 'actions.csv')).toHaveLength(sum((d) => d.actions.length));
    expect(table(files, 'people.csv')).toHaveLength(people.people.length);
  });

  it('ids join across files, and text survives (commas, quotes, line breaks)', () => {
    const meetings = new Set(table(files, 'meetings.csv').map((r) => r.meeting_id));
    const agenda = new Set(table(files, 'agenda.csv').map((r) => r.agenda_id));
    const persons = new Set(table(files, 'people.csv').map((r) => r.person_id));
    const speeches = table(files, 'speeches.csv');
    for (const s of speeches) {
      expect(meetings.has(s.meeting_id!)).toBe(true);
      if (s.agenda_id) expect(agenda.has(s.agenda_id)).toBe(true);
      if (s.person_id) expect(persons.has(s.person_id)).toBe(true);
    }
    const lin = speeches.filter((s) => s.person_id === 'p-林東亨');
    expect(lin.map((s) => s.attribution).sort()).toEqual(['資電處林副處長', '資電處林副處長', '資電處林處長東亨', '資電處林處長東亨'].sort());
    expect(speeches.map((s) => s.text)).toEqual(docs.flatMap((d) => d.speeches.map((s) => s.text)));
    const proxy = table(files, 'attendees.csv').find((a) => a.name === '鍾文正')!;
    expect(proxy).toMatchObject({ status: 'proxy', proxy: 'true', on_behalf_of: '陳華玉', on_behalf_of_person_id: 'p-陳華玉' });
    for (const r of table(files, 'rulings.csv')) expect(r.items!.split('\n').filter(Boolean).length).toBeLessThanOrEqual(r.text!.length);
  });

  it('writer escapes RFC 4180 style and can defuse spreadsheet formulas', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', null, 3, true, '=1+1'])).toBe('a,"b,c","say ""hi""",,3,true,=1+1\r\n');
    expect(csvRow(['=HYPERLINK("x")', '-3', '會議'], { excelSafe: true })).toBe(`"'=HYPERLINK(""x"")",'-3,會議\r\n`);
    expect(parseCsv(csvRow(['line\r\nbreak', '"', '']))).toEqual([['line\r\nbreak', '"', '']]);
  });
});


describe('Popolo', () => {
  const popolo: PopoloBundle = toPopolo(docs, { people });
  const ajv = popoloAjv();
  const kinds = { persons: 'person', organizations: 'organization', memberships: 'membership', events: 'event', speeches: 'speech', motions: 'motion' } as const;

  it('every object validates against the Popolo JSON Schemas', () => {
    for (const [key, schema] of Object.entries(kinds)) {
      const validate = ajv.getSchema(`http://www.popoloproject.com/schemas/${schema}.json#`)!;
      const list = popolo[key as keyof PopoloBundle];
      expect(list.length).toBeGreaterThan(0);
      for (const item of list) expect([item, validate(item) ? null : validate.errors]).toEqual([item, null]);
    }
  });

  it('the vendored schemas do reject bad objects', () => {
    const speech = ajv.getSchema('http://www.popoloproject.com/schemas/speech.json#')!;
    expect(speech({ position: 'first' })).toBe(false);
    const event = ajv.getSchema('http://www.popoloproject.com/schemas/event.json#')!;
    expect(event({ start_date: '21 July 2021' })).toBe(false);
  });

  it('meetings with agenda items as child events, speeches with creator and position, motions for rulings, attendance on behalf of', () => {
    expect(popolo.persons.find((p) => p.id === 'p-林東亨')).toMatchObject({ name: '林東亨', family_name: '林', given_name: '東亨' });
    const meetings = popolo.events.filter((e) => e.classification === 'meeting');
    expect(meetings).toHaveLength(minutes.length);
    const m2021 = meetings.find((e) => e.start_date === '2021-07-21T02:00:00Z')!;
    const items = popolo.events.filter((e) => e.classification === 'agenda-item' && e.id.startsWith(m2021.id + '/'));
    expect(items).toHaveLength(minutes.find((d) => d.meeting!.date === '2021-07-21')!.agenda.length);
    const ids = new Set(popolo.events.map((e) => e.id));
    for (const e of items) expect(ids.has(e.parent_id!)).toBe(true);
    const s = popolo.speeches.find((x) => x.creator_id === 'p-林東亨' && x.event_id.startsWith(m2021.id))!;
    expect(s).toMatchObject({ attribution_text: '資電處林處長東亨', type: 'speech', position: 3 });
    expect(ids.has(s.event_id)).toBe(true);
    expect(popolo.motions).toHaveLength(sum((d) => d.rulings.length));
    const proxy = popolo.events.flatMap((e) => e.attendance ?? []).find((a) => a.person_id === 'p-鍾文正')!;
    expect(proxy).toMatchObject({ status: 'proxy', on_behalf_of_id: 'p-陳華玉', attribution_text: '陳委員華玉(鍾副局長文正代)' });
    const lin = popolo.memberships.filter((m) => m.person_id === 'p-林東亨');
    expect(lin.map((m) => [m.organization_id, m.role, m.first_seen_date])).toEqual(
      expect.arrayContaining([
        ['o-外交部/資電處', '副處長', '2018-06-22'],
        ['o-外交部/資電處', '處長', '2021-07-21'],
        ['o-外交部/資料開放諮詢小組', 'agency-representative', '2018-06-22'],
      ]),
    );
    const orgs = new Set(popolo.organizations.map((o) => o.id));
    for (const m of popolo.memberships) expect([orgs.has(m.organization_id), !m.on_behalf_of_id || orgs.has(m.on_behalf_of_id)]).toEqual([true, true]);
  });
});

describe('Akoma Ntoso', () => {
  const trees = new Map(minutes.map((d) => [d, parseXml(toAkomaNtoso(d, { people })!)]));

  it('each meeting is well-formed XML that conforms to the AKN debate structure', () => {
    for (const tree of trees.values()) expect(validateAkn(tree)).toEqual([]);
    expect(toAkomaNtoso(docs.find((d) => d.kind === 'other')!)).toBeNull();
  });

  it('has the expected elements: preface, rollCall, a debateSection per agenda item, speeches by/as/from, resolutions', () => {
    for (const [doc, tree] of trees) {
      const sections = [...findAll(tree, 'debateSection'), ...findAll(tree, 'resolutions'), ...findAll(tree, 'adjournment')].filter((e) => e.attrs.eId?.startsWith('sec_a'));
      expect(sections).toHaveLength(doc.agenda.length);
      expect(findAll(tree, 'speech')).toHaveLength(doc.speeches.length);
      expect(findAll(tree, 'resolutions').filter((r) => r.attrs.eId?.startsWith('res_'))).toHaveLength(doc.rulings.length);
      expect(textOf(findAll(tree, 'docTitle')[0]!)).toBe(doc.title);
      expect(findAll(tree, 'docDate')[0]?.attrs.date).toBe(doc.meeting!.date);
      const roll = findAll(tree, 'rollCall');
      expect(roll.length ? findAll(roll[0]!, 'p').filter((p) => p.attrs.class !== 'group') : []).toHaveLength(doc.attendees.length);
    }
    const tree = trees.get(minutes.find((d) => d.meeting!.date === '2021-07-21')!)!;
    const lin = findAll(tree, 'speech').filter((s) => s.attrs.by === '#p-林東亨');
    expect(lin.map((s) => [s.attrs.as, textOf(findAll(s, 'from')[0]!)])).toEqual([
      ['#r-agency-representative', '資電處林處長東亨'],
      ['#r-agency-representative', '資電處林處長東亨'],
    ]);
    const chair = findAll(tree, 'speech').find((s) => textOf(findAll(s, 'from')[0]!) === '主席')!;
    expect(chair.attrs).toMatchObject({ by: '#p-曾厚仁', as: '#r-chair' });
    expect(findAll(tree, 'TLCPerson').find((p) => p.attrs.eId === 'p-林東亨')!.attrs.showAs).toBe('林東亨');
    expect(findAll(tree, 'TLCRole').map((r) => r.attrs.eId)).toContain('r-chair');
  });

  it('the checker catches what is not AKN', () => {
    const tree = trees.values().next().value as XNode;
    const broken = structuredClone(tree);
    const speech = findAll(broken, 'speech')[0]!;
    delete speech.attrs.by;
    findAll(broken, 'debateSection')[1]!.attrs.eId = findAll(broken, 'debateSection')[0]!.attrs.eId!;
    findAll(broken, 'debateBody')[0]!.children.unshift({ name: 'p', attrs: {}, children: ['x'] });
    const errors = validateAkn(broken).join('\n');
    expect(errors).toMatch(/missing required attribute by/);
    expect(errors).toMatch(/eId sec_\S+ also used/);
    expect(errors).toMatch(/debateBody: <p> not allowed here|debateBody: needs/);
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
  });

  it('records outside any agenda item go to an unfiled section; a 決議 section is a resolutions element', () => {
    const doc = structuredClone(minutes[0]!);
    doc.speeches[0]!.agendaId = null;
    doc.rulings[0]!.agendaId = 'no-such-item';
    const top = doc.agenda.find((a) => a.parent === null)!;
    top.kind = 'resolutions';
    const tree = parseXml(toAkomaNtoso(doc, { people })!);
    expect(validateAkn(tree)).toEqual([]);
    const unfiled = findAll(tree, 'debateSection').find((e) => e.attrs.eId === 'sec_unfiled')!;
    expect(findAll(unfiled, 'speech').map((e) => e.attrs.eId)).toEqual([`spc_${doc.speeches[0]!.id}`]);
    expect(findAll(unfiled, 'resolutions').map((e) => e.attrs.eId)).toEqual([`res_${doc.rulings[0]!.id}`]);
    expect(findAll(tree, 'resolutions').some((e) => e.attrs.eId === `sec_${top.id}`)).toBe(true);
  });

  it('hostile text (controls, markup, lone surrogates) stays well-formed', () => {
    const doc = structuredClone(minutes[0]!);
    doc.speeches[0]!.text = 'a <b>&amp; "q"\u0001\u0007 \uD800 ]]> end';
    doc.speeches[0]!.speaker = { ...doc.speeches[0]!.speaker, raw: '<script>主席' };
    const tree = parseXml(toAkomaNtoso(doc, { people })!);
    expect(validateAkn(tree)).toEqual([]);
    expect(textOf(findAll(tree, 'speech')[0]!)).toContain('a <b>&amp; "q"  ]]> end');
  });
});

describe('twminutes export', () => {
  it('writes the CSV bundle, popolo.json and one AKN file per meeting from a batch output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-export-'));
    const cli = (...args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8' });
    const out = join(dir, 'out.jsonl');
    expect(cli('batch', ROOT + 'samples', ROOT + 'test/fixtures/pdf/encrypted.pdf', '-o', out, '-q').status).toBe(1);
    expect(cli('export', out, '--to', 'csv', '-o', join(dir, 'csv')).status).toBe(0);
    const csv = Object.fromEntries(readdirSync(join(dir, 'csv')).map((f) => [f, readFileSync(join(dir, 'csv', f), 'utf8')]));
    expect(table(csv, 'speeches.csv')).toHaveLength(sum((d) => d.speeches.length));
    expect(table(csv, 'meetings.csv')).toHaveLength(docs.length);
    expect(cli('export', out, '--to', 'popolo', '-o', join(dir, 'popolo')).status).toBe(0);
    const popolo = JSON.parse(readFileSync(join(dir, 'popolo', 'popolo.json'), 'utf8')) as PopoloBundle;
    expect(popolo.speeches).toHaveLength(sum((d) => d.speeches.length));
    const akn = cli('export', out, '--to', 'akn', '-o', join(dir, 'akn'));
    expect(akn.stderr).toContain(`wrote ${minutes.length} file(s)`);
    for (const f of readdirSync(join(dir, 'akn'))) expect(validateAkn(parseXml(readFileSync(join(dir, 'akn', f), 'utf8')))).toEqual([]);
    expect(cli('export', out, '--to', 'docx', '-o', dir).status).toBe(2);
  });
});

describe('AKN: narrative paragraphs (issue 18)', () => {
  const corpus = readdirSync(ROOT + 'test/fixtures/corpus/raw').filter((f) => f.endsWith('.txt'));
  const parsed = corpus.map((f) => parse(readFileSync(ROOT + 'test/fixtures/corpus/raw/' + f, 'utf8'), { name: f, text: true })).filter((d) => d.kind === 'minutes');

  it('a section keeps its narrative lines as <p class="narrative">, under its own heading (real line of a city planning committee)', () => {
    const doc = parsed.find((d) => d.source.name === '11_tpe-urbanplan-640-20121122.txt')!;
    const tree = parseXml(toAkomaNtoso(doc)!);
    expect(validateAkn(tree)).toEqual([]);
    const section = findAll(tree, 'debateSection').find((s) => s.children.some((c) => typeof c !== 'string' && c.name === 'p' && textOf(c) === '提案單位：臺北市政府社會局'));
    expect(section).toBeDefined();
    expect(section!.children.filter((c): c is XNode => typeof c !== 'string' && c.name === 'p').map((c) => c.attrs.class)).toContain('narrative');
  });

  it('every corpus text of minutes: valid AKN, and narrative paragraphs and speeches in document order', () => {
    let narratives = 0;
    for (const doc of parsed) {
      const tree = parseXml(toAkomaNtoso(doc)!);
      expect([doc.source.name, validateAkn(tree)]).toEqual([doc.source.name, []]);
      // Offsets in the text of each narrative paragraph and speech, in the order the XML has them.
      const offsets: number[] = [];
      let from = -1;
      const walk = (node: XNode) => {
        if (node.name === 'speech') {
          const s = doc.speeches.find((x) => `spc_${x.id}` === node.attrs.eId)!;
          offsets.push((from = s.span.start));
          return;
        }
        if (node.name === 'p' && node.attrs.class === 'narrative') {
          narratives++;
          offsets.push((from = doc.text!.indexOf(textOf(node), from + 1)));
          return;
        }
        for (const c of node.children) if (typeof c !== 'string') walk(c);
      };
      walk(findAll(tree, 'debateBody')[0]!);
      expect([doc.source.name, offsets.every((o, i) => o >= 0 && (i === 0 || o > offsets[i - 1]!))]).toEqual([doc.source.name, true]);
    }
    expect(narratives).toBeGreaterThan(40); // 53 once verbatim turns became speeches
  });

  it('without the text (a batch without --text) there is no narrative, and no error', () => {
    const doc = parsed.find((d) => d.source.name === '11_tpe-urbanplan-640-20121122.txt')!;
    const xml = toAkomaNtoso({ ...doc, text: undefined })!;
    expect(xml).not.toContain('class="narrative"');
    expect(validateAkn(parseXml(xml))).toEqual([]);
  });
});

describe('caps on field lengths (issue 18)', () => {
  it('a one-line file of 3 million characters: no field is longer than a line of 500; a longer one is cut with a field-truncated warning', () => {
    // The header takes a title or a field only from a line that reads as one (not prose), so the run-on
    // line gives no field at all; the cap is the net under every one-line field.
    const text = '外交部資料開放諮詢小組會議紀錄\n時間：110年7月21日\n地點：外交部' + '一二三四五六七八九十'.repeat(300_000);
    const doc = parse(text);
    expect(doc.title).toBe('外交部資料開放諮詢小組會議紀錄');
    for (const v of [doc.title, doc.meeting?.agency, doc.meeting?.body, doc.meeting?.location]) expect((v ?? '').length).toBeLessThanOrEqual(LINE_FIELD_MAX);
    const diagnostics: Diagnostic[] = [];
    expect(capLine('會'.repeat(3_000_000), 'title', diagnostics)!.length).toBe(LINE_FIELD_MAX);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'field-truncated', severity: 'warning' })]);
    expect(capLine('外交部', 'title', diagnostics)).toBe('外交部');
    expect(diagnostics).toHaveLength(1);
    expect(parseSample('moea-2021-7-1.txt').diagnostics.map((d) => d.code)).not.toContain('field-truncated');
  });

  it('--excel-safe cuts a cell to what a spreadsheet holds, and counts it', () => {
    const truncated = { count: 0 };
    const row = csvRow(['x'.repeat(EXCEL_CELL_MAX + 10), 'short'], { excelSafe: true, truncated });
    expect(row).toBe('x'.repeat(EXCEL_CELL_MAX - 1) + '…,short\r\n');
    expect(truncated.count).toBe(1);
    expect(csvRow(['x'.repeat(EXCEL_CELL_MAX + 10)]).length).toBe(EXCEL_CELL_MAX + 12); // not without the option
  });
});

describe('twminutes export says what it left out (issue 18)', () => {
  it('refused files, documents of another kind and files given twice, by reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-export-'));
    const cli = (...args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8' });
    const out = join(dir, 'out.jsonl');
    expect(cli('batch', ROOT + 'samples', ROOT + 'test/fixtures/pdf/encrypted.pdf', '-o', out, '-q').status).toBe(1);
    const other = docs.filter((d) => d.kind !== 'minutes').length;
    expect(other).toBeGreaterThan(0);
    const akn = cli('export', out, out, '--to', 'akn', '-o', join(dir, 'akn'));
    expect(akn.status).toBe(0);
    expect(akn.stderr).toContain(`left out ${2 * docs.length + 2 - minutes.length} document(s): ${docs.length} the same file again, 2 refused when parsed (pdf-encrypted), ${other} not minutes (kind other)`);
    expect(akn.stderr).toContain(`${minutes.length} document(s) have no text`);
    const csv = cli('export', out, '--to', 'csv', '-o', join(dir, 'csv'));
    expect(csv.stderr).toContain('left out 1 document(s): 1 refused when parsed (pdf-encrypted)');
    const popolo = cli('export', out, '--to', 'popolo', '-o', join(dir, 'popolo'));
    expect(popolo.stderr).toContain(`left out ${1 + other} document(s): ${other} not minutes (kind other), 1 refused when parsed (pdf-encrypted)`);
  });
});

describe('twminutes export caps what older batch outputs hold (issue 18)', () => {
  it('a title of 100,000 characters is cut to one line of 500 in the export, and the export says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-export-'));
    const doc = JSON.parse(JSON.stringify(minutes[0]!)) as MinutesDocument;
    doc.title = '會'.repeat(100_000);
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, JSON.stringify(doc) + '\n');
    const r = spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'export', out, '--to', 'akn', '-o', join(dir, 'akn')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`1 document(s) had a title, agency, body or location longer than ${LINE_FIELD_MAX} characters`);
    const [file] = readdirSync(join(dir, 'akn'));
    const title = textOf(findAll(parseXml(readFileSync(join(dir, 'akn', file!), 'utf8')), 'docTitle')[0]!);
    expect(title.length).toBe(LINE_FIELD_MAX);
  });
});
