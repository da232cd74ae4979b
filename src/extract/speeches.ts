import { grammar, alternation, derived } from '../grammars/index.js';
import type { Attendee, Diagnostic, Person } from '../types.js';
import type { ExtractContext } from './context.js';
import type { Block } from './drafts.js';
import { blockText, topItems } from './block-text.js';
import { parseName, person, squeezeHan, splitParens, type NameParts } from './person.js';
import { isHeaderLabel } from '../segment/kinds.js';
import { unitThenPerson } from './header-value.js';
import { foldName } from '../util/fold.js';
import { copyWith } from '../util/objects.js';
import { Affixes, trimEndOf } from '../util/text.js';
import type { SpeechDraft } from './drafts.js';

export { foldName } from '../util/fold.js';

/** Org as written in a speaker label matches an attendee's org when one contains the other (世新大學 ⊂ 世新大學行政管理學系). */
function orgMatches(a: string | null, b: string | null): boolean {
  if (!a) return true;
  if (!b) return false;
  const x = foldName(a);
  const y = foldName(b);
  return x.includes(y) || y.includes(x);
}

/** People a speaker label can name: the attendees, then the chair and the recorder (who may be in no list); by folded name. Built once per document. */
export interface SpeakerIndex {
  pool: readonly Person[];
  byName: ReadonlyMap<string, readonly Person[]>;
}

export function speakerIndex(attendees: readonly Person[], chair: Person | null, recorder: Person | null): SpeakerIndex {
  const pool: Person[] = [];
  const byName = new Map<string, Person[]>();
  for (const p of [...attendees, chair, recorder]) {
    if (!p) continue;
    const key = p.name ? foldName(p.name) : '';
    const same = key ? byName.get(key) : undefined;
    if (same && (p === chair || p === recorder)) continue; // already listed as an attendee
    pool.push(p);
    if (key) byName.set(key, same ? [...same, p] : [p]);
  }
  return { pool, byName };
}

/**
 * Who a speaker label names. 主席 is the chair; a full name is taken as written (enriched from the
 * attendee list); org + surname + title (世新大學陳副教授) resolves to the unique attendee (or chair, or
 * recorder) with that surname, title and org; an office alone (理事長) to the unique person holding it —
 * never a guess between two candidates. `parts` is the label already read (readSpeakerLabel).
 */
export function resolveSpeaker(
  label: string,
  chair: Person | null,
  attendees: readonly Attendee[],
  recorder: Person | null = null,
  parts: NameParts | null = null,
  index: SpeakerIndex = speakerIndex(attendees, chair, recorder),
): { speaker: Person; diagnostic?: Omit<Diagnostic, 'span'> } {
  const raw = label.trim();
  if (grammar().people.chairWords.includes(squeezeHan(raw))) {
    if (chair) return { speaker: copyWith(chair, { raw }) };
    return { speaker: person(raw, { name: null, surname: null, title: raw, org: null }), diagnostic: { severity: 'warning', code: 'unresolved-speaker', message: `The speaker ${raw} is the chair, but the header names no chair.` } };
  }
  parts ??= parseName(raw.replace(/^.*[-－—–]/u, ''));
  const sp = person(raw, parts);
  const pool = index.pool;
  if (parts.name) {
    const same = index.byName.get(foldName(parts.name)) ?? [];
    if (same.length === 1) return { speaker: copyWith(sp, { org: sp.org ?? same[0]!.org }) };
    return { speaker: sp };
  }
  const candidates = pool.filter(
    (a) => a.name && (parts!.surname ? a.surname === parts!.surname : true) && (!parts!.title || a.title === parts!.title) && orgMatches(parts!.org, a.org),
  );
  const names = new Set(candidates.map((a) => foldName(a.name)));
  if (names.size === 1 && (parts.surname || parts.title)) return { speaker: copyWith(sp, { name: candidates[0]!.name, surname: candidates[0]!.surname, org: sp.org ?? candidates[0]!.org }) };
  const who = parts.surname ? 'surname, title and org' : 'title and org';
  return {
    speaker: sp,
    diagnostic: {
      severity: 'warning',
      code: 'unresolved-speaker',
      message:
        names.size > 1
          ? `The speaker ${raw} matches ${names.size} attendees (${[...names].join('、')}); the name was left empty rather than guessed.`
          : `The speaker ${raw} matches no attendee by ${who}; the full name is unknown.`,
    },
  };
}

