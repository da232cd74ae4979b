import { withGrammar } from '../grammars/compiled.js';
import type { Grammar } from '../grammars/build.js';
import { grammar } from '../grammars/index.js';
import { buildPeopleIndex } from '../people/build.js';
import type { PeopleIndex } from '../people/types.js';
import type { AgendaItem, MinutesDocument, Person, Ruling, Speech } from '../types.js';
import { createReferences, type References } from './akn-references.js';
import { narrativeOf } from './akn-narrative.js';
import { meetingId, orgId } from './ids.js';
import { el, xmlDocument, type XmlElement } from './xml.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Mixed-content elements, written on one line so that indentation adds no whitespace to their text. */
const INLINE = new Set(['p', 'heading', 'num', 'from', 'docTitle', 'docDate', 'person', 'summary']);

export interface AknOptions {
  people?: PeopleIndex;
  /** Also write TLCPerson `id` (AKN 2.0), which SayIt's importer reads to link speeches to speakers; not valid AKN 3.0. */
  sayit?: boolean;
  /** The grammar the documents were parsed with (names, titles and chair words are read by it); the package's own by default. */
  grammar?: Grammar;
}

/**
 * One meeting as an Akoma Ntoso 3.0 `debate`: FRBR identification, TLCPerson/TLCRole references,
 * `docTitle`/`docDate` in the preface, a `rollCall` of the attendance, a `debateSection` per agenda
 * item with its speeches (`by`/`as`, `from` = the label as written) and rulings (each in a
 * `resolutions` container) and, when the document has its `text`, the narrative paragraphs of each
 * section (`<p class="narrative">`, in document order with the speeches). Null for a document that is
 * not minutes.
 */
export function toAkomaNtoso(doc: MinutesDocument, options: AknOptions = {}): string | null {
  return withGrammar(options.grammar, () => aknOf(doc, options));
}

function aknOf(doc: MinutesDocument, options: AknOptions): string | null {
  if (doc.kind !== 'minutes' || !doc.meeting) return null;
  const m = doc.meeting;
  const mid = meetingId(doc);
  const people = options.people ?? buildPeopleIndex([doc]);
  const refs = createReferences(mid, people, options.sayit);
  const chairId = m.chair ? refs.person('chair', m.chair) : null;
  const roleOf = roleLookup(doc, refs, chairId);

  const body = el('debateBody', {}, rollCall(doc, refs), sections(doc, refs, roleOf));
  if (!body.children.length) body.children.push(el('debateSection', { eId: 'sec_empty', name: 'empty' }, el('summary', {}, '(no sections)')));
  const date = m.date ?? '0001-01-01';
  const author = m.agency ? orgId(m.agency) : 'twminutes';
  const work = `/akn/tw/debate/${date}/${mid}`;
  const frbr = (name: string, uri: string, extra: XmlElement[], who = `#${author}`, self = `${uri}/!main`) =>
    el(name, {}, el('FRBRthis', { value: self }), el('FRBRuri', { value: uri }), el('FRBRdate', { date, name: m.date ? 'meeting' : 'unknown' }), el('FRBRauthor', { href: who }), extra);
  const meta = el(
    'meta',
    {},
    el(
      'identification',
      { source: '#twminutes' },
      frbr('FRBRWork', work, [el('FRBRcountry', { value: 'tw' }), m.body ? el('FRBRname', { value: m.body }) : null].filter((x): x is XmlElement => !!x)),
      frbr('FRBRExpression', `${work}/zho@`, [el('FRBRlanguage', { language: 'zho' })]),
      frbr('FRBRManifestation', `${work}/zho@.akn`, [el('FRBRformat', { value: 'application/akn+xml' })], '#twminutes', `${work}/zho@/!main.xml`),
    ),
    refs.element([
      el('TLCOrganization', { eId: 'twminutes', href: '/ontology/organization/twminutes', showAs: 'twminutes' }),
      ...(m.agency ? [el('TLCOrganization', { eId: author, href: `/ontology/organization/tw/${author}`, showAs: m.agency })] : []),
    ]),
  );
  const preface = el(
    'preface',
    {},
    el('p', { class: 'title' }, el('docTitle', {}, doc.title ?? doc.source.name ?? mid)),
    m.date ? el('p', { class: 'date' }, el('docDate', { date: m.date }, m.date)) : null,
  );
  return xmlDocument(el('akomaNtoso', { xmlns: AKN_NAMESPACE }, el('debate', { name: 'minutes' }, meta, preface, body)), INLINE);
}

