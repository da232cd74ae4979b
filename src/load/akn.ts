import { SaxesParser } from 'saxes';
import { person } from '../extract/person.js';
import { defaultGrammar, derived, withGrammar, type Grammar } from '../grammars/index.js';
import { copyWith } from '../util/objects.js';
import type { AgendaItem, AgendaKind, Diagnostic, MinutesDocument, Person, Ruling, RulingKind, Span, Speech } from '../types.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

/** What an Akoma Ntoso debate holds, as read. */
interface Debate {
  name: string | null;
  title: string | null;
  date: string | null;
  hasRollCall: boolean;
  /** TLCPerson eId (or AKN 2.0 id) → its showAs. */
  persons: Map<string, string>;
  blocks: Block[];
}

type Block =
  | { type: 'section'; depth: number; name: string | null; num: string | null; heading: string }
  | { type: 'speech'; depth: number; by: string | null; from: string | null; paragraphs: string[] }
  | { type: 'text'; depth: number; paragraphs: string[] }
  | { type: 'ruling'; depth: number; kind: RulingKind; label: string; paragraphs: string[] };

const SECTIONS = new Set(['debateSection', 'resolutions', 'adjournment', 'questions', 'address', 'ministerialStatements', 'petitions', 'pointOfOrder', 'prayers', 'proceduralMotions', 'communication', 'declarationOfVote', 'nationalInterest', 'noticesOfMotion', 'oralStatements', 'papers', 'personalStatements', 'writtenStatements', 'debateBody']);
const SPEECHES = new Set(['speech', 'question', 'answer']);
const NARRATIVE = new Set(['narrative', 'summary', 'other', 'scene']);
const AGENDA_KINDS = new Set<string>(['metadata', 'chair-remarks', 'special-report', 'report', 'discussion', 'member-remarks', 'resolutions', 'extempore-motions', 'adjournment', 'other']);

/**
 * Load an Akoma Ntoso `debate` (SayIt and archive exports, and twminutes' own `export --to akn`).
 * The document is structured already, so it is built directly rather than re-read from text:
 * speeches with their speakers (`from` as written, else the `TLCPerson` that `by` points to),
 * `debateSection` headings as the agenda, the date (`docDate`) and title (`docTitle`, else the
 * first heading). The text (heading lines and `speaker：words` lines) is built alongside so that
 * spans point into it. A debate without a minutes header (no roll call, not named minutes) is a
 * `transcript`: its meeting holds only the date.
 */
