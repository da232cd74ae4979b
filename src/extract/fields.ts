import { grammar, escapeRegExp } from '../grammars/index.js';
import { endsWithRun } from '../util/text.js';

export type FieldName = 'time' | 'location' | 'chair' | 'recorder' | 'attendance' | 'observers' | 'absent' | 'adjourn';

export interface FieldHit {
  field: FieldName;
  label: string;
  /** Value text, trimmed; may be empty (value on the next line). */
  value: string;
  /** Offsets within the line. */
  labelIndex: number;
  valueIndex: number;
}

let fieldRe: RegExp | null = null;
let labelToField: Map<string, FieldName> | null = null;

/** Labels may be letter-spaced (主   席：), so each label matches with optional spaces between its characters. */
function fieldRegex(): RegExp {
  if (fieldRe) return fieldRe;
  const fields = grammar().fields.fields;
  labelToField = new Map();
  const labels: string[] = [];
  for (const [field, list] of Object.entries(fields) as [FieldName, string[]][]) {
    for (const l of list) {
      labelToField.set(l, field);
      labels.push(l);
    }
  }
  const alt = [...new Set(labels)]
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].map(escapeRegExp).join('[ \\u3000]{0,4}'))
    .join('|');
  // The boundary before a label is captured rather than looked behind, so the pattern stays a plain automaton.
  fieldRe = new RegExp(`(^|[\\s\\u3000)）])(${alt})[ \\u3000]*[:：]`, 'gu');
  return fieldRe;
}

/** Header fields in one line: `時間：…`, `主席：… 紀錄：…` (several on a line), `主   席:`. */
export function findFields(line: string): FieldHit[] {
  const re = fieldRegex();
  const hits: { field: FieldName; label: string; labelIndex: number; valueIndex: number }[] = [];
  for (const m of line.matchAll(re)) {
    const label = m[2]!.replace(/[ \u3000]+/g, '');
    const field = labelToField!.get(label);
    if (!field) continue;
    // Only a field when it starts the line or follows a wide gap (a second column), not inside prose.
    const labelIndex = m.index! + m[1]!.length;
    const before = line.slice(0, labelIndex);
    if (before.trim() !== '' && !endsWithRun(before, ' \u3000', 2) && !before.endsWith('\t') && !/[)）]$/u.test(before.trimEnd())) continue;
    hits.push({ field, label, labelIndex, valueIndex: m.index! + m[0].length });
  }
  return hits.map((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.labelIndex : line.length;
    return { field: h.field, label: h.label, value: line.slice(h.valueIndex, end).trim(), labelIndex: h.labelIndex, valueIndex: h.valueIndex };
  });
}
