import { alternation, derived, escapeRegExp } from '../grammars/index.js';
import { parseClockTimes, parseRocDate } from './datetime.js';

export type FieldName = 'time' | 'location' | 'chair' | 'recorder' | 'attendance' | 'observers' | 'absent' | 'adjourn' | 'name' | 'furniture';

export interface FieldHit {
  field: FieldName;
  label: string;
  /** Value text, trimmed; may be empty (value on the next line). */
  value: string;
  /** Offsets within the line. */
  labelIndex: number;
  valueIndex: number;
  /** Whether the label was followed by a colon (`主席：`) rather than by space alone (`主  席 段委員宜康`). */
  colon: boolean;
}

const HAN = /\p{Script=Han}/u;
const SPACE = /[\s\u3000\u00a0]/u;
const LIST_FIELDS = new Set<FieldName>(['attendance', 'observers', 'absent']);
/** An attendance list's field (出席, 列席, 請假): its lines are entries, read line by line. */
export const isListField = (field: FieldName): boolean => LIST_FIELDS.has(field);
const GAP = ' \t\u3000\u00a0';
/** Most characters of a label inside a value, and most spaces between its letter-spaced characters. */
const INNER_LABEL_MAX = 6;
const INNER_LABEL_GAP = 3;

/**
 * Where a label begins inside a value, after a space and outside brackets: a few ideographs, letter-spaced
 * or not, then a colon (` 議 程：`). The value's length when none does. Read by hand, each space run once.
 */
function labelStart(value: string): number {
  let depth = 0;
  let text = false; // a character of the value stands before i
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    if (!GAP.includes(c)) text = true;
    if (depth > 0 || !GAP.includes(c) || !text) continue;
    let j = i;
    while (j < value.length && GAP.includes(value[j]!)) j++;
    if (innerLabelAt(value, j)) return i;
    i = j - 1;
  }
  return value.length;
}

/** An inner label starts at k: one to six ideographs, at most a few spaces apart, and a colon. */
function innerLabelAt(value: string, k: number): boolean {
  let chars = 0;
  let j = k;
  while (chars < INNER_LABEL_MAX && j < value.length && HAN.test(value[j]!)) {
    chars++;
    j++;
    let gap = 0;
    while (gap < INNER_LABEL_GAP && j < value.length && GAP.includes(value[j]!)) {
      gap++;
      j++;
    }
    if (value[j] === ':' || value[j] === '：') return true;
  }
  return false;
}

/**
 * Labels may be letter-spaced (主   席：) or tab-spaced (時\t間), so each label matches with optional spaces
 * between its characters. An attendance label may carry a 本府/本部 prefix (本府出席人員：).
 */
const fieldPattern = derived((g) => {
  const f = g.fields;
  const labelToField = new Map<string, FieldName>();
  const labels: string[] = [];
  for (const [field, list] of Object.entries(f.fields) as [FieldName, string[]][]) {
    for (const l of list) {
      labelToField.set(l, field);
      labels.push(l);
      if (field === 'attendance' || field === 'observers') for (const ref of f.prefixableLabelRefs) labelToField.set(ref + l, field);
    }
  }
  const spaced = (l: string) => [...l].map(escapeRegExp).join('[ \\t\\u3000\\u00a0]{0,8}');
  const alt = alternation(labels, '[ \\t\\u3000\\u00a0]{0,8}');
  const refs = f.prefixableLabelRefs.map(spaced).join('|');
  // The first characters of every label, looked ahead first, so that most positions of a long line fail at once.
  const firsts = [...new Set([...labels, ...f.prefixableLabelRefs].map((l) => escapeRegExp(l[0]!)))].join('');
  return { re: new RegExp(`(?=[${firsts}])((?:${refs})?(?:${alt}))([ \\t\\u3000\\u00a0]*[:：])?`, 'gu'), labelToField };
});

const bulletRe = derived((g) => new RegExp(`^[ \\t\\u3000\\u00a0]*(?:${g.fields.bulletMarks.map(escapeRegExp).join('|')})[ \\t\\u3000\\u00a0]*`, 'u'));

/** A bullet before a field (`• 會議時間:…`, `- 時間：…`): its length, 0 when there is none. */
export function bulletLength(line: string): number {
  const m = bulletRe().exec(line);
  // A dash or star directly before a digit is a sign or a footnote, not a bullet.
  return m && m[0].length < line.length ? m[0].length : 0;
}

