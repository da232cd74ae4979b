import { grammar, alternation, derived } from '../grammars/index.js';
import type { AgendaKind } from '../types.js';
import { matchLabel } from './labels.js';
import { Affixes, squeezedLongerThan, trimEndOf } from '../util/text.js';
import { memoString } from '../grammars/compiled.js';

/** Heading text without its inner spaces, for keyword matching (主 席 致 詞 → 主席致詞). */
function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** The keywords of grammars/sections.json by their first character, in table order. */
const keywordsByFirstChar = derived((g) => {
  const byFirstChar = new Map<string, { kind: AgendaKind; k: string }[]>();
  for (const { kind, keywords } of g.sections.kinds) {
    for (const k of keywords) {
      const list = byFirstChar.get(k[0]!) ?? [];
      list.push({ kind, k });
      byFirstChar.set(k[0]!, list);
    }
  }
  return byFirstChar;
});

/**
 * Section kind from the heading's keywords (grammars/sections.json): the heading starts with one, or (for
 * the kinds in `endKinds`) its title ends with one (議題討論, 業務單位報告).
 * `metadata` only where the heading is a field (時間：…, 列席人員<tab>汪仁鴻) or the bare field name.
 */
export const sectionKind = memoString(sectionKindUncached);

function sectionKindUncached(title: string): AgendaKind {
  const t = squeeze(title);
  const first = t[0];
  if (first === undefined) return 'other';
  let label: string | undefined | null = null; // computed only when a metadata keyword matches
  for (const { kind, k } of keywordsByFirstChar().get(first) ?? []) {
    if (t.startsWith(k)) {
      if (kind === 'metadata') {
        if (label === null) label = fieldLabelOf(title);
        if (!(label === k || t === k)) continue;
      }
      return kind;
    }
  }
  // A heading that is a ruling's label and nothing else (伍、主席結論：, 陸、局長指示) heads the meeting's rulings.
  // A header field or an attendance list written as a numbered heading (四、出席理事：…, 六、請假：…).
  if (label === null) label = fieldLabelOf(title);
  // A heading that is a ruling's label (伍、主席結論：, 陸、局長指示, 伍、局長結論：請各單位…) heads the meeting's rulings.
  if (rulingLabelSet().has(trimEndOf(t, ':：')) || (label && rulingLabelSet().has(squeeze(label)))) return 'resolutions';
  if (label && isHeaderLabel(label)) return 'metadata';
  // A section headed by a ruling label (主席指示, 主持人結論, 會勘結論: records.json rulingLabels) holds rulings.
  if (rulingTitles().has(trimEndOf(label ?? t, ':：'))) return 'resolutions';
  return endKind(label ?? title);
}
const rulingTitles = derived((g) => new Set(g.records.rulingLabels.map((r) => r.label)));

/** Ruling labels (records.json rulingLabels with their built forms: 主席結論, 局長指示, 會議決議). */
const rulingLabelSet = derived((g) => new Set(g.records.rulingLabels.map((r) => r.label)));

/** The field label of a heading: before its colon, or before a tab or wide gap (列席人員		汪仁鴻). */
function fieldLabelOf(title: string): string | undefined {
  const l = matchLabel(title)?.label;
  if (l) return l;
  const gap = GAP.exec(title);
  return gap ? squeeze(gap[1]!) : undefined;
}
const GAP = /^([^\t:：]{1,12}?)(?:\t|[ \u3000]{2})[\t \u3000]*\S/u;

