import { grammar, derived } from '../grammars/index.js';
import type { AgendaKind } from '../types.js';
import { isHeaderLabel, sectionKind } from './kinds.js';
import { startsWithRulingLabel } from './labels.js';
import { memoString } from '../grammars/compiled.js';

export interface UnnumberedHeading {
  kind: AgendaKind;
  /** The heading's words, spaces and colon removed (報 告 事 項 → 報告事項). */
  title: string;
  /** The whole line is a section keyword (報告事項, 提案討論), not a label that ends with one. */
  exact: boolean;
}

/** Sentence punctuation: a line holding it is prose, not a heading. */
const PROSE = /[，。；、,;!?！？「」『』]/u;
/** Longest label (characters, spaces removed) read as an unnumbered heading. */
const MAX_LABEL = 15;

/** Section keywords of every kind but metadata (a bare 時間 line is a field, not a section). */
const sectionKeywords = derived((g) => {
  const keywords = new Map<string, AgendaKind>();
  for (const { kind, keywords: ks } of g.sections.kinds) if (kind !== 'metadata') for (const k of ks) if (!keywords.has(k)) keywords.set(k, kind);
  return keywords;
});

/**
 * A stand-alone section line without a number: a section keyword alone, letter-spaced or with a colon
 * (報 告 事 項, 臨時動議：), or a short label with nothing after its colon whose words end with a
 * section keyword (理事長報告：) or name someone's remarks (院長致詞：). Ruling labels (結論：) and
 * header fields (時間：) are not sections.
 */
export function unnumberedHeading(text: string, loose = false): UnnumberedHeading | null {
  // Cheap rejections first: this is asked of every line that is not a numbered heading.
  const end = text.charCodeAt(text.length - 1);
  if (text.length > (end === 0xff1a || end === 0x3a ? 40 : 20) || text.includes('\t')) return null;
  return loose ? looseHeading(text) : strictHeading(text);
}

const strictHeading = memoString((text: string) => readHeading(text, false));
const looseHeading = memoString((text: string) => readHeading(text, true));

function readHeading(text: string, loose: boolean): UnnumberedHeading | null {
  const squeezed = unframed(text.replace(/[\s\u3000]+/gu, ''));
  const colon = /[:：]$/u.test(squeezed);
  const bare = colon ? squeezed.slice(0, -1) : squeezed;
  if (bare === '' || bare.length > MAX_LABEL || PROSE.test(bare) || /[:：]/u.test(bare)) return null;
  if (!/^[\p{Script=Han}0-9A-Za-z]/u.test(bare) || !/\p{Script=Han}/u.test(bare)) return null;
  const exact = sectionKeywords().get(bare);
  // A summing-up of the whole meeting (總結) alone on its line closes the meeting as a section; other ruling labels belong to their item.
  if (startsWithRulingLabel(bare) && !(exact && grammar().sections.closingLabels.includes(bare))) return null;
  // A bare 散會 line closes the meeting; it is not a section over items.
  if (exact) return exact === 'adjournment' ? null : { kind: exact, title: bare, exact: true };
  if (!colon || isHeaderLabel(bare) || isPlainLabel(bare) || isSpeakerLike(bare)) return null;
  const kind = sectionKind(bare);
  if (kind === 'metadata') return null;
  // loose: the document's numbering shows that its sections are unnumbered (see impliedSectionLines).
  if (loose || kind !== 'other' || grammar().sections.remarksWords.some((w) => bare.endsWith(w))) return { kind, title: bare, exact: false };
  return null;
}

/** A heading behind a bullet (■報告事項, ◎討論事項：) or in brackets (【報告事項】): the words inside. */
function unframed(s: string): string {
  const r = grammar().records;
  let t = s;
  if (t && r.labelBullets.includes(t[0]!)) t = t.slice(1);
  const open = r.rulingLabelOpeners.indexOf(t[0] ?? '');
  if (open >= 0) {
    const close = t.indexOf(r.rulingLabelClosers[open]!);
    if (close > 1 && (close === t.length - 1 || /^[:：]$/u.test(t.slice(close + 1)))) t = t.slice(1, close) + t.slice(close + 1);
  }
  return t;
}

/** A label that ends with a person's title or is the chair (林委員：, 主席：) introduces a speech, not a section. */
function isSpeakerLike(label: string): boolean {
  const p = grammar().people;
  return p.chairWords.includes(label) || p.titles.some((t) => label.endsWith(t));
}

/** Labels that introduce a part of an item (說明, 案由, 辦法) or name the record itself (會議記錄). */
function isPlainLabel(label: string): boolean {
  const g = grammar();
  return g.records.nonSpeakerLabels.includes(label) || g.fields.titleMarkers.includes(label);
}

/**
 * Outline items (1.1, 2.1 …) whose section number has no heading of its own show that the document's
 * sections are written without numbers. Returns the lines that open such a section: the line just
 * before each section's first item, when it reads as a title (short, no sentence punctuation).
 */
export function impliedSectionLines(lines: readonly { text: string }[], outlineAt: (text: string) => string | null): Set<number> {
  const tops = new Set<string>();
  const firstItem = new Map<string, number>();
  lines.forEach((l, i) => {
    const n = outlineAt(l.text);
    if (!n) return;
    const [top, ...sub] = n.split('.');
    if (sub.length === 0) tops.add(top!);
    else if (!firstItem.has(top!)) firstItem.set(top!, i);
  });
  const out = new Set<number>();
  for (const [top, i] of firstItem) {
    if (tops.has(top) || i === 0) continue;
    const t = lines[i - 1]!.text.replace(/[\s\u3000]+/gu, '').replace(/[:：]$/u, '');
    if (t !== '' && t.length <= MAX_LABEL && !PROSE.test(t) && !/[:：]/u.test(t) && !startsWithRulingLabel(t)) out.add(i - 1);
  }
  return out;
}

/** An implied section line (see impliedSectionLines) as a heading. */
export function impliedHeading(text: string): UnnumberedHeading {
  const title = text.replace(/[\s\u3000]+/gu, '').replace(/[:：]$/u, '');
  const kind = sectionKind(title);
  return { kind: kind === 'metadata' ? 'other' : kind, title, exact: false };
}