/**
 * Header fields in one line, in every form the genre writes them:
 * - `時間：…`, `主   席:`, `時\t間：` (letter- or tab-spaced), `• 會議時間:…` (bulleted);
 * - `主席：… 紀錄：…`, `主席：管一政        記錄：劉姵汝` (several on a line, after a space);
 * - `主  席 段委員宜康`, `時  間 中華民國…` (no colon: a label that starts the line, or a letter-spaced one);
 * - `會議名稱\t…\t開會時間\t…` (a table row: labels between tabs);
 * - `開會日期` alone, or `…)主席` glued at the end of a flattened line (the value is on the next line).
 * Not inside prose: `請各單位於下次會議說明時間：另行通知` has no field.
 */
export function findFields(line: string): FieldHit[] {
  const { re, labelToField } = fieldPattern();
  const hits: Omit<FieldHit, 'value'>[] = [];
  // Measured once per line, so each label is judged in constant time (a line may hold many labels).
  const lead = Math.max(line.length - line.trimStart().length, bulletLength(line));
  const contentEnd = line.trimEnd().length;
  // exec over one shared pattern: matchAll would clone the (large) pattern on every call.
  re.lastIndex = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const label = m[1]!.replace(/[ \t\u3000\u00a0]+/g, '');
    const field = labelToField.get(label);
    if (!field) continue;
    const labelIndex = m.index!;
    const labelEnd = labelIndex + m[1]!.length;
    const colon = m[2] !== undefined;
    const prev = labelIndex > 0 ? line[labelIndex - 1]! : '';
    const next = line[labelEnd] ?? '';
    const atStart = labelIndex <= lead;
    const afterSpace = prev === '' || SPACE.test(prev) || prev === ')' || prev === '）';
    const spaced = m[1]!.length > label.length;
    const endsLine = labelEnd >= contentEnd;
    let ok: boolean;
    if (colon) ok = atStart || afterSpace;
    else if (atStart) ok = endsLine || SPACE.test(next);
    // 主 席\t高仲明 / 會議紀錄時  間 中華民國…: a letter-spaced label, or a table cell between tabs.
    else if (spaced || prev === '\t') ok = endsLine || SPACE.test(next);
    // A flattened line with the label glued at its end: the value is on the next line. A two-character
    // label must follow a non-ideograph (…(十二樓)主席), so 市政會議紀錄 does not end in a 紀錄 field.
    else ok = endsLine && (label.length >= 4 || !HAN.test(prev));
    if (!ok) continue;
    hits.push({ field, label, labelIndex, valueIndex: m.index! + m[0].length, colon });
  }
  return hits.map((h, i) => {
    let end = i + 1 < hits.length ? hits[i + 1]!.labelIndex : line.length;
    // A single value ends where the next label begins, known or not (記 錄：蔡鳳萍、沈怡華 議 程：); a list's
    // value runs on over its sub-labels (出 席：本會議員 本 會：吳副秘書長榮章).
    if (!LIST_FIELDS.has(h.field)) end = h.valueIndex + labelStart(line.slice(h.valueIndex, end));
    return { field: h.field, label: h.label, value: line.slice(h.valueIndex, end).trim(), labelIndex: h.labelIndex, valueIndex: h.valueIndex, colon: h.colon };
  });
}

/** A chair or recorder value is a name (with a title, an org, a note in brackets), not a sentence. */
function personLike(value: string): boolean {
  const v = value.replace(/[(（][^()（）]*[)）]/gu, '').replace(/[\s\u3000]+/gu, '');
  return v.length > 0 && v.length <= 16 && !/[，,。；;:：！？!?]/u.test(v);
}

/** Chairs and recorders may be listed (紀錄：王博鈺、徐碧玲; 紀 錄:簡任秘書 盧焜鑫 簡任編審 蔡淑珍): each entry is a name. */
function peopleLike(value: string): boolean {
  // A note in brackets may give facts apart (林次長全能（請假；林主任聰仁代理）): only the text outside is no sentence.
  if (/[。；;！？!?]/u.test(value.replace(/[(（][^()（）]*[)）]/gu, '')) || value.length > 80) return false;
  return value.split(/[、,，]/u).every((p) => p.trim() === '' || personLike(p) || p.trim().split(/[\s\u3000]+/u).every((t) => personLike(t)));
}

/** Whether a field's value is what its label promises; a label whose value is prose starts the body (主席：現在開會。). */
export function valueFits(field: FieldName, value: string): boolean {
  if (value === '') return true;
  switch (field) {
    case 'chair':
    case 'recorder':
      return peopleLike(value);
    case 'time':
      return parseRocDate(value) !== null || parseClockTimes(value).length > 0;
    case 'location':
    case 'name':
      return value.length <= 80 && !/[。]/u.test(value);
    default:
      return true;
  }
}