/** A speaker label read: who speaks (as written, without the verb) and how the name splits. */
export interface SpeakerLabel {
  /** The speaker part as written (李旻蔚副總聯絡人 of 李旻蔚副總聯絡人口頭報告). */
  who: string;
  /** The speech verb after the speaker (口頭報告, 致詞, 答覆), if any. */
  verb: string | null;
  chair: boolean;
  parts: NameParts;
}

/** Latin words ending a label after an ideograph (…天財Sra Kacaw, …天財Sra．Kacaw). */
const LATIN_TAIL = /(?<=\p{Script=Han})\s*[A-Za-z][A-Za-z .．·‧'’-]*$/u;
/** Speech verbs, longest first (口頭報告 before 報告). */
const verbEndings = derived((g) => new Affixes(g.records.speechVerbs));
/** Titles a speaker may hold: the name grammar's and the speaker tables' own. */
const allTitles = derived((g) => new Set([...g.people.titles, ...g.records.speakerTitles]));
const titleEndings = derived(() => new Affixes(allTitles()));
const orgEndings = derived((g) => new Affixes([...g.people.orgSuffixes, ...g.records.speakerOrgSuffixes]));
const spokenOpeners = derived((g) => new Affixes(g.records.spokenOpeners));
const surnameOpenings = derived((g) => new Affixes([...g.people.surnames, ...g.people.compoundSurnames]));
/** Labels that are never a speaker: non-speaker labels, readers, ruling labels. */
const rejectedLabels = derived((g) => new Set([...g.records.nonSpeakerLabels, ...g.records.readerLabels, ...g.records.rulingLabels.map((x) => x.label)]));
const spellingRe = derived((g) => {
  const keys = Object.keys(g.records.speakerTitleSpellings);
  return keys.length ? new RegExp(alternation(keys), 'gu') : null;
});

/** Titles written another way (祕書長) are read as the tables write them (秘書長); the raw label keeps its spelling. */
function standardSpelling(s: string): string {
  const map = grammar().records.speakerTitleSpellings;
  const re = spellingRe();
  return re ? s.replace(re, (m) => map[m] ?? m) : s;
}

/** A section about an election (選舉新任理事長及幹部): its `理事長：…` lines name the post filled, not a speaker. */
export function isElectionTitle(title: string): boolean {
  return electionRe().test(title);
}
/** A speaker title anywhere in a string (by code unit, as indexOf finds it). */
const speakerTitleRe = derived((g) => new RegExp(alternation(g.records.speakerTitles)));
const electionRe = derived((g) => new RegExp(alternation(g.records.electionWords), 'u'));

function isRejectedLabel(l: string): boolean {
  // An election's results name people without their words (當選人：, 候選人名單：).
  if (isElectionTitle(l)) return true;
  return rejectedLabels().has(l) || isHeaderLabel(l);
}

/** An org word inside (觀傳局劉): an org then a surname, not a unit's short name. */
function containsOrg(s: string): boolean {
  return grammar().people.orgSuffixes.some((x) => s.includes(x)) || grammar().records.speakerOrgSuffixes.some((x) => s.includes(x));
}

function endsLikeOrg(s: string): boolean {
  return orgEndings().endsAny(s);
}

/**
 * The person a speaker part names, or null: an office alone (理事長, 主任秘書) or after an org
 * (淡江大學理學院院長; not a group: 委員); org + surname + title + given name (陳主任委員耀祥,
 * 觀傳局劉局長); [prefix] title + full name (現任祕書長王祥宇); full name + title (李旻蔚副總聯絡人);
 * a bare name only when the attendance lists or the header name that person.
 */
function personOf(who: string, knownNames: ReadonlySet<string>): NameParts | null {
  const s = standardSpelling(who);
  // A speaker is written in ideographs; an org may open with a Latin name (NGO 國際事務會李副參事), but a
  // label of Latin words only (TEL, http) names no one.
  if (!/^(?:[A-Za-z]{2,10} ?)?\p{Script=Han}/u.test(s) || isRejectedLabel(s)) return null;
  const titles = allTitles();
  const groups = grammar().records.groupTitles;
  if (titles.has(s)) return groups.includes(s) ? null : { name: null, surname: null, title: s, org: null };
  const officeTitle = titleEndings().longestEnding(s, 1);
  if (officeTitle) {
    const org = s.slice(0, -officeTitle.length);
    if (org.length >= 2 && endsLikeOrg(org)) return groups.includes(officeTitle) ? null : { name: null, surname: null, title: officeTitle, org };
    // A unit and its head's title share a character: 教育局長 is 教育局 + 局長, not a person named 教育.
    const contracted = s.slice(0, s.length - officeTitle.length + 1);
    if (org.length >= 2 && endsLikeOrg(contracted) && !containsOrg(org) && !grammar().people.compoundSurnames.includes(org)) return { name: null, surname: null, title: officeTitle, org: contracted };
  }
  const p = parseName(s);
  // Not a person: 主席裁定 (the chair's word + a ruling), 專門委員 read as 專門 + 委員.
  if (p.title && grammar().people.chairWords.includes(p.title)) return null;
  if (p.title && p.surname && !(p.name && titles.has(p.name))) return p;
  if (p.name && !p.title && knownNames.has(p.name)) return p;
  // [prefix] title + full name: 現任秘書長王祥宇.
  for (const n of [3, 2, 4]) {
    const name = s.slice(-n);
    const before = s.slice(0, -n);
    if (name.length < n || !/^\p{Script=Han}+$/u.test(name) || titles.has(name) || endsLikeOrg(name)) continue;
    const t = titleEndings().longestEnding(before);
    if (t && !groups.includes(before) && !grammar().people.chairWords.includes(t)) {
      const org = before.slice(0, -t.length);
      // One ideograph before the title is the surname: 張區長大同 is 張大同; so are two that are no org and no
      // modifier before a two-ideograph given name (高金委員素梅 is 高金素梅).
      if (org.length === 1 && n === 2) return { name: org + name, surname: org, title: t, org: null };
      if (org.length === 2 && n === 2 && /^\p{Script=Han}{2}$/u.test(org) && !endsLikeOrg(org) && !containsOrg(org) && !grammar().records.speakerModifiers.includes(org))
        return { name: org + name, surname: org, title: t, org: null };
      // 現任 (incumbent) qualifies the office; it is not an org.
      return { name, surname: name[0]!, title: t, org: org && !grammar().records.speakerModifiers.includes(org) ? org : null };
    }
  }
  // Titles the name grammar does not know: full name + title (李旻蔚副總聯絡人), [org] surname + title
  // (張區長), surname + title + given name (張區長大同). Only a title after the first character counts.
  for (const t of speakerTitleRe().test(s.slice(1)) ? grammar().records.speakerTitles : []) {
    const at = s.indexOf(t);
    if (at < 1) continue;
    const head = s.slice(0, at);
    const given = s.slice(at + t.length);
    if (!given && /^\p{Script=Han}{2,4}$/u.test(head) && !endsLikeOrg(head)) return { name: head, surname: head[0]!, title: t, org: null };
    if (/^\p{Script=Han}{0,2}$/u.test(given) && (at === 1 || endsLikeOrg(head.slice(0, -1)))) {
      const surname = head.slice(-1);
      return { name: given ? surname + given : null, surname, title: t, org: head.slice(0, -1) || null };
    }
  }
  if (p.title && p.name && knownNames.has(p.name)) return p;
  return null;
}

/**
 * Read a label as a speaker: [speaker][verb] (主席, 林議員銘仁, 李旻蔚副總聯絡人口頭報告, 鄭市長答覆,
 * 理事長報告). Null for labels that are fields, units (新聞處報告, 秘書室報告), readers (朗讀人員), rulings.
 */
export function readSpeakerLabel(label: string, knownNames: ReadonlySet<string>): SpeakerLabel | null {
  const l = squeezeHan(label);
  const chairWords = grammar().people.chairWords;
  if (chairWords.includes(l)) return { who: label.trim(), verb: null, chair: true, parts: { name: null, surname: null, title: l, org: null } };
  // An acting chair named in brackets (主席（林委員宜瑾）：) speaks as the chair.
  const bracketed = /[)）]$/u.test(l) ? splitParens(l) : null;
  // The speaker is the person in the brackets, not the meeting's chair.
  const acting = bracketed && chairWords.includes(bracketed.main) && bracketed.notes.length === 1 ? personOf(bracketed.notes[0]!, knownNames) : null;
  if (acting) return { who: label.trim(), verb: null, chair: false, parts: acting };
  // A unit, a space, the person (中華民國老人福利推動聯盟 吳玉琴秘書長): the person read alone, the unit their org.
  const spaced = unitThenPerson(label);
  const inner = spaced ? readSpeakerLabel(spaced.person, knownNames) : null;
  if (inner && !inner.chair && inner.parts.org === null) return { who: inner.verb ? `${spaced!.unit} ${inner.who}` : label.trim(), verb: inner.verb, chair: false, parts: copyWith(inner.parts, { org: spaced!.unit }) };
  // A note after the speaker (李議員大華（主席）, 陳局長世凱（交通局）, 王委員明（書面）): the speaker is before it;
  // a note that is an org is the speaker's org.
  if (bracketed && bracketed.main && !chairWords.includes(bracketed.main) && bracketed.notes.length === 1) {
    const inner = readSpeakerLabel(bracketed.main, knownNames);
    if (!inner || inner.chair) return null;
    const note = bracketed.notes[0]!;
    const parts = inner.parts.org === null && endsLikeOrg(note) ? copyWith(inner.parts, { org: note }) : inner.parts;
    return { who: inner.verb ? inner.who : label.trim(), verb: inner.verb, chair: false, parts };
  }
  if (!l || isRejectedLabel(l)) return null;
  // A name in Latin letters after the ideographs (鄭委員天財Sra Kacaw, 伍委员麗華Saidhai Tahovecahe): an
  // indigenous name written with the Chinese one; the person is read from the ideographs, the name keeps both.
  const latin = LATIN_TAIL.exec(l);
  if (latin) {
    const inner = readSpeakerLabel(l.slice(0, latin.index), knownNames);
    if (!inner || inner.chair || inner.verb || !inner.parts.name) return null;
    return { who: label.trim(), verb: null, chair: false, parts: copyWith(inner.parts, { name: inner.parts.name + latin[0].trim() }) };
  }
  // The verb first: 王委員建議 is 王委員 + 建議, not a given name 建議. A label that ends with a verb
  // after something that is not a person (秘書室報告, 會員意見) is not a speaker.
  const verb = verbEndings().longestEnding(l, 1);
  if (verb) {
    const who = l.slice(0, -verb.length);
    if (chairWords.includes(who)) return { who, verb, chair: true, parts: { name: null, surname: null, title: who, org: null } };
    const parts = personOf(who, knownNames);
    return parts ? { who, verb, chair: false, parts } : null;
  }
  const parts = personOf(l, knownNames);
  return parts ? { who: label.trim(), verb: null, chair: false, parts } : null;
}