/** The role a speaker speaks as: chair, else their attendee role in this meeting. */
function roleLookup(doc: MinutesDocument, refs: References, chairId: string | null) {
  const byPerson = new Map<string, string>();
  doc.attendees.forEach((a, i) => {
    const id = refs.person(`attendee/${i}`, a);
    if (!byPerson.has(id)) byPerson.set(id, a.role);
  });
  // A speaker written as the chair (主席, 主持人: grammars/people.json chairWords) speaks as the chair.
  const chairWords = grammar().people.chairWords;
  return (personRef: string, s: Speech) => (chairWords.includes(s.speaker.raw) || personRef === chairId ? 'chair' : byPerson.get(personRef) ?? null);
}

function rollCall(doc: MinutesDocument, refs: References): XmlElement | null {
  if (!doc.attendees.length) return null;
  const groups = new Map<string, XmlElement[]>();
  doc.attendees.forEach((a, i) => {
    const who = el('person', { refersTo: refs.person(`attendee/${i}`, a), as: refs.role(a.role) }, a.onBehalfOf ? labelOf(a) : a.raw);
    const principal = a.onBehalfOf ? el('person', { refersTo: refs.person(`attendee/${i}/onBehalfOf`, a.onBehalfOf), as: refs.role('represented') }, a.onBehalfOf.raw) : null;
    const p = el('p', { class: a.status }, who, principal ? ['（代理 ', principal, '）'] : null);
    const group = a.group ?? a.role;
    groups.set(group, [...(groups.get(group) ?? []), p]);
  });
  const blocks = [...groups].map(([label, ps]) => el('other', {}, el('p', { class: 'group' }, label), ps));
  return el('rollCall', { eId: 'rollcall' }, el('heading', {}, '出席人員'), blocks);
}

function sections(doc: MinutesDocument, refs: References, roleOf: ReturnType<typeof roleLookup>): XmlElement[] {
  const known = new Set(doc.agenda.map((a) => a.id));
  const under = (id: string | null) => ({
    speeches: doc.speeches.filter((s) => (known.has(s.agendaId ?? '') ? s.agendaId : null) === id),
    rulings: doc.rulings.filter((r) => (known.has(r.agendaId ?? '') ? r.agendaId : null) === id),
    items: doc.agenda.filter((a) => a.parent === id),
  });
  const narrative = narrativeOf(doc);
  const content = (id: string | null): XmlElement[] => {
    const { speeches, rulings, items } = under(id);
    const parts: [number, XmlElement][] = [
      ...(id === null ? [] : narrative.get(id) ?? []).map((l) => [l.start, el('p', { class: 'narrative' }, l.text)] as [number, XmlElement]),
      ...speeches.map((s) => [s.span.start, speech(s, refs, roleOf)] as [number, XmlElement]),
      ...rulings.map((r) => [r.span.start, ruling(r)] as [number, XmlElement]),
      ...items.map((a) => [a.span.start, section(a, content(a.id))] as [number, XmlElement]),
    ];
    return parts.sort((x, y) => x[0] - y[0]).map(([, e]) => e);
  };
  const top = content(null);
  const loose = top.filter((e) => /^(spc|res)_/.test(String(e.attrs.eId))); // records outside any agenda item
  const tops = top.filter((e) => !loose.includes(e));
  return loose.length ? [el('debateSection', { eId: 'sec_unfiled', name: 'unfiled' }, el('heading', {}, '(未歸入議程)'), loose), ...tops] : tops;
}

function section(a: AgendaItem, children: XmlElement[]): XmlElement {
  const named = a.kind === 'resolutions' || a.kind === 'adjournment';
  return el(named ? a.kind : 'debateSection', { eId: `sec_${eIdPart(a.id)}`, ...(named ? {} : { name: a.kind }) }, a.number ? el('num', {}, a.number) : null, el('heading', {}, a.title), children);
}

function speech(s: Speech, refs: References, roleOf: ReturnType<typeof roleLookup>): XmlElement {
  const by = refs.person(`speech/${s.id}`, s.speaker);
  const role = roleOf(by, s);
  return el('speech', { eId: `spc_${eIdPart(s.id)}`, by, as: role ? refs.role(role) : null }, el('from', {}, s.speaker.raw), paragraphs(s.text));
}

function ruling(r: Ruling): XmlElement {
  return el('resolutions', { eId: `res_${eIdPart(r.id)}`, class: r.kind }, el('heading', {}, r.label), el('other', {}, r.items.length ? r.items.map((i) => el('p', {}, i)) : paragraphs(r.text)));
}

function paragraphs(text: string): XmlElement[] {
  const lines = text.split('\n').filter((l) => l.trim());
  return (lines.length ? lines : ['']).map((l) => el('p', {}, l));
}

const eIdPart = (id: string) => id.replace(/\s+/g, '_');

/** How minutes write a person: org, surname, title, given name (鍾副局長文正); the raw text when a part is missing. */
function labelOf(p: Person): string {
  if (!p.name || !p.surname || !p.title || !p.name.startsWith(p.surname)) return p.raw;
  return `${p.surname}${p.title}${p.name.slice(p.surname.length)}`;
}
