import type { Person } from '../types.js';
import { grammar, alternation, derived } from '../grammars/index.js';
import { parseName, person, splitParens, type NameParts } from './person.js';
import { copyWith } from '../util/objects.js';
import { spacedPerson } from './header-value.js';

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** A chair's bracketed acting note (grammars/fields.json actingNotes), as two patterns. */
const actingNote = derived((g) => {
  const a = g.fields.actingNotes;
  const verb = `(?:${alternation(a.verbs)})?`;
  return {
    // (Y代理) / (Y代主持): Y stands in for the one named outside.
    actor: new RegExp(`^(.+?)(?:${alternation(a.actorMarks)})${verb}$`, 'u'),
    // (代表召集人 Y 主持) / (代理主席 Y): the one outside presides for Y.
    onBehalf: new RegExp(`^(?:${alternation(a.onBehalfMarks)})(?:${alternation(a.onBehalfTitles)})?(.+?)${verb}$`, 'u'),
    // (由Y代理): a lead word before the one named.
    lead: new RegExp(`^(?:${alternation(a.leads)})(?=\\S)`, 'u'),
  };
});

/** The facts of a note, separated by a comma or a semicolon (因公請假，由陳主任秘書彥伯代理). */
const NOTE_PARTS = /[，,；;、]/u;

/** The one a note names as standing in (Y代理, 由Y代理, 因公請假，由Y代理主持), as a name; null when none. */
function actorOf(note: string): NameParts | null {
  const re = actingNote();
  for (const part of [note, ...note.split(NOTE_PARTS)]) {
    const sub = re.actor.exec(part.trim().replace(re.lead, ''));
    if (!sub) continue;
    const parts = nameOf(sub[1]!);
    // A part that is no person (因公請假，由陳主任秘書彥伯 as a whole) leaves the note to its parts.
    if (parts.surname && (parts.name || parts.title) && !NOTE_PARTS.test(sub[1]!)) return parts;
  }
  return null;
}