export function loadAkn(xml: string, diagnostics: Diagnostic[] = [], grammar: Grammar = defaultGrammar()): LoadedSource {
  let debate: Debate;
  try {
    debate = readDebate(xml);
  } catch (e) {
    throw new LoadError('akn-invalid', `The Akoma Ntoso XML cannot be read (${(e as Error).message}).`);
  }
  // Speakers and sections are read with the grammar given (this runs outside the pipeline's withGrammar).
  const built = withGrammar(grammar, () => build(debate));
  return {
    format: 'akn',
    text: built.text,
    pages: null,
    pageStarts: [],
    diagnostics,
    assemble: (sha256, options) => {
      const all = [...diagnostics, ...built.diagnostics];
      const doc: MinutesDocument = {
        schema: 'minutes/1',
        source: { name: options.name ?? null, format: 'akn', sha256, pages: null },
        kind: built.kind,
        title: built.title,
        meeting: built.meeting,
        agenda: built.agenda,
        attendees: [],
        speeches: built.speeches,
        rulings: built.rulings,
        datasets: [],
        actions: [],
        diagnostics: options.strict ? all.map((d) => (d.severity === 'warning' ? copyWith(d, { severity: 'error' }) : d)) : all,
      };
      if (options.text) doc.text = built.text;
      return doc;
    },
  };
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function readDebate(xml: string): Debate {
  const p = new SaxesParser({ xmlns: false });
  const debate: Debate = { name: null, title: null, date: null, hasRollCall: false, persons: new Map(), blocks: [] };
  const stack: string[] = [];
  let depth = 0; // section nesting
  let inBody = false;
  let section: Extract<Block, { type: 'section' }> | null = null;
  let speech: Exclude<Block, { type: 'section' }> | null = null;
  let capture: 'num' | 'heading' | 'from' | 'p' | 'docTitle' | 'docDate' | null = null;
  let buf = '';
  let skipRollCall = 0;
  p.on('opentag', (tag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    stack.push(name);
    if (skipRollCall > 0) {
      skipRollCall++;
      return;
    }
    if (name === 'debate') debate.name = a.name ?? null;
    else if (name === 'TLCPerson') {
      const id = a.eId ?? a.id;
      if (id) debate.persons.set(id, a.showAs ?? id);
    } else if (name === 'debateBody') inBody = true;
    else if (name === 'rollCall') {
      debate.hasRollCall = true;
      skipRollCall = 1;
    } else if (name === 'docTitle' || name === 'docDate') {
      capture = name;
      buf = '';
      if (name === 'docDate' && a.date) debate.date = a.date;
    } else if (inBody && name === 'resolutions' && (a.class === 'chair-ruling' || a.class === 'resolution') && speech === null) {
      // A ruling as `export --to akn` writes it: a resolutions container with its kind as class.
      speech = { type: 'ruling', depth, kind: a.class, label: '', paragraphs: [] };
      debate.blocks.push(speech);
    } else if (inBody && SECTIONS.has(name) && name !== 'debateBody') {
      depth++;
      section = { type: 'section', depth, name: name === 'debateSection' ? (a.name ?? null) : name, num: null, heading: '' };
      debate.blocks.push(section);
    } else if (inBody && SPEECHES.has(name)) {
      speech = { type: 'speech', depth, by: a.by ?? null, from: null, paragraphs: [] };
      debate.blocks.push(speech);
    } else if (inBody && NARRATIVE.has(name) && speech === null) {
      speech = { type: 'text', depth, paragraphs: [] };
      debate.blocks.push(speech);
    } else if (inBody && (name === 'num' || name === 'heading' || name === 'from') && capture === null) {
      capture = name;
      buf = '';
    } else if (inBody && name === 'p' && speech !== null && capture === null) {
      capture = 'p';
      buf = '';
    } else if (name === 'br' && capture !== null) buf += '\n';
  });
  p.on('text', (t) => {
    if (capture !== null && skipRollCall === 0) buf += t;
  });
  p.on('closetag', (tag) => {
    const name = localName(tag.name);
    stack.pop();
    if (skipRollCall > 0) {
      skipRollCall--;
      return;
    }
    if (capture === name || (capture === 'docTitle' && name === 'docTitle')) {
      const value = buf.replace(/[ \t\r\n]+/g, ' ').trim();
      if (name === 'docTitle') debate.title = value || null;
      else if (name === 'docDate') debate.date ??= value || null;
      else if (name === 'num' && section && speech === null) section.num = value || null;
      else if (name === 'heading' && speech?.type === 'ruling') speech.label = value;
      else if (name === 'heading' && section && speech === null) section.heading = value;
      else if (name === 'from' && speech?.type === 'speech') speech.from = value || null;
      else if (name === 'p' && speech) {
        for (const line of buf.split('\n')) {
          const l = line.replace(/\r/g, '').trim();
          if (l) speech.paragraphs.push(l);
        }
      }
      capture = null;
      return;
    }
    if (name === 'resolutions' && speech?.type === 'ruling') speech = null;
    else if (inBody && SECTIONS.has(name) && name !== 'debateBody') {
      depth--;
      section = null;
    } else if (SPEECHES.has(name) || (NARRATIVE.has(name) && speech?.type === 'text')) speech = null;
    else if (name === 'debateBody') inBody = false;
  });
  p.write(xml).close();
  if (debate.name === null && !debate.persons.size && !debate.blocks.length) throw new Error('no <debate> element');
  return debate;
}

interface Built {
  text: string;
  kind: MinutesDocument['kind'];
  title: string | null;
  meeting: MinutesDocument['meeting'];
  agenda: AgendaItem[];
  speeches: Speech[];
  rulings: Ruling[];
  diagnostics: Diagnostic[];
}

function build(debate: Debate): Built {
  const lines: string[] = [];
  let offset = 0;
  const add = (line: string): Span => {
    const span: Span = { start: offset, end: offset + line.length, line: lines.length + 1, page: null };
    lines.push(line);
    offset += line.length + 1;
    return span;
  };
  const agenda: AgendaItem[] = [];
  const speeches: Speech[] = [];
  const rulings: Ruling[] = [];
  const open: AgendaItem[] = []; // open sections by depth
  const title = debate.title ?? firstHeading(debate);
  if (debate.title) add(debate.title);
  if (debate.date) add(debate.date);
  for (const b of debate.blocks) {
    if (b.type === 'section') {
      if (!b.heading && !b.num) {
        open.length = b.depth - 1;
        continue;
      }
      open.length = Math.min(open.length, b.depth - 1);
      const parent = open[open.length - 1] ?? null;
      const span = add(b.num ? `${b.num} ${b.heading}` : b.heading);
      const item: AgendaItem = {
        id: `a${agenda.length + 1}`,
        parent: parent?.id ?? null,
        level: (parent?.level ?? 0) + 1,
        number: b.num,
        ordinal: null,
        family: '',
        kind: (b.name && AGENDA_KINDS.has(b.name) ? b.name : 'other') as AgendaKind,
        title: b.heading,
        omitted: false,
        span,
      };
      agenda.push(item);
      open.push(item);
    } else if (b.type === 'text') {
      for (const p of b.paragraphs) add(p);
    } else if (b.type === 'ruling') {
      const texts = b.paragraphs.length ? b.paragraphs : [''];
      const first = add(`${b.label}：${texts[0]}`);
      let end = first.end;
      for (const p of texts.slice(1)) end = add(p).end;
      const text = texts.join('\n');
      rulings.push({ id: `r${rulings.length + 1}`, agendaId: open[open.length - 1]?.id ?? null, kind: b.kind, label: b.label, text, items: texts.length > 1 ? texts : [], rule: 'akn.ruling', span: { start: first.start, end, line: first.line, page: null } });
    } else {
      const ref = b.by?.replace(/^#/, '') ?? null;
      const named = ref !== null ? (debate.persons.get(ref) ?? null) : null;
      const raw = b.from ?? named ?? ref ?? '';
      const sectionKind = sectionNamed(raw);
      if (sectionKind) {
        // A section heading entered as a speaker (業務報告, 提案討論: archives built from speaker labels do this):
        // an agenda item under the current section, its words the item's text.
        const parent = open[open.length - 1] ?? null;
        const span = add(raw);
        agenda.push({ id: `a${agenda.length + 1}`, parent: parent?.id ?? null, level: (parent?.level ?? 0) + 1, number: null, ordinal: null, family: '', kind: sectionKind, title: raw, omitted: false, span });
        for (const p of b.paragraphs) add(p);
        continue;
      }
      const texts = b.paragraphs.length ? b.paragraphs : [''];
      const first = add(`${raw}：${texts[0]}`);
      let end = first.end;
      for (const p of texts.slice(1)) end = add(p).end;
      speeches.push({
        id: `s${speeches.length + 1}`,
        agendaId: open[open.length - 1]?.id ?? null,
        speaker: speakerOf(raw, named),
        text: texts.join('\n'),
        points: [],
        rule: 'akn.speech',
        span: { start: first.start, end, line: first.line, page: null },
      });
    }
  }
  const isMinutes = debate.name === 'minutes' || debate.hasRollCall;
  const diagnostics: Diagnostic[] = [];
  if (!speeches.length) diagnostics.push({ severity: 'warning', code: 'akn-no-speeches', message: 'The Akoma Ntoso document holds no speeches.' });
  const date = isoDate(debate.date) ?? isoDate(title);
  return {
    text: lines.join('\n'),
    kind: isMinutes ? 'minutes' : 'transcript',
    title,
    meeting: { agency: null, body: null, term: null, session: null, date, start: null, end: null, location: null, online: false, chair: null, recorder: null },
    agenda,
    speeches,
    rulings,
    diagnostics,
  };
}

/** `2016-02-23` (also with / or .) at the start of the text; `0001-01-01` (our export's unknown date) is none. */
function isoDate(text: string | null): string | null {
  const m = text ? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text.trim()) : null;
  if (!m || m[1] === '0001') return null;
  const mm = Number(m[2]);
  const dd = Number(m[3]);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The agenda kind of a label that is exactly a section name (not a metadata label such as 主席, which is a speaker). */
function sectionNamed(label: string): AgendaKind | null {
  return sectionKeywords().get(label) ?? null;
}
const sectionKeywords = derived((g) => new Map(g.sections.kinds.filter((k) => k.kind !== 'metadata').flatMap((k) => k.keywords.map((w) => [w, k.kind] as [string, AgendaKind]))));

function firstHeading(debate: Debate): string | null {
  for (const b of debate.blocks) if (b.type === 'section' && b.heading) return b.heading;
  return null;
}

/**
 * The speaker as written, read like any speaker label; the `TLCPerson` it points to names the person
 * (an exporter's resolution: 主席 → the chair's name), so its name wins when it reads as one.
 */
function speakerOf(raw: string, named: string | null): Person {
  const p = person(raw);
  if (named === null) return p;
  const q = named === raw ? p : person(named);
  if (q.name !== null && q.name !== p.name && q.name.length >= 2) return copyWith(p, { name: q.name, surname: q.surname });
  if (p.name === null && named === raw && raw.length >= 2 && raw.length <= 4 && p.title === null && p.org === null) return copyWith(p, { name: raw, surname: p.surname ?? raw.slice(0, 1) });
  return p;
}
