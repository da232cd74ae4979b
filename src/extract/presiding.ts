import type { Person } from '../types.js';
import { parseName, person, splitParens } from './person.js';
import { copyWith } from '../util/objects.js';

/**
 * A chair or recorder as written in the header, with its bracketed note:
 * - `林次長全能(林主任聰仁代理)`: 林聰仁 presides, acting for 林全能;
 * - `李委員自正(代表召集人李常務次長澄然主持)`: 李自正 presides on behalf of 李澄然;
 * - `謝政務次長武樵(資訊長)`: a note (an extra title), not an acting relation.
 */
export function parseChairOrRecorder(raw: string): Person {
  const written = raw.trim();
  const { main, notes } = splitParens(written);
  const outer = person(written, parseName(main));
  for (const note of notes) {
    // (Y代理) / (Y代): Y stands in for the one named outside.
    const sub = /^(.+?)(?:代理|代)(?:主持|出席)?$/u.exec(note);
    if (sub && parseName(sub[1]!).surname) {
      const actor = person(written, parseName(sub[1]!));
      return copyWith(actor, { actingFor: copyWith(outer, { raw: main }) });
    }
    // (代表召集人 Y 主持) / (代理主席 Y): the one outside presides for Y.
    const forWhom = /^(?:代表|代理)(?:召集人|主席|主任委員|主委)?(.+?)(?:主持|出席)?$/u.exec(note);
    if (forWhom && parseName(forWhom[1]!).surname) {
      return copyWith(outer, { actingFor: person(note, parseName(forWhom[1]!)) });
    }
  }
  const extra = notes.filter((n) => n.length > 0);
  return extra.length ? copyWith(outer, { note: extra.join('；') }) : outer;
}
