import { grammar, escapeRegExp } from '../grammars/index.js';

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

let fieldRe: RegExp | null = null;
let bulletRe: RegExp | null = null;
let labelToField: Map<string, FieldName> | null = null;
const HAN = /\p{Script=Han}/u;
const SPACE = /[\s\u3000\u00a0]/u;

/**
 * Labels may be letter-spaced (主   席：) or tab-spaced (時\t間), so each label matches with optional spaces
 * between its characters. An attendance label may carry a 本府/本部 prefix (本府出席人員：).
 */
function fieldRegex(): RegExp {
  if (fieldRe) return fieldRe;
  const f = grammar().fields;
  labelToField = new Map();
  const labels: string[] = [];
  for (const [field, list] of Object.entries(f.fields) as [FieldName, string[]][]) {
    for (const l of list) {
      labelToField.set(l, field);
      labels.push(l);
      if (field === 'attendance' || field === 'observers') {
        for (const ref of f.prefixableLabelRefs) {
          labelToField.set(ref + l, field);
          labels.push(ref + l);
        }
      }
    }
  }
  const alt = [...new Set(labels)]
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].map(escapeRegExp).join('[ \\t\\u3000\\u00a0]{0,8}'))
    .join('|');
  fieldRe = new RegExp(`(${alt})([ \\t\\u3000\\u00a0]*[:：])?`, 'gu');
  return fieldRe;
}

/** A bullet before a field (`• 會議時間:…`, `- 時間：…`): its length, 0 when there is none. */
export function bulletLength(line: string): number {
  bulletRe ??= new RegExp(`^[ \\t\\u3000\\u00a0]*(?:${grammar().fields.bulletMarks.map(escapeRegExp).join('|')})[ \\t\\u3000\\u00a0]*`, 'u');
  const m = bulletRe.exec(line);
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
  const re = fieldRegex();
  const hits: Omit<FieldHit, 'value'>[] = [];
  for (const m of line.matchAll(re)) {
    const label = m[1]!.replace(/[ \t\u3000\u00a0]+/g, '');
    const field = labelToField!.get(label);
    if (!field) continue;
    const labelIndex = m.index!;
    const colon = m[2] !== undefined;
    const before = line.slice(0, labelIndex);
    const after = line.slice(labelIndex + m[1]!.length);
    const atStart = before.trim() === '' || bulletLength(line) >= labelIndex;
    const afterSpace = before === '' || SPACE.test(before[before.length - 1]!) || /[)）]$/u.test(before);
    const spaced = m[1]!.length > label.length;
    const endsLine = after.trim() === '';
    let ok: boolean;
    if (colon) ok = atStart || afterSpace;
    else if (atStart) ok = endsLine || SPACE.test(after[0] ?? '');
    // 主 席\t高仲明 / 會議紀錄時  間 中華民國…: a letter-spaced label, or a table cell between tabs.
    else if (spaced || before.endsWith('\t')) ok = endsLine || SPACE.test(after[0] ?? '');
    // A flattened line with the label glued at its end: the value is on the next line. A two-character
    // label must follow a non-ideograph (…(十二樓)主席), so 市政會議紀錄 does not end in a 紀錄 field.
    else ok = endsLine && (label.length >= 4 || !HAN.test(before.trimEnd().slice(-1)));
    if (!ok) continue;
    hits.push({ field, label, labelIndex, valueIndex: m.index! + m[0].length, colon });
  }
  return hits.map((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.labelIndex : line.length;
    return { field: h.field, label: h.label, value: line.slice(h.valueIndex, end).trim(), labelIndex: h.labelIndex, valueIndex: h.valueIndex, colon: h.colon };
  });
}