const tallyRe = derived((g) => new RegExp(`(?<!\\d)\\d+\\s*(?:${alternation(g.records.tallyUnits)})`, 'gu'));
const amountUnitRe = derived((g) => new RegExp(alternation(g.records.amountUnits), 'gu'));
/** Another label on the line (`記錄：`). */
const FIELD_CUT = /^[^:：]{1,8}[:：]/u;
/**
 * The text after a label is a field's value, not words spoken: a person or a list of people
 * (主席：邱議長奕勝, 專門委員:楊育純, 主席：管一政 記錄：劉姵汝), or a vote count (王大明：12票).
 */
export function isFieldValue(rest: string, knownNames: ReadonlySet<string>): boolean {
  // Vote counts (王大明：12票, 王大明 12票、李小華 9票) are results, not words.
  const untallied = rest.replace(tallyRe(), '');
  if (untallied !== rest && !/\p{Script=Han}/u.test(untallied)) return true;
  rest = untallied;
  // An amount (演講費及招待講師住宿: 15,000) is a table row, not words.
  if (/\d/u.test(rest) && /^[\d\s,.，、%$＄()（）~～-]*$/u.test(rest.replace(amountUnitRe(), ''))) return true;
  // Another label on the line (管一政 記錄：劉姵汝) ends this value.
  const words = rest.split(/\s+/u);
  const k = words.findIndex((w, i) => i > 0 && FIELD_CUT.test(w));
  const value = trimEndOf(splitParens(k > 0 ? words.slice(0, k).join(' ') : rest).main, '。.'); // 常務理事：金升光、張祥光。
  if (!value || /[。！？!?；;]/u.test(value)) return false;
  return value.split(/[、,，]/u).every((part) => {
    const x = squeezeHan(part);
    if (!x || x.length > 12) return false;
    if (knownNames.has(x)) return true;
    if (verbEndings().endsAny(x)) return false; // 請秘書長報告 is said, not a name
    if (spokenOpeners().startsAny(x)) return false; // 謝謝主席, 請問院長 are said
    const p = parseName(x);
    // A bare three-ideograph name starts with a known surname (沒問題 is words, 林宜瑾 a name).
    return (p.title !== null && p.surname !== null) || (p.name !== null && /^\p{Script=Han}{3}$/u.test(x) && startsWithSurname(x)) || namesOfficeHolder(x);
  });
}