/** Keywords of the kinds read from a title's end, by their last character. */
const endKeywords = derived((grammar) => {
  const g = grammar.sections;
  const byLast = new Map<string, { kind: AgendaKind; k: string }[]>();
  for (const x of g.kinds) {
    if (!g.endKinds.includes(x.kind)) continue;
    for (const k of x.keywords) {
      const last = k[k.length - 1]!;
      byLast.set(last, [...(byLast.get(last) ?? []), { kind: x.kind, k }]);
    }
  }
  return byLast;
});
/** The omission notes of grammars/sections.json, spaces removed; the omission word near a title's end. */
const omission = derived((g) => ({
  markers: g.sections.omittedMarkers.map(squeeze),
  words: g.sections.omittedWords,
  nearEnd: new RegExp(`(?:${alternation(g.sections.omittedWords)})[)）]?`, 'u'),
  // A bracketed note that ends in the omission word ((報告說明略), (附件略)).
  bracketed: new RegExp(`[(（][^()（）]{0,16}(?:${alternation(g.sections.omittedWords)})[)）]$`, 'u'),
}));
/** The kind a title ends with (議題討論 → discussion), for the kinds grammars/sections.json allows at the end. */
function endKind(title: string): AgendaKind {
  let t = squeeze(title);
  for (const m of omission().markers) if (t.endsWith(m)) t = t.slice(0, -m.length);
  t = trimEndOf(t, ':：。');
  // A bracketed note after the title (…指示事項(節錄…新聞稿)) is not part of it.
  if (t.endsWith(')') || t.endsWith('）')) {
    const open = Math.max(t.lastIndexOf('('), t.lastIndexOf('（'));
    if (open > 0) t = t.slice(0, open);
  }
  for (const { kind, k } of endKeywords().get(t[t.length - 1] ?? '') ?? []) if (t.endsWith(k)) return kind;
  return 'other';
}

const headerLabels = derived((g) => {
  const all = [...Object.values(g.fields.fields).flat(), ...g.records.attendeeGroups.map((x) => x.label)];
  // Attendance labels also head longer labels (出席理事, 請假人員姓名).
  const heads = g.fields.attendanceLabelHeads;
  return { exact: new Set(all), longest: Math.max(0, ...all.map((l) => l.length)), prefixes: new Affixes(all.filter((h) => h.length >= 2 && heads.some((w) => h.startsWith(w)))) };
});
/** Field labels and attendee-group labels: what a header line starts with. */
export function isHeaderLabel(label: string): boolean {
  const l = squeeze(label);
  const h = headerLabels();
  return h.exact.has(l) || h.prefixes.startsAny(l);
}

/** A line that is a field or group label and nothing else (主席, 開會日期): its value is on the next line. */
export function isBareLabel(line: string): boolean {
  const h = headerLabels();
  return !squeezedLongerThan(line, h.longest) && h.exact.has(squeeze(line));
}

/** A table of contents' heading alone on its line (目錄, 目　次: sections.json contentsHeadings). */
export function isContentsHeading(line: string): boolean {
  return !squeezedLongerThan(line, longestContentsHeading()) && grammar().sections.contentsHeadings.includes(squeeze(line));
}
const longestContentsHeading = derived((g) => Math.max(0, ...g.sections.contentsHeadings.map((h) => h.length)));

/** The body of the section was left out of the minutes: (略), (報告說明略), `：略`. */
export function isOmitted(title: string): boolean {
  const o = omission();
  if (!o.words.some((w) => title.includes(w))) return false;
  const t = squeeze(title);
  return o.markers.some((m) => t.includes(m) && (t.endsWith(m) || o.nearEnd.test(t.slice(-3))));
}

/**
 * The line ends in an omission note ((略), (報告說明略), ：略): what it heads was left out of the minutes,
 * so the line is complete and the next line does not continue it.
 */
export function endsWithOmission(text: string): boolean {
  const o = omission();
  if (!o.words.some((w) => text.includes(w))) return false;
  const t = squeeze(text);
  return o.markers.some((m) => t.endsWith(m)) || o.bracketed.test(t);
}

/** Title as shown in the agenda: a field heading shows its field name; trailing colons and (略) notes go. */
export function headingTitle(rest: string): string {
  const label = matchLabel(rest);
  // 時間：110 年… / 散會：上午 11 時: the field or section word is the title, the value is not.
  if (label && (sectionKind(label.label) !== 'other' || isHeaderLabel(label.label))) return label.label;
  const gap = label ? undefined : fieldLabelOf(rest);
  if (gap && sectionKind(gap) === 'metadata') return gap;
  let title = rest.trim();
  for (const m of grammar().sections.omittedMarkers) if (title.endsWith(m)) title = title.slice(0, -m.length);
  // 散會。（下午 3 時 45 分）: a sentence followed by a bracketed note; the sentence is the title.
  if (title.endsWith(')') || title.endsWith('）')) title = title.replace(/^([^。]+)。\s*[(（][^()（）]*[)）]$/u, '$1');
  return trimEndOf(title, ':：。').trim();
}