/** Split at separators (、，, spaces) outside brackets. */
function topLevelParts(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    if (depth === 0 && /[、，,\s\u3000]/u.test(c)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A stand-in written without brackets: `李副市長四川代理` (a titled person, then the mark) presides; written
 * after the one they stand in for (`蔣市長萬安（請假）、李副市長四川代理`), for that person. A bare name before
 * the one-character mark (李時代) is a name as written.
 */
function bareActing(written: string): Person | null {
  const segs = topLevelParts(written);
  if (segs.length < 1 || segs.length > 2) return null;
  const last = segs[segs.length - 1]!.replace(actingNote().lead, '');
  const sub = actingNote().actor.exec(last);
  if (!sub) return null;
  const parts = nameOf(sub[1]!);
  if (!parts.name || !parts.surname) return null;
  const rest = last.slice(sub[1]!.length);
  const mark = [...grammar().fields.actingNotes.actorMarks].sort((a, b) => b.length - a.length).find((m) => rest.startsWith(m)) ?? rest;
  // 王委員時代 (one named 王時代) or 李時代: with the one-character mark, only a titled name of three characters
  // before it is a stand-in; 代理 after a bare name needs the one stood in for written before it.
  if ([...mark].length === 1 && (!parts.title || [...parts.name].length < 3)) return null;
  const actor = person(written, parts);
  if (segs.length === 1) return actor;
  const first = splitParens(segs[0]!).main;
  const principal = nameOf(first);
  if (!principal.surname) return null;
  return copyWith(actor, { actingFor: person(first, principal) });
}

/**
 * The person a header value names, in the forms headers write:
 * - `段委員宜康`, `吳 局長宗榮` (a space inside), `陳兼副主任委員永仁` (兼: a concurrent post);
 * - `簡任秘書 盧焜鑫 簡任編審 蔡淑珍` (title then name, several people): the first;
 * - `朱有花 (理事長)`: a bracketed title is the title.
 */
function nameOf(main: string): NameParts {
  const tokens = main.trim().split(/[\s\u3000]+/u).filter(Boolean);
  const titles = grammar().people.titles;
  if (tokens.length >= 2 && titles.some((t) => tokens[0]!.endsWith(t)) && HAN_NAME.test(tokens[1]!) && parseName(tokens[1]!).title === null) {
    // 王局長 大明: a surname and a title, then the given name apart: one person.
    const head = parseName(tokens[0]!);
    if (tokens.length === 2 && !titles.includes(tokens[0]!) && tokens[1]!.length <= 2 && head.surname && head.name === null && !head.org) {
      const joined = parseName(tokens[0]! + tokens[1]!);
      if (joined.name) return joined;
    }
    const name = tokens[1]!;
    return { name, surname: name[0]!, title: tokens[0]!, org: null };
  }
  // A unit or a post, a space, the person (秘書室 王曉明, 工務局 陳股長建志, 區長 王大明).
  const spaced = spacedPerson(main, true);
  if (spaced) {
    const p = parseName(spaced.person);
    return copyWith(p, { title: p.title ?? spaced.post, org: spaced.unit ?? p.org });
  }
  // 秘書室 李小華, 資訊處 王小明 科長: a unit, then the person.
  if ((tokens.length === 2 || tokens.length === 3) && grammar().people.orgSuffixes.some((x) => tokens[0]!.endsWith(x)) && !titles.some((t) => tokens[0]!.endsWith(t))) {
    const p = parseName(tokens.slice(1).join(''));
    if (p.name !== null) return copyWith(p, { org: p.org ?? tokens[0]! });
  }
  const parts = parseName(main);
  if (parts.name !== null) return parts;
  // 陳兼副主任委員永仁: the post is held concurrently; the name reads without the 兼.
  for (const p of grammar().fields.titlePrefixes) {
    const at = main.indexOf(p);
    if (at > 0) {
      const retry = parseName(main.slice(0, at) + main.slice(at + p.length));
      if (retry.name !== null) return retry;
    }
  }
  return parts;
}

function insideBrackets(s: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (s[i] === '(' || s[i] === '（') depth++;
    else if ((s[i] === ')' || s[i] === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/** A value that runs on into the next line's text (紀錄：邱碧娥主席宣布開會): cut where the chair word starts. */
function cutRunOn(written: string): string {
  for (const w of grammar().people.chairWords) {
    const at = written.indexOf(w);
    if (at < 2 || insideBrackets(written, at)) continue;
    // 李副召集人四川: the word is part of the person's title, not the start of the next line's text.
    const whole = nameOf(splitParens(written).main);
    if (whole.name && whole.title && whole.title.includes(w)) continue;
    return written.slice(0, at);
  }
  return written;
}

/**
 * A chair or recorder as written in the header, with its bracketed note:
 * - `林次長全能(林主任聰仁代理)`: 林聰仁 presides, acting for 林全能;
 * - `李委員自正(代表召集人李常務次長澄然主持)`: 李自正 presides on behalf of 李澄然;
 * - `謝政務次長武樵(資訊長)`: a note (an extra title), not an acting relation;
 * - `朱有花 (理事長)`: a known title in brackets is the title.
 */
export function parseChairOrRecorder(raw: string): Person {
  const written = cutRunOn(raw.trim()).trim();
  const bare = bareActing(written);
  if (bare) return bare;
  const { main, notes } = splitParens(written);
  const outer = person(written, nameOf(main));
  for (const note of notes) {
    // (Y代理) / (Y代) / (由Y代理): Y stands in for the one named outside.
    const actorParts = actorOf(note);
    if (actorParts) {
      const actor = person(written, actorParts);
      return copyWith(actor, { actingFor: copyWith(outer, { raw: main }) });
    }
    // (代表召集人 Y 主持) / (代理主席 Y): the one outside presides for Y.
    const forWhom = actingNote().onBehalf.exec(note);
    if (forWhom && parseName(forWhom[1]!).surname) {
      return copyWith(outer, { actingFor: person(note, parseName(forWhom[1]!)) });
    }
  }
  let p = outer;
  const extra: string[] = [];
  for (const n of notes) {
    if (n.length === 0) continue;
    if (p.title === null && p.name !== null && grammar().people.titles.includes(n)) p = copyWith(p, { title: n });
    else extra.push(n);
  }
  return extra.length ? copyWith(p, { note: extra.join('；') }) : p;
}