function startsWithSurname(x: string): boolean {
  return surnameOpenings().startsAny(x);
}

/** Someone written with an office the name grammar cannot split (陳兼副主任委員永仁): a title near the end, a given name or nothing after it. */
function namesOfficeHolder(x: string): boolean {
  if (!/^\p{Script=Han}+$/u.test(x)) return false;
  for (let after = 0; after <= 2; after++) {
    const end = x.length - after;
    const t = titleEndings().longestEnding(x.slice(0, end), 1);
    if (t && !grammar().records.speechVerbs.includes(x.slice(end))) return true;
  }
  return false;
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s)）\]]+/gu;
const LEAD_LABEL = /^[^\s:：]{1,12}[:：]/u;
/** A line that is only a link, or a field whose value is a link (線上觀看： Jitsi Meet (https://…)). */
function isLinkOnly(line: string): boolean {
  const rest = line.replace(URL_RE, '');
  if (rest === line) return false;
  return !/\p{Script=Han}/u.test(rest.replace(LEAD_LABEL, ''));
}

/** Markup left over (---, **). */
const DEBRIS = /^[-－—–*_=~#>|\s]*$/u;
/** A speech with nothing said: written 略 or 無, or holding only a link or a field whose value is a link. */
export function isVoidSpeech(text: string): boolean {
  const voids = grammar().records.voidSpeechTexts;
  return text.split('\n').every((line) => {
    const t = line.trim().replace(/[。.]$/u, '');
    return DEBRIS.test(t) || voids.includes(t) || isLinkOnly(t);
  });
}

/** Speeches from speech blocks: speaker resolved, text joined, numbered points split out. */
export function buildSpeeches(
  ctx: ExtractContext,
  blocks: readonly Block[],
  chair: Person | null,
  attendees: readonly Attendee[],
  recorder: Person | null = null,
): { speeches: SpeechDraft[]; diagnostics: Diagnostic[] } {
  const speeches: SpeechDraft[] = [];
  const diagnostics: Diagnostic[] = [];
  const index = speakerIndex(attendees, chair, recorder);
  for (const b of blocks) {
    if (b.kind !== 'speech') continue;
    const line = ctx.lines[b.line]!;
    const span = { start: line.start, end: ctx.lines[b.lastLine]!.end, line: line.index + 1, page: line.page };
    let { speaker, diagnostic } = resolveSpeaker(b.label, chair, attendees, recorder, b.parts ?? null, index);
    // 劉部長 after 劉部長世芳 spoke: the one earlier speaker with that surname and title (and org, if written).
    if (!speaker.name && speaker.surname && speaker.title) {
      const earlier = new Map<string, Person>();
      for (const x of speeches) {
        const p = x.speaker;
        if (p.name && p.surname === speaker.surname && p.title === speaker.title && orgMatches(speaker.org, p.org)) earlier.set(foldName(p.name), p);
      }
      if (earlier.size === 1) {
        const p = [...earlier.values()][0]!;
        speaker = copyWith(speaker, { name: p.name, org: speaker.org ?? p.org });
        diagnostic = undefined;
      }
    }
    if (diagnostic) diagnostics.push({ severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message, span: { start: span.start, end: line.end, line: span.line, page: span.page } });
    speeches.push({
      id: `s${speeches.length + 1}`,
      headingId: (b.heading ? b.heading.parent : null) ?? b.sectionHeading?.id ?? b.scope?.id ?? null,
      speaker,
      text: blockText(ctx, b),
      points: topItems(ctx, b).map((i) => i.text),
      rule: b.rule,
      span,
    });
  }
  return { speeches, diagnostics };
}
