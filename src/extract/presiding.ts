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
  };
});

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
    const name = tokens[1]!;
    return { name, surname: name[0]!, title: tokens[0]!, org: null };
  }
  // A unit or a post, a space, the person (秘書室 王曉明, 工務局 陳股長建志, 區長 王大明).
  const spaced = spacedPerson(main, true);
  if (spaced) {
    const p = parseName(spaced.person);
    return copyWith(p, { title: p.title ?? spaced.post, org: spaced.unit ?? p.org });
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
    if (at >= 2 && !insideBrackets(written, at)) return written.slice(0, at);
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
  const { main, notes } = splitParens(written);
  const outer = person(written, nameOf(main));
  for (const note of notes) {
    // (Y代理) / (Y代): Y stands in for the one named outside.
    const sub = actingNote().actor.exec(note);
    if (sub && parseName(sub[1]!).surname) {
      const actor = person(written, parseName(sub[1]!));
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
